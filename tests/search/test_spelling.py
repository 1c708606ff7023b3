"""Misspelled words inside compounds and words run together, on a real index."""

from __future__ import annotations

import shutil
import time

from ingest.tagging.thesaurus import seed
from search.analysis import fold
from search.spelling import MIN_SPLIT_WORD, fuzzy_words


def titles(result) -> list[str]:
    return [h["title"] for h in result.hits]


def test_typo_inside_a_compound_nobody_wrote(small_library) -> None:
    # "elevnärvaro" is in no text; "elev" and "närvaro" are
    result = small_library.search("elevnärvarro")
    assert result.suggestion == "elevnärvaro"
    assert result.corrected
    assert "Närvaro i skolan på Attarpsskolan" in titles(result)


def test_two_words_run_together(small_library) -> None:
    # "högfrånvaro" is in no text: it is found by its parts, and written apart it finds no
    # more, so no "menade du" is offered
    result = small_library.search("högfrånvaro")
    assert titles(result)[0] == "Närvaro i skolan på Attarpsskolan"
    assert result.total == small_library.search("hög frånvaro").total
    assert result.suggestion is None


def test_short_unknown_words_are_not_split(small_library) -> None:
    word = "skolsms"
    assert len(word) < MIN_SPLIT_WORD
    assert small_library.search(word).suggestion != "skol sms"


def test_a_long_nonsense_word_costs_little(small_library) -> None:
    small_library.search("skola")  # tables loaded
    t0 = time.perf_counter()
    result = small_library.search("qwrtplkjhgfdszxcvbnmqwrtplkjhgfdszxcvbnmåäöqwrt")
    assert result.total == 0 and result.suggestion is None
    assert time.perf_counter() - t0 < 3.0


def test_a_typo_beside_a_common_word_is_still_corrected(corpus_library) -> None:
    # every example on "hembesök" also writes "föräldrar": the known word alone finds as
    # many examples as the suggestion, but none of them has both words
    both = corpus_library.search("föräldrar hembesök").total
    assert corpus_library.search("föräldrar").total >= both
    result = corpus_library.search("föräldrar hembesk", per_page=10)
    assert result.suggestion == "föräldrar hembesök" and result.corrected
    assert result.hits
    for hit in result.hits:
        text = corpus_library.example(hit["id"]).text.lower() + hit["title"].lower()
        assert "hembesök" in text, hit["title"]


def test_a_word_missing_some_of_its_å_ä_ö_is_corrected(corpus_library) -> None:
    labels = {label.lower() for concept in corpus_library.thesaurus.current().concepts
              for label in concept.labels()}
    assert "läxhjälpsgrupp" in labels
    # "ä" dropped in one place, kept in the other: neither the label nor its wholly
    # folded form (which the index's folded terms would find)
    result = corpus_library.search("laxhjälpsgrupp", per_page=5)
    assert result.suggestion == "läxhjälpsgrupp" and result.corrected
    assert all("läxhjälp" in h["interventions"] for h in result.hits)
    # a word beginning with å/ä/ö, its first letter typed without it
    assert corpus_library.search("overlämningssamtal").suggestion == "överlämningssamtal"
    # a word of the examples with its å/ä/ö in the wrong places
    result = corpus_library.search("kamratstödjäre", per_page=5)
    assert result.suggestion == "kamratstödjare" and result.total
    # the wholly folded form (no example writes it, with or without its å/ä/ö) is read as
    # the label, as if typed with them: its examples, and no split of its folded letters
    # ("laxhjalps grupp") offered
    result = corpus_library.search(fold("läxhjälpsgrupp"))
    assert "läxhjälp" in result.hits[0]["interventions"]
    assert [h["id"] for h in result.hits] == \
        [h["id"] for h in corpus_library.search("läxhjälpsgrupp").hits]
    assert result.suggestion is None
    # an "ä" missing and another ending: too far as written, close once folded; offered
    # with its å/ä/ö, never as the index's folded form ("foraldrastod" is no word)
    assert corpus_library.search("kvallsträffarnas").suggestion == "kvällsträffarna"
    assert corpus_library.search("forskollärarnas").suggestion == "förskollärarna"
    assert "ö" in (corpus_library.search("föräldrastodet").suggestion or "ö")


def test_a_hidden_label_is_never_offered(corpus_library) -> None:
    hidden = {label for concept in corpus_library.thesaurus.current().concepts
              for label in concept.hidden}
    assert "skolnarvaro" in hidden  # a misspelling the thesaurus knows, one edit away
    assert corpus_library.search("skolnärvarro").suggestion == "skolnärvaro"


def test_a_split_compound_is_offered_as_words_of_their_own(corpus_library) -> None:
    # nobody wrote these compounds: their parts are offered as words, without the joining s
    # or e of the first part and spelled with their å/ä/ö
    assert corpus_library.search("skarmtidsregler").suggestion == "skärmtid regler"
    assert corpus_library.search("forskolebesok").suggestion == "förskola besök"


def test_a_word_the_lemma_table_misreads_still_matches_as_written(corpus_library) -> None:
    # the lemma table reads "foraldrastod" (föräldrastöd without å/ä/ö) as a form of a word
    # no example has; the index keeps every written form also folded, so the examples that
    # write the word are found by it, not only through the practice it names
    from search import query_parse

    assert query_parse.plain_terms("foraldrastod")[0][0] != "foraldrastod"
    result = corpus_library.search("foraldrastod", per_page=5)
    assert len(result.hits) == 5
    assert all(h["via"] == [] for h in result.hits)


def test_a_compound_read_by_its_parts_is_not_split_for_fewer_hits(corpus_library) -> None:
    # "helgöppet" is in no text; the query already finds it by its parts ("helg", "öppen").
    # Written apart it is read as the label it is (search.query_compounds.written_together):
    # no more hits, so no fix
    query = "helgöppet för småbarnsfamiljer"
    apart = corpus_library.search("helg öppet för småbarnsfamiljer").total
    result = corpus_library.search(query)
    assert result.total >= apart
    assert result.suggestion is None and not result.corrected


def test_a_word_clipped_the_everyday_way_is_offered_the_word_it_stands_for(corpus_library) -> None:
    # "rastis" is no word, no label and no example's: clipped to "rast" plus -is, it stands
    # for the index word beginning "rast" that most examples write (such a query found
    # nothing at all)
    result = corpus_library.search("rastis", per_page=5)
    assert result.suggestion == "rast" and result.corrected
    assert result.hits
    for hit in result.hits:
        example = corpus_library.example(hit["id"])
        assert "rast" in f"{example.title} {example.text}".lower(), hit["title"]
    # a clipped word the thesaurus has as a label ("läxis") is that label: no suggestion
    result = corpus_library.search("läxis", per_page=5)
    assert result.suggestion is None and result.hits
    assert all("läxhjälp" in h["interventions"] for h in result.hits)


def test_the_closest_word_is_offered_before_a_more_common_one(corpus_library) -> None:
    # "forseda" is one edit from the village Forsheda, which one example names, and two from
    # "forsta" (första without its ö), which many examples write: the closer word is meant
    result = corpus_library.search("Forseda", per_page=3)
    assert result.suggestion is not None and result.suggestion.lower() == "forsheda"
    first = corpus_library.example(result.hits[0]["id"])
    assert "Forsheda" in first.text


def test_a_word_typed_without_its_å_ä_ö_is_read_as_the_word_it_is(corpus_library) -> None:
    # the index keeps every word also folded, so "franvaron" found the examples, but only
    # "frånvaron" names absence work: the first hits are the same either way
    def first(text: str) -> list[str]:
        return [h["id"] for h in corpus_library.search(text, per_page=5).hits]

    for folded, marked in (("franvaron", "frånvaron"), ("overgang forskola", "övergång förskola")):
        assert first(folded) == first(marked), folded
        assert corpus_library.search(folded).suggestion is None  # no "menade du" for it
    # a place is read as a place already ("habo" is no misspelled Håbo)
    from search.spelling import with_marks

    thesaurus = corpus_library.thesaurus.current()
    assert corpus_library.index.run(lambda s: with_marks(s, "stöd i habo och nassjo",
                                                         thesaurus)) == "stöd i habo och nassjo"



def test_a_label_no_example_writes_is_read_with_its_å_ä_ö(corpus_library) -> None:
    from search import spelling

    thesaurus = corpus_library.thesaurus.current()
    labels = [label for c in thesaurus.concepts for label in (c.pref, *c.alt)
              if label.isalpha() and len(label) >= spelling.MIN_MARKED and fold(label) != label]

    def check(searcher) -> int:
        checked = 0
        for label in labels:
            folded = fold(label)
            if spelling._known(searcher, folded) or spelling._swedish(folded):
                continue
            assert spelling.with_marks(searcher, folded, thesaurus) == label
            checked += 1
        return checked

    assert corpus_library.index.run(check) > 0


def test_a_typo_of_a_label_no_example_writes_is_corrected_beside_a_common_word(
        corpus_library) -> None:
    # no example writes "cykeldiplom", a label of the cycling-course ring; examples write the
    # ring's "cykelskola" and "cykelprov", and those are what the corrected word finds
    assert corpus_library.search("cykeldiplom").total
    for typed, meant in (("barn cykeldiplöm", "barn cykeldiplom"),
                         ("familjer fadderfamlij", "familjer fadderfamilj")):
        result = corpus_library.search(typed, per_page=3)
        assert result.suggestion == meant and result.corrected, typed
        assert [h["id"] for h in result.hits] == \
            [h["id"] for h in corpus_library.search(meant, per_page=3).hits]


def test_a_mistyped_first_letter_is_corrected(corpus_library) -> None:
    # a key beside it, a letter left out, the first two swapped: an index word
    for typed in ("gnattegympa", "nattegympa", "nkattegympa"):
        result = corpus_library.search(typed, per_page=3)
        assert result.suggestion == "knattegympa" and result.corrected, typed
        assert all("knattegympa" in h["interventions"] for h in result.hits)
    # a label no example writes ("skolkare", of absence)
    assert corpus_library.search("akolkare").suggestion == "skolkare"
    # one edit at the first letter beats two that keep it ("hinna")
    assert corpus_library.search("hränna").suggestion == "gränna"
    # one edit that keeps the first letter is kept ("karlsson", not "larsson")
    assert corpus_library.search("karsson").suggestion == "karlsson"


def test_a_compound_written_apart_or_two_words_run_together(corpus_library) -> None:
    # written apart, its first part no word of its own: the compound is offered
    result = corpus_library.search("sandbäcks skolan", per_page=3)
    assert result.suggestion == "sandbäcksskolan" and result.corrected
    example = corpus_library.example(result.hits[0]["id"])
    assert "sandbäcksskolan" in f"{example.title} {example.text}".lower()
    # written apart, both parts words: found by its parts, the examples that write the
    # compound first
    first = corpus_library.search("sim skola", per_page=3).hits[0]
    example = corpus_library.example(first["id"])
    assert "simskola" in f"{example.title} {example.text}".lower()
    # two words run together, the nearest index word two edits away: written apart wins
    assert corpus_library.search("östraskolan skillingaryd").suggestion == \
        "östra skolan skillingaryd"


def test_a_compounds_first_part_written_apart_stands_for_its_word(corpus_library) -> None:
    # "föräldra grupper": examples write "föräldragrupper"; alone, the lemma table reads
    # "föräldra" as itself, so the word found only compounds that begin with it. Side by
    # side, the two words are read as the compound, whose first part is "förälder" too
    from search import query_plan
    from search.query_compounds import written_together

    for text, compound in (("föräldra grupper", "föräldragrupper"),
                           ("föräldra kvällar", "föräldrakvällar")):
        apart, whole = (corpus_library.search(t, per_page=10) for t in (text, compound))
        assert apart.hits and [h["id"] for h in apart.hits] == [h["id"] for h in whole.hits]
    # a word of its own before another, that no example writes together with it, is left as
    # it is
    thesaurus = corpus_library.thesaurus.current()
    for text, read in (("barn grupper", "barn grupper"), ("föräldra grupper", "föräldragrupper")):
        assert corpus_library.index.run(lambda s, text=text: written_together(
            text, query_plan.known_word(s.reader(), thesaurus))) == read


def test_a_typo_in_a_compounds_first_part_or_beside_a_joining_form(corpus_library) -> None:
    # no example writes these compounds whole. "skolgårsfotboll" has lost the d of its first
    # part (and keeps the joining s); "kamratstödjarträfarna" has lost an f after a first part
    # in its joining form ("kamratstödjar-", of kamratstödjare)
    for typed, meant, title in (
            ("skolgårsfotboll", "skolgårdsfotboll", "Rastfotboll med äldre elever som ledare"),
            ("kamratstödjarträfarna", "kamratstödjarträffarna", "Kamratstödjare på Grennaskolan")):
        result = corpus_library.search(typed, per_page=5)
        assert result.suggestion == meant and result.corrected, typed
        assert title in titles(result), typed
    # a typo in the last part after a short first part is still found when the word's end
    # reads as a first part in a joining form ("idrottsledar-" of idrottsledare)
    result = corpus_library.search("idrottsledarre", per_page=5)
    assert result.suggestion == "idrottsledare" and result.corrected
    # compounds of known parts, a first part in its joining form among them, are written as
    # meant: nothing is offered in their place
    for word in ("kamratstödjargrupp", "cykelskolledare"):
        assert corpus_library.search(word).suggestion is None, word


def test_a_typo_of_a_word_the_tagger_knows_is_offered_that_word(corpus_library) -> None:
    # "läxklubb" is one of the words the tagger reads as homework help (no thesaurus label,
    # and no example writes it); typed with one b it found nothing at all
    result = corpus_library.search("läxklub", per_page=5)
    assert result.suggestion == "läxklubb" and result.corrected
    assert result.hits
    assert all("läxhjälp" in h["interventions"] for h in result.hits)


def test_a_correction_found_by_its_parts_is_offered_beside_a_common_word(corpus_library
                                                                          ) -> None:
    # no example writes "rastvärdsschema": corrected, it is found by its parts (rastvärd,
    # schema), and more examples have every word of the suggestion than of the query
    result = corpus_library.search("rastvärdsschemma skolan", per_page=5)
    assert result.suggestion == "rastvärdsschema skolan" and result.corrected
    assert result.hits[0]["title"].startswith("Rastvärdar")


def test_a_place_written_apart_is_the_place(corpus_library) -> None:
    # "rör vik" and "skepps hult" are the villages Rörvik and Skeppshult with a slip of the
    # space bar (Hult is a village too); two words that join into no place stay apart
    from search.spelling import places_joined

    assert places_joined("föräldrar i rör vik") == "föräldrar i rörvik"
    assert places_joined("Skepps hult skola") == "Skeppshult skola"
    assert places_joined("gran lund") == "gran lund"
    for apart, whole in (("rör vik", "rörvik"), ("skepps hult", "skeppshult")):
        assert [h["id"] for h in corpus_library.search(apart, per_page=5).hits] == \
            [h["id"] for h in corpus_library.search(whole, per_page=5).hits]


def test_a_preposition_typed_onto_the_next_word_is_written_apart(corpus_library) -> None:
    # "påbiblioteket" is one edit from no word; "iförskolan" is nearer "förskolan" than any
    # other, but the preposition before a word is what was meant
    for text, meant in (("läxhjälp påbiblioteket", "läxhjälp på biblioteket"),
                        ("rörelse iförskolan", "rörelse i förskolan"),
                        ("flyktingbarn medtolk", "flyktingbarn med tolk")):
        result = corpus_library.search(text, per_page=3)
        assert result.suggestion == meant, text
    first = corpus_library.search("läxhjälp påbiblioteket", per_page=1).hits[0]
    assert "bibliotek" in first["title"].lower()
    # a word that begins like a preposition but is one is left alone
    assert corpus_library.search("påverkan").suggestion is None


def test_another_small_word_typed_onto_the_next_is_written_apart(corpus_library) -> None:
    # "alla" and "mer" are words the search drops: run together with the next word they made
    # an unknown word whose nearest index word was nonsense (a folded "värde" before "vecka")
    for text, meant in (("allabarn i skolan", "alla barn i skolan"),
                        ("meridrott på rasten", "mer idrott på rasten")):
        assert corpus_library.search(text, per_page=3).suggestion == meant, text


def test_a_word_one_edit_away_beats_a_small_word_typed_onto_a_rare_one(corpus_library) -> None:
    # "förkolor" read as "för" typed onto "kolor" (a word of Swedish no example writes), not
    # as "förskolor" with a letter dropped; likewise "frånvarn", "påinner", "inativ"
    for typed, meant in (("förkolor", "förskolor"), ("frånvarn", "frånvaro"),
                         ("påinner", "påminner"), ("inativ", "inaktiv")):
        assert corpus_library.search(typed).suggestion == meant, typed
    # a small word typed onto a word examples write is still written apart
    assert corpus_library.search("pålördagar").suggestion == "på lördagar"


def test_a_mistyped_first_letter_is_offered_the_word_with_its_marks(corpus_library) -> None:
    # the index keeps every word also folded ("oppen" beside "öppen"); a first letter
    # mistyped found the folded form, which is no word to offer
    assert corpus_library.search("äppen förskola").suggestion == "öppen förskola"
    assert corpus_library.search("gnattegympa").suggestion == "knattegympa"


def test_a_mistyped_first_letter_beats_a_small_word_typed_on(corpus_library) -> None:
    # "gör" is a word the search drops, but "görskolan" is "förskolan" with the key beside
    # it, not "gör skolan"; a preposition typed on, and "alla" before a word, stay apart
    assert corpus_library.search("rörelse i görskolan").suggestion == "rörelse i förskolan"
    for typed, meant in (("allabarn", "alla barn"), ("pårasten", "på rasten")):
        assert corpus_library.search(typed).suggestion == meant, typed


def test_a_typo_of_a_form_no_example_writes_is_offered_that_form(corpus_library) -> None:
    # examples write "helg", "helger", not "helgen"; "stödja", not "stödjer": the index
    # words nearest "hellgen" and "stodjer" were "hallen" and "studier", two edits away
    from search.schema import SEARCH_FIELD

    for typed, meant in (("hellgen", "helgen"), ("helegn", "helgen"), ("jelgen", "helgen"),
                         ("stodjer", "stödjer")):
        assert corpus_library.search(typed).suggestion == meant, typed
    # Swedish words the lemma table lacks are no typos
    for text in ("träffpunkt för föräldrar som nyss kommit", "oro tills barnet får stöd"):
        assert corpus_library.search(text).suggestion is None, text
    reader = corpus_library.index.searcher().reader()
    assert not reader.doc_frequency(SEARCH_FIELD, "helgen")
    assert not reader.doc_frequency(SEARCH_FIELD, "stödjer")


def _misspelled(words: list[str]) -> list[str]:
    """Each word with two neighbouring letters swapped, and with a letter dropped."""
    out = []
    for word in words:
        i = len(word) // 2
        out += [word[:i] + word[i + 1] + word[i] + word[i + 2:], word[:i] + word[i + 1:]]
    return out


def _segments(library) -> int:
    return len(list(library.index.searcher().reader().leaf_readers()))


def test_did_you_mean_is_the_same_whatever_the_index_segments(corpus_store, tmp_path) -> None:
    # Whoosh read an index of one segment with a Levenshtein automaton (a swap of two letters
    # is two edits) and one of several by Damerau–Levenshtein: the corpus indexed file by
    # file and the same corpus rebuilt in one go were offered other words
    from search.library import Library

    rebuilt = tmp_path / "rebuilt"
    shutil.copytree(corpus_store, rebuilt)
    words = ["tehrese", "familjecentarlen", "kontkat", "rastaktivtieter", "hembseök",
             *_misspelled(["läxhjälpen", "simskolan", "föräldrakväll", "trygghetscirkeln",
                           "skolsköterskan", "fritidsgården", "kamratstödjare", "Rydaholm",
                           "Skillingaryd", "knattegympa", "cykelbussen", "språkkafé"])]
    with Library(rebuilt) as library:
        library.reindex()
        assert _segments(library) == 1
        after = {word: library.search(word, per_page=3).suggestion for word in words}
    with Library(corpus_store) as library:
        assert _segments(library) > 1
        grown = {word: library.search(word, per_page=3).suggestion for word in words}
    assert after == grown
    assert grown["tehrese"] in ("therese", "therése")
    assert sum(1 for s in grown.values() if s) >= len(words) // 2


def test_a_place_typed_without_its_å_ä_ö_that_is_a_word_too_singles_its_example(
        corpus_library) -> None:
    # "granna" is Gränna without its ä, and a form of "grann" too; one example is from Gränna:
    # beside a word many examples have ("kurator"), it comes first, as "gränna kurator" puts it
    for text in ("gränna kurator", "granna kurator"):
        first = corpus_library.example(corpus_library.search(text, per_page=3).hits[0]["id"])
        assert "Gränna" in first.text, (text, first.title)


def test_a_typo_beside_common_words_only_is_corrected_though_they_find_more(
        corpus_library) -> None:
    # no example writes "anknytninen" (a dropped g), nor reads it by its parts: the query's
    # hits were all found by the common "skolan" (76), more than the correction finds, so it
    # was not offered; hits by a word that counts beat hits by common words only
    result = corpus_library.search("anknytninen och skolan", per_page=3)
    assert result.suggestion == "anknytningen och skolan"
    assert any("anknytning" in corpus_library.example(h["id"]).text.lower()
               for h in result.hits)


def test_an_unwritten_compounds_parts_near_each_other_rank_first(corpus_library) -> None:
    # no example writes "fredagsmorgnarna"; the one that writes "varje fredag morgon" comes
    # before those that write "fredag" and "morgon" apart, or only one of them
    first = corpus_library.search("kurator fredagsmorgnarna").hits[0]
    assert first.title == "Föräldrakaffe på Tallbackaskolan"


def test_the_words_of_a_label_are_not_corrected(corpus_library) -> None:
    # no example writes "peer" or "support", but "peer support" is a label of peer support:
    # it is no misspelling of "per"
    result = corpus_library.search("peer support", per_page=5)
    assert result.suggestion is None
    assert result.hits and all("kamratstöd" in h["interventions"] for h in result.hits), \
        [h["title"] for h in result.hits]


def test_a_hidden_label_is_read_as_the_label_it_misspells(corpus_library) -> None:
    # "samtyke" and "läxhälp" are hidden labels (misspellings) of the thesaurus that no
    # example writes: the query is read with the label they misspell, and finds what it finds
    from search.spelling import _hidden_labels

    thesaurus = corpus_library.thesaurus.current()
    hidden = _hidden_labels(thesaurus)
    assert hidden["samtyke"] == "samtycke" and hidden["läxhälp"] == "läxhjälp"
    for typed, meant in (("samtyke förskola", "samtycke förskola"),
                         ("läxhälp biblioteket", "läxhjälp biblioteket")):
        first = [h["id"] for h in corpus_library.search(meant, per_page=3).hits]
        assert first
        assert [h["id"] for h in corpus_library.search(typed, per_page=3).hits] == first
    # a hidden label that is a Swedish word as typed is that word ("plugg", hidden under
    # "plugga"): "plugg café" is still the "pluggcafé" it writes apart
    assert hidden.get("plugg") == "plugga"
    whole = [h["id"] for h in corpus_library.search("pluggcafé", per_page=3).hits]
    assert [h["id"] for h in corpus_library.search("plugg café", per_page=3).hits] == whole


def test_a_village_no_example_names_is_no_misspelling(corpus_library) -> None:
    # Barnarp and Lekeryd are places of the gazetteer that no example of the corpus names:
    # names, not misspelled words ("barnaga", "leker")
    from search.analysis import is_place

    for text in ("fritidsgård i Barnarp", "hembesök, vi är BVC i Lekeryd"):
        assert is_place(text.split()[-1].lower())
        assert corpus_library.search(text).suggestion is None, text


def test_an_offered_suggestion_is_planned_and_ranked_once(corpus_library, monkeypatch) -> None:
    """Counted to decide whether to offer it, then run: one word plan and one ranking."""
    from search import query

    planned: list[str] = []
    ranked: list[tuple[str, ...]] = []
    plan_of, rank_of = query.word_plan, query._rank
    monkeypatch.setattr(query, "word_plan", lambda searcher, text, q, thesaurus: (
        planned.append(text), plan_of(searcher, text, q, thesaurus))[1])
    monkeypatch.setattr(query, "_rank", lambda searcher, plan, allowed, top: (
        ranked.append(plan.written), rank_of(searcher, plan, allowed, top))[1])
    for page, sort in ((1, "relevance"), (2, "relevance"), (1, "date")):
        planned.clear()
        ranked.clear()
        result = corpus_library.search("föräldrar hembesk", page=page, per_page=3, sort=sort)
        assert result.suggestion == "föräldrar hembesök" and result.corrected
        assert result.hits
        assert planned.count("föräldrar hembesök") == 1, planned
        assert ranked.count(("föräldrar", "hembesök")) == 1, ranked
        # offered because more examples have both words: the known word alone ("föräldrar")
        # needs no word plan of its own
        assert "föräldrar" not in planned, planned


def test_a_word_the_bank_knows_is_not_searched_by_its_lookalikes(corpus_library) -> None:
    # "skolk" (a term of the thesaurus) in a municipality without attendance work: nothing
    # is found, and the filter is offered to be dropped. Examples that only write "skola"
    # were shown as "similar words" before.
    filters = {"kommun": ["Gislaved"]}
    result = corpus_library.search("skolk", filters=filters)
    assert result.total == 0
    assert "liknande ord" not in (result.message or "")
    assert [(d.facet, d.value) for d in result.without_filter] == [("kommun", "Gislaved")]
    assert result.without_filter[0].total == corpus_library.search("skolk").total
    # a word nobody writes still has its lookalikes, for when no correction finds anything
    # (the library's own searcher: closing it would close it for the tests after this one)
    searcher = corpus_library.index.searcher()
    assert fuzzy_words(searcher, "skolk", seed()) == []
    assert "skolsköterska" in fuzzy_words(searcher, "skolsköterskna", seed())[0]


def test_a_misspelled_word_in_a_longer_query_is_searched_as_meant(corpus_library) -> None:
    # The correction finds no more examples than the query (32: "ärenfen" counted for
    # nothing, the other words found them), so it was not offered and the typed word was
    # left out of the ranking. A misspelled word is now corrected all the same.
    typed, meant = "akuta ärenfen går före hembesöken", "akuta ärenden går före hembesöken"
    result = corpus_library.search(typed)
    assert result.suggestion == meant and result.corrected
    assert result.misspelled == ["ärenfen"]
    as_meant = corpus_library.search(meant)
    assert result.total == as_meant.total
    assert [h["id"] for h in result.hits] == [h["id"] for h in as_meant.hits]
    assert "ärenden" in result.hits[0]["snippet"]
    # a correction offered because it finds more names no misspelled word
    assert corpus_library.search("hembesk").misspelled == []


def test_a_compound_of_known_words_is_no_misspelling(corpus_library) -> None:
    from search.spelling import misspelled

    result = corpus_library.search(
        "högstadiekillarna i Barnarp hänger vid macken på kvällarna")
    assert not result.misspelled and "högstadiekvällarna" not in (result.suggestion or "")
    searcher = corpus_library.index.searcher()
    assert misspelled(searcher, "ärenfen", seed())
    # words of their own that no example writes, not "högstadiekvällarna", "landsbygd skola"
    for word in ("högstadiekillarna", "landsbygdsskola", "hembesök", "skolk"):
        assert not misspelled(searcher, word, seed()), word


def test_two_letters_swapped_are_one_edit(corpus_library) -> None:
    # "satnnar" is one swap from "stannar" and two edits from "saknar", which more examples
    # write: counted as two edits, the swap tied with it and lost
    from search.spelling import distance

    assert distance("satnnar", "stannar") == 1 and distance("satnnar", "saknar") == 2
    assert corpus_library.search("satnnar").suggestion == "stannar"
    result = corpus_library.search("elever som satnnar hemma")
    assert result.suggestion == "elever som stannar hemma"
    assert [h["id"] for h in result.hits] == \
        [h["id"] for h in corpus_library.search("elever som stannar hemma").hits]
    assert corpus_library.search("tidgia insatser barn").suggestion == "tidiga insatser barn"


def test_a_typo_in_a_piece_of_a_hyphenated_word_is_corrected(corpus_library) -> None:
    # "prova-på-eftermidagar" found 11 examples and offered nothing: a word with a hyphen was
    # never read as a typo; written apart, the same typo was corrected
    typed, meant = "prova-på-eftermidagar", "prova-på-eftermiddagar"
    result = corpus_library.search(typed)
    assert result.suggestion == meant and result.corrected
    as_meant = corpus_library.search(meant)
    assert result.total == as_meant.total > 11
    assert [h["id"] for h in result.hits] == [h["id"] for h in as_meant.hits]
    assert corpus_library.search("BVC-skötersan").suggestion == "BVC-sköterskan"
    # hyphenated words of the bank are no typos
    for written in ("prova-på", "F-klass", "prova-på-eftermiddagar"):
        assert corpus_library.search(written).suggestion is None, written


def test_a_last_part_written_apart_is_offered_as_typed(corpus_library) -> None:
    # "skolstartsmöte" was offered as "skolstart möta": the e a first part ends in stands for
    # an a ("förskole-": förskola), but a last part is a word as typed ("möte", the meeting)
    result = corpus_library.search("skolstartsmöte")
    assert result.suggestion == "skolstart möte"
    assert result.total == corpus_library.search("skolstart möte").total
