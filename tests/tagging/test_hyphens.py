"""A compound written with a hyphen ("närvaro-teamet", "rörelse-pass", "SMS-rutin",
"hembesöks-programmet") triggers what the joined word triggers, in the tagger and in the query
analysis alike; names and short prefixes ("Ann-Sofie", "e-post") stay as they are. Texts
written for these tests."""

from __future__ import annotations

import pytest

from ingest.tagging import query_terms, tag_text
from ingest.tagging.rules import match_lemma

CASES = [
    ("Närvaro-teamet på Kvarnskolan följer upp varje elev.", "närvaroarbete"),
    ("Hembesöks-programmet når nu alla förstagångsföräldrar.", "utökat hembesöksprogram"),
    ("Skolan har en SMS-rutin för elever som saknas.", "närvaroarbete"),
    ("Vi har läx-hjälp på biblioteket varje tisdag.", "läxhjälp"),
    ("Eleverna leder rast-aktiviteter på skolgården.", "rastaktiviteter"),
    ("Vi har startat ett frånvaro-team.", "närvaroarbete"),
]


def _concepts(text: str) -> set[tuple[str, str]]:
    return {(t.kind, t.value) for t in tag_text(text)
            if t.kind in ("intervention", "focus_area") and not t.proposed}


@pytest.mark.parametrize(("text", "intervention"), CASES)
def test_hyphenated_compound_triggers_like_the_joined_word(text: str, intervention: str) -> None:
    hyphenated = _concepts(text)
    assert ("intervention", intervention) in hyphenated
    word = next(w for w in text.split() if "-" in w)
    assert hyphenated == _concepts(text.replace(word, word.replace("-", "").lower()))
    assert ("intervention", intervention) in set(query_terms(text))


def test_movement_breaks_written_either_way() -> None:
    for word in ("rörelse-pass", "rörelsepass"):
        text = f"Eleverna har {word} varje morgon. Efter {word}et orkar de mer på lektionen."
        assert [t.value for t in tag_text(text) if t.kind == "focus_area"] == ["Fysisk aktivitet"]


def test_names_and_short_prefixes_are_not_joined() -> None:
    assert match_lemma("Ann-Sofie") != "annsofie"
    assert match_lemma("e-posten") != match_lemma("eposten")
    assert match_lemma("närvaro-teamet") == match_lemma("närvaroteamet")
