"""Whose voice a passage is: the programme's signs and a team's, counted line by line."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.pipeline import read_pdf
from ingest.segment.programme import (
    NAMED_UNIT,
    PROGRAMME,
    TEAM_COUNT,
    TEAM_ROLE,
    TEAM_UNIT,
    TEAM_VOICE,
    is_subheading,
    line_signs,
    reads_as_programme,
    starts_with,
    team_voiced,
    who_acts,
)

TEAM = (
    "Vi startade ett läxcafé på Hagaskolan i höstas.\n"
    "Vi har träffat 12 familjer och kuratorn var med varje vecka."
)
PROGRAMME_TEXT = (
    "Välkommen till lärandenätverkets nätverksträff i Nässjö!\n"
    "Processledarna och föreläsaren berättade om nästa lärandeseminarium."
)


def _signs_of_whole(text: str) -> tuple[int, int]:
    """The signs counted over the whole passage at once."""
    team = sum(len(p.findall(text)) for p in (TEAM_VOICE, TEAM_UNIT, NAMED_UNIT, TEAM_ROLE,
                                               TEAM_COUNT))
    return len(PROGRAMME.findall(text)), team


def test_a_team_and_the_programme_are_told_apart() -> None:
    assert who_acts(TEAM) == (0, 5)
    assert who_acts(PROGRAMME_TEXT) == (6, 0)
    assert who_acts(f"{TEAM}\n{PROGRAMME_TEXT}") == (6, 5)
    assert team_voiced(TEAM) and not team_voiced(PROGRAMME_TEXT)
    assert reads_as_programme(PROGRAMME_TEXT) and not reads_as_programme(TEAM)


def test_a_growing_passage_counts_each_line_once() -> None:
    lines = [*TEAM.split("\n"), *PROGRAMME_TEXT.split("\n")]
    line_signs.cache_clear()
    for n in range(1, len(lines) + 1):
        assert who_acts("\n".join(lines[:n])) == _signs_of_whole("\n".join(lines[:n]))
    assert line_signs.cache_info().misses == len(lines)


@pytest.mark.parametrize("name", ["nyhetsbrev-2023-01.pdf", "nyhetsbrev-2024-vt-var.pdf"])
def test_passages_of_newsletters_count_as_a_whole(corpus_pdfs: list[Path], name: str) -> None:
    """No sign spans a line break: line by line gives the counts of the whole passage."""
    doc = read_pdf(next(p for p in corpus_pdfs if p.name == name))
    texts = [e.text for e in doc.examples] + [s.text for s in doc.context]
    texts += ["\n".join(texts)]
    assert sum(_signs_of_whole(t)[1] for t in texts[:-1]) > 0
    for text in texts:
        assert who_acts(text) == _signs_of_whole(text)


def test_headings_start_with_a_known_section() -> None:
    prefixes = ("kontakt", "mer information")
    assert starts_with("kontakt", prefixes)
    assert starts_with("kontakt hagaskolan", prefixes)
    assert starts_with("mer information/anmälan", prefixes)
    assert not starts_with("kontakter", prefixes)
    assert not starts_with("mer", prefixes)
    assert is_subheading("Så gjorde vi") and not is_subheading("Så gjorde vi hela hösten med alla")
