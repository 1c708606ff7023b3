"""The OpenAPI 3.0 description of the JSON API, served at /api/openapi.json."""

from __future__ import annotations

from typing import Any

from web.params import FACETS, MAX_PAGE


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _strings() -> dict[str, Any]:
    return {"type": "array", "items": {"type": "string"}}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _error(description: str) -> dict[str, Any]:
    return _json(_ref("Error"), description)


NULLABLE_STRING = {"type": "string", "nullable": True}

SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {"type": "string", "description": "Felmeddelande på svenska."},
            "document_id": {"type": "string", "description": "Befintligt dokument (vid 409)."},
        },
    },
    "Section": {
        "type": "object",
        "required": ["heading", "text"],
        "properties": {"heading": {"type": "string"}, "text": {"type": "string"}},
    },
    "Person": {
        "type": "object",
        "required": ["name", "role"],
        "properties": {"name": {"type": "string"}, "role": NULLABLE_STRING},
    },
    "Evidence": {
        "type": "object",
        "required": ["text", "start", "end"],
        "properties": {
            "text": {"type": "string"},
            "start": {"type": "integer"},
            "end": {"type": "integer"},
        },
    },
    "Tag": {
        "type": "object",
        "required": ["kind", "value"],
        "properties": {
            "kind": {
                "type": "string",
                "enum": [
                    "municipality", "place", "team", "person", "focus_area", "intervention",
                    "actor", "inspired_by", "age_group", "stage",
                ],
            },
            "value": {"type": "string"},
            "role": NULLABLE_STRING,
            "source": {"type": "string"},
            "evidence": {"type": "array", "items": _ref("Evidence")},
        },
    },
    "Example": {
        "type": "object",
        "required": [
            "id", "document_id", "title", "team", "municipalities", "places", "focus_areas",
            "interventions", "actors", "persons", "inspired_by", "sections", "text", "pages",
        ],
        "properties": {
            "id": {"type": "string", "example": "3f2a9c0d1e4b5a6c-1"},
            "document_id": {"type": "string"},
            "title": {"type": "string"},
            "team": NULLABLE_STRING,
            "team_key": NULLABLE_STRING,
            "municipalities": _strings(),
            "places": _strings(),
            "focus_areas": {
                "type": "array",
                "items": {
                    "type": "string",
                    "enum": ["Fullföljda studier", "Psykisk hälsa", "Fysisk aktivitet"],
                },
            },
            "interventions": _strings(),
            "actors": _strings(),
            "persons": {"type": "array", "items": _ref("Person")},
            "inspired_by": _strings(),
            "age_groups": _strings(),
            "stage": NULLABLE_STRING,
            "sections": {"type": "array", "items": _ref("Section")},
            "text": {"type": "string"},
            "pages": {"type": "array", "items": {"type": "integer"}},
            "tags": {"type": "array", "items": _ref("Tag")},
        },
    },
    "Document": {
        "type": "object",
        "required": ["id", "filename", "title", "kind", "date", "pages", "context", "examples"],
        "properties": {
            "id": {"type": "string", "pattern": "^[0-9a-f]{16}$"},
            "filename": {"type": "string"},
            "title": {"type": "string"},
            "kind": {"type": "string", "enum": ["newsletter", "poster", "document"]},
            "date": {
                "type": "string",
                "nullable": True,
                "description": "YYYY-MM-DD, YYYY-MM eller YYYY",
            },
            "pages": {"type": "integer", "minimum": 0},
            "sha256": {"type": "string"},
            "ocr_pages": {"type": "array", "items": {"type": "integer"}},
            "warnings": _strings(),
            "context": {"type": "array", "items": _ref("Section")},
            "examples": {"type": "array", "items": _ref("Example")},
            "url": {"type": "string"},
            "original_url": {"type": "string"},
        },
    },
    "DocumentRef": {
        "type": "object",
        "required": ["id", "title", "filename"],
        "properties": {
            "id": {"type": "string"},
            "title": {"type": "string"},
            "filename": {"type": "string"},
        },
    },
    "Hit": {
        "type": "object",
        "required": [
            "id", "title", "document", "municipalities", "focus_areas", "interventions",
            "score", "snippet",
        ],
        "properties": {
            "id": {"type": "string"},
            "title": {"type": "string"},
            "document": _ref("DocumentRef"),
            "municipalities": _strings(),
            "focus_areas": _strings(),
            "interventions": _strings(),
            "score": {"type": "number"},
            "snippet": {
                "type": "string",
                "description": "HTML-escapad text där träffarna är inramade med <mark>.",
            },
        },
    },
    "Facets": {
        "type": "object",
        "description": "Antal träffar per värde för varje facett.",
        "properties": {
            name: {"type": "object", "additionalProperties": {"type": "integer"}}
            for name, _ in FACETS
        },
    },
    "SearchResponse": {
        "type": "object",
        "required": ["query", "total", "results", "facets"],
        "properties": {
            "query": {"type": "string"},
            "total": {"type": "integer", "minimum": 0},
            "results": {"type": "array", "items": _ref("Hit")},
            "facets": _ref("Facets"),
            "suggestion": {"type": "string", "nullable": True, "description": "Menade du"},
            "message": {"type": "string", "nullable": True,
                        "description": "En notis: förkortad fråga, index som byggs om …"},
            "page": {"type": "integer"},
            "pages": {"type": "integer"},
            "per_page": {"type": "integer"},
            "sort": {"type": "string"},
            "filters": {"type": "object", "additionalProperties": _strings()},
        },
    },
    "Concept": {
        "type": "object",
        "description": "En insats i länet: var den används, planeras eller saknas.",
        "properties": {
            "slug": {"type": "string"},
            "name": {"type": "string"},
            "description": NULLABLE_STRING,
            "focus_areas": _strings(),
            "status": {
                "type": "object",
                "additionalProperties": {
                    "oneOf": [
                        {"type": "string", "enum": ["practised", "planned", "none"]},
                        {"type": "object"},
                    ]
                },
            },
        },
    },
    "Municipality": {
        "type": "object",
        "properties": {"name": {"type": "string"}},
    },
}

FILTER_DESCRIPTIONS = {
    "kommun": "Kommun, t.ex. Nässjö",
    "fokus": "Fokusområde, t.ex. Psykisk hälsa",
    "insats": "Insats, t.ex. gemensamma hembesök",
    "aktor": "Aktör, t.ex. socialtjänst",
    "ar": "År, t.ex. 2023",
    "dokumenttyp": "newsletter, poster eller document",
}


def _filter_param(name: str) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": FILTER_DESCRIPTIONS[name] + " (kan upprepas; värdena kombineras).",
        "schema": {"type": "array", "items": {"type": "string", "maxLength": 200}},
        "style": "form",
        "explode": True,
    }


def _path_param(name: str, description: str) -> dict[str, Any]:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "description": description,
        "schema": {"type": "string"},
    }


def build_spec(server_url: str | None = None) -> dict[str, Any]:
    """The whole OpenAPI document."""
    search_params = [
        {
            "name": "q",
            "in": "query",
            "required": False,
            "description": "Sökord (svenska, böjningsformer och sammansättningar matchas).",
            "schema": {"type": "string", "maxLength": 200},
        },
        *(_filter_param(name) for name, _ in FACETS),
        {
            "name": "page",
            "in": "query",
            "required": False,
            "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1},
        },
        {
            "name": "per_page",
            "in": "query",
            "required": False,
            "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 10},
        },
        {
            "name": "sort",
            "in": "query",
            "required": False,
            "schema": {"type": "string", "enum": ["relevance", "date"], "default": "relevance"},
        },
    ]
    spec: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {
            "title": "Exempelbanken API",
            "version": "1.0.0",
            "description": (
                "Sökbara exempel från lärandenätverket Bästa platsen att växa upp, leva och bo "
                "på (Region Jönköpings län). Fältnamn på engelska, värden på svenska."
            ),
        },
        "paths": {
            "/api/search": {
                "get": {
                    "operationId": "search",
                    "summary": "Sök bland exemplen",
                    "parameters": search_params,
                    "responses": {
                        "200": _json(_ref("SearchResponse"), "Träffar, facetter och sidinfo"),
                        "400": _error("Ogiltig parameter"),
                        "429": _error("För många sökningar från samma klient"),
                    },
                }
            },
            "/api/examples/{id}": {
                "get": {
                    "operationId": "getExample",
                    "summary": "Ett exempel",
                    "parameters": [_path_param("id", "Exemplets id, t.ex. 3f2a9c0d1e4b5a6c-1")],
                    "responses": {
                        "200": _json(_ref("Example"), "Exemplet"),
                        "404": _error("Finns inte"),
                    },
                }
            },
            "/api/documents": {
                "get": {
                    "operationId": "listDocuments",
                    "summary": "Alla inlästa dokument",
                    "responses": {
                        "200": _json({"type": "array", "items": _ref("Document")}, "Dokumenten")
                    },
                },
                "post": {
                    "operationId": "uploadDocument",
                    "summary": "Ladda upp en PDF (samordnare)",
                    "security": [{"basicAuth": []}, {"sessionCsrf": []}],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "multipart/form-data": {
                                "schema": {
                                    "type": "object",
                                    "required": ["file"],
                                    "properties": {
                                        "file": {"type": "string", "format": "binary"},
                                        "replace": {
                                            "type": "string",
                                            "description": "Id för ett dokument som ersätts.",
                                        },
                                    },
                                }
                            }
                        },
                    },
                    "responses": {
                        "201": _json({"allOf": [_ref("Document"), {
                            "type": "object",
                            "required": ["stored_as", "replaces"],
                            "properties": {
                                "stored_as": {"type": "string", "enum": ["new", "replacement"],
                                              "description": "Nytt dokument eller ny version."},
                                "replaces": {"type": "string", "nullable": True,
                                             "description": "Id för dokumentet som ersattes."},
                            },
                        }]}, "Dokumentet är inläst"),
                        "400": _error("Ingen fil eller tom fil"),
                        "401": _error("Inloggning krävs"),
                        "403": _error("Behörighet eller CSRF-token saknas"),
                        "404": _error("Dokumentet som ska ersättas finns inte"),
                        "409": _error("Samma fil finns redan"),
                        "413": _error("Filen är för stor eller har för många sidor"),
                        "415": _error("Inte en PDF"),
                        "422": _error("PDF:en kunde inte läsas"),
                        "429": _error("För många misslyckade inloggningar"),
                        "500": _error("Filen kunde inte sparas; ingenting sparades"),
                        "507": _error("Lagringsutrymmet är fullt; ingenting sparades"),
                    },
                },
            },
            "/api/documents/{id}": {
                "get": {
                    "operationId": "getDocument",
                    "summary": "Ett dokument med dess exempel och sammanhang",
                    "parameters": [_path_param("id", "16 hexadecimala tecken")],
                    "responses": {
                        "200": _json(_ref("Document"), "Dokumentet"),
                        "404": _error("Finns inte"),
                    },
                }
            },
            "/api/concepts": {
                "get": {
                    "operationId": "listConcepts",
                    "summary": "Alla insatser (koncept)",
                    "responses": {
                        "200": _json({"type": "array", "items": _ref("Concept")}, "Koncepten")
                    },
                }
            },
            "/api/concepts/{slug}": {
                "get": {
                    "operationId": "getConcept",
                    "summary": "Ett koncept: status i länets 13 kommuner, tidslinje, inspiration",
                    "parameters": [_path_param("slug", "t.ex. gemensamma-hembesok")],
                    "responses": {
                        "200": _json(_ref("Concept"), "Konceptet"),
                        "404": _error("Finns inte"),
                    },
                }
            },
            "/api/municipalities": {
                "get": {
                    "operationId": "listMunicipalities",
                    "summary": "Kommuner med exempel",
                    "responses": {
                        "200": _json(
                            {"type": "array", "items": _ref("Municipality")}, "Kommunerna"
                        )
                    },
                }
            },
            "/api/municipalities/{name}": {
                "get": {
                    "operationId": "getMunicipality",
                    "summary": "En kommun: dess exempel och koncept den ännu inte prövat",
                    "parameters": [_path_param("name", "t.ex. Nässjö")],
                    "responses": {
                        "200": _json(_ref("Municipality"), "Kommunen"),
                        "404": _error("Finns inte"),
                    },
                }
            },
            "/api/openapi.json": {
                "get": {
                    "operationId": "openapi",
                    "summary": "Den här beskrivningen",
                    "responses": {"200": _json({"type": "object"}, "OpenAPI 3.0")},
                }
            },
        },
        "components": {
            "schemas": SCHEMAS,
            "securitySchemes": {
                "basicAuth": {"type": "http", "scheme": "basic"},
                "sessionCsrf": {
                    "type": "apiKey",
                    "in": "header",
                    "name": "X-CSRFToken",
                    "description": "Inloggad session (cookie) plus CSRF-token från sidorna.",
                },
            },
        },
    }
    if server_url:
        spec["servers"] = [{"url": server_url}]
    return spec
