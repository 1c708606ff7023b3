"""The counted searches that found little (search/search_log.py), on a copy of the ingested
corpus: real searches, a real SQLite file, the real thesaurus."""

from __future__ import annotations

import logging
import sqlite3
import stat

import pytest

from search import search_log
from search.library import Library


@pytest.fixture()
def library(writable_corpus_library: Library) -> Library:
    return writable_corpus_library


def _search(library: Library, text: str) -> None:
    library.count_search(library.search(text))


def _listed(library: Library) -> dict[str, search_log.WeakSearch]:
    return {s.query: s for s in library.weak_searches(limit=100)}


def test_a_word_no_example_has_is_listed_and_a_found_search_is_not(library: Library) -> None:
    _search(library, "padelbana")  # no example writes it, the thesaurus does not know it
    _search(library, "läxhjälp")
    _search(library, "rastaktiviteter Tranås")
    listed = _listed(library)
    assert list(listed) == ["padelbana"]
    assert listed["padelbana"].unwritten == ["padelbana"]
    assert listed["padelbana"].times == 1


def test_common_word_hits_and_nothing_at_all_are_listed(library: Library) -> None:
    _search(library, "xqzvyw")
    _search(library, "idrottshalen upptagen av skolan")  # a typo: the correction's hits
    listed = _listed(library)
    assert listed["xqzvyw"].total == 0
    typo = listed["idrottshalen upptagen av skolan"]
    assert typo.suggestion == "idrottshallen upptagen av skolan"
    assert "idrottshalen" in typo.unwritten


def test_a_typo_in_a_hyphenated_word_is_listed_by_its_piece(library: Library) -> None:
    _search(library, "prova-på-eftermidagar")  # corrected to "prova-på-eftermiddagar"
    _search(library, "prova-på-eftermiddagar")
    listed = _listed(library)
    assert list(listed) == ["prova-på-eftermidagar"]
    assert listed["prova-på-eftermidagar"].unwritten == ["eftermidagar"]


def test_the_same_words_are_counted_as_one_search(library: Library) -> None:
    for text in ("padelbana", "Padelbana", "  padelbana "):
        _search(library, text)
    listed = _listed(library)
    assert list(listed) == ["padelbana"]
    assert listed["padelbana"].times == 3


def test_most_searched_first(library: Library) -> None:
    _search(library, "xqzvyw")
    for _ in range(3):
        _search(library, "padelbana")
    assert [s.query for s in library.weak_searches()] == ["padelbana", "xqzvyw"]


def test_a_search_that_became_a_term_is_not_listed_and_then_finds(library: Library) -> None:
    _search(library, "padelbana")
    before = library.search("padelbana")
    library.thesaurus.add_label("prova-pa-aktiviteter", "padelbana", "alt", user="samordnare")
    assert "padelbana" not in _listed(library)
    after = library.search("padelbana")
    assert after.total > before.total
    assert after.strong


def test_a_dismissed_search_is_hidden_but_still_counted(library: Library) -> None:
    _search(library, "padelbana")
    assert library.dismiss_search("Padelbana")
    assert not library.dismiss_search("inget sådant")
    _search(library, "padelbana")
    assert "padelbana" not in _listed(library)
    with sqlite3.connect(library.data_dir / search_log.FILE) as db:
        assert db.execute("SELECT times FROM searches").fetchall() == [(2,)]


def test_old_searches_are_forgotten(library: Library) -> None:
    _search(library, "padelbana")
    _search(library, "xqzvyw")
    with sqlite3.connect(library.data_dir / search_log.FILE) as db:
        db.execute("UPDATE searches SET last_at = '2020-01-01T00:00:00+00:00' "
                   "WHERE key = 'padelbana'")
    assert list(_listed(library)) == ["xqzvyw"]
    with sqlite3.connect(library.data_dir / search_log.FILE) as db:
        assert db.execute("SELECT key FROM searches").fetchall() == [("xqzvyw",)]


def test_a_persons_name_is_forgotten_as_a_word(library: Library) -> None:
    for text in ("padelbana hos Kim Ekdahl", "Ekdahls padelbana", "ekdahl", "padelbana"):
        _search(library, text)
    _search(library, "ekdahlsgatan")
    assert library.searches.forget_words(["Kim Ekdahl", "Ekdahl"]) == 3  # the genitive too
    assert sorted(_listed(library)) == ["ekdahlsgatan", "padelbana"]


def test_the_file_is_private(library: Library) -> None:
    _search(library, "padelbana")
    mode = stat.S_IMODE((library.data_dir / search_log.FILE).stat().st_mode)
    assert mode & 0o077 == 0


def test_a_search_is_answered_when_the_log_cannot_be_written(
        library: Library, caplog: pytest.LogCaptureFixture) -> None:
    library.searches.close()
    path = library.data_dir / search_log.FILE
    path.unlink(missing_ok=True)
    path.mkdir()  # not a database: every write fails
    with caplog.at_level(logging.WARNING, logger="search.search_log"):
        result = library.search("läxhjälp")
        library.count_search(result)
    assert result.total > 0
    assert library.weak_searches() == []
    assert "sökloggen" in caplog.text


def test_the_practice_most_first_hits_have_is_kept_with_its_concept(library: Library) -> None:
    _search(library, "idrottshalen upptagen av skolan")  # the toddler gyms that share the hall
    _search(library, "padelbana")
    listed = _listed(library)
    typo = listed["idrottshalen upptagen av skolan"]
    assert (typo.practice, typo.concept) == ("knattegympa", "knattegympa")
    assert (listed["padelbana"].practice, listed["padelbana"].concept) == (None, None)


def test_a_file_of_an_earlier_version_gets_the_later_columns(library: Library) -> None:
    path = library.data_dir / search_log.FILE
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE searches (key TEXT PRIMARY KEY, query TEXT NOT NULL, "
                   "times INTEGER NOT NULL, first_at TEXT NOT NULL, last_at TEXT NOT NULL, "
                   "total INTEGER NOT NULL, strong INTEGER, suggestion TEXT, "
                   "dismissed INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID")
    _search(library, "padelbana")
    assert _listed(library)["padelbana"].unwritten == ["padelbana"]


def test_words_sqlite_cannot_store_are_not_counted(library: Library,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    result = library.search("padelbana")
    odd = result.model_copy(update={"query": "padel\ud800bana"})  # a lone surrogate
    with caplog.at_level(logging.WARNING, logger="search.search_log"):
        library.count_search(odd)
    assert library.weak_searches() == []
    assert "sökloggen" in caplog.text
