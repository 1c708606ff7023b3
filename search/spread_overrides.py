"""What the spread reads and keeps in the catalogue besides the examples.

Coordinators' overrides of a cell (table ``spread_overrides``, kept across re-ingestion and
reindexing since nothing but these functions writes it), the change counter the concept pages
are cached on (``spread_changes``, bumped by triggers on every table they are made of, so a
change in any process is seen by all), and the evidence that tells which concept an example's
inspiration is about.
"""

from __future__ import annotations

import json
from collections import defaultdict

from ingest.model import INSPIRED_BY, INTERVENTION
from search.catalogue import PROPOSAL, Catalogue, check_text, now
from search.records import SpreadOverride, SpreadStatus
from search.spread import Span, inspiration_concepts

MAX_REASON = 1000


def change_count(catalogue: Catalogue) -> int:
    """A number that grows with every change of documents, examples, tags or overrides."""
    row = catalogue.conn().execute("SELECT n FROM spread_changes WHERE id=1").fetchone()
    return int(row["n"]) if row else 0


def overrides(catalogue: Catalogue) -> dict[tuple[str, str], SpreadOverride]:
    """Every override by (concept slug, municipality)."""
    rows = catalogue.conn().execute("SELECT * FROM spread_overrides").fetchall()
    return {(r["concept"], r["municipality"]): SpreadOverride(
        status=r["status"], reason=r["reason"], user=r["user"], created_at=r["created_at"])
        for r in rows}


def set_override(catalogue: Catalogue, concept: str, municipality: str, status: SpreadStatus,
                 reason: str, user: str | None) -> SpreadOverride:
    """Keep a coordinator's status for one cell (replacing an earlier one)."""
    check_text((concept, municipality, status, reason, user), "Ändringen")
    created = now()
    with catalogue.transaction() as tx:
        tx.execute(
            "INSERT OR REPLACE INTO spread_overrides (concept, municipality, status, reason, "
            "user, created_at) VALUES (?,?,?,?,?,?)",
            (concept, municipality, status, reason, user, created))
    return SpreadOverride(status=status, reason=reason, user=user, created_at=created)


def remove_override(catalogue: Catalogue, concept: str, municipality: str) -> bool:
    with catalogue.transaction() as tx:
        cursor = tx.execute(
            "DELETE FROM spread_overrides WHERE concept=? AND municipality=?",
            (concept, municipality))
    return cursor.rowcount > 0


def _spans(evidence: str) -> list[Span]:
    return [(int(e["start"]), int(e["end"])) for e in json.loads(evidence or "[]")]


def inspiration_targets(catalogue: Catalogue) -> dict[str, dict[str, set[str]]]:
    """Example id → inspiring municipality → the interventions (lower case) it is about, for
    examples with an inspiration and more than one intervention (the others need no telling)."""
    rows = catalogue.conn().execute(
        "SELECT example_id, kind, value, evidence FROM tags WHERE kind IN (?,?) "
        "AND source != ? AND example_id IN (SELECT example_id FROM tags WHERE kind=?)",
        (INSPIRED_BY, INTERVENTION, PROPOSAL, INSPIRED_BY),
    ).fetchall()
    tags: dict[str, dict[str, dict[str, list[Span]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list)))
    for r in rows:
        tags[r["example_id"]][r["kind"]][r["value"]] += _spans(r["evidence"])
    out: dict[str, dict[str, set[str]]] = {}
    for ex_id, kinds in tags.items():
        interventions = {k.lower(): v for k, v in kinds[INTERVENTION].items()}
        if len(interventions) < 2:
            continue
        row = catalogue.conn().execute("SELECT data FROM examples WHERE id=?",
                                       (ex_id,)).fetchone()
        text = json.loads(row["data"]).get("text", "") if row else ""
        out[ex_id] = {source: inspiration_concepts(text, spans, interventions)
                      for source, spans in kinds[INSPIRED_BY].items()}
    return out
