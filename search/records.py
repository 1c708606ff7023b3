"""What the Library returns, one pydantic model per JSON shape (docs/CONTRACT.md).

The web views and templates read their attributes, the API and the command line print their
``model_dump`` and /api/openapi.json is generated from them: a field is added here once. The
records of a read document (Document, Example, ...) are defined in ``ingest.records``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, PrivateAttr, computed_field

from ingest.records import (
    Document,
    Evidence,
    Example,
    FocusArea,
    Kind,
    Person,
    Record,
    Section,
    Tag,
)
from search.schema import FACETS

__all__ = [
    "Concept", "ConceptBrief", "ConceptItem", "Document", "DocumentEntry", "DocumentRef",
    "Edge", "ErrorBody", "Evidence", "Example", "ExampleSummary", "FileError", "Hit",
    "IngestEvent", "IngestReport", "IngestSummary", "Inspiration", "InspirationSource", "Job",
    "JobBatch", "JobState",
    "Municipality", "MunicipalityItem", "Person", "Record", "ReviewItem", "SearchResult",
    "Section",
    "SkippedFile", "Spread", "SpreadCell", "SpreadEvidence", "SpreadOverride", "SpreadRow",
    "SpreadStatus", "Tag", "ThesaurusConcept", "ThesaurusEdit", "ThesaurusImport",
    "ThesaurusImportSkip", "UntriedConcept", "Upload", "WeakSearch",
]

Sort = Literal["relevance", "date"]
Status = Literal["practised", "planned", "none"]
# A concept's status in one municipality (search/spread.py), one per cell; the UI says it in
# Swedish (SPREAD_LABELS).
SpreadStatus = Literal["planned", "ongoing", "established", "ended", "not_tried"]
SPREAD_LABELS: dict[str, str] = {
    "planned": "Planerad", "ongoing": "Pågående", "established": "Etablerad",
    "ended": "Avslutad", "not_tried": "Inte prövad",
}
IngestOutcome = Literal["started", "read", "skipped", "error"]


class DocumentRef(Record):
    id: str
    title: str
    filename: str


class DocumentEntry(Document):
    """A document as the API lists it: with the addresses of its JSON and its original."""

    description_sv = "Dokumentet med adresserna till dess JSON och originalfil."

    url: str
    original_url: str


class Upload(Document):
    """The answer to an upload that was stored."""

    description_sv = "Det uppladdade dokumentet, sparat som nytt eller som ny version."

    stored_as: Literal["new", "replacement"] = Field(
        description="Nytt dokument eller ny version.")
    replaces: str | None = Field(description="Id för dokumentet som ersattes.")


class ErrorBody(Record):
    description_sv = "Ett fel."

    error: str = Field(description="Felmeddelande på svenska.")
    document_id: str | None = Field(None, description="Befintligt dokument (vid 409).")


# --- search ----------------------------------------------------------------------------------


class Hit(Record):
    description_sv = "En träff: exemplet i korthet med ett textutdrag."

    id: str
    title: str
    team: str | None = None
    document: DocumentRef
    municipalities: list[str] = []
    focus_areas: list[str] = []
    interventions: list[str] = []
    score: float = Field(0.0, description="Relevans; 0.0 vid sortering på datum.")
    snippet: str = Field(
        "", description="HTML-escapad text där träffarna är inramade med <mark>.")
    date: str | None = None
    kind: Kind | None = None
    via: list[str] = Field(
        [], description="Begrepp som exemplet hittades genom, för de sökord det inte skriver "
                        "själv (\"träff via: närvaroarbete\").")
    missing: list[str] = Field(
        [], description="Sökord som exemplet saknar, så som de skrevs: det skriver dem inte "
                        "och hittades inte genom ett begrepp de nämner (\"saknas: boende\").")


Facets = Annotated[dict[str, dict[str, int]], Field(json_schema_extra={"properties": {
    name: {"type": "object", "additionalProperties": {"type": "integer"}} for name in FACETS}})]


class DroppedFilter(Record):
    """What one filter value holds back: the hits the search would have without it."""

    description_sv = "Ett valt filtervärde och antalet träffar utan det."

    facet: str
    value: str
    total: int = Field(ge=0)


class SearchResult(Record):
    """One page of hits, the facet counts over all matches, paging and notes."""

    description_sv = "En sida träffar, facetterna över alla träffar, sidinfo och notiser."

    query: str
    total: int = Field(ge=0)
    hits: list[Hit] = Field(serialization_alias="results", validation_alias="results")
    facets: Facets = Field(description="Antal träffar per värde för varje facett.")
    suggestion: str | None = Field(None, description="Menade du")
    message: str | None = Field(
        None, description="En notis: förkortad fråga, index som byggs om …")
    page: int = 1
    pages: int = 0
    per_page: int = 10
    sort: Sort = "relevance"
    filters: dict[str, list[str]] = {}
    without_filter: list[DroppedFilter] = Field(
        [], description="När inget hittades med filtren, eller bara exempel som inte skriver "
                        "något av sökorden: träffarna utan vart och ett av de valda "
                        "filtervärdena (de som ger någon träff, och fler).")
    # the hits are those of ``suggestion`` ("menade du" was offered: it finds more, or it
    # corrects misspelled words, ``misspelled``)
    corrected: bool = Field(False, exclude=True)
    # ``suggestion`` is the query's words written apart read as the one word they are
    # ("föräldra grupper": föräldragrupper); the hits are that word's, as the query's own
    joined: bool = Field(False, exclude=True)
    # the query's misspelled words that ``suggestion`` corrects, when they are why it was
    # offered: the hits are the suggestion's, as the query's ranked them by its other words
    misspelled: list[str] = Field([], exclude=True)
    # of ``total``, how many have a word of the query that counts (None: not known)
    strong: int | None = Field(None, exclude=True)
    _json: dict[str, Any] | None = PrivateAttr(None)

    def json_body(self) -> dict[str, Any]:
        """The JSON shape (``model_dump``), made once: a cached result is answered many times
        and is never changed after it was made."""
        if self._json is None:
            self._json = self.model_dump()
        return self._json


class WeakSearch(Record):
    """A search that found no example with a word that counts (search/search_log.py)."""

    description_sv = "En sökning som inte hittade något exempel med sökorden."

    query: str
    times: int = Field(ge=1, description="Hur många gånger den gjorts.")
    last_at: str
    total: int = Field(ge=0, description="Träffar senast, via vanliga ord eller rättning.")
    strong: int | None = None
    suggestion: str | None = None
    unwritten: list[str] = Field([], description="Sökordens ord som inget exempel har.")
    practice: str | None = Field(None, description="Insatsen som de flesta av de första "
                                                   "träffarna har.")
    concept: str | None = Field(None, description="Nyckeln till den insatsens begrepp i "
                                                  "tesaurusen.")


# the fields of ``exempelbanken search --json``
CLI_SEARCH_FIELDS = frozenset({"query", "total", "hits", "facets", "suggestion"})


# --- concepts --------------------------------------------------------------------------------


class ExampleSummary(Record):
    """An example as concept, municipality and inspiration pages list it."""

    description_sv = "Ett exempel i korthet."

    id: str
    title: str
    team: str | None = None
    date: str | None = None
    year: int | None = None
    stage: str | None = None
    municipalities: list[str] = []
    interventions: list[str] = []
    inspired_by: list[str] = []
    document: DocumentRef

    @classmethod
    def of(cls, ex: Example, document: Document | None) -> ExampleSummary:
        """An example of ``document`` (None: its document is gone) summed up."""
        date = document.date if document else None
        return cls(id=ex.id, title=ex.title, team=ex.team, date=date,
                   year=int(date[:4]) if date and date[:4].isdigit() else None,
                   stage=ex.stage, municipalities=ex.municipalities,
                   interventions=ex.interventions, inspired_by=ex.inspired_by,
                   document=DocumentRef(id=ex.document_id,
                                        title=document.title if document else "",
                                        filename=document.filename if document else ""))


class Edge(Record):
    """One municipality inspired by another, as an example tells it."""

    description_sv = "En kommun som inspirerat en annan, enligt ett exempel."

    source: str = Field(alias="from")
    target: str = Field(alias="to")
    example_id: str = Field(description="Det första exemplet som anger inspirationen.")
    year: int | None = Field(None, description="Det tidigaste året bland exemplen.")
    example_ids: list[str] = Field([], description="Alla exempel som anger inspirationen.")


class ConceptOwner(Record):
    """A team behind a concept's examples, with its first example."""

    description_sv = "Ett team bakom konceptets exempel, med dess första exempel."

    team: str
    municipalities: list[str] = []
    status: str | None = Field(None, description="Konceptets status i teamets kommun: "
                               "established, ongoing, planned, ended eller not_tried.")
    since: int | None = Field(None, description="Året för teamets första exempel.")
    example_id: str = Field(description="Teamets första exempel av konceptet.")
    example_title: str
    examples: int = Field(ge=1, description="Antal exempel av konceptet från teamet.")


class ConceptCoach(Record):
    """A coach of the programme named on a concept's examples."""

    description_sv = "En av programmets coacher, nämnd på konceptets exempel."

    name: str
    role: str | None = None
    organisation: str | None = None
    email: str | None = None
    phone: str | None = None
    example_ids: list[str] = Field([], description="Konceptets exempel som nämner coachen.")


class SpreadEvidence(Record):
    """An example a spread status is derived from."""

    description_sv = "Ett exempel som en status bygger på."

    example_id: str
    title: str
    date: str | None = None
    year: int | None = None
    stage: str | None = None
    decisive: bool = Field(False, description="Exemplet som avgjorde statusen.")


class SpreadOverride(Record):
    """A coordinator's status for one cell, instead of the derived one."""

    description_sv = "En samordnares status för en cell, i stället för den härledda."

    status: SpreadStatus
    reason: str
    user: str | None = None
    created_at: str


class SpreadCell(Record):
    """One concept in one municipality: its one status and what it rests on."""

    description_sv = "Ett koncept i en kommun: dess status och vad den bygger på."

    municipality: str
    status: SpreadStatus
    label: str = Field(description="Statusen på svenska.")
    derived: SpreadStatus = Field(description="Statusen som exemplen ger, utan ändring.")
    since: int | None = Field(None, description="Första år med praktik.")
    evidence: list[SpreadEvidence] = []
    override: SpreadOverride | None = None


class ConceptBrief(Record):
    slug: str
    name: str
    focus_areas: list[FocusArea] = []


class ConceptItem(ConceptBrief):
    """A concept in the list of all concepts."""

    description_sv = "En insats i länet: var den används och planeras."

    description: str | None = None
    examples: int = Field(ge=0, description="Antal exempel.")
    practised: list[str] = []
    planned: list[str] = []
    status: dict[str, Status] = {}
    first_year: dict[str, int] = {}


class Concept(ConceptBrief):
    """An intervention across the county: where it is practised, planned or missing."""

    description_sv = "En insats i länet: var den används, planeras eller saknas."

    description: str | None = None
    examples: list[ExampleSummary] = []
    status: dict[str, Status] = Field(description="Status i var och en av länets kommuner.")
    first_year: dict[str, int] = {}
    municipalities: dict[str, list[str]] = Field(
        {}, description="Kommun → id för dess exempel.")
    practised: list[str] = []
    planned: list[str] = []
    inspiration: list[Edge] = []
    spread: dict[str, SpreadCell] = Field(
        {}, description="Kommun → status med underlag, för länets 13 kommuner.")
    owners: list[ConceptOwner] = Field(
        [], description="Teamen bakom exemplen: de mest etablerade och tidigaste först.")
    coaches: list[ConceptCoach] = Field(
        [], description="Programmets coacher som exemplen nämner, de oftast nämnda först.")


class UntriedConcept(ConceptBrief):
    practised_in: list[str] = []


class MunicipalityItem(Record):
    name: str
    county: bool = Field(description="En av länets kommuner.")
    examples: int = Field(ge=0, description="Antal exempel.")
    practised: list[str] = Field([], description="Koncept (slug) som kommunen arbetar med.")
    planned: list[str] = []


class Municipality(Record):
    """A municipality: its examples, its concepts and those it has not tried yet."""

    description_sv = "En kommun: dess exempel, dess koncept och de koncept den ännu inte prövat."

    name: str
    county: bool
    examples: list[ExampleSummary] = []
    practised: list[ConceptBrief] = []
    planned: list[ConceptBrief] = []
    not_tried: list[UntriedConcept] = []
    ended: list[ConceptBrief] = []
    statuses: dict[str, SpreadStatus] = Field(
        {}, description="Koncept (slug) → kommunens status, bara i länets kommuner.")
    inspired_by: list[str] = []
    inspired: list[str] = []


class SpreadRow(ConceptBrief):
    """A concept's row of the spread overview: one cell per county municipality."""

    description_sv = "Ett koncepts rad i spridningsöversikten."

    cells: dict[str, SpreadCell] = {}


class Spread(Record):
    """Concepts × the county's municipalities, each cell one status."""

    description_sv = "Koncept × länets kommuner, en status i varje cell."

    municipalities: list[str] = []
    focus_area: str | None = None
    year: int | None = Field(None, description="Läget vid årets slut (inga ändringar).")
    years: list[int] = Field([], description="År som exemplen har.")
    counts: dict[str, int] = Field({}, description="Antal celler per status.")
    rows: list[SpreadRow] = []


class InspirationSource(Record):
    municipality: str
    examples: list[ExampleSummary] = []


class Inspiration(Record):
    """Where an example's idea came from, and whom it inspired."""

    example_id: str
    inspired_by: list[InspirationSource] = []
    inspired: list[ExampleSummary] = []


# --- ingestion -------------------------------------------------------------------------------


# --- thesaurus ---------------------------------------------------------------------------------


class ThesaurusConcept(Record):
    description_sv = ("Ett begrepp i tesaurusen: fokusområde, insats eller ämne, med dess "
                      "namn, synonymer, felstavningar och relationer.")

    key: str
    kind: Literal["focus_area", "intervention", "topic"]
    pref: str = Field(description="Begreppets namn (skos:prefLabel).")
    alt: list[str] = Field([], description="Synonymer och vardagsord (skos:altLabel).")
    hidden: list[str] = Field([], description="Felstavningar (skos:hiddenLabel).")
    related: list[str] = Field([], description="Närliggande insatser, närmast först.")
    focus_areas: list[str] = Field([], description="Bredare begrepp: fokusområdena.")
    definition: str = ""


class ThesaurusEdit(Record):
    description_sv = "En ändring i tesaurusen: vem som gjorde vad och när."

    id: int
    concept: str = Field(description="Begreppets nyckel.")
    action: Literal["add_label", "remove_label", "add_concept"]
    label_type: Literal["alt", "hidden"] | None = None
    label: str
    user: str | None = None
    created_at: str


class HiddenDetail(Record):
    """A person (``detail`` None) or one of their details a coordinator hid on an example."""

    name: str
    detail: Literal["email", "phone", "organisation"] | None = None


class Rereading(Record):
    """A stored document to be read again from its own file, as a replacement of itself."""

    document_id: str
    filename: str
    data: bytes = Field(repr=False)
    review: bool


class AuditEntry(Record):
    description_sv = "En rad i ändringsloggen: vem som ändrade vad och när."

    id: int
    created_at: str
    user: str | None = Field(None, description="Samordnaren; tomt för kommandoraden.")
    action: str = Field(description="Åtgärdens kod, t.ex. tag.add, document.publish.")
    lineage: str | None = Field(None, description="Dokumentet (alla dess versioner).")
    example_id: str | None = None
    summary: str = Field(description="Vad som hände, på svenska.")
    data: dict[str, Any] = Field(default_factory=dict)


ReviewState = Literal["review", "published"]
REVIEW_LABELS: dict[str, str] = {"review": "Att granska", "published": "Publicerad"}


class ReviewItem(Record):
    description_sv = ("Ett dokument i samordnarnas granskning: dess status, antal exempel och "
                      "det som kan behöva ses över (OCR-sidor, varningar).")

    id: str
    title: str
    filename: str
    kind: Kind
    date: str | None = None
    pages: int = 0
    examples: int = Field(0, description="Antal exempel i dokumentet.")
    ocr_pages: list[int] = []
    warnings: list[str] = []
    review: ReviewState = Field(description="review = att granska, published = publicerad.")
    added_at: str = Field(description="När dokumentet lades in (UTC).")

    @property
    def review_label(self) -> str:
        return REVIEW_LABELS[self.review]


class ThesaurusImportSkip(Record):
    description_sv = "Något i en importerad SKOS-fil som inte togs in, och varför."

    concept: str = Field(description="Begreppets namn (annars notation) i filen.")
    label: str | None = Field(None, description="Termen som inte togs in; saknas när hela "
                                                "begreppet hoppades över.")
    reason: str = Field(description="Varför, på svenska.")


class ThesaurusImport(Record):
    description_sv = ("En import av en SKOS-fil till tesaurusen: begrepp som känns igen får "
                      "de termer de saknar, nya ämnen läggs till, ingenting tas bort.")

    filename: str
    format: Literal["turtle", "json-ld"]
    concepts: int = Field(description="Begrepp (skos:Concept) i filen.")
    matched: int = Field(description="Begrepp som fanns (samma notation eller namn).")
    labels_added: int = Field(description="Termer som lades till befintliga och nya begrepp.")
    concepts_added: int = Field(description="Nya ämnen.")
    skipped: list[ThesaurusImportSkip] = []
    user: str | None = None


class SkippedFile(Record):
    path: str
    reason: str
    document_id: str


class FileError(Record):
    path: str
    error: str
    code: str


class IngestSummary(Record):
    documents: int
    examples: int
    skipped: int
    errors: int
    pages: int
    seconds: float


class IngestEvent(Record):
    """Progress of ``Library.ingest_paths``: one ``started`` event when a file is taken up,
    then exactly one ``read``, ``skipped`` or ``error`` event when it is done."""

    model_config = Record.model_config | {"frozen": True}

    index: int  # 1-based position of the file in the batch
    total: int  # files in the batch, paths that do not exist included
    path: str
    outcome: IngestOutcome
    pages: int = 0  # pages read (``read`` only)
    examples: int = 0  # examples stored (``read`` only)
    seconds: float = 0.0  # time spent on this file
    message: str = ""  # the title when read, the reason when skipped, the error text on error
    code: str = ""  # the error code on error (missing, unreadable, storage_failed, ...)


class IngestReport(Record):
    """A batch of ``ingest_paths``; its JSON is ``exempelbanken ingest --json``."""

    documents: list[Document] = []
    skipped: list[SkippedFile] = []
    errors: list[FileError] = []
    seconds: float = Field(0.0, exclude=True)

    @computed_field(alias="summary")  # type: ignore[prop-decorator]
    @property
    def totals(self) -> IngestSummary:
        """Counts of the batch: documents read, their examples and pages, skipped, errors."""
        return IngestSummary(
            documents=len(self.documents),
            examples=sum(len(d.examples) for d in self.documents),
            skipped=len(self.skipped), errors=len(self.errors), pages=self.pages,
            seconds=round(self.seconds, 2))

    @property
    def pages(self) -> int:
        return sum(d.pages for d in self.documents)

    def add_skipped(self, path: Path | str, filename: str, document_id: str) -> None:
        """A file whose bytes are stored already, as ``filename``."""
        self.skipped.append(SkippedFile(path=str(path),
                                        reason=f"Identisk fil finns redan ({filename}).",
                                        document_id=document_id))

    def add_error(self, path: Path | str, message: str, code: str) -> None:
        self.errors.append(FileError(path=str(path), error=message, code=code))

    def summary(self) -> IngestSummary:
        return self.totals


class StartConcept(Record):
    description_sv = "Ett koncept som passar det ett nytt team vill förbättra."

    slug: str
    name: str
    description: str | None = None
    why: str = Field(description="Varför konceptet föreslås.")
    examples: int = Field(ge=0, description="Antal exempel i banken.")
    status_here: str = Field(description="Hur långt konceptet har kommit i teamets kommun.")
    practised_in: list[str] = Field([], description="Andra kommuner där det pågår eller är "
                                                    "etablerat.")
    sheet: str | None = Field(None, description="Det publicerade konceptbladets slug, om "
                              "det finns ett.")
    first_steps: str = Field("", description="Bladets \"Så kommer ni igång\": första stegen.")
    coach: str | None = Field(None, description="Programmets coach för konceptet: bladets, "
                              "annars den som exemplen oftast nämner.")


class StartGroup(Record):
    description_sv = "De närmaste exemplen på ett avstånd: egen kommun, grannar, länet, utanför."

    label: str
    distance: int = Field(ge=0, le=3, description="0 egen kommun, 1 grannkommun, 2 länet, "
                                                  "3 utanför länet.")
    total: int = Field(ge=0, description="Antal träffar på detta avstånd.")
    hits: list[Hit] = []


class StartContact(Record):
    description_sv = "En person att kontakta, från ett av de närmaste exemplen."

    name: str
    role: str | None = None
    organisation: str | None = None
    email: str | None = None
    phone: str | None = None
    team: str | None = None
    example_id: str
    example_title: str
    municipalities: list[str] = []


class StartPlan(Record):
    description_sv = "Det ett nytt team får: koncept, närmaste exempel och vem att kontakta."

    municipality: str
    text: str
    neighbours: list[str] = []
    total: int = Field(ge=0, description="Antal exempel som orden hittar.")
    message: str | None = None
    concepts: list[StartConcept] = []
    groups: list[StartGroup] = []
    contacts: list[StartContact] = []

# --- concept sheets (search/concept_sheets.py) ---------------------------------------------------

SheetState = Literal["utkast", "publicerad"]
SHEET_STATE_LABELS: dict[str, str] = {"utkast": "Utkast", "publicerad": "Publicerad"}


class SheetFields(Record):
    """What a coordinator writes on a concept sheet; every field is plain text (lists: one item
    a line) so a proposal is accepted by copying its sentence in."""

    description_sv = "Konceptbladets fält, skrivna av en samordnare."

    name: str = Field(description="Konceptets namn.")
    description: str = Field("", description="Kort beskrivning.")
    target_group: str = Field("", description="Målgrupp.")
    age_groups: list[str] = Field([], description="Åldrar: 0–6, 6–12, 13–18.")
    core_components: str = Field(
        "", description="Kärnkomponenter: det som måste behållas när man tar efter.")
    first_steps: str = Field("", description="Så kommer ni igång: de första stegen.")
    roles: str = Field("", description="Så kommer ni igång: roller.")
    time_needed: str = Field("", description="Så kommer ni igång: tid.")
    costs: str = Field("", description="Så kommer ni igång: kostnader.")
    results: str = Field("", description="Resultat.")
    measurement: str = Field("", description="Hur resultaten mättes.")
    lessons: str = Field("", description="Lärdomar och fallgropar.")
    owner_team: str = Field("", description="Kontakt: teamet som äger konceptet.")
    coach: str = Field("", description="Kontakt: programmets coach.")


class SheetExample(Record):
    """A linked example as the sheet finds it now: by its document lineage and title, so the
    link survives a new version of the document."""

    id: str = Field(description="Exemplets id nu (eller då det länkades, om det inte finns).")
    title: str
    found: bool = Field(description="Exemplet finns kvar i banken.")
    team: str | None = None
    municipalities: list[str] = []
    date: str | None = None
    document: DocumentRef | None = None


class Proposal(Record):
    """A sentence of a linked example proposed for a field, with where it came from."""

    field: str = Field(description="Fältet förslaget gäller.")
    text: str = Field(description="Meningen (eller värdet) som föreslås.")
    example_id: str
    example_title: str
    section: str = Field(description="Avsnittets rubrik, eller varifrån värdet kom.")
    used: bool = Field(False, description="Texten står redan i fältet.")


class ChecklistItem(Record):
    """One criterion of the transferability checklist (search/sheet_checklist.py)."""

    key: str
    label: str = Field(description="Kriteriet på svenska.")
    question: str
    status: Literal["ok", "partial", "missing"]
    known: list[str] = Field([], description="Vad som stöder kriteriet (fält, exempel).")
    missing: list[str] = Field([], description="Vad som saknas.")


class SheetVersion(Record):
    """One save of a sheet: who, when, what changed."""

    version: int
    state: SheetState
    user: str | None = None
    created_at: str
    changed: list[str] = Field([], description="Fälten som ändrades (svenska namn).")
    fields: SheetFields


class ConceptSheet(Record):
    """A curated concept: the coordinator's sheet with its linked examples and checklist."""

    description_sv = "Ett konceptblad: ett kurerat koncept med exempel och checklista."

    slug: str
    concept: str | None = Field(None, description="Den automatiska insatsens slug, om bladet "
                                "kurerar en.")
    state: SheetState
    version: int
    created_at: str
    created_by: str | None = None
    updated_at: str
    updated_by: str | None = None
    fields: SheetFields
    examples: list[SheetExample] = []
    checklist: list[ChecklistItem] = []

JobState = Literal["queued", "reading", "tagging", "storing", "done", "failed"]


class Job(Record):
    """One uploaded file on its way through the queue (search/jobs.py)."""

    description_sv = ("En uppladdad fil som läses in i bakgrunden: var den är, och till sist "
                      "dokumentet med exemplens rubriker och varningar, eller felet.")

    id: str = Field(description="Jobbets id.")
    batch: str = Field(description="Uppladdningen jobbet hör till (en eller flera filer).")
    filename: str = Field(description="Filens namn.")
    state: JobState = Field(description="queued, reading, tagging, storing, done eller failed.")
    stage: str | None = Field(None, description=(
        "Steget medan filen läses: converting (Office till PDF), pages (sidornas text), "
        "ocr (textigenkänning), tagging."))
    page: int = Field(0, description="Sidan som läses (med stage pages eller ocr).")
    pages: int = Field(0, description="Antal sidor, när det är känt.")
    attempt: int = Field(1, description="Försök nummer; ett avbrutet försök görs om.")
    document_id: str | None = Field(None, description="Det sparade dokumentet (done), "
                                    "eller det befintliga vid en dubblett.")
    replaces: str | None = Field(None, description="Dokumentet som filen ska ersätta.")
    titles: list[str] = Field(default_factory=list, description="Exemplens rubriker (done).")
    warnings: list[str] = Field(default_factory=list, description="Varningar från inläsningen.")
    error: str | None = Field(None, description="Felet på svenska (failed).")
    code: str | None = Field(None, description="Felkoden, som i `ingest --json`, eller "
                             "duplicate.")
    status: int | None = Field(None, description="HTTP-status som felet motsvarar.")
    retryable: bool = Field(False, description="Kan göras om (failed).")
    user: str | None = Field(None, description="Samordnaren som laddade upp.")
    file_removed_at: str | None = Field(None, description=(
        "När filen till ett misslyckat jobb togs bort (den sparas en tid för att kunna "
        "försöka igen, sedan inte); då kan jobbet inte göras om."))
    created_at: str = Field(description="När filen togs emot (UTC, ISO 8601).")
    updated_at: str = Field(description="Senaste ändringen (UTC, ISO 8601).")

    @property
    def finished(self) -> bool:
        return self.state in ("done", "failed")

    @computed_field(description="Hur långt jobbet kommit, 0–100 (100 bara när det är klart).")
    def percent(self) -> int:
        if self.state == "done":
            return 100
        if self.state == "failed":
            return 0
        if self.state == "reading" and self.pages:
            return 10 + round(70 * min(self.page, self.pages) / self.pages)
        return {"queued": 2, "reading": 10, "tagging": 85, "storing": 95}[self.state]

    @computed_field(description="Läget i ord, på svenska.")
    def status_text(self) -> str:
        if self.state == "reading":
            return _reading_text(self.stage, self.page, self.pages)
        if self.state == "done":
            return f"inläst – {len(self.titles)} exempel."
        if self.state == "failed":
            text = self.error or "Filen kunde inte läsas in."
            if self.file_removed_at:
                text += (" Filen sparas inte längre, så det går inte att försöka igen; "
                         "ladda upp den på nytt.")
            return text
        text = {"queued": "i kö", "tagging": "taggar exemplen", "storing": "sparar"}[self.state]
        return text + (f" (försök {self.attempt})" if self.attempt > 1 else "")


def _reading_text(stage: str | None, page: int, pages: int) -> str:
    if stage == "converting":
        return "gör om Office-filen till PDF"
    if stage == "ocr" and pages:
        return f"läser sida {page} av {pages} med textigenkänning (OCR)"
    if stage == "pages" and pages:
        return f"läser {pages} sidor" if page >= pages else f"läser sida {page} av {pages}"
    return "läser"


class JobBatch(Record):
    """The answer to queueing files: the upload's id and one job per file."""

    description_sv = "Filerna som lagts i kö: uppladdningens id och ett jobb per fil."

    batch: str = Field(description="Uppladdningens id.")
    jobs: list[Job] = Field(description="Ett jobb per fil.")
