"""The other one-word labels of a concept the query labels score as a weak word of the query:
among the examples of the practice found, those that write the concept's other words lead."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.tagging.thesaurus import seed
from search import query_limits, query_plan
from search.analysis import known_compound_parts
from search.library import Library
from search.query_compounds import joined_labels, written_apart, written_together
from search.query_labels import label_terms
from tests.search.conftest import make_document

ABSENCE = ("Sävsjö", "Fullföljda studier", "närvaroarbete")


def _spec(title: str, text: str) -> tuple:
    municipality, area, practice = ABSENCE
    return (title, text, [municipality], [area], [practice], "startad", [], "Skolteamet")


SPECS = [
    _spec("Närvaroarbete på Norrskolan",
          "Mentorerna följer upp varje elev varje vecka. Skolan ringer hem samma dag och "
          "elevhälsan träffar familjen inom en vecka."),
    _spec("Närvaroarbete på Södra skolan",
          "Mentorerna följer upp varje elev varje vecka. Skolan ringer hem samma dag och "
          "kuratorn träffar de elever som blivit hemmasittare inom en vecka."),
    _spec("Närvaroarbete på Västra skolan",
          "Mentorerna följer upp varje elev varje vecka. Skolan ringer hem samma dag och "
          "rektorn träffar familjen inom en vecka."),
]


def test_a_concepts_other_one_word_labels_are_its_words() -> None:
    thesaurus = seed()
    terms = label_terms("skolk", {"skolk"}, thesaurus)  # problematisk skolfrånvaro
    assert {"hemmasittare", "skolvägran", "ströfrånvaro"} <= set(terms)
    assert "skolk" not in terms  # the query's own
    assert "skolvagran" not in terms  # a hidden label: a misspelling
    assert all(" " not in t for t in terms)  # "kommer inte till skolan" says little alone
    assert len(terms) <= query_limits.MAX_WORDS
    assert label_terms("psykisk hälsa", set(), thesaurus) == []  # an area's words are everywhere
    # an age's words (småbarn: "småttingar", "toddlare") when the query asks for nothing else;
    # beside another concept the age is whom that is for, and all its examples have it
    assert "småtting" in label_terms("små barn", set(), thesaurus)
    assert "småtting" not in label_terms("hur stödjer vi föräldrar till små barn", set(),
                                         thesaurus)


def test_the_example_that_writes_another_label_leads(tmp_path: Path, reader, add_docs,
                                                      monkeypatch) -> None:
    library = Library(tmp_path / "data", reader=reader)
    try:
        report = add_docs(library, reader, tmp_path / "in",
                          [make_document("nyhetsbrev.pdf", SPECS, "2024-03")])
        assert not report.errors
        # no example writes "skolk"; all three are tagged with its practice, one writes
        # "hemmasittare", another label of the same concept
        hits = library.search("skolk").hits
        assert len(hits) == 3 and hits[0]["title"] == "Närvaroarbete på Södra skolan"
        assert hits[0]["score"] > 1.2 * hits[1]["score"]
        # without the labels, little tells the three apart
        monkeypatch.setattr(query_plan, "LABEL_WEIGHT", 0.0)
        scores = [h["score"] for h in library.search("skolk").hits]
        assert max(scores) < 1.05 * min(scores)
    finally:
        library.close()


def test_a_compound_written_apart_labels_what_the_compound_labels() -> None:
    thesaurus = seed()
    assert joined_labels("gympa för knattar", thesaurus) == ("knattegympa",)
    assert joined_labels("fotboll på rasten", thesaurus) == ("rastfotboll",)
    # the two parts may stand far apart and in either order
    assert "föräldrakurs" in joined_labels("föräldrarna tycker att lämningen är svår, "
                                           "finns det en kurs", thesaurus)
    # whole words only: the parts of a compound the query writes do not pair with its
    # other words ("fritidsgård" + "skola" is no "skolgård")
    assert joined_labels("fritidsgård och skola", thesaurus) == ()
    assert joined_labels("föräldrakurs", thesaurus) == ()  # the compound itself, as written
    # the other labels of what the compound labels (stöd i föräldraskapet) are weak words of
    # the query, as when the query writes the compound
    assert "föräldraskapsstöd" in label_terms("föräldrakurs", set(), thesaurus)
    assert "föräldraskapsstöd" in label_terms("kurs för föräldrar", set(), thesaurus)
    assert "föräldraskapsstöd" not in label_terms("kurs", set(), thesaurus) + \
        label_terms("föräldrar", set(), thesaurus)


def test_a_ring_label_written_apart_finds_what_the_label_finds(corpus_library) -> None:
    # no example writes "frågelåda" (known whole to the lemma table); its ring's "brevlåda" is
    # written. Written apart, the two words stand for the ring's names as the compound does
    whole = [h["id"] for h in corpus_library.search("frågelåda", per_page=3).hits]
    assert whole
    apart = [h["id"] for h in corpus_library.search("fråge låda", per_page=3).hits]
    assert apart[0] == whole[0]


def test_a_label_written_apart_side_by_side_names_what_the_label_names(corpus_library
                                                                        ) -> None:
    # "skol början" is "skolbörjan" with a slip of the space bar: it names the start of
    # school as the compound does, and the first hits are the same; the parts in the other
    # order are two words, not the compound
    thesaurus = seed()
    assert written_apart("skol början", thesaurus) == ("skolbörjan",)
    assert written_apart("början skol", thesaurus) == ()
    assert written_apart("kurs för föräldrar", thesaurus) == ()  # not side by side
    # a first part the query leaves out as a stopword ("över") still joins its second
    assert written_apart("barn med över vikt", thesaurus) == ("övervikt",)
    assert written_apart("efter skolan", thesaurus) == ()
    whole = [h["id"] for h in corpus_library.search("skolbörjan", per_page=3).hits]
    apart = [h["id"] for h in corpus_library.search("skol början", per_page=3).hits]
    assert whole and apart == whole


def test_two_words_side_by_side_that_are_one_word_are_read_as_it() -> None:
    known = {"temadag", "föräldraträff", "idrottsskola"}.__contains__
    assert written_together("tema dag i skolan", known) == "temadag i skolan"
    assert written_together("Föräldra träff om språk", known) == "föräldraträff om språk"
    assert written_together("idrott skola", known) == "idrottsskola"  # a joining s
    # only side by side: a small word or a comma between them keeps them two words
    assert written_together("tema för dag", known) == "tema för dag"
    assert written_together("tema, dag", known) == "tema, dag"
    assert written_together("dag tema", known) == "dag tema"


@pytest.mark.parametrize("whole,apart", [("pappafika", "pappa fika"), ("temadag", "tema dag"),
                                         ("frånvaroanalys", "frånvaro analys"),
                                         ("föräldragrupper", "föräldra grupper")])
def test_a_word_written_apart_finds_what_the_word_finds(corpus_library, whole: str,
                                                        apart: str) -> None:
    # examples write "temadag", "frånvaroanalys" and "föräldragrupper"; "pappafika" is a
    # thesaurus label no example writes. Written apart, either half alone ("dag", "pappa")
    # found other examples; the two words are read as the word before the query is built, so
    # the title phrase and the tagger's concepts read it too: the same hits in the same order
    as_whole, as_apart = (corpus_library.search(text, per_page=10) for text in (whole, apart))
    assert as_whole.hits and as_apart.total == as_whole.total
    assert [h["id"] for h in as_apart.hits] == [h["id"] for h in as_whole.hits]
    assert as_apart.query == apart  # the query is shown as typed


def test_a_known_compound_no_example_writes_is_found_by_its_parts(corpus_library) -> None:
    # the lemma table knows "lördagsförmiddag" whole, so the analyser keeps it whole; no
    # example writes it, two write "lördag förmiddag": they come first
    hits = corpus_library.search("lördagsförmiddag", per_page=5).hits
    assert {h["title"] for h in hits[:2]} == {"Lördagsöppet på öppna förskolan i Bodafors",
                                              "Lördagsöppet i Hok"}
    # a known word is not cut before a short last piece ("andars" is no "and" + "ars")
    assert known_compound_parts("andars") == ()
    assert known_compound_parts("lördagsförmiddag") == (("lördag",), ("förmiddag",))
