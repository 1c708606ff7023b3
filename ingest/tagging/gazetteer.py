"""Swedish municipalities (all 290) and places of Jönköpings län mapped to their municipality."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ingest.lexicon import COUNTY_MUNICIPALITIES
from ingest.tagging.resources import MUNICIPALITIES_FILE, PLACES_FILE, read_tsv


@dataclass(frozen=True)
class Municipality:
    name: str
    county: str
    ambiguous: bool = False


@dataclass(frozen=True)
class Place:
    name: str
    municipality: str
    kind: str  # ort | stadsdel | skola | enhet | kommun
    ambiguous: bool = False


@lru_cache(maxsize=1)
def municipality_records() -> tuple[Municipality, ...]:
    return tuple(
        Municipality(r["kommun"], r["län"], r.get("tvetydig", "0") == "1")
        for r in read_tsv(MUNICIPALITIES_FILE)
    )


def municipalities() -> list[tuple[str, str]]:
    """(name, county) of all 290 Swedish municipalities, names without "kommun"."""
    return [(m.name, m.county) for m in municipality_records()]


def home_municipalities() -> list[str]:
    """The 13 municipalities of Jönköpings län."""
    return list(COUNTY_MUNICIPALITIES)


@lru_cache(maxsize=1)
def place_records() -> tuple[Place, ...]:
    return tuple(
        Place(r["namn"], r["kommun"], r["typ"], r.get("tvetydig", "0") == "1")
        for r in read_tsv(PLACES_FILE)
    )


@lru_cache(maxsize=1)
def names() -> dict[str, Place]:
    """Every name the tagger looks for → Place (municipalities as kind "kommun")."""
    out: dict[str, Place] = {}
    for m in municipality_records():
        out[m.name] = Place(m.name, m.name, "kommun", m.ambiguous)
    for p in place_records():
        out.setdefault(p.name, p)
    return out


def genitive(name: str) -> str:
    """Swedish genitive of a proper name: Nässjö → Nässjös, Tranås → Tranås."""
    return name if name[-1] in "sxz" else name + "s"


@lru_cache(maxsize=1)
def surface_forms() -> dict[str, str]:
    """Surface form (name, genitive, upper case) → canonical name."""
    out: dict[str, str] = {}
    for name in names():
        for form in {name, genitive(name)}:
            out.setdefault(form, name)
            out.setdefault(form.upper(), name)
    return out


def municipality_of(name: str) -> str | None:
    place = names().get(name)
    return place.municipality if place else None
