"""The programme's coaches named on an example: the coach's line of the bundled posters
("Coach: …", "Processledare: …", "Processtöd: …"), a coach panel, "coachen … " in the text. A
coach is never one of the example's persons."""

from __future__ import annotations

import pytest

from ingest.model import Document, Example
from ingest.pipeline import read_pdf
from ingest.tagging import tag_document
from ingest.tagging.coaches import coaches_in_context
from tests.conftest import CORPUS_PDF

POSTERS = {  # poster → (name, role, organisation) of its coach
    "poster-2024-tranas-solrosen-rorelsepass.pdf": ("Helena Strand", "coach", "Qulturum"),
    "poster-2023-ht-vetlanda-kompassen-samtalsgrupp.pdf": (
        "Jonas Berg", "processledare", "Kommunal utveckling"),
    "poster-2021-ht-gnosjo-hillerstorp-rastfotboll.pdf": (
        "Karin Falk", "processtöd", "Folkhälsa och sjukvård"),
}


@pytest.mark.parametrize("name", sorted(POSTERS))
def test_a_posters_coach_line_names_its_coach_not_a_person(name: str) -> None:
    doc = read_pdf(CORPUS_PDF / name)
    (example,) = doc.examples
    coach, role, organisation = POSTERS[name]
    assert [(c["name"], c["role"], c["organisation"]) for c in example.coaches()] == [
        (coach, role, organisation)]
    persons = [p["name"] for p in example.persons()]
    assert persons and coach not in persons


def test_a_poster_without_a_coach_line_names_none() -> None:
    doc = read_pdf(CORPUS_PDF / "poster-2023-nassjo-hembesok.pdf")
    # "Annika Ström, BVC-sjuksköterska och processledare" is one of the team
    assert doc.examples[0].coaches() == []
    assert "Annika Ström" in [p["name"] for p in doc.examples[0].persons()]


def test_a_coach_panel_and_a_coach_line_with_details() -> None:
    found = coaches_in_context([
        "Processledare\nJonas Berg, Kommunal utveckling\njonas.berg@rjl.se",
        "\nVår coach: Helena Strand, förbättringscoach, Qulturum, 010-241 32 18",
    ])
    assert [(p.name, p.role) for p in found] == [
        ("Jonas Berg", "processledare"), ("Helena Strand", "förbättringscoach")]
    assert found[0].email == "jonas.berg@rjl.se" and found[1].phone == "010-241 32 18"


def test_the_coach_named_in_the_text_is_the_examples_coach() -> None:
    text = ("Familjecentralen i Habo startade föräldragrupper i höstas. Teamet fick stöd av "
            "coachen Helena Ström från Qulturum. Kuratorn Eva Lind leder grupperna.")
    example = Example(id="x-1", document_id="x", title="Föräldragrupper i Habo", text=text)
    tag_document(Document(id="x", filename="x.pdf", title="Nyhetsbrev", kind="newsletter",
                          date="2024", pages=1, examples=[example]))
    assert [c["name"] for c in example.coaches()] == ["Helena Ström"]
    assert [p["name"] for p in example.persons()] == ["Eva Lind"]
