"""The editable taxonomy (ingest/data/taxonomy.yaml): focus areas, interventions, actors …

``taxonomy()`` reads the file once per process, or takes a copy read earlier (``preset``: the
search side keeps one in the data directory, search/start_tables.py, so that a search from the
command line does not parse the YAML file on every start).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ingest.model import FOCUS_AREAS
from ingest.tagging.resources import TAXONOMY_FILE


@dataclass(frozen=True)
class FocusArea:
    name: str
    description: str
    triggers: tuple[str, ...]


@dataclass(frozen=True)
class Intervention:
    slug: str
    name: str
    focus_areas: tuple[str, ...]
    description: str
    triggers: tuple[str, ...]
    # words in one sentence; a word is "a|b" for alternatives, "*x" for any word ending in x
    near: tuple[tuple[str, ...], ...] = ()
    min_hits: int = 1
    # single words that name the intervention only with a second hit ("närvaro" in passing)
    weak: tuple[str, ...] = ()
    # interventions in whose examples a mention of this one is context, unless it acts
    context_in: tuple[str, ...] = ()


@dataclass(frozen=True)
class Taxonomy:
    focus_areas: tuple[FocusArea, ...]
    interventions: tuple[Intervention, ...]
    actors: dict[str, tuple[str, ...]] = field(default_factory=dict)
    age_groups: dict[str, tuple[str, ...]] = field(default_factory=dict)
    stages: dict[str, tuple[str, ...]] = field(default_factory=dict)
    roles: tuple[str, ...] = ()
    meeting_roles: tuple[str, ...] = ()
    meeting_verbs: tuple[str, ...] = ()
    actor_min_hits: dict[str, int] = field(default_factory=dict)
    actor_focus: dict[str, tuple[str, ...]] = field(default_factory=dict)
    ignore: tuple[str, ...] = ()
    inspiration_from: tuple[str, ...] = ()
    inspiration_to: tuple[str, ...] = ()
    inspiration_from_before: tuple[str, ...] = ()
    # the file's "thesaurus" section as written (read by ingest.tagging.thesaurus)
    thesaurus: dict = field(default_factory=dict)

    def intervention(self, name_or_slug: str) -> Intervention | None:
        for item in self.interventions:
            if name_or_slug in (item.slug, item.name):
                return item
        return None

    def all_triggers(self) -> set[str]:
        out: set[str] = set()
        for area in self.focus_areas:
            out.update(area.triggers)
        for item in self.interventions:
            out.update(item.triggers)
            out.add(item.name)
        for triggers in self.actors.values():
            out.update(triggers)
        for triggers in self.age_groups.values():
            out.update(triggers)
        return {t.lstrip("*") for t in out}


def _strs(items: list | None) -> tuple[str, ...]:
    return tuple(str(x) for x in (items or []))

_preset: list[Taxonomy] = []


def preset(value: Taxonomy) -> None:
    """Use ``value``, the taxonomy as read from the same file earlier, instead of reading it
    (no effect once ``taxonomy()`` has answered in this process)."""
    _preset[:] = [value]


@lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    """The loaded taxonomy (cached); see ingest/data/taxonomy.yaml."""
    return _preset[0] if _preset else read_taxonomy()


def read_taxonomy() -> Taxonomy:
    """The taxonomy of TAXONOMY_FILE, read and checked."""
    import yaml

    # the C parser when PyYAML was built with libyaml (same data, many times faster)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(TAXONOMY_FILE.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506
    areas = tuple(
        FocusArea(a["name"], a.get("description", ""), _strs(a.get("triggers")))
        for a in data["focus_areas"]
    )
    if tuple(a.name for a in areas) != FOCUS_AREAS:
        raise ValueError(f"taxonomy focus areas must be exactly {FOCUS_AREAS}")
    interventions = tuple(
        Intervention(
            slug=i["slug"],
            name=i["name"],
            focus_areas=_strs(i.get("focus_areas")),
            description=i.get("description", ""),
            triggers=_strs(i.get("triggers")),
            near=tuple(tuple(str(w) for w in words) for words in i.get("near") or []),
            min_hits=int(i.get("min_hits", 1)),
            weak=_strs(i.get("weak")),
            context_in=_strs(i.get("context_in")),
        )
        for i in data["interventions"]
    )
    for item in interventions:
        unknown = set(item.focus_areas) - set(FOCUS_AREAS)
        if unknown:
            raise ValueError(f"{item.slug}: unknown focus areas {sorted(unknown)}")
    for actor, pointed in (data.get("actor_focus") or {}).items():
        if set(pointed) - set(FOCUS_AREAS):
            raise ValueError(f"actor_focus {actor}: unknown focus areas {pointed}")
    insp = data.get("inspiration", {})
    return Taxonomy(
        focus_areas=areas,
        interventions=interventions,
        actors={k: _strs(v) for k, v in data.get("actors", {}).items()},
        age_groups={str(k): _strs(v) for k, v in data.get("age_groups", {}).items()},
        stages={k: _strs(v) for k, v in data.get("stages", {}).items()},
        roles=_strs(data.get("roles")),
        meeting_roles=_strs(data.get("meeting_roles")),
        meeting_verbs=_strs(data.get("meeting_verbs")),
        actor_min_hits={str(k): int(v) for k, v in (data.get("actor_min_hits") or {}).items()},
        actor_focus={str(k): _strs(v) for k, v in (data.get("actor_focus") or {}).items()},
        inspiration_from=_strs(insp.get("from")),
        inspiration_to=_strs(insp.get("to")),
        inspiration_from_before=_strs(insp.get("from_before")),
        ignore=_strs(data.get("ignore")),
        thesaurus=data.get("thesaurus") or {},
    )
