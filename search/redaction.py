"""Taking a person's name, e-mail address or phone number out of a stored document's texts.

A redaction replaces every occurrence in the document's title, context, and each example's
title, text and sections ("Anna Berg" also as "Anna\\nBerg" and "Anna Bergs", an address also
split over two lines, a number however it is spaced) by a marker such as "[raderad person]";
the evidence of the remaining tags is moved to the new offsets, so that
``example.text[e.start:e.end] == e.text`` still holds, and person and coach tags of the name go.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ingest.model import COACH, PERSON, Document, Evidence, Example, Section
from ingest.tagging.addresses import emails, national_digits, phones

PEOPLE = (PERSON, COACH)  # tags that name a person: the team's own and the programme's coaches


def normal_name(name: str) -> str:
    """A name as compared: lowercase, accents kept, spaces folded ("Anna  BERG" → "anna berg")."""
    return " ".join(unicodedata.normalize("NFC", name).lower().split())


def _name_pattern(name: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in name.split()]
    return re.compile(r"(?<![\w@.])" + r"\s+".join(words) + r"s?(?![\w@])", re.IGNORECASE)


@dataclass
class Terms:
    """What to take out: names, e-mail addresses and phone numbers, each with its marker."""

    names: dict[str, str] = field(default_factory=dict)  # name → marker
    emails: dict[str, str] = field(default_factory=dict)  # lowercase address → marker
    phones: dict[str, str] = field(default_factory=dict)  # national digits → marker

    def __bool__(self) -> bool:
        return bool(self.names or self.emails or self.phones)

    def add_person(self, name: str | None, marker: str, email: str | None = None,
                   phone: str | None = None) -> None:
        if name and name.strip():
            self.names[" ".join(name.split())] = marker
        if email:
            self.emails[email.lower()] = marker
        if phone:
            self.phones[national_digits(phone)] = marker


def spans(text: str, terms: Terms) -> list[tuple[int, int, str]]:
    """(start, end, marker) of every occurrence in ``text``, without overlaps, in order."""
    found: list[tuple[int, int, str]] = []
    for f in emails(text):
        if f.value.lower() in terms.emails:
            found.append((f.start, f.end, terms.emails[f.value.lower()]))
    for f in phones(text):
        if national_digits(f.value) in terms.phones:
            found.append((f.start, f.end, terms.phones[national_digits(f.value)]))
    for name, marker in terms.names.items():
        found += [(m.start(), m.end(), marker) for m in _name_pattern(name).finditer(text)]
    found.sort(key=lambda s: (s[0], -s[1]))
    out: list[tuple[int, int, str]] = []
    for s in found:
        if not out or s[0] >= out[-1][1]:
            out.append(s)
    return out


def redact_text(text: str, terms: Terms) -> tuple[str, list[tuple[int, int, int]]]:
    """The text with every occurrence replaced, and the shifts: (old start, old end, change of
    length) of each replacement, for moving offsets."""
    out, shifts, pos = [], [], 0
    for start, end, marker in spans(text, terms):
        out.append(text[pos:start])
        out.append(marker)
        shifts.append((start, end, len(marker) - (end - start)))
        pos = end
    out.append(text[pos:])
    return "".join(out), shifts


def _move(offset: int, shifts: list[tuple[int, int, int]]) -> int:
    return offset + sum(delta for _, end, delta in shifts if end <= offset)


def _redact_example(ex: Example, terms: Terms) -> bool:
    """Redact one example in place; True when anything changed."""
    text, shifts = redact_text(ex.text, terms)
    title, _ = redact_text(ex.title, terms)
    sections = [Section(redact_text(s.heading, terms)[0], redact_text(s.text, terms)[0])
                for s in ex.sections]
    names = {normal_name(n) for n in terms.names}
    tags = []
    for tag in ex.tags:
        if tag.kind in PEOPLE and (normal_name(tag.value) in names
                                   or (tag.email or "").lower() in terms.emails):
            continue
        if tag.kind in PEOPLE:
            if tag.email and tag.email.lower() in terms.emails:
                tag.email = None
            if tag.phone and national_digits(tag.phone) in terms.phones:
                tag.phone = None
        tag.evidence = _moved(tag.evidence, shifts, text)
        tags.append(tag)
    changed = text != ex.text or title != ex.title or len(tags) != len(ex.tags) or \
        sections != ex.sections
    ex.text, ex.title, ex.sections, ex.tags = text, title, sections, tags
    return changed


def _moved(evidence: list[Evidence], shifts: list[tuple[int, int, int]],
           text: str) -> list[Evidence]:
    """Evidence at its new offsets; evidence that overlapped a replacement is dropped."""
    out = []
    for e in evidence:
        if any(s < e.end and e.start < end for s, end, _ in shifts):
            continue
        start, end = _move(e.start, shifts), _move(e.end, shifts)
        out.append(Evidence(text[start:end], start, end))
    return out


def redact_document(doc: Document, terms: Terms) -> list[str]:
    """Redact a document in place; the ids of the examples that changed (the document's own
    title and context change too, without an id)."""
    if not terms:
        return []
    doc.title = redact_text(doc.title, terms)[0]
    doc.context = [Section(redact_text(s.heading, terms)[0], redact_text(s.text, terms)[0])
                   for s in doc.context]
    return [ex.id for ex in doc.examples if _redact_example(ex, terms)]


def mentions(doc: Document, terms: Terms) -> bool:
    """True if any text of the document holds one of the terms."""
    return any(spans(t, terms) for t in doc.texts())
