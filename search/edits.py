"""Coordinator edits of a document's examples: tag corrections, merges and splits.

They work on an in-memory Document so that the same code applies a fresh correction and
re-applies stored corrections after the document has been read and tagged again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from ingest.model import STAGE, TEAM, Document, Evidence, Example, Section, Tag
from ingest.tagging import team_key
from search import persons
from search.catalogue import title_key

MERGE = "_merge"
SPLIT = "_split"


def apply_tag(ex: Example, kind: str, value: str, action: str, role: str | None = None) -> bool:
    """Add or remove one tag on an example. Returns whether anything changed."""
    if action == "remove":
        before = len(ex.tags)
        ex.tags = [t for t in ex.tags if not (t.kind == kind and t.value == value)]
        changed = len(ex.tags) != before
        if kind == TEAM and ex.team == value:
            ex.team, ex.team_key, changed = None, None, True
        return changed
    if kind in (STAGE, TEAM):
        ex.tags = [t for t in ex.tags if t.kind != kind or t.value == value]
    existing = [t for t in ex.tags if t.kind == kind and t.value == value]
    if kind == TEAM:
        ex.team, ex.team_key = value, team_key(value)
    if existing:
        for t in existing:
            t.source = "coordinator"
            if role:
                t.role = role
        return True
    ex.tags.append(Tag(kind=kind, value=value, role=role, source="coordinator"))
    return True


def _renumber_id(doc: Document) -> str:
    used = []
    for ex in doc.examples:
        tail = ex.id.rsplit("-", 1)[-1]
        if tail.isdigit():
            used.append(int(tail))
    return f"{doc.id}-{max(used, default=0) + 1}"


def merge(doc: Document, ids: list[str]) -> Example:
    """Merge examples of one document into the first of them (in reading order); each merged
    example is at least one section of the result, so that the merge can be split again."""
    members = [ex for ex in doc.examples if ex.id in set(ids)]
    if len(members) < 2:
        raise ValueError("Minst två exempel ur samma dokument behövs för att slå ihop.")
    first = members[0]
    if not first.sections:
        first.sections = [Section("", first.text)]
    text = first.text
    for other in members[1:]:
        # an example without sections comes in as one, under its title: it can be split off again
        if not other.sections:
            other.sections = [Section(other.title, other.text)]
        shift = len(text) + 2
        text = text + "\n\n" + other.text
        first.sections.extend(other.sections)
        first.pages = sorted(set(first.pages) | set(other.pages))
        seen = {(t.kind, t.value) for t in first.tags}
        for t in other.tags:
            moved = [Evidence(e.text, e.start + shift, e.end + shift) for e in t.evidence]
            if (t.kind, t.value) in seen:
                for mine in first.tags:
                    if (mine.kind, mine.value) == (t.kind, t.value):
                        mine.evidence.extend(moved)
                        break
            else:
                first.tags.append(replace(t, evidence=moved))
                seen.add((t.kind, t.value))
        if not first.team and other.team:
            first.team, first.team_key = other.team, other.team_key
    first.text = text
    drop = {ex.id for ex in members[1:]}
    doc.examples = [ex for ex in doc.examples if ex.id not in drop]
    return first


def split(doc: Document, ex_id: str, section_index: int) -> list[Example]:
    """Split an example before its section ``section_index`` (1 … len(sections)-1)."""
    pos = next((i for i, ex in enumerate(doc.examples) if ex.id == ex_id), None)
    if pos is None:
        raise KeyError(ex_id)
    ex = doc.examples[pos]
    if not 0 < section_index < len(ex.sections):
        raise ValueError("Exemplet kan bara delas mellan två av dess avsnitt.")
    second_sec = ex.sections[section_index]
    cut = -1
    for probe in (second_sec.heading, second_sec.text[:60]):
        if probe:
            cut = ex.text.find(probe)
            if cut > 0:
                break
    if cut <= 0:
        first_text = "\n\n".join(f"{s.heading}\n{s.text}".strip()
                                 for s in ex.sections[:section_index])
        cut = min(len(first_text), len(ex.text))
    text1, text2 = ex.text[:cut].rstrip(), ex.text[cut:].lstrip()
    offset = len(ex.text) - len(text2)
    tags1: list[Tag] = []
    tags2: list[Tag] = []
    for t in ex.tags:
        ev1 = [e for e in t.evidence if e.end <= len(text1)]
        ev2 = [Evidence(e.text, e.start - offset, e.end - offset) for e in t.evidence
               if e.start >= offset]
        if not t.evidence or ev1:
            tags1.append(replace(t, evidence=ev1))
        if not t.evidence or ev2:
            tags2.append(replace(t, evidence=ev2))
    new = Example(
        id=_renumber_id(doc), document_id=ex.document_id,
        title=second_sec.heading or f"{ex.title} (del 2)", text=text2,
        sections=ex.sections[section_index:], pages=list(ex.pages), team=ex.team,
        team_key=ex.team_key, tags=tags2,
    )
    ex.text, ex.sections, ex.tags = text1, ex.sections[:section_index], tags1
    doc.examples.insert(pos + 1, new)
    return [ex, new]


def reapply(doc: Document, corrections: Iterable[Any]) -> None:
    """Re-apply stored corrections (rows with title_key, kind, value, role, action) in order."""
    for row in corrections:
        kind, value, key = row["kind"], row["value"], row["title_key"]
        matches = [ex for ex in doc.examples if title_key(ex.title) == key]
        try:
            if kind == MERGE:
                keys = json.loads(value)
                ids = []
                for k in keys:
                    ids.extend(ex.id for ex in doc.examples if title_key(ex.title) == k)
                if len(ids) >= 2:
                    merge(doc, ids)
            elif kind == SPLIT:
                if matches:
                    split(doc, matches[0].id, int(value))
            elif kind in persons.HIDE_KINDS:
                persons.reapply_hide(doc, matches, kind, value)
            else:
                for ex in matches:
                    apply_tag(ex, kind, value, row["action"], row["role"])
        except (ValueError, KeyError, TypeError):
            continue
