"""Who to ask about a concept, on the bundled corpus: the teams behind its examples and the
programme's coach the examples name ("Processtöd: Karin Falk, Folkhälsa och sjukvård" on the
Hillerstorp poster). A coach is no person of the team; erasing her takes her off everything."""

from __future__ import annotations

import pytest

from search.library import Library

COACH = "Karin Falk"


@pytest.fixture()
def library(writable_corpus_library: Library) -> Library:
    return writable_corpus_library


def test_the_concepts_coach_and_owners(library: Library) -> None:
    concept = library.concept("rastaktiviteter")
    assert concept is not None
    assert [(c.name, c.role, c.organisation) for c in concept.coaches] == [
        (COACH, "processtöd", "Folkhälsa och sjukvård")]
    (coach_example,) = concept.coaches[0].example_ids
    assert coach_example in {e.id for e in concept.examples}
    owners = concept.owners
    assert owners[0].team == "Hillerstorpsskolan och Hillerstorps IK"
    assert owners[0].example_id == coach_example and owners[0].municipalities == ["Gnosjö"]
    years = [o.since for o in owners if o.status == owners[0].status]
    assert years == sorted(years)  # as established: the earliest first
    familj = library.concept("familjecentral")
    assert familj is not None and "Jonas Berg" in [c.name for c in familj.coaches]
    assert all(not c.coaches for c in [library.concept("narvaroarbete")] if c)


def test_a_team_spelled_two_ways_owns_a_concept_once(library: Library) -> None:
    # one newsletter writes "Attarpskolan" (without the linking s) for Attarpsskolan
    concept = library.concept("narvaroarbete")
    assert concept is not None
    teams = [e.team for e in concept.examples if e.team and "attarp" in e.team.lower()]
    assert {"Attarpsskolan", "Attarpskolan"} <= set(teams), teams
    owners = [o for o in concept.owners if "attarp" in o.team.lower()]
    assert len(owners) == 1, owners
    (owner,) = owners
    assert owner.team == "Attarpsskolan" and owner.examples == len(teams)
    assert owner.since == min(e.year for e in concept.examples if e.team in teams)


def test_a_coach_is_in_no_directory_of_persons(library: Library) -> None:
    people = library.people()
    assert all(m.name != COACH for p in people.values() for m in p.mentions)
    ex_id = library.concept("rastaktiviteter").coaches[0].example_ids[0]  # type: ignore[union-attr]
    record = library.example(ex_id)
    assert record is not None and [c.name for c in record.coaches] == [COACH]
    assert COACH not in [p.name for p in record.persons]


def test_erasing_the_coach(library: Library) -> None:
    ex_id = library.concept("rastaktiviteter").coaches[0].example_ids[0]  # type: ignore[union-attr]
    report = library.erase_person(COACH)
    assert report.examples >= 1
    assert library.concept("rastaktiviteter").coaches == []  # type: ignore[union-attr]
    record = library.example(ex_id)
    assert record is not None and record.coaches == []
    assert COACH not in record.text and all(COACH not in s.text
                                             for s in library.document(record.document_id).context)
