"""Line joining, dates, kinds and the cheap file checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest import checks, errors, meta
from ingest.text import join_lines, normalize, set_vocabulary


@pytest.fixture(autouse=True)
def vocabulary() -> None:
    set_vocabulary(["Metoden kallas Nässjö-", "modellen och används i Nässjö.", "för-", "bättring"])


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["en tydlig för-", "bättring av rutinen"], "en tydlig förbättring av rutinen"),
        (["kallas Nässjö-", "modellen"], "kallas Nässjö-modellen"),
        (["överlämning förskola–", "skola"], "överlämning förskola– skola"),
        (["förskole-", "och skolbarn"], "förskole- och skolbarn"),
        (["barn 0-", "6 år"], "barn 0-6 år"),
        (["Ulrika Bengts\u2010", "son berättade"], "Ulrika Bengtsson berättade"),
        (["hembesöks\u00ad", "programmet"], "hembesöksprogrammet"),
        (["  två   ord ", "till "], "två ord till"),
    ],
)
def test_join_lines(lines: list[str], joined: str) -> None:
    assert join_lines(lines) == joined


def test_normalize() -> None:
    assert normalize(" a\n\n b\tc\u00ad ") == "a b c"


@pytest.mark.parametrize(
    ("head", "filename", "expected"),
    [
        (["Nyhetsbrev", "Januari 2023"], "x.pdf", "2023-01"),
        (["Lärandeseminarium 5 oktober 2023"], "x.pdf", "2023-10-05"),
        (["Träffen den 21 september"], "nyhetsbrev-2023.pdf", "2023-09-21"),
        (["Lärandenätverk, hösten 2024"], "x.pdf", "2024"),
        (["Nyhetsbrev"], "nyhetsbrev-2022-10.pdf", "2022-10"),
        (["Rapport 2024-03-12"], "x.pdf", "2024-03-12"),
        (["Nätverksträff 21/9 2023"], "x.pdf", "2023-09-21"),
        (["Nätverksträff 21/9"], "traff-2023.pdf", "2023-09-21"),
        (["Inget datum här"], "x.pdf", None),
        (["Inget datum här"], "IMG_2000.pdf", None),
        (["Inget datum här"], "Skärmbild 2026-12-02 153000.pdf", None),
    ],
)
def test_find_date(head: list[str], filename: str, expected: str | None) -> None:
    assert meta.find_date(head, [], filename) == expected


@pytest.mark.parametrize(
    ("head", "edges", "expected"),
    [
        (["Nyhetsbrev"], ["Region Jönköpings län · 2022"], "2022"),
        (["Team Läxhjälp · Gislaveds kommun · vt 2024"], [], "2024"),
        (["Närvaroteamet", "VT24"], [], "2024"),
        (["Föräldrastöd"], ["hösten 2020"], "2020"),
        (["Föräldrastöd", "Vårterminen 2024"], [], "2024"),
        (["Läxhjälp", "Sedan 2019 följer vi resultaten"], [], None),
        (["Läxhjälp", "Biblioteket byggdes år 2000"], [], None),
        (["Läxhjälp", "Mål: 2000 besök"], [], None),
        (["Läxhjälp", "Enligt Skolverket (2017)"], [], None),
        (["Läxhjälp", "Resultat 2023"], [], None),
        (["Läxhjälp", "Läsåret 2023/24"], [], None),
        (["Läxhjälp"], ["Foto: Anna Berg, 2019"], None),
        (["Nyhetsbrev"], ["Region Jönköpings län · 2022 · Du får det här utskicket."], "2022"),
        (["Nyhetsbrev"], ["• Hösten 2020 startade vi"], None),
        (["Läxhjälp", "Hösten 2020–våren 2021"], [], None),
        (["Nyhetsbrev 3/2023"], [], "2023"),
        (["Läxhjälp", "Lärandenätverket 2023–2024"], [], None),
        (["Läxhjälp"], ["hösten 2023 jämfört med våren"], None),
        (["Lärandenätverk, hösten 2020"], ["Region Jönköpings län · 2022"], None),
    ],
)
def test_date_lines(head: list[str], edges: list[str], expected: str | None) -> None:
    """Only short lines of their own date a document; body years and contradictions do not."""
    assert meta.find_date(head, edges, "dokument.pdf") == expected


def test_day_without_year_comes_before_the_next_meetings() -> None:
    upcoming = ["• Den 5 februari 2025, digital träff • Den 27 mars 2025, Vetlanda"]
    date = meta.find_date(["Träffen den 14 november"], upcoming, "x.pdf", upcoming)
    assert date == "2024-11-14"


def test_kind() -> None:
    assert meta.guess_kind("Nyhetsbrev – Bästa platsen", [], 3, "a.pdf", (595, 842)) == "newsletter"
    heads = ["Bakgrund", "Syfte", "Metod", "Resultat", "Lärdomar"]
    assert meta.guess_kind("Rastvärdar", heads, 1, "a.pdf", (595, 842)) == "poster"
    assert meta.guess_kind("Protokoll", ["Närvarande"], 2, "a.pdf", (595, 842)) == "document"


def test_checks(tmp_path: Path) -> None:
    checks.check_bytes(b"\n%PDF-1.7\n...")
    checks.check_bytes(b"junk before the header " * 10 + b"%PDF-1.4")
    with pytest.raises(errors.EmptyFileError):
        checks.check_bytes(b"")
    with pytest.raises(errors.EmptyFileError):
        checks.check_bytes(b"  \n ")
    with pytest.raises(errors.NotPdfError, match="HTML"):
        checks.check_bytes(b"<!DOCTYPE html><html></html>")
    with pytest.raises(errors.NotPdfError):
        checks.check_bytes(b"GIF89a" + b"\0" * 2000)
    with pytest.raises(errors.TooLargeError, match="för stor"):
        checks.check_bytes(b"%PDF-1.7" + b"\0" * 100, max_bytes=50)
    with pytest.raises(errors.NotPdfError):
        checks.check_file(tmp_path)
