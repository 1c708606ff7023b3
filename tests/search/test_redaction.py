"""Taking a name, address and number out of an example: every occurrence (over a line break,
in the genitive, an address split over two lines), person tags of the name dropped, and the
other tags' evidence moved so that it still quotes the text."""

from __future__ import annotations

from ingest.model import Document, Evidence, Example, Section, Tag
from search.persons import erased_terms, erasure_hashes
from search.redaction import Terms, redact_document

TEXT = ("Kuratorn Anna Svensson startade läxcaféet i Huskvarna. Anna\nSvenssons idé var "
        "enkel. Kontakt: anna.svensson@\njonkoping.se, 036-10 20 30. Per Lund är rektor.")


def _document() -> Document:
    def tag(kind: str, value: str, words: str) -> Tag:
        start = TEXT.index(words)
        return Tag(kind, value, [Evidence(words, start, start + len(words))])

    ex = Example(id="d-1", document_id="d", title="Läxcafé med Anna Svensson", text=TEXT,
                 sections=[Section("Kontakt", "Anna Svensson, 036-10 20 30")],
                 tags=[tag("person", "Anna Svensson", "Anna Svensson"),
                       tag("place", "Huskvarna", "Huskvarna"),
                       tag("person", "Per Lund", "Per Lund")])
    return Document(id="d", filename="a.pdf", title="Poster", kind="poster", date=None,
                    pages=1, examples=[ex])


def _check(doc: Document) -> Example:
    ex = doc.examples[0]
    for tag in ex.tags:
        for e in tag.evidence:
            assert ex.text[e.start:e.end] == e.text
    assert "svensson" not in (ex.text + ex.title + str(ex.sections)).lower()
    assert "036-10" not in ex.text + str(ex.sections)
    assert [t.value for t in ex.tags] == ["Huskvarna", "Per Lund"]
    return ex


def test_every_occurrence_is_replaced_and_evidence_moved() -> None:
    doc = _document()
    terms = Terms()
    terms.add_person("Anna Svensson", "[raderad person]", "anna.svensson@jonkoping.se",
                     "036-10 20 30")
    assert redact_document(doc, terms) == ["d-1"]
    ex = _check(doc)
    assert ex.text.count("[raderad person]") == 4
    assert ex.tags[1].evidence[0].text == "Per Lund"


def test_the_erasure_list_finds_them_by_hash_alone() -> None:
    doc = _document()
    hashes = erasure_hashes("nyckel", ["anna svensson"], ["Anna.Svensson@jonkoping.se"],
                            ["+46 36 10 20 30"])
    terms = erased_terms(doc, "nyckel", hashes)
    assert set(terms.names) == {"Anna Svensson"}
    redact_document(doc, terms)
    _check(doc)
    assert not erased_terms(_document(), "en annan nyckel", hashes)
