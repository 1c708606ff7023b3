"""Turning whatever the Library returns about related examples into uniform template rows."""

from __future__ import annotations

from typing import Any


def ref(item: Any) -> dict[str, Any]:
    """An Example, a Hit dict or a plain name -> {id, title, municipalities, date, document}."""
    if isinstance(item, str):
        return {"id": None, "title": item, "municipalities": [], "date": None}
    if isinstance(item, dict):
        document = item.get("document") or {}
        return {
            "id": item.get("id") or item.get("example_id"),
            "title": item.get("title") or item.get("name") or item.get("municipality") or "",
            "municipalities": list(item.get("municipalities") or []),
            "date": item.get("date") or (document.get("date") if document else None),
            "year": item.get("year"),
            "document": document,
            "team": item.get("team"),
            "snippet": item.get("snippet"),
            "municipality": item.get("municipality"),
        }
    return {
        "id": getattr(item, "id", None),
        "title": getattr(item, "title", str(item)),
        "municipalities": list(getattr(item, "municipalities", []) or []),
        "date": getattr(item, "date", None),
        "team": getattr(item, "team", None),
        "document": {"id": getattr(item, "document_id", None)},
    }


def refs(items: Any) -> list[dict[str, Any]]:
    return [ref(i) for i in (items or [])]


def inspiration(result: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Library.inspired(...) -> (inspired by: [{municipality, examples}], has inspired)."""
    if result is None:
        return [], []
    if isinstance(result, dict):
        by = []
        for entry in result.get("inspired_by") or []:
            if isinstance(entry, dict) and "municipality" in entry and "title" not in entry:
                by.append({"municipality": entry["municipality"],
                           "examples": refs(entry.get("examples"))})
            else:
                by.append({"municipality": None, "examples": [ref(entry)]})
        to = (
            result.get("inspired")
            or result.get("has_inspired")
            or result.get("inspires")
            or result.get("to")
            or []
        )
        return by, refs(to)
    return [], refs(result)
