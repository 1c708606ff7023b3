"""Documents in another language than Swedish: read as any document, told apart by their
language, with a Swedish warning and no key phrases proposed as practices."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.model import INTERVENTION
from ingest.pipeline import read_pdf
from ingest.records import Document as DocumentRecord
from ingest.tagging.language import language_name, language_warning, text_language
from tests.ingest.foreign import ENGLISH, FRENCH, SWEDISH, report

CORPUS = Path(__file__).resolve().parents[2] / "corpus"

@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> DocumentRecord:
    path = report(tmp_path_factory.mktemp("en") / "report.pdf", "Newsletter of the school "
                   "network, autumn 2025", ENGLISH, "en")
    return DocumentRecord.of(read_pdf(path))


def test_an_english_document_is_read_as_english_with_a_swedish_warning(
        english: DocumentRecord) -> None:
    assert english.language == "en"
    assert english.examples, "the document is read as any other"
    warning = language_warning("en")
    assert warning in english.warnings
    assert "engelska" in warning and "granska taggarna" in warning


def test_an_english_document_gets_no_key_phrases_as_practices(english: DocumentRecord) -> None:
    proposed = [t.value for ex in english.examples for t in ex.tags
                if t.kind == INTERVENTION and t.proposed]
    assert proposed == []


def test_a_french_document_is_french(tmp_path: Path) -> None:
    doc = read_pdf(report(tmp_path / "fr.pdf", "Lettre du réseau", FRENCH, "fr"))
    assert doc.language == "fr"
    assert language_warning("fr") in doc.warnings
    assert not any(t.proposed for ex in doc.examples for t in ex.tags)


def test_a_swedish_document_is_swedish_and_keeps_its_proposals(tmp_path: Path) -> None:
    doc = read_pdf(report(tmp_path / "sv.pdf", "Nyhetsbrev för nätverket, hösten 2025",
                           SWEDISH, "sv"))
    assert doc.language == "sv"
    assert not any("svenska" in w for w in doc.warnings)
    assert "digital föräldrakväll" in [t.value for ex in doc.examples for t in ex.tags
                                       if t.kind == INTERVENTION and t.proposed]


def test_the_corpus_is_swedish() -> None:
    for path in sorted(CORPUS.glob("pdf/**/*.pdf"))[::7]:
        assert read_pdf(path).language == "sv", path.name


@pytest.mark.parametrize("text", [
    "",
    "Hej",
    "Kontakt: Anna Ek, 036-10 20 30",  # too few letters to doubt
    "12 345 678 910 " * 100,  # no letters
    "Lärandeträff i Nässjö den 4 maj. " + "Abc Def Ghi. " * 3,
])
def test_a_short_or_letterless_text_is_taken_as_swedish(text: str) -> None:
    assert text_language(text) == "sv"


def test_a_swedish_text_is_swedish_and_an_english_one_english() -> None:
    swedish = ("Familjecentralen i Tranås bjuder in till en digital föräldrakväll en gång i "
               "månaden. Kvällen tolkas till arabiska och somaliska så att fler kan delta. "
               "Föräldrarna ställer frågor i chatten och barnmorskan svarar.")
    assert text_language(swedish) == "sv"
    assert text_language(" ".join(ENGLISH.values())) == "en"


def test_language_names_are_swedish() -> None:
    assert language_name("en") == "engelska"
    assert language_name("fr") == "franska"
    assert language_name("xq") == "xq"  # a code without a name stays a code
