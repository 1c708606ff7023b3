"""The JSON API under /api (see docs/CONTRACT.md and /api/openapi.json)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request, url_for
from pydantic import BaseModel, Field

from ingest.ids import is_document_id
from search.concepts import COUNTY
from search.errors import InvalidRequestError, LibraryError
from search.library import Library
from search.records import (
    Concept,
    ConceptItem,
    Document,
    DocumentEntry,
    Example,
    Job,
    JobBatch,
    Municipality,
    MunicipalityItem,
    SearchResult,
    Spread,
    SpreadCell,
    StartPlan,
    ThesaurusConcept,
    ThesaurusImport,
    Upload,
)
from search.skos import (
    DEFAULT_BASE,
    JSONLD,
    MAX_BYTES,
    MEDIA_TYPES,
    TURTLE,
    filename_for,
    serialize,
)
from web import library, params, uploads
from web.apidoc import PathParam, described
from web.errors import error_response
from web.extensions import api_login_limit, search_limit
from web.library import get_library
from web.openapi import build_spec
from web.params import SearchQuery, UploadForm
from web.security import ApiAuthError, api_user, current_user
from web.spread import SpreadQuery
from web.views.concepts import spread_of
from web.views.start import StartQuery, plan_for

bp = Blueprint("api", __name__, url_prefix="/api")

NOT_FOUND = {404: "Finns inte"}
UPLOAD_ERRORS = {
    400: "Ingen fil eller tom fil",
    401: "Inloggning krävs",
    403: "Behörighet eller CSRF-token saknas",
    404: "Dokumentet som ska ersättas finns inte",
    409: "Samma fil finns redan",
    413: "Filen är för stor eller har för många sidor",
    415: "Inte en PDF eller ett Office-dokument som kan läsas",
    422: "Filen kunde inte läsas",
    429: "För många misslyckade inloggningar",
    500: "Filen kunde inte sparas; ingenting sparades",
    507: "Lagringsutrymmet är fullt; ingenting sparades",
}
JOB_ERRORS = {
    400: "Ingen fil, eller för många filer",
    401: "Inloggning krävs",
    403: "Behörighet eller CSRF-token saknas",
    413: "Uppladdningen är för stor",
    429: "För många misslyckade inloggningar",
    500: "Filerna kunde inte sparas",
    507: "Lagringsutrymmet är fullt; ingenting sparades",
}
JOB_READ_ERRORS = {401: "Inloggning krävs"}
MAX_FILES = 200  # files in one upload (a dropped folder)
THESAURUS_IMPORT_ERRORS = {
    400: "Ingen fil, eller en fil som inte är SKOS i Turtle eller JSON-LD; ingenting ändrades",
    401: "Inloggning krävs",
    403: "Behörighet eller CSRF-token saknas",
    413: "Filen är för stor eller har för många begrepp; ingenting ändrades",
    429: "För många misslyckade inloggningar",
}


class JobForm(BaseModel):
    """The multipart form of POST /api/jobs."""

    file: list[bytes] = Field(description="En eller flera filer (fältet upprepas).")


class JobQuery(BaseModel):
    """The query of GET /api/jobs."""

    batch: str = Field("", max_length=32, description="Uppladdningens id (från POST /api/jobs).")


class ThesaurusImportForm(BaseModel):
    """The multipart form of POST /api/tesaurus/import."""

    file: bytes = Field(description="SKOS-filen: Turtle (.ttl) eller JSON-LD (.jsonld).")


@bp.get("/search")
@described("search", "Sök bland exemplen", SearchResult, "Träffar, facetter och sidinfo",
           query=SearchQuery,
           errors={400: "Ogiltig parameter", 429: "För många sökningar från samma klient"})
@search_limit
def search() -> Response:
    try:
        p = params.parse(
            request.args,
            current_app.config["SEARCH_PER_PAGE"],
            current_app.config["API_MAX_PER_PAGE"],
            strict=True,
        )
    except params.ParamError as exc:
        return error_response(400, str(exc))
    result = library.search(p.q, p.filters, p.page, p.per_page, p.sort)
    library.count_search(result)
    return jsonify(result.json_body())


@bp.get("/examples/<example_id>")
@described("getExample", "Ett exempel", Example, "Exemplet", errors=NOT_FOUND,
           path={"example_id": PathParam("id", "Exemplets id, t.ex. 3f2a9c0d1e4b5a6c-1")})
def example(example_id: str) -> Response:
    item = get_library().example(example_id)
    if item is None or not library.visible(item.document_id):
        return error_response(404, "Exemplet finns inte.")
    return jsonify(item.model_dump())


def _document_entry(doc: Document) -> dict[str, Any]:
    """The document with its addresses (built from the validated document as it is)."""
    return DocumentEntry.model_construct(
        **doc.__dict__, url=url_for("api.document", document_id=doc.id),
        original_url=url_for("examples.original", document_id=doc.id)).model_dump()


@bp.get("/documents")
@described("listDocuments", "Alla inlästa dokument", list[DocumentEntry], "Dokumenten")
def documents() -> Response:
    return jsonify([_document_entry(d) for d in get_library().documents()
                    if library.visible(d.id)])


@bp.get("/documents/<document_id>")
@described("getDocument", "Ett dokument med dess exempel och sammanhang", DocumentEntry,
           "Dokumentet", errors=NOT_FOUND,
           path={"document_id": PathParam("id", "16 hexadecimala tecken")})
def document(document_id: str) -> Response:
    doc = get_library().document(document_id) if is_document_id(document_id) else None
    if doc is None or not library.visible(doc.id):
        return error_response(404, "Dokumentet finns inte.")
    return jsonify(_document_entry(doc))


@bp.post("/documents")
@described("uploadDocument", "Ladda upp en PDF eller ett Office-dokument (samordnare)", Upload,
           "Dokumentet är inläst (202 med jobbet om läsningen ännu pågår efter tio minuter)",
           status=201, errors=UPLOAD_ERRORS, form=UploadForm,
           security=("basicAuth", "sessionCsrf"))
@api_login_limit
def upload() -> Response:
    try:
        user = api_user()
    except ApiAuthError as exc:
        return error_response(exc.status, exc.message)
    file = request.files.get("file")
    if file is None or not file.filename:
        return error_response(
            400, "Fältet file med en fil (PDF, DOCX, PPTX, ODT eller ODP) saknas.")
    replace_id = request.form.get("replace") or None
    if replace_id is not None and (
        not is_document_id(replace_id) or get_library().document(replace_id) is None
    ):
        return error_response(404, "Dokumentet som ska ersättas finns inte.")
    outcome = uploads.store(file, replace_id=replace_id, user=user)
    response = jsonify(uploads.outcome_json(outcome))
    response.status_code = outcome.status
    if outcome.document is not None:
        response.headers["Location"] = url_for("api.document", document_id=outcome.document.id)
    elif outcome.job is not None:
        response.headers["Location"] = url_for("api.job", job_id=outcome.job.id)
    return response


@bp.post("/jobs")
@described("queueUploads", "Lägg en eller flera filer i kö för inläsning (samordnare)",
           JobBatch, "Filerna är sparade och i kö; följ dem med GET /api/jobs?batch=",
           status=202, errors=JOB_ERRORS, form=JobForm, security=("basicAuth", "sessionCsrf"))
@api_login_limit
def queue_uploads() -> Response:
    try:
        user = api_user()
    except ApiAuthError as exc:
        return error_response(exc.status, exc.message)
    files = [f for f in request.files.getlist("file") if f and f.filename]
    if not files:
        return error_response(
            400, "Fältet file med minst en fil (PDF, DOCX, PPTX, ODT eller ODP) saknas.")
    if len(files) > MAX_FILES:
        return error_response(400, f"Högst {MAX_FILES} filer åt gången.")
    try:
        queued = uploads.queue_files(files, user)
    except LibraryError as exc:
        return error_response(exc.status, exc.message)
    response = jsonify(queued.model_dump())
    response.status_code = 202
    return response


@bp.get("/jobs")
@described("jobs", "Uppladdade filer och hur långt inläsningen kommit (samordnare)", list[Job],
           "Jobben i uppladdningen batch, annars de senaste", query=JobQuery,
           errors=JOB_READ_ERRORS, security=("basicAuth", "sessionCsrf"))
def jobs() -> Response:
    denied = _coordinator_only()
    if denied is not None:
        return denied
    batch_id = request.args.get("batch", "")
    found = uploads.batch(batch_id) if batch_id else uploads.recent()
    response = jsonify([j.model_dump() for j in found])
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/jobs/<job_id>")
@described("job", "Ett uppladdat filjobb (samordnare)", Job, "Jobbet",
           path={"job_id": PathParam("id", "Jobbets id")},
           errors={**JOB_READ_ERRORS, 404: "Finns inte"}, security=("basicAuth", "sessionCsrf"))
def job(job_id: str) -> Response:
    denied = _coordinator_only()
    if denied is not None:
        return denied
    found = uploads.job(job_id)
    if found is None:
        return error_response(404, "Jobbet finns inte.")
    response = jsonify(found.model_dump())
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/jobs/<job_id>/retry")
@described("retryJob", "Läs in en fil som misslyckades igen (samordnare)", Job,
           "Jobbet är i kö igen", status=202, path={"job_id": PathParam("id", "Jobbets id")},
           errors={401: "Inloggning krävs", 403: "Behörighet eller CSRF-token saknas",
                   404: "Finns inte", 409: "Jobbet kan inte göras om (det lyckades, pågår, "
                   "eller filen finns inte kvar)", 429: "För många misslyckade inloggningar"},
           security=("basicAuth", "sessionCsrf"))
@api_login_limit
def retry_job(job_id: str) -> Response:
    try:
        api_user()
    except ApiAuthError as exc:
        return error_response(exc.status, exc.message)
    if uploads.job(job_id) is None:
        return error_response(404, "Jobbet finns inte.")
    again = uploads.retry(job_id)
    if again is None:
        return error_response(409, "Jobbet kan inte göras om.")
    response = jsonify(again.model_dump())
    response.status_code = 202
    return response


def _coordinator_only() -> Response | None:
    """Reading jobs needs a coordinator: Basic credentials or a logged-in session."""
    if request.authorization is None and current_user() is not None:
        return None
    try:
        api_user()
    except ApiAuthError as exc:
        return error_response(exc.status, exc.message)
    return None


@bp.get("/concepts")
@described("listConcepts", "Alla insatser (koncept)", list[ConceptItem], "Koncepten")
def concepts() -> Response:
    return jsonify([c.model_dump() for c in get_library().concepts()])


@bp.get("/concepts/<slug>")
@described("getConcept", "Ett koncept: status i länets 13 kommuner, tidslinje, inspiration",
           Concept, "Konceptet", errors=NOT_FOUND,
           path={"slug": PathParam("slug", "t.ex. gemensamma-hembesok")})
def concept(slug: str) -> Response:
    data = get_library().concept(slug)
    if data is None:
        return error_response(404, "Konceptet finns inte.")
    return jsonify(data.model_dump())


@bp.get("/municipalities")
@described("listMunicipalities", "Kommuner med exempel", list[MunicipalityItem],
           "Kommunerna")
def municipalities() -> Response:
    return jsonify([m.model_dump() for m in get_library().municipalities()])


@bp.get("/municipalities/<name>")
@described("getMunicipality", "En kommun: dess exempel och koncept den ännu inte prövat",
           Municipality, "Kommunen", errors=NOT_FOUND,
           path={"name": PathParam("name", "t.ex. Nässjö")})
def municipality(name: str) -> Response:
    data = get_library().municipality(name)
    if data is None:
        return error_response(404, "Kommunen finns inte.")
    return jsonify(data.model_dump())


@bp.get("/tesaurus")
@described("listThesaurus", "Tesaurusen: alla begrepp med samordnarnas ändringar",
           list[ThesaurusConcept], "Begreppen: fokusområden, insatser, ämnen")
def thesaurus() -> Response:
    concepts = get_library().thesaurus.current().concepts
    return jsonify([ThesaurusConcept.model_validate(asdict(c)).model_dump() for c in concepts])


def _skos_file(fmt: str) -> Response:
    base = current_app.config.get("THESAURUS_BASE_URI") or DEFAULT_BASE
    data = serialize(get_library().thesaurus.current(), fmt, base)
    response = Response(data, mimetype=MEDIA_TYPES[fmt].split(";")[0])  # text/*: utf-8 added
    response.headers["Content-Disposition"] = f'attachment; filename="{filename_for(fmt)}"'
    return response


@bp.get("/tesaurus.ttl")
@described("exportThesaurusTurtle", "Tesaurusen som SKOS i Turtle", str,
           "SKOS-filen (exempelbanken-tesaurus.ttl)", media_type=MEDIA_TYPES[TURTLE])
def thesaurus_turtle() -> Response:
    return _skos_file(TURTLE)


@bp.get("/tesaurus.jsonld")
@described("exportThesaurusJsonld", "Tesaurusen som SKOS i JSON-LD", dict[str, Any],
           "SKOS-filen (exempelbanken-tesaurus.jsonld)", media_type=MEDIA_TYPES[JSONLD])
def thesaurus_jsonld() -> Response:
    return _skos_file(JSONLD)


@bp.post("/tesaurus/import")
@described("importThesaurus", "Ta in en SKOS-fil i tesaurusen (samordnare): nya termer och "
           "ämnen läggs till, ingenting tas bort", ThesaurusImport, "Importen är gjord",
           errors=THESAURUS_IMPORT_ERRORS, form=ThesaurusImportForm,
           security=("basicAuth", "sessionCsrf"))
@api_login_limit
def thesaurus_import() -> Response:
    try:
        user = api_user()
    except ApiAuthError as exc:
        return error_response(exc.status, exc.message)
    file = request.files.get("file")
    if file is None or not file.filename:
        return error_response(400, "Fältet file med en SKOS-fil (Turtle eller JSON-LD) saknas.")
    data = file.stream.read(MAX_BYTES + 1)  # one byte over the limit is enough to refuse
    with library.writing() as lib:
        report = lib.thesaurus.import_skos(data, file.filename, user)
    return jsonify(report.model_dump())


@bp.get("/openapi.json")
@described("openapi", "Den här beskrivningen", dict[str, Any], "OpenAPI 3.0")
def openapi() -> Response:
    config = current_app.config
    return jsonify(build_spec(per_page=config["SEARCH_PER_PAGE"],
                              max_per_page=config["API_MAX_PER_PAGE"]))


@bp.get("/spread")
@described("getSpread", "Spridningen: varje koncept i länets 13 kommuner, en status per cell "
           "med underlag", Spread, "Koncept × kommun", query=SpreadQuery,
           errors={400: "Okänt fokusområde eller ogiltigt år"})
def spread() -> Response:
    try:
        data = spread_of(request.args)
    except ValueError as exc:
        return error_response(400, str(exc))
    return jsonify(data.model_dump())


SPREAD_OVERRIDE_ERRORS = {
    400: "Okänd status eller inget skäl (högst 1000 tecken)",
    401: "Inloggning krävs",
    403: "Behörighet eller CSRF-token saknas",
    404: "Konceptet finns inte, eller kommunen är inte en av länets",
    429: "För många misslyckade inloggningar",
}
SPREAD_CELL_PATH = {"slug": PathParam("slug", "t.ex. kamratstod"),
                    "name": PathParam("name", "en av länets kommuner, t.ex. Gislaved")}


class SpreadOverrideForm(BaseModel):
    """The form of PUT /api/spread/{slug}/{name}."""

    status: str = Field(description="planned, ongoing, established, ended eller not_tried.")
    reason: str = Field(description="Varför (högst 1000 tecken).")


def _spread_cell(slug: str, name: str) -> Response:
    concept = get_library().concept(slug)
    assert concept is not None
    return jsonify(concept.spread[name].model_dump())


def _spread_write(slug: str, name: str, change: Callable[[Library, str], object]) -> Response:
    try:
        user = api_user()
    except ApiAuthError as exc:
        return error_response(exc.status, exc.message)
    if get_library().concept(slug) is None or name not in COUNTY:
        return error_response(404, "Konceptet eller kommunen finns inte.")
    try:
        with library.writing() as lib:
            change(lib, user)
    except ValueError as exc:
        return error_response(400, str(exc))
    return _spread_cell(slug, name)


@bp.put("/spread/<slug>/<name>")
@described("setSpreadOverride", "Ändra ett koncepts status i en kommun, med ett skäl "
           "(samordnare)", SpreadCell, "Cellen med ändringen", errors=SPREAD_OVERRIDE_ERRORS,
           form=SpreadOverrideForm, path=SPREAD_CELL_PATH,
           security=("basicAuth", "sessionCsrf"))
@api_login_limit
def set_spread_override(slug: str, name: str) -> Response:
    return _spread_write(slug, name, lambda lib, user: lib.set_spread_override(
        slug, name, request.form.get("status", ""),  # type: ignore[arg-type]
        request.form.get("reason", ""), user))


@bp.delete("/spread/<slug>/<name>")
@described("removeSpreadOverride", "Ta bort en ändrad status: den härleds åter ur exemplen "
           "(samordnare)", SpreadCell, "Cellen utan ändring", errors=SPREAD_OVERRIDE_ERRORS,
           path=SPREAD_CELL_PATH, security=("basicAuth", "sessionCsrf"))
@api_login_limit
def remove_spread_override(slug: str, name: str) -> Response:
    return _spread_write(slug, name, lambda lib, _user: lib.remove_spread_override(slug, name))


@bp.get("/start")
@described("getStart", "För ett nytt team: koncept som passar, de närmaste exemplen (egen "
           "kommun, grannkommuner, länet) och vilka teamet kan kontakta", StartPlan,
           "Förslagen", query=StartQuery,
           errors={400: "Okänd kommun eller ingen text"})
def start() -> Response:
    try:
        plan = plan_for(request.args)
    except InvalidRequestError as exc:
        return error_response(400, str(exc))
    return jsonify(plan.model_dump())
