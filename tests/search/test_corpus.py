"""The library on the real corpus PDFs (ingested once per test run)."""

from __future__ import annotations

import hashlib

import pytest

from ingest.ids import document_id_for, is_document_id


def test_every_pdf_stored(corpus_library, corpus_pdfs) -> None:
    assert len(corpus_library.documents()) == len(corpus_pdfs)
    assert corpus_library.search("").total == corpus_library.example_count() > 0


def test_reingest_skips_identical(corpus_library, corpus_pdfs) -> None:
    report = corpus_library.ingest_paths(corpus_pdfs[:2])
    assert report.documents == [] and len(report.skipped) == 2


def test_compound_and_phrase_on_corpus(corpus_library) -> None:
    titles = [h["title"].lower() for h in corpus_library.search("skolnärvaro").hits[:5]]
    assert sum("närvaro" in t for t in titles) >= 3


def test_without_swedish_letters_on_corpus(corpus_library) -> None:
    hits = corpus_library.search("nassjo").hits
    assert hits and "Nässjö" in hits[0]["municipalities"]


def test_a_noun_finds_its_definite_form_on_corpus(corpus_library) -> None:
    # "kontakt" was read as the verb "kontakta": the query missed every "kontakten"
    import re

    writing = {ex.id for doc in corpus_library.documents() for ex in doc.examples
               if re.search(r"\bkontakten\b", ex.text, re.IGNORECASE)}
    assert writing
    found = {h["id"] for h in corpus_library.search("kontakt", per_page=100).hits}
    assert writing <= found


def test_facets_on_corpus(corpus_library) -> None:
    result = corpus_library.search("")
    assert set(result.facets["dokumenttyp"]) <= {"Nyhetsbrev", "Poster", "Dokument"}
    assert sum(result.facets["dokumenttyp"].values()) == result.total
    assert "Jönköping" in result.facets["kommun"]


def test_original_stored(corpus_library) -> None:
    doc = corpus_library.documents()[0]
    data = corpus_library.original(doc.id)
    assert data is not None and data[:5] == b"%PDF-"
    assert hashlib.sha256(data).hexdigest() == doc.sha256
    with corpus_library.open_original(doc.id) as stored:
        assert stored.size == len(data) and stored.etag == doc.sha256
        assert stored.stream.read(5) == b"%PDF-"
    assert corpus_library.original("0000000000000000") is None
    assert corpus_library.original("../../etc/passwd") is None


def test_document_ids_are_minted_in_one_place(corpus_library) -> None:
    """The reading pipeline and the library both name documents by ingest.ids."""
    for doc in corpus_library.documents():
        assert doc.id == document_id_for(doc.sha256) and is_document_id(doc.id)
        assert all(ex.id.startswith(f"{doc.id}-") for ex in doc.examples)


def test_concept_on_corpus(corpus_library) -> None:
    concept = corpus_library.concept("gemensamma-hembesok")
    assert concept is not None and concept["status"]["Nässjö"] == "practised"


def test_non_pdf_and_corrupt_pdf_are_errors(corpus_library, tmp_path) -> None:
    before = corpus_library.example_count()
    (tmp_path / "anteckning.txt").write_text("inte en pdf", encoding="utf-8")
    (tmp_path / "trasig.pdf").write_bytes(b"%PDF-1.4\n" + b"\x00" * 200)
    report = corpus_library.ingest_paths([tmp_path])
    assert report.documents == []
    assert {e["code"] for e in report.errors} <= {"not_pdf", "corrupt", "no_pages", "unreadable"}
    assert len(report.errors) == 2
    assert corpus_library.example_count() == before


# Everyday words a new team types, and what its first hit must be about: an intervention the
# word means, or at least the focus area.
EVERYDAY_FIRST_HITS = {
    "skolk": ("interventions", {"närvaroarbete"}),
    "mobbning": ("interventions", {"kamratstöd", "rastaktiviteter"}),
    "klara skolan": ("focus_areas", {"Fullföljda studier"}),
    "må dåligt": ("focus_areas", {"Psykisk hälsa"}),
    "röra på sig": ("focus_areas", {"Fysisk aktivitet"}),
}


@pytest.mark.parametrize("query", list(EVERYDAY_FIRST_HITS))
def test_everyday_words_put_a_relevant_example_first(corpus_library, query: str) -> None:
    field, wanted = EVERYDAY_FIRST_HITS[query]
    result = corpus_library.search(query)
    assert result.hits, query
    assert set(result.hits[0][field]) & wanted, (query, result.hits[0]["title"])


def test_a_visit_named_by_the_age_finds_home_visits(corpus_library) -> None:
    # no example writes "tvåmånadersbesöket"; its last part is a visit, and visits at home
    # are what the corpus has
    result = corpus_library.search("tvåmånadersbesöket", per_page=5)
    assert result.total > 0
    assert all("hembesök" in h["title"].lower() for h in result.hits), \
        [h["title"] for h in result.hits]


@pytest.mark.parametrize("place", ["Sävsjö", "Gnosjö", "Mullsjö", "Anderstorp"])
def test_a_place_finds_the_examples_that_name_it(corpus_library, place: str) -> None:
    # not those of places whose names end alike ("Gnosjö" for Sävsjö, "Ingatorp" for Anderstorp)
    result = corpus_library.search(place, per_page=100)
    assert result.total >= 2
    for hit in result.hits:
        example = corpus_library.example(hit.id)
        assert place.lower() in f"{example.title} {example.text}".lower(), hit.title
