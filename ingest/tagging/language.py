"""The language a document is written in.

Exempelbanken's tagging reads Swedish: its rules, lemma tables and key phrases are Swedish, so
a report in English or French gets English function words and content words proposed as
practices ("the", "benchmark", "bonifiés") and no warning that its tags rest on another
language. The language is identified with py3langid (langid.py's naive Bayes classifier over
byte n-grams, its model shipped in the package), over the start of the text.

A text is taken as Swedish unless the model names another language with MIN_CONFIDENCE or more
over at least MIN_LETTERS letters: a poster of a few lines, a list of names or numbers, or OCR
noise is no reason to doubt a Swedish document. The language's Swedish name comes from Babel's
CLDR data.
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale
from py3langid.langid import MODEL_FILE, LanguageIdentifier

SWEDISH = "sv"
SAMPLE_CHARS = 20_000  # the start of the text is looked at (time grows with its length)
MIN_LETTERS = 200  # letters a text needs before its language is doubted
MIN_CONFIDENCE = 0.8  # the model's probability for another language before it is believed


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    """The model, loaded once per process (about a second)."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def load() -> None:
    """Load the model now (for worker processes, before their first document)."""
    _identifier()


def text_language(text: str) -> str:
    """The ISO 639 code of the language the text is written in: "sv" unless another
    language is identified confidently (the module's docstring says when)."""
    sample = text[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return SWEDISH
    code, confidence = _identifier().classify(sample)
    return code if confidence >= MIN_CONFIDENCE and code != "zxx" else SWEDISH


def language_name(code: str) -> str:
    """The language's name in Swedish ("engelska"), or the code when CLDR has none."""
    return Locale("sv").languages.get(code, code)


_WARNING_START = "Texten verkar vara på "


def language_warning(code: str) -> str:
    """What the coordinator is told of a document in another language than Swedish."""
    return (f"{_WARNING_START}{language_name(code)}, inte svenska. Taggningen läser svensk "
            "text: granska taggarna. Inga egna insatser föreslås ur texten.")


def with_language_warning(warnings: list[str], code: str) -> list[str]:
    """A document's warnings with the one on its language as the language is now: none for
    Swedish, one for another language (an earlier one dropped: a document tagged again)."""
    kept = [w for w in warnings if not w.startswith(_WARNING_START)]
    return kept if code == SWEDISH else [*kept, language_warning(code)]
