"""Document metadata: kind (newsletter/poster/document), title and date from Swedish text."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ingest.lexicon import (
    COMING_WORDS,
    CONTEXT_HEADINGS,
    CREDIT_WORDS,
    MAIL_HEADER_LABELS,
    MAIL_SENT_LABELS,
    MONTH_ABBREVIATIONS,
    MONTH_NUMBERS,
    MONTHS,
    POSTER_HEADINGS,
    SEASONS_DEFINITE,
    SECTION_HEADINGS,
    TERM_ABBREVIATIONS,
    TERMS,
    TIME_PREPOSITIONS,
)

_MONTH = rf"({'|'.join((*MONTHS, *MONTH_ABBREVIATIONS))})\.?"
_SEASON = "|".join((*SEASONS_DEFINITE, "vår", "höst"))  # also "vår 2024", "höst 2024"
_YEAR = r"((?:19|20)\d{2})"
FULL_DATE = re.compile(rf"\b(\d{{1,2}})(?::e|:a)?\s+{_MONTH}\s+{_YEAR}\b", re.IGNORECASE)
DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?::e|:a)?\s+{_MONTH}(?![\w])", re.IGNORECASE)
MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+{_YEAR}\b", re.IGNORECASE)
ISO_DATE = re.compile(r"\b((?:19|20)\d{2})-(\d{2})(?:-(\d{2}))?\b")
YEAR = re.compile(rf"\b{_YEAR}\b")
NUMERIC_DATE = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})(?:[ -]((?:19|20)\d{2}))?(?![\d/])")
# "Hösten 2020", "våren 2024", "vårterminen 2024"
SEASON_YEAR = re.compile(rf"\b(?:{_SEASON}|{'|'.join(TERMS)})\s+{_YEAR}\b", re.IGNORECASE)
# "vt 2024", "ht 2023", "VT24", "ht-23"
TERM_YEAR = re.compile(
    rf"\b(?:{'|'.join(TERM_ABBREVIATIONS)})[\s-]?((?:19|20)?\d{{2}})\b", re.IGNORECASE
)
# A year that runs on into a range or a school year: "2023–2024", "2023/24" (an issue number
# before it is no range: "Nyhetsbrev 3/2023").
_RANGE_AFTER = re.compile(r"\s?[/–—-]\s?\d")
_RANGE_BEFORE = re.compile(r"(?:19|20)\d{2}\s?[/–—-]\s?$")
# What may follow a year standing alone: the end of the line or a separator ("· 2024 ·").
_ALONE_AFTER = re.compile(r"\s*(?:$|[·•|,;)]|[–—-]\s)")
_COMING = re.compile(rf"\b(?:{'|'.join(map(re.escape, COMING_WORDS))})\b", re.IGNORECASE)
_CREDIT = re.compile(rf"(?:{'|'.join(CREDIT_WORDS)})\b", re.IGNORECASE)
# A heading with a period after it ("Resultat 2023", "Kalender hösten 2024"): a part of the
# document, not its date.
_HEADINGS = frozenset((*SECTION_HEADINGS, *POSTER_HEADINGS, *CONTEXT_HEADINGS))
_BULLETS = "•-–—*▪◦►"
# What separates the items of a masthead or footer line: "Region Jönköpings län · 2022 · …".
_SEPARATOR = re.compile(r"(?:^|\s)[·|•](?=\s|$)")

NEWSLETTER_WORDS = re.compile(r"\bnyhetsbrev\w*|\bnewsletter", re.IGNORECASE)
POSTER_WORDS = re.compile(r"\bposter\b|\baffisch", re.IGNORECASE)


def _fmt(year: int, month: int | None = None, day: int | None = None) -> str | None:
    if not 1900 <= year <= 2100:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= 31:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


# File names a camera, scanner or screenshot tool gives: a counter or the moment of capture.
_DEVICE_NAME = re.compile(
    r"(?:img|dsc|dscn|pxl|scan|skanning|screenshot|skärmbild)[\s_-]*\d|whatsapp", re.I
)


def _full_date(m: re.Match[str]) -> tuple[int, int, int]:
    """(year, month, day) of a ``FULL_DATE`` match ("20 nov. 2025")."""
    return int(m.group(3)), MONTH_NUMBERS[m.group(2).lower()], int(m.group(1))


def date_from_filename(name: str) -> str | None:
    """The date a person wrote in the file's name ("nyhetsbrev-2024-02.pdf"); none from names a
    device made ("IMG_2000.pdf", "Skärmbild 2026-12-02 153000.pdf")."""
    stem = name.rsplit("/", 1)[-1]
    if _DEVICE_NAME.match(stem):
        return None
    m = re.search(r"((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])(?:[-_.]?([0-2]\d|3[01]))?(?!\d)", stem)
    if m:
        return _fmt(int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None)
    m = MONTH_YEAR.search(stem.replace("-", " ").replace("_", " "))
    if m:
        return _fmt(int(m.group(2)), MONTH_NUMBERS[m.group(1).lower()])
    m = re.search(r"(?<!\d)((?:19|20)\d{2})(?!\d)", stem)
    return _fmt(int(m.group(1))) if m else None


def find_date(
    head: list[str],
    edges: list[str],
    filename: str,
    upcoming: list[str] | None = None,
    exported: set[str] | None = None,
    opening: list[str] | None = None,
    mail: list[str] | None = None,
) -> str | None:
    """The document's date, from its own date lines only.

    ``head`` is the title area (title, masthead, date line), ``edges`` the lines at the top of
    the first page and at the foot of the pages (footers, running headers, an e-mail's closing
    small print). Lines are cut at their separators ("·", "|"), and only short parts that are
    no running text count ("Hösten 2020", "vt 2024", "Region Jönköpings län ·
    2022"); years in sentences, citations, counts and after "sedan", "år", "i" never do. The
    title area wins over the edges and a more precise date over a season or a bare year. When
    the lines state different years the document contradicts itself and has no date. A day
    without a year ("den 21 september") takes the stated year, else the file name's, else the
    year that places it before the first coming meeting (``upcoming``); never the PDF's own
    metadata (the moment of export). A date written in digits on an export day (``exported``,
    "YYYY-MM-DD") is a date field that printed the moment of export, and is ignored. Without
    a date in the text, the file name's date. The running text that opens the document
    (``opening``: "Anteckningar från nätverksträffen den 9 oktober 2025") gives its one full
    date when the date lines give none or no more than a bare year of it (a season or a term
    says how precise the document means to be, and wins). An e-mail printed from a mail client
    (``mail``: the first page's texts) is dated by the day its header says it was sent, unless
    the date lines name another month or year.
    """
    meetings = [" ".join(u.split()) for u in upcoming or []]
    head = _date_lines(head, exported, meetings)
    edges = _date_lines(edges, exported, meetings)
    from_name = date_from_filename(filename)
    years = {year for text in head + edges for year in _years(text)}
    if len(years) > 1:
        return None
    year_hint = next(iter(years), None) or (int(from_name[:4]) if from_name else None)
    meeting = _first_full_date(upcoming or []) if year_hint is None else None
    if meeting:
        year_hint = meeting[0]
    first = _opening_date(opening or [], years)
    found = (
        _first(head, lambda t: _precise(t, year_hint, numeric=True))
        or _first(head, _coarse)
        or _first(edges, lambda t: _precise(t, year_hint))
        or _first(edges, _coarse)
        or first
    )
    if first and found == first[:4] and not any(map(_seasonal, head + edges)):
        found = first  # a bare year ("Nätverksnytt 3/2025"), made precise by the opening
    if found and meeting and len(found) == 10:
        found = _before(found, meeting)
    sent = sent_date(mail or [])
    if sent and (not found or sent.startswith(found)):
        found = sent  # "Nyhetsbrev november 2025", sent "den 20 november 2025 09:14"
    return found or from_name


_SENT = re.compile(rf"\b(?:{'|'.join(MAIL_SENT_LABELS)})\s*:\s*", re.IGNORECASE)
_WEEKDAY = re.compile(r"(?:[^\W\d]+,?\s+)?(?:den\s+)?")  # "torsdag 20 …", "den 20 …"
_MAIL_LABEL = re.compile(rf"(?:^|\s)(?:{'|'.join(MAIL_HEADER_LABELS)})\s*:", re.IGNORECASE)
_LABEL_COLUMN = re.compile(
    rf"(?:{'|'.join((*MAIL_HEADER_LABELS, *MAIL_SENT_LABELS))})\s*:", re.IGNORECASE
)
_DAY = re.compile(r"(?<![\d-])\d")  # where a date may begin


def sent_date(texts: list[str]) -> str | None:
    """The day an e-mail printed from a mail client was sent: its header's "Skickat:" or
    "Datum:" line ("den 20 november 2025 09:14", "20 nov. 2025", "2025-11-20", "torsdag 20
    november 2025"), beside another header label ("Från:", "Till:", "Ämne:"); a "Datum:" of a
    coming meeting has no such neighbours. Labels printed in a column of their own ("Från:
    Skickat: Till: …", then the values) give the first date among the values."""
    text = " ".join(texts)  # a label and its value may be cells of their own
    if not _MAIL_LABEL.search(text):
        return None
    for label in _SENT.finditer(text):
        rest = text[label.end() : label.end() + 40]
        if _LABEL_COLUMN.match(rest):
            values = text[label.end() : label.end() + 200]
            dates = (_header_date(values[m.start() :]) for m in _DAY.finditer(values))
            found = next((d for d in dates if d), None)
        else:
            m = _WEEKDAY.match(rest)
            found = _header_date(rest[m.end() if m else 0 :])
        if found:
            return found
    return None


def _header_date(text: str) -> str | None:
    """The full date the text begins with: "20 nov. 2025", "2025-11-20"."""
    date = FULL_DATE.match(text)
    if date:
        return _fmt(*_full_date(date))
    iso = ISO_DATE.match(text)
    if iso and iso.group(3):
        return _fmt(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    return None


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _opening_date(texts: list[str], years: set[int]) -> str | None:
    """The one full date ("den 9 oktober 2025") the opening sentences state, not of a coming
    meeting nor after a preposition ("sedan", "från"), in a year no date line contradicts; none
    when they state two."""
    found: dict[str | None, bool] = {}  # each date, and whether it stands free once
    for sentence in (s for text in texts for s in _SENTENCE_END.split(text)):
        if _COMING.search(sentence):
            continue
        for m in FULL_DATE.finditer(sentence):
            value = _fmt(*_full_date(m))
            found[value] = found.get(value, False) or _free(sentence, m.start(), m.end())
    if len(found) != 1:
        return None
    ((value, free),) = found.items()
    return value if value and free and (not years or int(value[:4]) in years) else None


def _unstamped(text: str, exported: set[str] | None) -> str:
    """The line without dates in digits on the day the PDF was made ("2026-12-02")."""
    if not exported:
        return text

    def stamp(year: str | None, month: str, day: str | None) -> bool:
        return bool(year and day) and _fmt(int(year or 0), int(month), int(day or 0)) in exported

    text = ISO_DATE.sub(lambda m: " " if stamp(m[1], m[2], m[3]) else m[0], text)
    return NUMERIC_DATE.sub(lambda m: " " if stamp(m[3], m[2], m[1]) else m[0], text)


def _first(texts: list[str], read: Callable[[str], str | None]) -> str | None:
    return next((v for v in map(read, texts) if v), None)


def _date_lines(texts: list[str], exported: set[str] | None, meetings: list[str]) -> list[str]:
    """The parts of the lines that may carry the document's date: lines that are no bullet,
    coming meeting or schedule, cut at their separators ("Region Jönköpings län · 2022 · Du
    får det här utskicket …" gives "2022"), parts that are no sentence."""
    lines: list[str] = []
    for text in texts:
        text = text.strip()
        if not text or text[0] in _BULLETS or _COMING.search(text):
            continue
        if len(DAY_MONTH.findall(text)) >= 2 or any(" ".join(text.split()) in m for m in meetings):
            continue  # a schedule, or the coming meetings
        parts = [part.strip() for part in _SEPARATOR.split(text)]
        if parts[0][:1].islower() and not (
            SEASON_YEAR.fullmatch(parts[0]) or TERM_YEAR.fullmatch(parts[0])
        ):
            parts = parts[1:]  # the rest of a sentence broken across columns
        lines.extend(_unstamped(part, exported) for part in parts if _date_line(part))
    return lines


def _date_line(text: str) -> bool:
    """A short part of a line that may carry a date: no sentence, credit or dated heading."""
    words = text.split()
    if not words or len(words) > 20:
        return False
    if len(words) > 4 and text[-1] in ".!?" or re.search(r"[.!?]\s+[A-ZÅÄÖ]", text):
        return False  # a sentence, or several
    return not (_CREDIT.match(text) or _dated_heading(text))


def _dated_heading(text: str) -> bool:
    """A section heading with a period after it: "Resultat 2023", "Kalender hösten 2024"."""
    for pattern in (FULL_DATE, MONTH_YEAR, SEASON_YEAR, TERM_YEAR, YEAR):
        text = pattern.sub(" ", text)
    return text.lower().strip(" :,.·–—-") in _HEADINGS


def _seasonal(text: str) -> bool:
    """Whether a date line names a season or a term ("Hösten 2025", "vt 2024")."""
    return any(_free(text, m.start(), m.end())
               for pattern in (SEASON_YEAR, TERM_YEAR) for m in pattern.finditer(text))


def _free(text: str, start: int, end: int) -> bool:
    """A date mark that stands on its own: not after a preposition ("sedan 2019", "i mars
    2023", "sedan den 3 mars 2019"), not in parentheses (a citation), not part of a range
    ("2023–2024", "2023/24")."""
    before = text[:start]
    words = before.split()
    if words and words[-1].lower() == "den":  # "sedan den 3 mars 2019"
        words = words[:-1]
    if words and words[-1].lower().strip(",:") in TIME_PREPOSITIONS:
        return False
    if before.count("(") > before.count(")"):
        return False
    return not (_RANGE_AFTER.match(text, end) or _RANGE_BEFORE.search(before))


def _coarse(text: str) -> str | None:
    """The year of a season or a term ("Hösten 2020", "vt 2024"), else a year standing alone
    at the end of a line or between separators ("Nässjö kommun · 2024")."""
    return next(_coarse_all(text), None)


def _coarse_all(text: str) -> Iterator[str]:
    """Every season's or term's year in one line, then every year standing alone."""
    for m in SEASON_YEAR.finditer(text):
        if _free(text, m.start(), m.end()):
            yield f"{int(m.group(1)):04d}"
    for m in TERM_YEAR.finditer(text):
        if _free(text, m.start(), m.end()):
            year = int(m.group(1))
            yield f"{year + 2000 if year < 100 else year:04d}"
    for m in YEAR.finditer(text):
        before = text[: m.start()].rstrip()
        if before.endswith(":") or re.search(r"\d$", before):  # "Besök: 2000", "036-10 2000"
            continue
        if _free(text, m.start(), m.end()) and _ALONE_AFTER.match(text, m.end()):
            yield m.group(1)


def _years(text: str) -> set[int]:
    """The years of every date mark in one line ("Hösten 2020–våren 2021" has two)."""
    return {int(v[:4]) for v in (*_precise_all(text, None), *_coarse_all(text))}


def _first_full_date(texts: list[str]) -> tuple[int, int, int] | None:
    dates = [_full_date(m) for text in texts for m in FULL_DATE.finditer(text)]
    return min(dates) if dates else None


def _before(found: str, meeting: tuple[int, int, int]) -> str:
    """Give a day and month the year that places it just before the first coming meeting."""
    month, day = int(found[5:7]), int(found[8:10])
    year = meeting[0] if (month, day) <= meeting[1:] else meeting[0] - 1
    return f"{year:04d}-{month:02d}-{day:02d}"


def _precise(text: str, year_hint: int | None, numeric: bool = False) -> str | None:
    """The first date with a month in one date line (a day without a year takes ``year_hint``;
    ``numeric`` also reads "21/9", only in the title area: "2/3 av familjerna" is no date)."""
    return next(iter(_precise_all(text, year_hint, numeric)), None)


def _month_dates(
    text: str, year_hint: int | None, numeric: bool
) -> list[tuple[re.Match[str], str | None]]:
    """Dates with a month in one line and where they stand, before the free-standing test."""
    found: list[tuple[re.Match[str], str | None]] = []
    for m in FULL_DATE.finditer(text):
        found.append((m, _fmt(*_full_date(m))))
    for m in MONTH_YEAR.finditer(text):
        if not _preceded_by_day(text, m.start()):
            found.append((m, _fmt(int(m.group(2)), MONTH_NUMBERS[m.group(1).lower()])))
    for m in ISO_DATE.finditer(text):
        day = int(m.group(3)) if m.group(3) else None
        if 1 <= int(m.group(2)) <= 12:  # "2023-24" is a school year
            found.append((m, _fmt(int(m.group(1)), int(m.group(2)), day)))
    if not found and year_hint is not None:
        for m in DAY_MONTH.finditer(text):
            month = MONTH_NUMBERS[m.group(2).lower()]
            found.append((m, _fmt(year_hint, month, int(m.group(1)))))
    if not found and numeric:
        for m in NUMERIC_DATE.finditer(text):  # "21/9" or "21/9 2023"
            day, month = int(m.group(1)), int(m.group(2))
            year = int(m.group(3)) if m.group(3) else year_hint
            if year and 1 <= day <= 31 and 1 <= month <= 12:
                found.append((m, _fmt(year, month, day)))
    return found


def _precise_all(text: str, year_hint: int | None, numeric: bool = False) -> list[str]:
    """Every date with a month in one date line, in reading order (see ``_precise``)."""
    found = _month_dates(text, year_hint, numeric)
    kept = [(m.start(), v) for m, v in found if v and _free(text, m.start(), m.end())]
    return [v for _, v in sorted(kept)]


def _preceded_by_day(text: str, start: int) -> bool:
    return bool(re.search(r"\d{1,2}(?::e|:a)?\s+$", text[max(0, start - 6) : start]))


def guess_kind(
    first_page_text: str,
    headings: list[str],
    pages: int,
    filename: str,
    page_size: tuple[float, float],
) -> str:
    """newsletter, poster or document."""
    name = filename.lower()
    if NEWSLETTER_WORDS.search(first_page_text[:600]) or "nyhetsbrev" in name:
        return "newsletter"
    poster_heads = {
        h
        for h in (x.lower().strip(" :") for x in headings)
        if any(h.startswith(p) for p in POSTER_HEADINGS)
    }
    big_page = max(page_size) > 1000  # larger than A4 (A3 is 1191 pt high)
    if pages == 1 and (len(poster_heads) >= 3 or POSTER_WORDS.search(name) or big_page):
        return "poster"
    if POSTER_WORDS.search(name):
        return "poster"
    if NEWSLETTER_WORDS.search(first_page_text):
        return "newsletter"
    return "document"
