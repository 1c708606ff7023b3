"""The Whoosh schema and how a catalogue example becomes an index document."""

from __future__ import annotations

from typing import Any

from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

from ingest.model import (
    ACTOR,
    AGE_GROUP,
    FOCUS_AREA,
    INTERVENTION,
    MUNICIPALITY,
    PLACE,
    STAGE,
    Example,
    Tag,
)
from search.analysis import swedish_analyzer

# Facet names of the public API → index field.
FACETS = ("kommun", "fokus", "insats", "aktor", "alder", "skede", "ar", "dokumenttyp")

KIND_LABELS = {"newsletter": "Nyhetsbrev", "poster": "Poster", "document": "Dokument"}

# One input of the index version (search.version), which also hashes the fields, the analysis
# and its tables: bump it for a change in what goes into the index that neither shows.
FORMAT_VERSION = "19"  # 19: a place's name is no compound ("anderstorp": no "anders", "torp")

# Queries run against one combined field "all"; the title is repeated TITLE_REPEAT times and
# the tags TAG_REPEAT times in it, which weights them above the body (cheaper than searching
# five fields with boosts).
TITLE_REPEAT = 3
TAG_REPEAT = 2
SEARCH_FIELD = "all"
# The same words without positions: BM25 over its smaller posting blocks (search.fastrank).
RANK_FIELD = "rank"
# Fields indexed from the same text as another (search.bulk writes their postings once).
COPIED_FIELDS = {RANK_FIELD: SEARCH_FIELD}


def build_schema() -> Schema:
    analyzer = swedish_analyzer()

    def text(stored: bool = False, phrase: bool = True) -> TEXT:
        field = TEXT(analyzer=analyzer, stored=stored, phrase=phrase)
        field.multitoken_query = "or"
        return field

    def facet() -> KEYWORD:
        return KEYWORD(stored=True, commas=True, lowercase=False, scorable=False)

    return Schema(
        id=ID(stored=True, unique=True),
        document_id=ID(stored=True),
        title=text(stored=True),
        team=text(stored=True),
        sections=text(),
        tags=text(),
        # read by "similar examples" (its words, never a phrase) and shown from storage
        text=text(stored=True, phrase=False),
        all=text(),
        rank=TEXT(analyzer=analyzer, phrase=False),
        kommun=facet(),
        fokus=facet(),
        insats=facet(),
        # the interventions the text names in one place only (search.query: a smaller boost)
        insats_once=KEYWORD(commas=True, lowercase=False, scorable=False),
        aktor=facet(),
        alder=facet(),
        skede=facet(),
        ar=facet(),
        dokumenttyp=facet(),
        date=ID(stored=True, sortable=True),
        # "1" for an example of a published document, "0" while it waits for review: public
        # searches keep to "1" (search.query_parse.public_filter)
        published=ID(),
        doc=STORED(),
    )


def mentions(tag: Tag) -> int:
    """In how many places the text names a tag: its evidence spans, overlapping ones as one
    ("ökade närvaron" and "närvaron"); none for a tag a coordinator set."""
    count, end = 0, -1
    for ev in sorted(tag.evidence, key=lambda e: e.start):
        if ev.start >= end:
            count += 1
        end = max(end, ev.end)
    return count


def _clean(values: list[str]) -> str:
    return ",".join(v.replace(",", " ") for v in dict.fromkeys(values) if v)


def facet_values(fields: dict[str, Any], name: str) -> list[str]:
    """The values of a facet in an index document's stored fields (as ``_clean`` joined them)."""
    return [v for v in str(fields.get(name) or "").split(",") if v]


def sort_date(date: str | None) -> str:
    """A sortable date key: "2023-01" → "2023-01-00", missing → "0000"."""
    if not date:
        return "0000-00-00"
    parts = (date.split("-") + ["00", "00"])[:3]
    return "-".join(parts)


# The parts of a text field are joined with whitespace: no token spans two parts.
PART_SEPARATOR = " \n "


def text_parts(example: Example) -> dict[str, list[str]]:
    """The text of each Swedish text field of an example, as the parts it is joined from."""
    tag_values = [
        t.value for t in example.tags
        if t.kind in (MUNICIPALITY, PLACE, FOCUS_AREA, INTERVENTION, ACTOR, AGE_GROUP)
    ]
    title = example.title or ""
    tags = " ".join(dict.fromkeys(tag_values))
    sections = " ".join(s.heading for s in example.sections if s.heading)
    combined = ([title] * TITLE_REPEAT + [example.team or "", sections] + [tags] * TAG_REPEAT
                + [example.text or ""])
    return {"title": [title], "team": [example.team or ""], "sections": [sections],
            "tags": [tags], "text": [example.text or ""], SEARCH_FIELD: combined}


def index_fields(example: Example, doc: dict[str, Any]) -> dict[str, Any]:
    """The index document of one example. ``doc`` holds the document's id, title, filename,
    kind, date and whether it is published (missing: published)."""
    year = (doc.get("date") or "")[:4]
    texts = {name: PART_SEPARATOR.join(parts) for name, parts in text_parts(example).items()}
    texts.update({copy: texts[source] for copy, source in COPIED_FIELDS.items()})
    proposed = set(example.proposed_interventions())
    return {
        "id": example.id,
        "document_id": example.document_id,
        **texts,
        "kommun": _clean(example.municipalities),
        "fokus": _clean(example.focus_areas),
        # key phrases proposed as new terms are for coordinators, not a public facet
        "insats": _clean([i for i in example.interventions if i not in proposed]),
        "insats_once": _clean([t.value for t in example.tags if t.kind == INTERVENTION
                               and t.value not in proposed and mentions(t) == 1]),
        "aktor": _clean(example.values(ACTOR)),
        "alder": _clean(example.values(AGE_GROUP)),
        "skede": _clean(example.values(STAGE)),
        "ar": year if year.isdigit() else "",
        "dokumenttyp": KIND_LABELS.get(doc.get("kind", ""), "Dokument"),
        "date": sort_date(doc.get("date")),
        "published": "1" if doc.get("published", True) else "0",
        "doc": {
            "id": doc.get("id"),
            "title": doc.get("title"),
            "filename": doc.get("filename"),
            "kind": doc.get("kind"),
            "date": doc.get("date"),
            "municipalities": example.municipalities,
            "focus_areas": example.focus_areas,
            "interventions": example.interventions,
        },
    }
