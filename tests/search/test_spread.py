"""A concept's spread: one status per concept and municipality, from dated examples, with
coordinators' overrides and inspiration edges of the concept they are about."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from search.concepts import COUNTY
from search.library import Library
from search.records import DocumentRef, ExampleSummary
from search.spread import derive, inspiration_concepts
from tests.search.conftest import make_document

STATUSES = {"planned", "ongoing", "established", "ended", "not_tried"}


def summary(n: int, date: str | None, stage: str | None) -> ExampleSummary:
    return ExampleSummary(
        id=f"ex-{n}", title=f"Exempel {n}", date=date,
        year=int(date[:4]) if date else None, stage=stage, municipalities=["Gnosjö"],
        interventions=["gemensamma hembesök"],
        document=DocumentRef(id=f"doc-{n}", title="Nyhetsbrev", filename="a.pdf"))


# --- the rule -------------------------------------------------------------------------------


@pytest.mark.parametrize(("evidence", "status", "decisive"), [
    ([], "not_tried", None),
    ([("2023-01", "planerad")], "planned", 0),
    ([("2023-01", "planerad"), ("2023-09", "startad")], "ongoing", 1),
    ([("2023-01", None)], "ongoing", 0),
    ([("2023-01", "startad"), ("2024-05", "pågående")], "established", 1),
    ([("2024-01", "startad"), ("2024-05", "pågående"), ("2024-11", "pågående")],
     "established", 2),
    ([("2023-01", "startad"), ("2024-05", "avslutad")], "ended", 1),
    ([("2022-01", "pågående"), ("2023-05", "avslutad"), ("2024-02", "startad")], "ongoing", 2),
    ([("2022-01", "pågående"), ("2023-05", "avslutad"), ("2024-02", "planerad")], "planned", 2),
    ([("2024-05", "avslutad"), ("2024-05", "pågående")], "ongoing", 1),
    ([("2024-05", "startad"), ("2024-09", "planerad")], "ongoing", 0),
])
def test_status_rule(evidence: list[tuple[str, str | None]], status: str,
                     decisive: int | None) -> None:
    examples = [summary(i, d, s) for i, (d, s) in enumerate(evidence)]
    got, decided_by, ordered = derive(examples)
    assert got == status
    assert (decided_by.id if decided_by else None) == (
        f"ex-{decisive}" if decisive is not None else None)
    assert sorted(e.id for e in ordered) == sorted(e.id for e in examples)


def test_a_year_is_the_state_at_its_end() -> None:
    examples = [summary(0, "2022-03", "planerad"), summary(1, "2023-09", "startad"),
                summary(2, "2025-02", "pågående"), summary(3, None, "pågående")]
    assert derive(examples, upto=2021)[0] == "not_tried"
    assert derive(examples, upto=2022)[0] == "planned"
    assert derive(examples, upto=2023)[0] == "ongoing"
    assert derive(examples, upto=2025)[0] == "established"


def test_inspiration_goes_to_the_concept_of_its_sentence() -> None:
    text = ("Närvaroteam på skolan. Vi arbetar efter modell från Jönköping, där frånvaron "
            "minskade med sms. Skolsköterskan gör också hembesök tillsammans med socialtjänsten.")
    source = text.index("Jönköping")
    interventions = {"närvaroarbete": [(0, 11), (text.index("frånvaron"), text.index(
        "frånvaron") + 9)], "gemensamma hembesök": [(text.index("hembesök"), len(text) - 1)]}
    assert inspiration_concepts(text, [(source, source + 9)], interventions) == {"närvaroarbete"}
    # nothing in the sentence nor the paragraph: every concept of the example
    quiet = {"närvaroarbete": [(0, 11)], "gemensamma hembesök": [(0, 11)]}
    lone = "Rubrik\n\nAnnat stycke.\n\nIdén kom från Jönköping."
    at = lone.index("Jönköping")
    assert inspiration_concepts(lone, [(at, at + 9)], quiet) == set(quiet)


# --- on the corpus ----------------------------------------------------------------------------


def test_one_status_per_concept_and_municipality(corpus_library: Library) -> None:
    spread = corpus_library.spread()
    concepts = {c.slug for c in corpus_library.concepts()}
    assert {row.slug for row in spread.rows} == concepts
    for name in COUNTY:
        page = corpus_library.municipality(name)
        assert page is not None
        listed = Counter(c.slug for c in page.practised + page.planned + page.ended
                         + page.not_tried)
        assert max(listed.values(), default=1) == 1, (name, listed.most_common(3))
        for row in spread.rows:
            cell = row.cells[name]
            assert cell.status in STATUSES
            assert page.statuses[row.slug] == cell.status
            assert corpus_library.concept(row.slug).spread[name] == cell
            in_list = [kind for kind, rows in (
                ("practised", page.practised), ("planned", page.planned),
                ("ended", page.ended), ("not_tried", page.not_tried))
                if row.slug in {c.slug for c in rows}]
            expected = {"ongoing": ["practised"], "established": ["practised"],
                        "planned": ["planned"], "ended": ["ended"]}.get(cell.status)
            if expected is not None:
                assert in_list == expected, (name, row.slug, cell.status, in_list)
            else:
                assert in_list in ([], ["not_tried"])


def test_a_municipality_with_an_example_has_tried_it(corpus_library: Library) -> None:
    checked = 0
    for item in corpus_library.concepts():
        concept = corpus_library.concept(item.slug)
        for name in COUNTY:
            cell = concept.spread[name]
            mine = {ex.id for ex in concept.examples if name in ex.municipalities}
            assert {e.example_id for e in cell.evidence} == mine
            if mine:
                checked += 1
                assert cell.status != "not_tried", (item.slug, name)
                assert sum(e.decisive for e in cell.evidence) == 1
                page = corpus_library.municipality(name)
                assert item.slug not in {c.slug for c in page.not_tried}
    assert checked > 50
    gislaved = corpus_library.municipality("Gislaved")
    assert "kamratstod" in {c.slug for c in gislaved.planned + gislaved.practised}
    assert "kamratstod" not in {c.slug for c in gislaved.not_tried}


def test_inspiration_edges_are_unique_and_of_their_concept(corpus_library: Library) -> None:
    for item in corpus_library.concepts():
        concept = corpus_library.concept(item.slug)
        pairs = [(e.source, e.target) for e in concept.inspiration]
        assert len(pairs) == len(set(pairs)), item.slug
        by_id = {ex.id: ex for ex in concept.examples}
        for edge in concept.inspiration:
            assert edge.example_ids and edge.example_id == edge.example_ids[0]
            assert len(edge.example_ids) == len(set(edge.example_ids))
            for ex_id in edge.example_ids:
                ex = by_id[ex_id]
                assert edge.source in ex.inspired_by and edge.target in ex.municipalities
    hembesok = corpus_library.concept("gemensamma-hembesok")
    gnosjo = [e for e in hembesok.inspiration if (e.source, e.target) == ("Nässjö", "Gnosjö")]
    assert len(gnosjo) == 1 and len(gnosjo[0].example_ids) >= 3
    # Vetlanda's närvaroteam also does home visits, but took the närvaro idea from Jönköping
    assert ("Jönköping", "Vetlanda") not in {(e.source, e.target) for e in hembesok.inspiration}
    narvaro = corpus_library.concept("narvaroarbete")
    assert ("Jönköping", "Vetlanda") in {(e.source, e.target) for e in narvaro.inspiration}


def test_filters_by_focus_area_and_year(corpus_library: Library) -> None:
    everything = corpus_library.spread()
    physical = corpus_library.spread(focus_area="Fysisk aktivitet")
    assert 0 < len(physical.rows) < len(everything.rows)
    assert all("Fysisk aktivitet" in row.focus_areas for row in physical.rows)
    early = corpus_library.spread(year=2021)
    assert early.counts["not_tried"] > everything.counts["not_tried"]
    for row in early.rows:
        for cell in row.cells.values():
            assert all(e.year is not None and e.year <= 2021 for e in cell.evidence)
    assert sum(everything.counts.values()) == len(everything.rows) * len(COUNTY)


# --- overrides --------------------------------------------------------------------------------


@pytest.fixture
def own_store(corpus_store: Path, tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(corpus_store, target)
    return target


def test_an_override_is_shown_with_its_reason_and_survives_reindex(own_store: Path) -> None:
    with Library(own_store) as library:
        before = library.concept("kamratstod").spread["Gislaved"]
        library.set_spread_override("kamratstod", "Gislaved", "ongoing",
                                    "Teamet har startat i höstas.", "samordnare")
        cell = library.concept("kamratstod").spread["Gislaved"]
        assert cell.status == "ongoing" and cell.label == "Pågående"
        assert cell.derived == before.status and cell.override is not None
        assert cell.override.reason == "Teamet har startat i höstas."
        assert cell.override.user == "samordnare"
        assert library.spread().rows[[r.slug for r in library.spread().rows].index(
            "kamratstod")].cells["Gislaved"].status == "ongoing"
        assert library.reindex() > 0
    with Library(own_store) as again:  # another connection, as another process would have
        kept = again.concept("kamratstod").spread["Gislaved"]
        assert kept.status == "ongoing" and kept.override.reason == "Teamet har startat i höstas."
        assert again.remove_spread_override("kamratstod", "Gislaved")
        assert again.concept("kamratstod").spread["Gislaved"].override is None
        with pytest.raises(ValueError):
            again.set_spread_override("kamratstod", "Gislaved", "ongoing", "  ")
        with pytest.raises(KeyError):
            again.set_spread_override("kamratstod", "Borås", "ongoing", "Utanför länet")


def test_the_view_is_built_once_per_change(own_store: Path, reader, add_docs,
                                           tmp_path: Path) -> None:
    with Library(own_store) as library, Library(own_store) as other:
        first = library.concept_view()
        assert library.concept_view() is first
        other.set_spread_override("aktiv-skolvag", "Eksjö", "planned", "Beslut i nämnden")
        assert library.concept_view() is not first
        assert library.concept("aktiv-skolvag").spread["Eksjö"].status == "planned"
        ended = make_document("slut.pdf", [(
            "Kamratstödet i Gislaved avslutas", "Kamratstödjarna på skolan avslutar arbetet.",
            ["Gislaved"], ["Psykisk hälsa"], ["kamratstöd"], "avslutad", [], None)],
            date="2099-06")
        add_docs(library, reader, tmp_path / "in", [ended])
        cell = other.concept("kamratstod").spread["Gislaved"]
        assert cell.status == "ended" and cell.evidence[-1].decisive
        page = other.municipality("Gislaved")
        assert "kamratstod" in {c.slug for c in page.ended}
        assert "kamratstod" not in {c.slug for c in page.not_tried + page.planned}
