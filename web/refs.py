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
    """Library.inspired(...) -> (inspired by, has inspired)."""
    if result is None:
        return [], []
    if isinstance(result, dict):
        by = result.get("inspired_by") or result.get("by") or []
        to = (
            result.get("inspired")
            or result.get("has_inspired")
            or result.get("inspires")
            or result.get("to")
            or []
        )
        return refs(by), refs(to)
    if isinstance(result, tuple | list) and len(result) == 2 and all(
        isinstance(x, list) for x in result
    ):
        return refs(result[0]), refs(result[1])
    return [], refs(result)
