"""tag_text / tag_document: every tag with its evidence (offsets into the text passed in)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc

from ingest.lexicon import FUTURE_HEADINGS
from ingest.model import (
    ACTOR,
    AGE_GROUP,
    COACH,
    FOCUS_AREA,
    INSPIRED_BY,
    INTERVENTION,
    MUNICIPALITY,
    PERSON,
    PLACE,
    STAGE,
    TAG_KINDS,
    TEAM,
    Document,
    Evidence,
    Example,
    Tag,
)
from ingest.tagging import nlp
from ingest.tagging.acting import acting_units
from ingest.tagging.coaches import coaches_in_context, is_coach
from ingest.tagging.compounds import split_compound
from ingest.tagging.document_contacts import add_document_contacts
from ingest.tagging.focus import example_focus_areas
from ingest.tagging.gazetteer import municipality_of
from ingest.tagging.keyphrases import has_noun_forms, key_phrases
from ingest.tagging.language import SWEDISH, text_language
from ingest.tagging.lemmas import lemmatize
from ingest.tagging.nlp import Hit, sentence_ids, view
from ingest.tagging.persons import Person, find_persons
from ingest.tagging.places import find_mentions
from ingest.tagging.rules import compound_rules, rules
from ingest.tagging.scoring import (
    FOCUS_THRESHOLD,
    TITLE_WEIGHT,
    context_mentions,
    count_acting,
    counts_as_tag,
    hit_counts,
    inspiration,
    select_own,
)
from ingest.tagging.taxonomy import Taxonomy, taxonomy
from ingest.tagging.teams import (
    byline_team,
    capitalised,
    find_teams,
    is_named_place,
    team_key,
    team_word_names,
)

MAX_EVIDENCE = 20
STAGE_PRIORITY = ("pågående", "startad", "planerad", "avslutad")
_GRADES = re.compile(
    r"\b(?:årskurs|åk|år)\s*(\d{1,2})(?:\s*(?:[-–]|till|och)\s*(\d{1,2}))?(?!\s*år)",
    re.IGNORECASE,
)
_AGES = re.compile(  # (?=\d) lets the regex engine skip quickly to the digits
    r"(?=\d)\b(?:(\d{1,2})\s*(?:[-–]|till)\s*(\d{1,2})\s*år\b|(\d{1,2})-åring)", re.I
)
_AGE_GROUPS = (("0–6", 0, 6), ("6–12", 6, 13), ("13–18", 13, 19))  # ages [from, to)


class _Tags:
    """Collects evidence per (kind, value) and turns it into sorted Tags."""

    def __init__(self, text: str) -> None:
        self.text = text
        # (kind, value) → evidence spans (a dict keeps them unique)
        self.evidence: dict[tuple[str, str], dict[tuple[int, int], None]] = defaultdict(dict)
        self.roles: dict[str, str | None] = {}
        # name → e-mail, phone, organisation
        self.contacts: dict[str, tuple[str | None, str | None, str | None]] = {}
        self.coaches: dict[str, Person] = {}  # the programme's coaches by name, first given
        self.proposed: set[str] = set()  # interventions that are key phrases, not taxonomy terms
        # focus areas: the score of their own trigger words, and the evidence of each area
        self.trigger_score: dict[str, int] = defaultdict(int)
        self.focus_spans: dict[str, list[tuple[int, int]]] = defaultdict(list)

    def add(self, kind: str, value: str, start: int | None = None, end: int | None = None) -> None:
        spans = self.evidence[(kind, value)]
        if start is not None and end is not None:
            spans[(start, end)] = None

    def add_person(self, person: Person, span: tuple[int, int] | None, later: bool = True) -> None:
        """A person of the example with role, e-mail and phone. A role given later in the text
        replaces an earlier one (``later``), else the first one given counts."""
        self.add(PERSON, person.name, *(span or (None, None)))
        old = self.roles.get(person.name)
        self.roles[person.name] = (person.role or old) if later else (old or person.role)
        email, phone, org = self.contacts.get(person.name, (None, None, None))
        self.contacts[person.name] = (email or person.email, phone or person.phone,
                                      org or person.organisation)

    def add_coach(self, coach: Person, span: tuple[int, int] | None) -> None:
        """The programme's coach named on the example: never one of its persons."""
        self.add(COACH, coach.name, *(span or (None, None)))
        old = self.coaches.get(coach.name)
        self.coaches[coach.name] = coach if old is None else replace(
            old, role=old.role or coach.role, email=old.email or coach.email,
            phone=old.phone or coach.phone, organisation=old.organisation or coach.organisation)

    def tags(self) -> list[Tag]:
        out: list[Tag] = []
        seq = {key: n for n, key in enumerate(self.evidence)}
        for (kind, value), spans in self.evidence.items():
            ev = [Evidence(self.text[s:e], s, e) for s, e in sorted(spans)[:MAX_EVIDENCE]]
            if kind == PERSON:
                email, phone, org = self.contacts.get(value, (None, None, None))
                out.append(Tag(kind, value, ev, role=self.roles.get(value), email=email,
                               phone=phone, organisation=org))
            elif kind == COACH:
                c = self.coaches[value]
                out.append(Tag(kind, value, ev, role=c.role, email=c.email, phone=c.phone,
                               organisation=c.organisation))
            else:
                out.append(Tag(kind, value, ev, proposed=kind == INTERVENTION
                               and value in self.proposed))
        order = {k: n for n, k in enumerate(TAG_KINDS)}
        out.sort(key=lambda t: (order.get(t.kind, 99),
                                t.evidence[0].start if t.evidence else 1 << 30,
                                seq[(t.kind, t.value)]))
        return out


def _add_ages(tags: _Tags, text: str) -> None:
    """Age groups from grades ("årskurs 4–5") and ages ("1–5 år", "5-åringar")."""
    spans: list[tuple[int, int, int, int]] = []  # ages [lo, hi) and the evidence
    for m in _GRADES.finditer(text):
        lo = int(m.group(1))
        hi = int(m.group(2) or lo)
        if hi <= 9 and lo <= hi:
            spans.append((lo + 6, hi + 7, m.start(), m.end()))
    for m in _AGES.finditer(text):
        lo = int(m.group(1) or m.group(3))
        hi = int(m.group(2) or m.group(3))
        if lo <= hi <= 25:
            spans.append((lo, hi if hi > lo else lo + 1, m.start(), m.end()))
    for lo, hi, start, end in spans:
        for name, a, b in _AGE_GROUPS:
            if lo < b and hi > a:
                tags.add(AGE_GROUP, name, start, end)


def _analyse(
    text: str, title_munis: tuple[str, ...] = (), title_stages: tuple[str, ...] = ()
) -> tuple[Doc, _Tags]:
    engine = nlp.get()
    doc = engine.doc(text)
    tags = _Tags(text)
    persons = find_persons(doc)
    person_tokens = {t for p in persons for t in p.tokens}
    for p in persons:
        if not p.outside:  # the meeting's coaches and speakers are not the example's persons
            tags.add_person(p, (p.start, p.end))
        elif is_coach(p):
            tags.add_coach(p, (p.start, p.end))
    mentions = find_mentions(engine, doc, person_tokens)
    hits = engine.match(doc)
    inspired, followers = inspiration(sentence_ids(doc), hits, mentions, view(doc).lower)
    own = [n for n in range(len(mentions)) if n not in inspired and n not in followers]
    if not own and not title_munis:
        own = sorted(followers)
    selected = select_own(mentions, own, title_munis)
    for n in own:
        m = mentions[n]
        if m.municipality in selected:
            tags.add(MUNICIPALITY, m.municipality, m.char_start, m.char_end)
    for m in mentions:
        if m.kind != "kommun":
            tags.add(PLACE, m.name, m.char_start, m.char_end)
    for muni in title_munis:
        if muni in selected:
            tags.add(MUNICIPALITY, muni)
    for n in sorted(inspired):
        m = mentions[n]
        if m.municipality not in selected:
            tags.add(INSPIRED_BY, m.municipality, m.char_start, m.char_end)
    _add_taxonomy(doc, tags, hits, title_stages)
    _add_ages(tags, text)
    for name, start, end in find_teams(doc):
        tags.add(TEAM, name, start, end)
        if is_named_place(name) and (PLACE, capitalised(name)) not in tags.evidence:
            tags.add(PLACE, capitalised(name), start, end)
    return doc, tags


def _add_taxonomy(
    doc: Doc, tags: _Tags, hits: list[Hit], title_stages: tuple[str, ...] = ()
) -> None:
    """Interventions, actors, age groups, focus areas and the stage, from the taxonomy's hits."""
    tax = taxonomy()
    tv = view(doc)
    counts, strong = hit_counts(hits)
    acting = count_acting(acting_units(tv), hits, tax, counts, strong)
    context = context_mentions(hits, acting, tax, counts, strong)
    focus_score: dict[str, int] = defaultdict(int)
    focus_spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    stage_spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for h in hits:
        if not counts_as_tag(h, tax, counts, strong) or (h.kind, h.value) in context:
            continue
        start, end = tv.idx[h.start], tv.idx[h.end - 1] + len(tv.text[h.end - 1])
        if h.kind == FOCUS_AREA:
            focus_score[h.value] += 2 if h.end - h.start > 1 else 1
            tags.trigger_score[h.value] += 2 if h.end - h.start > 1 else 1
            focus_spans[h.value].append((start, end))
        elif h.kind in (INTERVENTION, ACTOR, AGE_GROUP):
            tags.add(h.kind, h.value, start, end)
            item = tax.intervention(h.value) if h.kind == INTERVENTION else None
            for area in item.focus_areas if item else ():
                focus_score[area] += FOCUS_THRESHOLD
                focus_spans[area].append((start, end))
        elif h.kind == STAGE:
            if h.value == "planerad" and _in_future_section(tv.src, start):
                continue  # plans under "Nästa steg" are what comes next, not the stage
            stage_spans[h.value].append((start, end))
    tags.focus_spans = focus_spans
    _add_focus_areas(tags, tax, focus_score, focus_spans)
    _add_stage(tags, stage_spans, title_stages)


def _add_focus_areas(
    tags: _Tags,
    tax: Taxonomy,
    focus_score: dict[str, int],
    focus_spans: dict[str, list[tuple[int, int]]],
) -> None:
    """The focus areas that scored enough, in the taxonomy's order."""
    for area in (a.name for a in tax.focus_areas):
        if focus_score[area] >= FOCUS_THRESHOLD:
            for s, e in focus_spans[area]:
                tags.add(FOCUS_AREA, area, s, e)


def _add_stage(
    tags: _Tags, stage_spans: dict[str, list[tuple[int, int]]], title_stages: tuple[str, ...]
) -> None:
    """The stage most spoken of (the title counts extra), with its evidence."""
    score = {s: len(v) + TITLE_WEIGHT * title_stages.count(s) for s, v in stage_spans.items()}
    for s in title_stages:
        score.setdefault(s, TITLE_WEIGHT)
    if score:
        best = max(score, key=lambda s: (score[s], -STAGE_PRIORITY.index(s)))
        tags.add(STAGE, best)
        for s, e in stage_spans.get(best, ()):
            tags.add(STAGE, best, s, e)


_FUTURE_HEADINGS = re.compile(  # the question mark of "vad händer nu?" is optional
    r"^\s*("
    + "|".join(h.removesuffix("?") + (r"\??" if h.endswith("?") else "") for h in FUTURE_HEADINGS)
    + r")\s*:?\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_ANY_HEADING = re.compile(r"\n\s*\n")


def _in_future_section(text: str, pos: int) -> bool:
    """True if ``pos`` lies in the paragraph under a "Nästa steg" heading."""
    for m in _FUTURE_HEADINGS.finditer(text, 0, pos):
        nxt = _ANY_HEADING.search(text, m.end())
        if m.end() <= pos and (nxt is None or pos < nxt.start()):
            return True
    return False


def tag_text(text: str) -> list[Tag]:
    """All tags of one text, each with evidence (``text[e.start:e.end] == e.text``)."""
    return _analyse(text)[1].tags()


def _find(text: str, phrase: str) -> tuple[int, int] | None:
    pos = text.find(phrase)
    return (pos, pos + len(phrase)) if pos >= 0 else None


def tag_example(
    example: Example,
    hints: list[str] | None = None,
    contacts: list[str] | None = None,
    team_hints: list[str] | None = None,
    propose: bool = True,
) -> None:
    """Fill example.tags, example.team and example.team_key.

    ``hints`` are weaker texts (the example's title is tried first, then these, e.g. the
    document title): they only supply a municipality when the text itself names none.
    ``contacts`` are texts outside the example that name its own people (a poster's contact
    box): their persons are added, with evidence only where the name also occurs in the text.
    ``team_hints`` are lines that may be a byline naming the team ("Närvaroteamet
    Kvarnskolan · Vetlanda kommun" under a poster's title). ``propose``: key phrases of the
    text are proposed as its own interventions (not for a text in another language).
    """
    engine = nlp.get()
    title_munis = tuple(_municipalities_in(example.title))
    title_doc = engine.short_doc(example.title or "")
    title_stages = tuple(h.value for h in engine.match(title_doc) if h.kind == STAGE)
    text_doc, tags = _analyse(example.text, title_munis, title_stages)
    if propose:
        _propose_interventions(example, text_doc, title_doc, tags)
    example_focus_areas(tags)
    team = _choose_team(example, team_hints, text_doc)
    if team and (TEAM, team) not in tags.evidence:
        span = _find(example.text, team)
        tags.add(TEAM, team, *(span or (None, None)))
    _add_contacts(example, tags, contacts or [])
    example.team = team
    example.team_key = team_key(team) if team else None
    if not any(k == MUNICIPALITY for k, _ in tags.evidence):
        for source in [example.title, team or "", *(hints or [])]:
            found = _municipalities_in(source)
            if found:
                for muni in found:
                    tags.add(MUNICIPALITY, muni, *(_find(example.text, muni) or (None, None)))
                break
    example.tags = [t for t in example.tags if t.source != "auto"] + tags.tags()


def _add_contacts(example: Example, tags: _Tags, contacts: list[str]) -> None:
    """The persons and coaches of the texts outside the example that name its own people (a
    poster's contact box, its coach's line): a coach is never one of the persons."""
    engine = nlp.get()
    coaches = coaches_in_context(contacts)
    names = {c.name for c in coaches}
    for c in coaches:
        tags.add_coach(c, _find(example.text, c.name))
    for contact in contacts:
        for p in find_persons(engine.short_doc(contact)):
            if not p.outside and p.name not in names:
                tags.add_person(p, _find(example.text, p.name), later=False)
    for name in names & {name for kind, name in tags.evidence if kind == PERSON}:
        del tags.evidence[(PERSON, name)]  # named in the text too: still the coach


def _propose_interventions(example: Example, text_doc: Doc, title_doc: Doc, tags: _Tags) -> None:
    """An example always gets its own interventions: when the taxonomy has none for it, its
    key phrases, marked as proposals, with the sentences they stand in as evidence; besides
    taxonomy terms, the kind of practice its title names in its own words ("Läxcafé med
    seniorer", "Sms vid första frånvaron")."""
    found = {lemmatize(w) for kind, value in tags.evidence if kind == INTERVENTION
             for w in value.split()}
    candidates = key_phrases(text_doc, title_doc, example.sections)
    if found:
        candidates = [c for c in candidates if c.head not in found and (
            c.variant or c.in_title and _is_noun(c.phrase) and not _names_a_term(c.head))][:1]
    for cand in candidates:
        tags.add(INTERVENTION, cand.phrase)
        for start, end in cand.spans:
            tags.add(INTERVENTION, cand.phrase, start, end)
        tags.proposed.add(cand.phrase)


def _names_a_term(lemma: str) -> bool:
    """A word that is a taxonomy term of its own (an intervention's or a focus area's trigger,
    also as the head of a compound): a title headed by it names no practice of its own."""
    table = rules()
    if lemma in _term_heads():
        return True
    return any(k == INTERVENTION for k, _, _ in compound_rules(lemma, table.heads, table.parts))


MIN_HEAD = 3


def _is_noun(phrase: str) -> bool:
    """A phrase with an adjective, a compound, or a word with the forms of a noun ("sms",
    "omstart"), not a verb or adverb of the title ("Läxhjälpen i Värnamo ger resultat")."""
    if len(phrase) < MIN_HEAD:
        return False
    return " " in phrase or len(split_compound(phrase)) > 1 or has_noun_forms(phrase, loose=True)


@lru_cache(maxsize=1)
def _term_heads() -> frozenset[str]:
    """The lemmas that head an intervention's or a focus area's trigger: a trigger of one word,
    the last word of a longer one ("förlängd skoldag", "aktiv rast")."""
    return frozenset(p.lemmas[-1] for p in rules().phrases
                     if p.kind in (INTERVENTION, FOCUS_AREA) and p.lemmas)


def _choose_team(example: Example, hints: list[str] | None, text_doc: Doc) -> str | None:
    """A poster byline ("Närvaroteamet Kvarnskolan · Vetlanda kommun") in the first lines of
    the text or the hints, else a -teamet name, a unit in the title, a unit in the text."""
    engine = nlp.get()
    for line in [*example.text.splitlines()[:4], *(hints or [])]:
        team = byline_team(line)
        if team:
            return team
    title_doc = engine.short_doc(example.title or "")
    for found in (team_word_names(title_doc), find_teams(title_doc),
                  team_word_names(text_doc), find_teams(text_doc)):
        if found:
            return found[0][0]
    return None


def _municipalities_in(text: str) -> list[str]:
    """Municipalities named in a title or hint (a document's title is asked once per example)."""
    return list(_municipalities_in_cached(text))


@lru_cache(maxsize=512)
def _municipalities_in_cached(text: str) -> tuple[str, ...]:
    if not text:
        return ()
    engine = nlp.get()
    doc = engine.short_doc(text)
    out: list[str] = []
    for m in find_mentions(engine, doc, set()):
        if m.municipality not in out:
            out.append(m.municipality)
    if not out:
        for name, _, _ in find_teams(doc):
            muni = municipality_of(name)
            if muni and muni not in out:
                out.append(muni)
    return tuple(out)


def forget_short_texts() -> None:
    """Drop the parsed titles and hints kept between examples (for benchmarks that tag the
    same documents again: a real ingest sees each document once)."""
    nlp.forget_short_docs()
    _municipalities_in_cached.cache_clear()


def tag_document(doc: Document) -> None:
    """Tag every example of the document (document title and context as weak hints), after
    finding the language its text is written in (``doc.language``): a text in another
    language gets no key phrases proposed as its own interventions."""
    doc.language = text_language("\n\n".join(doc.texts()))
    hints = [doc.title]
    contacts: list[str] = []
    team_hints: list[str] = []
    if doc.kind == "poster" and len(doc.examples) == 1:
        contacts = [f"{s.heading}\n{s.text}" for s in doc.context]
        team_hints = [doc.title]
    for example in doc.examples:
        tag_example(example, hints, contacts, team_hints, propose=doc.language == SWEDISH)
    add_document_contacts(doc)
