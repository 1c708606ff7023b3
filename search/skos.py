"""The thesaurus as SKOS (Turtle or JSON-LD), written for another region and read from theirs.

Written with rdflib's serializers: one ``skos:ConceptScheme``; every concept a ``skos:Concept``
with ``skos:notation`` (its key), ``skos:prefLabel``/``altLabel``/``hiddenLabel`` and
``skos:definition`` in Swedish (``@sv``), ``skos:broader`` to its focus areas (the scheme's top
concepts, ``skos:hasTopConcept``/``skos:topConceptOf``) and ``skos:related`` to its related
interventions. Concept IRIs are the base (``DEFAULT_BASE`` unless a caller gives another) plus
the key; the scheme's IRI is the base without its last ``:``, ``/`` or ``#``.

What SKOS has no word for is said in Exempelbanken's own small vocabulary, namespace
``urn:exempelbanken:vocab#`` (prefix ``eb``):

- ``eb:kind`` — ``"focus_area"``, ``"intervention"`` or ``"topic"``;
- ``eb:relatedOrder`` — an ``rdf:List`` of the related concepts, closest first (the order the
  search weighs them by; ``skos:related`` itself is unordered). A file without it gets its
  related concepts in the order of their preferred labels.

Read back (``read_skos``), a concept without ``eb:kind`` is a focus area when it is a top
concept of its scheme, else a topic; labels in another language than Swedish (``sv``, or none)
are left out. Reading is bounded and never touches the network: files over ``MAX_BYTES`` and
with more than ``MAX_CONCEPTS`` concepts are refused, a concept keeps ``MAX_LABELS`` labels of
each kind, and a JSON-LD file whose ``@context`` (or ``@import``) names a document to fetch is
refused before rdflib sees it; rdflib parses under an audit hook that refuses any socket or URL
opened meanwhile, should it still try. RDF/XML is not read (no XML parser, no external
entities). rdflib is slow on a large file (about 20 s for a 5 MB one of labels on this
project's 2-core machine; our own thesaurus of 50 concepts takes 0.2 s): the import parses
before it takes the write lock.
"""

from __future__ import annotations

import contextvars
import json
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from urllib.parse import quote

from rdflib import RDF, SKOS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from ingest.model import FOCUS_AREA
from ingest.tagging.thesaurus import KINDS, TOPIC, Concept, Thesaurus
from search.errors import InvalidRequestError

EB = Namespace("urn:exempelbanken:vocab#")
DEFAULT_BASE = "urn:exempelbanken:tesaurus:"
TURTLE, JSONLD = "turtle", "json-ld"
FORMATS = (TURTLE, JSONLD)
MEDIA_TYPES = {TURTLE: "text/turtle; charset=utf-8", JSONLD: "application/ld+json"}
SUFFIXES = {TURTLE: ".ttl", JSONLD: ".jsonld"}
MAX_BYTES = 5 * 1024 * 1024
MAX_CONCEPTS = 5000
MAX_LABELS = 100  # alternative, and hidden, labels of one concept
LANGUAGE = "sv"
SCHEME_LABEL = "Exempelbankens tesaurus"
JSONLD_CONTEXT = {"skos": str(SKOS), "eb": str(EB), "rdf": str(RDF)}


class ThesaurusFileTooLarge(InvalidRequestError):
    """A SKOS file over the limits (the API answers 413)."""

    code = "too_large"
    status = 413


# --- writing ---------------------------------------------------------------------------------


def _checked_base(base: str) -> str:
    if not base or any(ch.isspace() or ch in '<>"{}|\\^`' for ch in base) or ":" not in base:
        raise InvalidRequestError(f"Bas-URI:n {base!r} är ingen giltig absolut IRI.")
    return base


def scheme_iri(base: str = DEFAULT_BASE) -> URIRef:
    return URIRef(base[:-1] if base[-1] in ":/#" else base)


def thesaurus_graph(thesaurus: Thesaurus, base: str = DEFAULT_BASE) -> Graph:
    """The thesaurus as an RDF graph of SKOS concepts in one concept scheme."""
    base = _checked_base(base)
    graph = Graph()
    graph.bind("skos", SKOS)
    graph.bind("eb", EB)
    scheme = scheme_iri(base)
    graph.add((scheme, RDF.type, SKOS.ConceptScheme))
    graph.add((scheme, SKOS.prefLabel, Literal(SCHEME_LABEL, lang=LANGUAGE)))

    by_pref = {c.pref.strip().lower(): c for c in reversed(thesaurus.concepts)}

    def iri(concept: Concept) -> URIRef:
        return URIRef(base + quote(concept.key, safe="-_.~"))

    def find(name: str) -> Concept | None:  # Thesaurus.find, without a scan per name
        return thesaurus.concept(name) or by_pref.get(name.strip().lower())

    for concept in thesaurus.concepts:
        node = iri(concept)
        _add_concept(graph, node, concept, scheme)
        for area in filter(None, map(find, concept.focus_areas)):
            graph.add((node, SKOS.broader, iri(area)))
        related = [iri(found) for found in filter(None, map(find, concept.related))]
        for target in related:
            graph.add((node, SKOS.related, target))
        if related:
            head = BNode()
            Collection(graph, head, related)
            graph.add((node, EB.relatedOrder, head))
    return graph


def _add_concept(graph: Graph, node: URIRef, concept: Concept, scheme: URIRef) -> None:
    graph.add((node, RDF.type, SKOS.Concept))
    graph.add((node, SKOS.inScheme, scheme))
    graph.add((node, SKOS.notation, Literal(concept.key)))
    graph.add((node, EB.kind, Literal(concept.kind)))
    graph.add((node, SKOS.prefLabel, Literal(concept.pref, lang=LANGUAGE)))
    for label in concept.alt:
        graph.add((node, SKOS.altLabel, Literal(label, lang=LANGUAGE)))
    for label in concept.hidden:
        graph.add((node, SKOS.hiddenLabel, Literal(label, lang=LANGUAGE)))
    if concept.definition:
        graph.add((node, SKOS.definition, Literal(concept.definition, lang=LANGUAGE)))
    if concept.kind == FOCUS_AREA:
        graph.add((node, SKOS.topConceptOf, scheme))
        graph.add((scheme, SKOS.hasTopConcept, node))


def serialize(thesaurus: Thesaurus, fmt: str = TURTLE, base: str = DEFAULT_BASE) -> bytes:
    """The thesaurus as a Turtle or JSON-LD file (UTF-8)."""
    if fmt not in FORMATS:
        raise InvalidRequestError("Formatet ska vara turtle eller json-ld.")
    graph = thesaurus_graph(thesaurus, base)
    if fmt == JSONLD:
        return graph.serialize(format="json-ld", context=JSONLD_CONTEXT, auto_compact=True,
                               encoding="utf-8")
    return graph.serialize(format="turtle", encoding="utf-8")


def filename_for(fmt: str) -> str:
    return f"exempelbanken-tesaurus{SUFFIXES[fmt]}"


# --- reading: bounded, offline ---------------------------------------------------------------


class _NetworkRefused(PermissionError):
    pass


_offline = contextvars.ContextVar("skos_offline", default=False)
_NETWORK_EVENTS = frozenset({"urllib.Request", "socket.connect", "socket.getaddrinfo",
                             "socket.gethostbyname", "http.client.connect"})
_hook_installed: list[bool] = []


def _refuse_network(event: str, _args: tuple) -> None:
    if event in _NETWORK_EVENTS and _offline.get():
        raise _NetworkRefused(event)


@contextmanager
def offline() -> Iterator[None]:
    """Within: any URL or socket opened in this thread (context) raises ``_NetworkRefused``.
    The audit hook is installed once, when first needed, and cannot be removed."""
    if not _hook_installed:
        sys.addaudithook(_refuse_network)
        _hook_installed.append(True)
    token = _offline.set(True)
    try:
        yield
    finally:
        _offline.reset(token)


@dataclass
class SkosFile:
    """What a SKOS file says: its concepts (``key`` is the file's ``skos:notation``, empty
    without one; ``related`` and ``focus_areas`` the preferred labels of concepts of the file)
    and what could not be read as a concept, as (concept, reason)."""

    format: str
    concepts: list[Concept] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def detect_format(data: bytes, filename: str = "") -> str:
    """Turtle or JSON-LD, by the file name's suffix, else by the first character."""
    name = filename.lower()
    if name.endswith((".ttl", ".turtle")):
        return TURTLE
    if name.endswith((".jsonld", ".json")):
        return JSONLD
    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if start == b"<":
        raise InvalidRequestError("RDF/XML läses inte; spara tesaurusen som Turtle eller "
                                  "JSON-LD.")
    return JSONLD if start in (b"{", b"[") else TURTLE


def _text(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise ThesaurusFileTooLarge(
            f"Filen är för stor ({len(data) // 1024} kB); en tesaurus får vara högst "
            f"{MAX_BYTES // (1024 * 1024)} MB.")
    if not data.strip():
        raise InvalidRequestError("Filen är tom.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidRequestError("Filen är inte text i UTF-8 och kan inte vara SKOS i "
                                  "Turtle eller JSON-LD.") from exc


def _remote_contexts(data: object) -> list[str]:
    """Every document a JSON-LD value would load: strings under ``@context`` or ``@import``
    anywhere (contexts nest in term definitions). Walked without recursion."""
    found: list[str] = []
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("@context", "@import"):
                    items = value if isinstance(value, list) else [value]
                    found += [item for item in items if isinstance(item, str)]
                stack.append(value)
        elif isinstance(node, list):
            stack.extend(node)
    return found


def _checked_jsonld(text: str) -> None:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise InvalidRequestError("Filen är inte giltig JSON och kan inte läsas som "
                                  "JSON-LD.") from exc
    remote = _remote_contexts(data)
    if remote:
        raise InvalidRequestError(
            f"JSON-LD-filen hänvisar till en extern @context ({remote[0][:100]}). "
            "Exempelbanken hämtar aldrig något från andra adresser; skriv in kontexten i "
            "filen eller spara den som Turtle.")


def parse_graph(data: bytes, filename: str = "") -> tuple[Graph, str]:
    """The file's RDF graph and format; a Swedish ``InvalidRequestError`` for anything else."""
    text = _text(data)
    fmt = detect_format(data, filename)
    if fmt == JSONLD:
        _checked_jsonld(text)
    graph = Graph()
    try:
        with offline(), warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # rdflib's own ConjunctiveGraph
            graph.parse(data=text, format=fmt, publicID=DEFAULT_BASE)
    except _NetworkRefused as exc:
        raise InvalidRequestError("Filen försökte hämta något från en annan adress; "
                                  "Exempelbanken hämtar aldrig något utifrån.") from exc
    except Exception as exc:  # rdflib's parsers raise many kinds, all meaning "not this"
        line = getattr(exc, "lines", None)
        where = f" (rad {line + 1})" if isinstance(line, int) else ""  # rdflib counts from 0
        name = "Turtle" if fmt == TURTLE else "JSON-LD"
        raise InvalidRequestError(
            f"Filen kunde inte läsas som SKOS i {name}{where}.") from exc
    return graph, fmt


def read_skos(data: bytes, filename: str = "") -> SkosFile:
    """The concepts of a SKOS file (Turtle or JSON-LD, by name or content)."""
    graph, fmt = parse_graph(data, filename)
    nodes = sorted(set(graph.subjects(RDF.type, SKOS.Concept)), key=str)
    if len(nodes) > MAX_CONCEPTS:
        raise ThesaurusFileTooLarge(
            f"Filen har {len(nodes)} begrepp; en tesaurus får ha högst {MAX_CONCEPTS}.")
    if not nodes:
        raise InvalidRequestError("Filen innehåller inga SKOS-begrepp (skos:Concept).")
    out = SkosFile(fmt)
    prefs = {node: _label(graph, node, SKOS.prefLabel) for node in nodes}
    tops = set(graph.subjects(SKOS.topConceptOf, None)) | set(
        graph.objects(None, SKOS.hasTopConcept))
    for node in nodes:
        notation = _first(graph, node, SKOS.notation)
        if not prefs[node]:
            out.skipped.append((notation or str(node),
                                "Begreppet har inget svenskt namn (skos:prefLabel)."))
            continue
        concept = _concept(graph, node, prefs, node in tops, notation)
        if len(concept.alt) > MAX_LABELS or len(concept.hidden) > MAX_LABELS:
            out.skipped.append((concept.pref, f"Begreppet har fler än {MAX_LABELS} synonymer "
                                              "eller felstavningar; bara de första "
                                              f"{MAX_LABELS} (i bokstavsordning) togs med."))
            concept = replace(concept, alt=concept.alt[:MAX_LABELS],
                              hidden=concept.hidden[:MAX_LABELS])
        out.concepts.append(concept)
    return out


def _swedish(literal: Node) -> bool:
    if not isinstance(literal, Literal):
        return False
    lang = (literal.language or "").lower()
    return not lang or lang == LANGUAGE or lang.startswith(LANGUAGE + "-")


def _labels(graph: Graph, node: Node, predicate: URIRef) -> tuple[str, ...]:
    found = {" ".join(str(o).split()) for o in graph.objects(node, predicate) if _swedish(o)}
    return tuple(sorted(label for label in found if label))


def _label(graph: Graph, node: Node, predicate: URIRef) -> str:
    """The Swedish value: tagged ``sv`` before untagged, the first in order if several."""
    values = [o for o in graph.objects(node, predicate) if _swedish(o) and str(o).strip()]
    values.sort(key=lambda o: (not (o.language or "").lower().startswith(LANGUAGE), str(o)))
    return " ".join(str(values[0]).split()) if values else ""


def _first(graph: Graph, node: Node, predicate: URIRef) -> str:
    values = sorted(str(o).strip() for o in graph.objects(node, predicate)
                    if isinstance(o, Literal))
    return values[0] if values else ""


def _list_items(graph: Graph, head: Node) -> list[Node]:
    """The items of an rdf:List, stopping at a cycle or a broken link (a hostile file's)."""
    items: list[Node] = []
    seen: set[Node] = set()
    while head != RDF.nil and head not in seen and len(items) < MAX_CONCEPTS:
        seen.add(head)
        first = graph.value(head, RDF.first)
        if first is None:
            break
        items.append(first)
        head = graph.value(head, RDF.rest) or RDF.nil
    return items


def _related(graph: Graph, node: Node, prefs: dict[Node, str]) -> tuple[str, ...]:
    """Related concepts of the file by preferred label: eb:relatedOrder's order, then the
    other skos:related by label."""
    ordered: list[Node] = []
    for head in graph.objects(node, EB.relatedOrder):
        ordered += [item for item in _list_items(graph, head) if item not in ordered]
    rest = sorted((o for o in graph.objects(node, SKOS.related) if o not in ordered),
                  key=lambda o: prefs.get(o, ""))
    names = [prefs.get(item, "") for item in (*ordered, *rest)]
    return tuple(dict.fromkeys(name for name in names if name))


def _concept(graph: Graph, node: Node, prefs: dict[Node, str], top: bool,
             notation: str) -> Concept:
    kind = _first(graph, node, EB.kind)
    if kind not in KINDS:
        kind = FOCUS_AREA if top else TOPIC
    pref = prefs[node]
    broader = sorted(prefs[o] for o in graph.objects(node, SKOS.broader) if prefs.get(o))
    return Concept(
        key=notation, kind=kind, pref=pref,
        alt=tuple(x for x in _labels(graph, node, SKOS.altLabel) if x != pref),
        hidden=tuple(x for x in _labels(graph, node, SKOS.hiddenLabel) if x != pref),
        related=_related(graph, node, prefs), focus_areas=tuple(dict.fromkeys(broader)),
        definition=_label(graph, node, SKOS.definition))
