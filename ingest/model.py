"""The records that flow between the stages: Document, Example, Section, Tag.

Ingestion fills them, tagging adds Tags, search/ stores them. They are plain dataclasses; the
JSON shapes of the outside contract (docs/CONTRACT.md) come from ``to_dict``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
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
TAG_KINDS = (
    MUNICIPALITY, PLACE, TEAM, PERSON, FOCUS_AREA, INTERVENTION, ACTOR, INSPIRED_BY,
    AGE_GROUP, STAGE,
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
    role: str | None = None  # persons only: "biträdande rektor"
    source: str = "auto"  # "auto" from the tagger, "coordinator" from a correction


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
        seen: dict[str, str | None] = {}
        for tag in self.tags:
            if tag.kind == PERSON and (tag.value not in seen or not seen[tag.value]):
                seen[tag.value] = tag.role
        return [{"name": name, "role": role} for name, role in seen.items()]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "document_id": self.document_id,
            "title": self.title,
            "team": self.team,
            "team_key": self.team_key,
            "municipalities": self.municipalities,
            "places": self.values(PLACE),
            "focus_areas": self.focus_areas,
            "interventions": self.interventions,
            "actors": self.values(ACTOR),
            "persons": self.persons(),
            "inspired_by": self.values(INSPIRED_BY),
            "age_groups": self.values(AGE_GROUP),
            "stage": next(iter(self.values(STAGE)), None),
            "sections": [asdict(s) for s in self.sections],
            "text": self.text,
            "pages": list(self.pages),
            "tags": [asdict(t) for t in self.tags],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Example:
        return cls(
            id=data["id"],
            document_id=data["document_id"],
            title=data["title"],
            text=data["text"],
            sections=[Section(**s) for s in data.get("sections", [])],
            pages=list(data.get("pages", [])),
            team=data.get("team"),
            team_key=data.get("team_key"),
            tags=[
                Tag(
                    kind=t["kind"],
                    value=t["value"],
                    evidence=[Evidence(**e) for e in t.get("evidence", [])],
                    role=t.get("role"),
                    source=t.get("source", "auto"),
                )
                for t in data.get("tags", [])
            ],
        )


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

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "filename": self.filename,
            "title": self.title,
            "kind": self.kind,
            "date": self.date,
            "pages": self.pages,
            "sha256": self.sha256,
            "ocr_pages": list(self.ocr_pages),
            "warnings": list(self.warnings),
            "context": [asdict(s) for s in self.context],
            "examples": [e.to_dict() for e in self.examples],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return cls(
            id=data["id"],
            filename=data["filename"],
            title=data["title"],
            kind=data["kind"],
            date=data.get("date"),
            pages=data["pages"],
            sha256=data.get("sha256", ""),
            context=[Section(**s) for s in data.get("context", [])],
            examples=[Example.from_dict(e) for e in data.get("examples", [])],
            ocr_pages=list(data.get("ocr_pages", [])),
            warnings=list(data.get("warnings", [])),
        )
