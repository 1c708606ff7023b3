"""The JSON shapes of a read document (docs/CONTRACT.md), one pydantic model each.

Reading and tagging work on the plain dataclasses of ``ingest.model``; these models are what
leaves ingestion: the catalogue stores and loads them, the Library returns them, the API and
the command line print them (``model_dump``) and /api/openapi.json describes them
(``model_json_schema``). ``of`` builds one from its dataclass, ``to_model`` gives it back.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from ingest import model
from ingest.model import (
    ACTOR,
    AGE_GROUP,
    FOCUS_AREAS,
    INSPIRED_BY,
    PLACE,
    STAGE,
    TAG_KINDS,
)

TagKind = Literal[TAG_KINDS]  # type: ignore[valid-type]
Kind = Literal["newsletter", "poster", "document"]
FocusArea = Annotated[str, Field(json_schema_extra={"enum": list(FOCUS_AREAS)})]


def _swedish_description(schema: dict[str, Any], cls: type[Record]) -> None:
    """The JSON Schema of a record is described in Swedish (``description_sv``), never by the
    class docstring, which is for the code's readers."""
    schema.pop("description", None)
    if cls.description_sv:
        schema["description"] = cls.description_sv


class Record(BaseModel):
    """A record that crosses a boundary. Besides its attributes it reads as a mapping of its
    JSON fields (``hit["id"]``, ``set(hit)``): the shape callers and tests know."""

    model_config = ConfigDict(from_attributes=True, serialize_by_alias=True, defer_build=True,
                              validate_by_name=True, validate_by_alias=True,
                              json_schema_extra=_swedish_description)
    description_sv: ClassVar[str | None] = None  # the description in /api/openapi.json

    def __getitem__(self, key: str) -> Any:
        name = _field_names(type(self)).get(key)
        if name is None:
            raise KeyError(key)
        return getattr(self, name)

    def get(self, key: str, default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:
            return default

    def __iter__(self) -> Iterator[str]:  # type: ignore[override]
        return iter(_field_names(type(self)))

    def __len__(self) -> int:
        return len(_field_names(type(self)))

    def __contains__(self, key: object) -> bool:
        return key in _field_names(type(self))

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape (``model_dump``)."""
        return self.model_dump()


@cache
def _field_names(cls: type[Record]) -> dict[str, str]:
    """JSON key → attribute name of the fields a record shows (excluded ones left out)."""
    return {(info.serialization_alias or info.alias or name): name
            for name, info in cls.model_fields.items() if not info.exclude}


class Evidence(Record):
    """The words that produced a tag: ``text == example.text[start:end]``."""

    description_sv = "Orden som gav taggen: text == exemplets text[start:end]."

    text: str
    start: int
    end: int


class Tag(Record):
    kind: TagKind
    value: str
    evidence: list[Evidence] = []
    role: str | None = Field(None, description="Bara personer och coacher: t.ex. biträdande "
                             "rektor.")
    source: str = Field("auto", description="auto från taggningen, coordinator från en rättelse.")
    proposed: bool = Field(False, description="Bara insatser: en nyckelfras ur exemplets egen "
                           "text, inte ett begrepp i taxonomin; föreslås samordnarna som nytt "
                           "begrepp.")
    email: str | None = Field(None, description="Bara personer och coacher: e-postadress.")
    phone: str | None = Field(None, description="Bara personer och coacher: telefonnummer.")
    organisation: str | None = Field(None, description="Bara personer och coacher: "
                                     "organisation, t.ex. Eksjö kommun eller Nykvarnsskolan.")


class Section(Record):
    heading: str
    text: str


class Person(Record):
    """A person behind an example, with the contact details the source gives."""

    description_sv = "En person bakom exemplet, med de kontaktuppgifter källan anger."

    name: str
    role: str | None
    organisation: str | None = None
    email: str | None = None
    phone: str | None = None


class Example(Record):
    """One good example with its tags, and the values of each kind of tag as lists."""

    description_sv = "Ett gott exempel med dess taggar, och taggarnas värden per slag."

    id: str = Field(examples=["3f2a9c0d1e4b5a6c-1"])
    document_id: str
    title: str
    team: str | None = None
    team_key: str | None = None
    municipalities: list[str] = []
    places: list[str] = []
    focus_areas: list[FocusArea] = []
    interventions: list[str] = []
    actors: list[str] = []
    persons: list[Person] = []
    coaches: list[Person] = Field(
        [], description="Programmets coacher eller processledare som exemplet nämner (t.ex. "
        "\"Coach: Eva Ek, Qulturum\"); aldrig bland exemplets personer.")
    inspired_by: list[str] = []
    age_groups: list[str] = []
    stage: str | None = None
    sections: list[Section] = []
    text: str
    pages: list[int] = []
    tags: list[Tag] = []
    review_reasons: list[str] = Field(
        [], description="Varför avgränsningen bör granskas (t.ex. oklar rubrik, sammanslagna "
        "spalter); tom när den är säker.")

    @classmethod
    def of(cls, ex: model.Example) -> Example:
        return cls.model_validate({
            "id": ex.id, "document_id": ex.document_id, "title": ex.title, "team": ex.team,
            "team_key": ex.team_key, "municipalities": ex.municipalities,
            "places": ex.values(PLACE), "focus_areas": ex.focus_areas,
            "interventions": ex.interventions, "actors": ex.values(ACTOR),
            "persons": ex.persons(), "coaches": ex.coaches(), "inspired_by": ex.values(INSPIRED_BY),
            "age_groups": ex.values(AGE_GROUP), "stage": next(iter(ex.values(STAGE)), None),
            "sections": ex.sections, "text": ex.text, "pages": ex.pages, "tags": ex.tags,
            "review_reasons": ex.review_reasons,
        })

    def values(self, kind: str) -> list[str]:
        """Distinct tag values of one kind, in first-seen order (as ``model.Example``)."""
        return list(dict.fromkeys(tag.value for tag in self.tags if tag.kind == kind))

    def to_model(self) -> model.Example:
        return model.Example(
            id=self.id, document_id=self.document_id, title=self.title, text=self.text,
            sections=[model.Section(s.heading, s.text) for s in self.sections],
            pages=list(self.pages), team=self.team, team_key=self.team_key,
            tags=[model.Tag(t.kind, t.value,
                            [model.Evidence(e.text, e.start, e.end) for e in t.evidence],
                            t.role, t.source, t.proposed, t.email, t.phone,
                            t.organisation)
                  for t in self.tags],
            review_reasons=list(self.review_reasons))


class Document(Record):
    """A read document (a PDF or an office file): its metadata, context sections and examples."""

    description_sv = "Ett inläst dokument (PDF eller Office-fil) med dess sammanhang och exempel."

    id: str = Field(json_schema_extra={"pattern": "^[0-9a-f]{16}$"})
    filename: str
    title: str
    kind: Kind
    date: str | None = Field(description="YYYY-MM-DD, YYYY-MM eller YYYY")
    pages: int = Field(ge=0)
    sha256: str = ""
    ocr_pages: list[int] = []
    warnings: list[str] = []
    source_format: Literal["pdf", "docx", "pptx", "odt", "odp"] = Field(
        default="pdf", description="Den uppladdade filens format")
    language: str = Field(
        default="sv", pattern="^[a-z]{2,3}$",
        description="Språket texten är skriven på (ISO 639-kod, t.ex. sv, en); sv utom när "
        "texten säkert är på ett annat språk. Taggningen läser svenska: ett dokument på ett "
        "annat språk får en varning och inga föreslagna egna insatser.")
    context: list[Section] = []
    examples: list[Example] = []

    @classmethod
    def of(cls, doc: model.Document) -> Document:
        same = {name: getattr(doc, name) for name in cls.model_fields if name != "examples"}
        return cls.model_validate({**same, "examples": [Example.of(ex) for ex in doc.examples]})

    def to_model(self) -> model.Document:
        return model.Document(
            id=self.id, filename=self.filename, title=self.title, kind=self.kind,
            date=self.date, pages=self.pages, sha256=self.sha256,
            context=[model.Section(s.heading, s.text) for s in self.context],
            examples=[ex.to_model() for ex in self.examples],
            ocr_pages=list(self.ocr_pages), warnings=list(self.warnings),
            source_format=self.source_format, language=self.language)
