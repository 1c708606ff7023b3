"""The example being read (a draft until the segmenter is done) and the context sections."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ingest.model import Section
from ingest.text import join_lines


def continues(previous: str, text: str) -> bool:
    """A paragraph broken by a column or page end: no closing punctuation, lowercase next."""
    tail = previous.rstrip()
    return (
        bool(tail)
        and not tail.endswith((".", "!", "?", ":", "”", '"', ")"))
        and (text[:1].islower() or tail.endswith(("-", "\u00ad")))
    )


@dataclass
class Draft:
    title: str
    level: int | None
    parts: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    pages: set[int] = field(default_factory=set)
    body_chars: int = 0
    review: list[str] = field(default_factory=list)  # why the cut is unsure (Swedish)
    section_at: list[int] = field(default_factory=list)  # where each section begins in parts

    def flag(self, reason: str) -> None:
        if reason not in self.review:
            self.review.append(reason)

    def add(self, text: str, pages: list[int], body: bool = True) -> None:
        self.pages.update(pages)
        if body and self.parts and self.body_chars and continues(self.parts[-1], text):
            self.parts[-1] = join_lines([self.parts[-1], text])
            if self.sections and self.sections[-1].text:
                self.sections[-1].text = join_lines([self.sections[-1].text, text])
            self.body_chars += len(text)
            return
        self.parts.append(text)
        if body:
            self.body_chars += len(text)
            if self.sections:
                sec = self.sections[-1]
                sec.text = f"{sec.text}\n\n{text}" if sec.text else text

    def add_to(self, index: int, text: str, pages: list[int]) -> None:
        """Text that goes on with an earlier part (a table cell cut by a page break, read after
        the other cells of its row)."""
        self.pages.update(pages)
        before = self.parts[index]
        joined = continues(before, text)
        self.parts[index] = join_lines([before, text]) if joined else f"{before}\n\n{text}"
        self.body_chars += len(text)

    def section(self, heading: str, pages: list[int], in_text: bool = True) -> None:
        self.section_at.append(len(self.parts))
        if in_text:
            self.parts.append(heading)
        self.pages.update(pages)
        self.sections.append(Section(heading=heading, text=""))


    def lead(self) -> str:
        """The text before the first section (the title included)."""
        return "\n".join(self.parts[: self.section_at[0] if self.section_at else None])

    def split_off(self, leaves: Callable[[Section], bool]) -> list[Section]:
        """The sections ``leaves`` says are not the example's (a talk reported under a team's
        sub-heading), taken out of it with their heading and text."""
        gone: list[Section] = []
        for i in reversed(range(len(self.sections))):
            if not leaves(self.sections[i]):
                continue
            start = self.section_at[i]
            end = self.section_at[i + 1] if i + 1 < len(self.section_at) else len(self.parts)
            del self.parts[start:end]
            shift = end - start
            self.section_at[i + 1:] = [at - shift for at in self.section_at[i + 1:]]
            del self.section_at[i]
            section = self.sections.pop(i)
            self.body_chars -= len(section.text)
            gone.insert(0, section)
        return gone


@dataclass
class Segmented:
    examples: list[Draft]
    context: list[Section]


class Context:
    def __init__(self) -> None:
        self.sections: list[Section] = []

    def heading(self, text: str) -> None:
        self.sections.append(Section(heading=text, text=""))

    def add(self, text: str) -> None:
        if not self.sections:
            self.sections.append(Section(heading="", text=""))
        sec = self.sections[-1]
        if sec.text and continues(sec.text, text):
            sec.text = join_lines([sec.text, text])
        else:
            sec.text = f"{sec.text}\n\n{text}" if sec.text else text
