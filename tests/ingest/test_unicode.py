"""Text from PDFs is valid Unicode in NFC: emoji (surrogate pairs in pdfium) survive whole,
stray halves and other invalid code points never get through."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from ingest.extract import Word, read_pages
from ingest.pipeline import read_pdf
from ingest.unicode import clean_word
from tests.ingest.astral import EMOJI, PARTY, SMILE, THUMBS_UP, decomposed_pdf, emoji_newsletter


@pytest.fixture(scope="module")
def emoji_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return emoji_newsletter(tmp_path_factory.mktemp("astral") / "nyhetsbrev-emoji.pdf")


def _words(path: Path) -> list[Word]:
    pdf = pdfium.PdfDocument(path)
    try:
        return [w for page in read_pages(pdf) for w in page.words]
    finally:
        pdf.close()


# --- the cleaning itself -------------------------------------------------------------------


def test_clean_word() -> None:
    assert clean_word("upp\ud83d") == "upp"
    assert clean_word("e\u0301") == "é"
    assert clean_word(SMILE) == SMILE


# --- real PDFs -----------------------------------------------------------------------------


def test_emoji_pdf_has_emoji_in_its_text_layer(emoji_pdf: Path) -> None:
    """The premise: the file really carries the code points (pdfium as two halves each)."""
    pdf = pdfium.PdfDocument(emoji_pdf)
    try:
        text = pdf[0].get_textpage().get_text_range()
    finally:
        pdf.close()
    for emoji in EMOJI:
        assert emoji in text


def test_emoji_is_one_character_of_one_word(emoji_pdf: Path) -> None:
    words = _words(emoji_pdf)
    for word in words:
        word.text.encode("utf-8")
        assert unicodedata.is_normalized("NFC", word.text)
    texts = [w.text for w in words]
    for emoji in (THUMBS_UP, SMILE):
        assert emoji in texts, texts
    i = texts.index(THUMBS_UP)
    thumb = words[i]
    assert texts[i - 2 : i + 2] == ["tummen", "upp", THUMBS_UP, "och"]
    # its box is one glyph's, between its neighbours on the same line
    assert words[i - 1].x1 < thumb.x0 < thumb.x1 < words[i + 1].x0
    assert thumb.x1 - thumb.x0 < 2 * thumb.size
    assert abs(thumb.top - words[i + 1].top) < thumb.size


def test_emoji_newsletter_is_read_with_emoji_intact(emoji_pdf: Path) -> None:
    doc = read_pdf(emoji_pdf)
    json.dumps(doc.to_dict(), ensure_ascii=False).encode("utf-8")  # no stray halves anywhere
    assert PARTY in doc.title
    example = next(e for e in doc.examples if "Ekenässjön" in e.title)
    assert f"tummen upp {THUMBS_UP} och läser mer {SMILE}" in example.text
    assert any(f"lärandenätverket {PARTY}" in s.text for s in doc.context)
    assert any("Stockaryd" in e.title for e in doc.examples)


def test_decomposed_text_is_composed(tmp_path: Path) -> None:
    texts = [w.text for w in _words(decomposed_pdf(tmp_path / "nfd.pdf"))]
    assert texts == ["Café", "i", "Ångermanland"]
