"""The records that flow between the stages: Document, Example, Section, Tag.

Ingestion fills them, tagging adds Tags, search/ stores them. They are plain dataclasses; the
JSON shapes of the outside contract (docs/CONTRACT.md) are the pydantic models of
``ingest.records``, built from these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["newsletter", "poster", "document"]

# Tag kinds, in the order the contract lists the Example fields they feed.
MUNICIPALITY = "municipality"
PLACE = "place"
TEAM = "team"
PERSON = "person"
FOCUS_AREA = "focus_area"
INTERVENTION = "intervention"
ACTOR = "actor"
INSPIRED_BY = "inspired_by"
AGE_GROUP = "age_group"
STAGE = "stage"
# the programme's coach or process lead who supports the team ("Coach: Eva Ek, Qulturum"):
# named on the example, never one of its persons
COACH = "coach"
TAG_KINDS = (
    MUNICIPALITY, PLACE, TEAM, PERSON, FOCUS_AREA, INTERVENTION, ACTOR, INSPIRED_BY,
    AGE_GROUP, STAGE, COACH,
)

FOCUS_AREAS = ("Fullföljda studier", "Psykisk hälsa", "Fysisk aktivitet")


@dataclass
class Evidence:
    """The words that produced a tag: ``text == example.text[start:end]``."""

    text: str
    start: int
    end: int


@dataclass
class Tag:
    kind: str
    value: str
    evidence: list[Evidence] = field(default_factory=list)
    role: str | None = None  # persons and coaches only: "biträdande rektor"
    source: str = "auto"  # "auto" from the tagger, "coordinator" from a correction
    # interventions only: a key phrase of the example's own (not a taxonomy term), proposed
    # to coordinators as a new term
    proposed: bool = False
    email: str | None = None  # persons only
    phone: str | None = None  # persons only
    organisation: str | None = None  # persons only: "Eksjö kommun", "Nykvarnsskolan"


@dataclass
class Section:
    heading: str
    text: str


@dataclass
class Example:
    id: str
    document_id: str
    title: str
    text: str
    sections: list[Section] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    team: str | None = None
    team_key: str | None = None
    tags: list[Tag] = field(default_factory=list)
    # why a coordinator should check how the example was cut ("oklar rubrik", "sammanslagna
    # spalter"); empty when segmentation is sure of it
    review_reasons: list[str] = field(default_factory=list)

    @property
    def needs_review(self) -> bool:
        return bool(self.review_reasons)

    def values(self, kind: str) -> list[str]:
        """Distinct tag values of one kind, in first-seen order."""
        seen: dict[str, None] = {}
        for tag in self.tags:
            if tag.kind == kind:
                seen.setdefault(tag.value, None)
        return list(seen)

    @property
    def municipalities(self) -> list[str]:
        return self.values(MUNICIPALITY)

    @property
    def focus_areas(self) -> list[str]:
        return self.values(FOCUS_AREA)

    @property
    def interventions(self) -> list[str]:
        return self.values(INTERVENTION)

    def persons(self) -> list[dict[str, str | None]]:
        """Name, role, organisation, e-mail and phone of each person (the first tag that gives
        each)."""
        return self._people(PERSON)

    def coaches(self) -> list[dict[str, str | None]]:
        """The programme's coaches named on the example, as ``persons``."""
        return self._people(COACH)

    def _people(self, kind: str) -> list[dict[str, str | None]]:
        seen: dict[str, dict[str, str | None]] = {}
        for tag in self.tags:
            if tag.kind != kind:
                continue
            person = seen.setdefault(tag.value, {"name": tag.value, "role": None,
                                                 "organisation": None, "email": None,
                                                 "phone": None})
            for key, value in (("role", tag.role), ("organisation", tag.organisation),
                               ("email", tag.email), ("phone", tag.phone)):
                person[key] = person[key] or value
        return list(seen.values())

    def proposed_interventions(self) -> list[str]:
        """The interventions that are the example's own key phrases, not taxonomy terms."""
        return list(dict.fromkeys(
            t.value for t in self.tags if t.kind == INTERVENTION and t.proposed))

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON shape: ``ingest.records.Example``."""
        from ingest.records import Example as ExampleRecord

        return ExampleRecord.of(self).model_dump()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Example:
        from ingest.records import Example as ExampleRecord

        return ExampleRecord.model_validate(data).to_model()


@dataclass
class Document:
    id: str
    filename: str
    title: str
    kind: Kind
    date: str | None  # "YYYY-MM-DD" | "YYYY-MM" | "YYYY" | None
    pages: int
    sha256: str = ""
    context: list[Section] = field(default_factory=list)
    examples: list[Example] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    source_format: str = "pdf"  # the uploaded file's format: pdf, docx, pptx, odt, odp
    language: str = "sv"  # ISO 639 code of the language its text is written in ("sv", "en")
    # an office file's PDF as LibreOffice made it, kept beside the original for page pictures;
    # derived from the file at ingest time, never part of the record
    rendition: bytes | None = field(default=None, repr=False, compare=False)

    def texts(self) -> list[str]:
        """Every text of the document in reading order: its title, each context section
        (heading and text), each example's title and text."""
        return [self.title, *(f"{s.heading}\n{s.text}" for s in self.context),
                *(t for ex in self.examples for t in (ex.title, ex.text))]

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON shape: ``ingest.records.Document``."""
        from ingest.records import Document as DocumentRecord

        return DocumentRecord.of(self).model_dump()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        from ingest.records import Document as DocumentRecord

        return DocumentRecord.model_validate(data).to_model()
