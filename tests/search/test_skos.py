"""SKOS export and import of the thesaurus: round trips change nothing, a foreign file's labels
and topics come in as logged changes, hostile files are refused and change nothing."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from rdflib import RDF, SKOS, Graph, Literal, URIRef

from ingest.tagging.thesaurus import seed
from search import thesaurus_edits
from search.errors import InvalidRequestError
from search.library import Library
from search.skos import (
    EB,
    JSONLD,
    MAX_BYTES,
    MAX_CONCEPTS,
    MAX_LABELS,
    TURTLE,
    ThesaurusFileTooLarge,
    offline,
    read_skos,
    serialize,
)

FOREIGN_TURTLE = """\
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix eb: <urn:exempelbanken:vocab#> .
@prefix ex: <https://region.example/tesaurus/> .

ex:schema a skos:ConceptScheme ; skos:hasTopConcept ex:halsa, ex:kultur .

ex:halsa a skos:Concept ; skos:prefLabel "Psykisk Hälsa"@sv ; skos:topConceptOf ex:schema .
ex:kultur a skos:Concept ; skos:prefLabel "Kultur och fritid"@sv ;
    skos:topConceptOf ex:schema .

ex:h1 a skos:Concept ;
    skos:notation "gemensamma-hembesok" ;
    skos:prefLabel "Hembesök tillsammans"@sv ;
    skos:altLabel "tvåmannabesök"@sv, "joint home visits"@en, "Familjecentral"@sv ;
    skos:hiddenLabel "hembesok tillsamans"@sv ;
    skos:broader ex:halsa .

ex:k2 a skos:Concept ; skos:prefLabel "kamratstöd"@sv ; skos:broader ex:halsa .

ex:t1 a skos:Concept ;
    skos:prefLabel "Digital utsatthet"@sv ;
    skos:altLabel "sextortion"@sv ;
    skos:hiddenLabel "sextortjon"@sv ;
    skos:definition "Hot och kränkningar på nätet."@sv ;
    skos:broader ex:halsa ;
    skos:related ex:k2, ex:h1 .

ex:x a skos:Concept ; eb:kind "intervention" ; skos:prefLabel "Naturskola"@sv .
ex:y a skos:Concept ; skos:prefLabel "nature school"@en .
"""


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    with Library(tmp_path / "data") as lib:
        yield lib


def unchanged(library: Library) -> None:
    assert library.thesaurus.history() == []
    assert library.thesaurus.current().version == "seed"


# --- export ----------------------------------------------------------------------------------


def test_the_turtle_export_is_skos() -> None:
    graph = Graph().parse(data=serialize(seed(), TURTLE).decode(), format="turtle")
    schemes = list(graph.subjects(RDF.type, SKOS.ConceptScheme))
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    assert len(schemes) == 1 and len(concepts) == len(seed().concepts)
    tops = set(graph.objects(schemes[0], SKOS.hasTopConcept))
    assert {str(graph.value(t, SKOS.prefLabel)) for t in tops} == {
        c.pref for c in seed().concepts if c.kind == "focus_area"}
    node = URIRef("urn:exempelbanken:tesaurus:trygghetscirkeln")
    assert graph.value(node, SKOS.notation) == Literal("trygghetscirkeln")
    assert graph.value(node, SKOS.prefLabel) == Literal("Trygghetscirkeln", lang="sv")
    assert Literal("cosp", lang="sv") in set(graph.objects(node, SKOS.altLabel))
    assert graph.value(node, EB.kind) == Literal("intervention")
    broader = set(graph.objects(node, SKOS.broader))
    assert broader == {URIRef("urn:exempelbanken:tesaurus:psykisk-halsa")}
    assert (broader.pop(), SKOS.topConceptOf, schemes[0]) in graph


def test_the_base_uri_can_be_chosen() -> None:
    text = serialize(seed(), TURTLE, base="https://region.example/tesaurus/").decode()
    assert "<https://region.example/tesaurus/mobbning>" in text
    with pytest.raises(InvalidRequestError, match="ingen giltig"):
        serialize(seed(), TURTLE, base="inte en iri")


@pytest.mark.parametrize("fmt", [TURTLE, JSONLD])
def test_reading_the_export_gives_every_concept_back_in_order(fmt: str) -> None:
    read = read_skos(serialize(seed(), fmt), f"tesaurus.{'ttl' if fmt == TURTLE else 'jsonld'}")
    assert read.format == fmt and read.skipped == []
    back = {c.key: c for c in read.concepts}
    for concept in seed().concepts:
        got = back[concept.key]
        assert (got.kind, got.pref, got.definition) == (
            concept.kind, concept.pref, concept.definition)
        assert got.related == concept.related  # closest first, as written
        assert set(got.alt) == set(concept.alt) and set(got.hidden) == set(concept.hidden)
        assert set(got.focus_areas) == set(concept.focus_areas)


def test_the_format_is_found_from_the_content_without_a_name() -> None:
    assert read_skos(serialize(seed(), JSONLD), "").format == JSONLD
    assert read_skos(serialize(seed(), TURTLE), "utan-andelse").format == TURTLE


# --- import ----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", [TURTLE, JSONLD])
def test_a_round_trip_changes_nothing(library: Library, fmt: str) -> None:
    data = serialize(library.thesaurus.current(), fmt)
    report = library.thesaurus.import_skos(data, f"export.{fmt}", user="kerstin")
    assert (report.matched, report.labels_added, report.concepts_added) == (
        len(seed().concepts), 0, 0)
    assert report.skipped == [] and report.format == fmt
    unchanged(library)


def test_a_foreign_file_adds_labels_and_a_topic_with_who_and_when(library: Library) -> None:
    report = library.thesaurus.import_skos(FOREIGN_TURTLE.encode(), "region.ttl", "kerstin")
    assert (report.concepts, report.matched, report.labels_added, report.concepts_added) == (
        7, 3, 5, 1)
    skipped = {(s.concept, s.label): s.reason for s in report.skipped}
    assert set(skipped) == {("Kultur och fritid", None), ("Naturskola", None),
                            ("https://region.example/tesaurus/y", None),
                            ("Hembesök tillsammans", "familjecentral")}
    assert "taxonomifilen" in skipped["Naturskola", None]
    assert "fokusområde" in skipped["Kultur och fritid", None]
    assert "svenskt namn" in skipped["https://region.example/tesaurus/y", None]
    assert "redan namnet på begreppet familjecentral" in skipped[
        "Hembesök tillsammans", "familjecentral"]

    thesaurus = library.thesaurus.current()
    visits = thesaurus.concept("gemensamma-hembesok")
    assert {"hembesök tillsammans", "tvåmannabesök"} <= set(visits.alt)
    assert "hembesok tillsamans" in visits.hidden
    assert "joint home visits" not in visits.labels()
    topic = thesaurus.concept("digital-utsatthet")
    assert (topic.kind, topic.pref, topic.focus_areas) == (
        "topic", "digital utsatthet", ("Psykisk hälsa",))
    assert topic.related == ("gemensamma hembesök", "kamratstöd")  # by label: no order given
    assert topic.definition == "Hot och kränkningar på nätet."
    assert set(thesaurus.named("sextortion")) == {
        ("intervention", "gemensamma hembesök", 0.8), ("intervention", "kamratstöd", 0.6),
        ("focus_area", "Psykisk hälsa", 1.0)}
    assert thesaurus.named("tvåmannabesök") == [("intervention", "gemensamma hembesök", 1.0)]

    history = library.thesaurus.history()
    assert len(history) == 6
    assert {(e.action, e.user) for e in history} == {
        ("add_label", "kerstin"), ("add_concept", "kerstin")}
    assert all(datetime.fromisoformat(e.created_at) for e in history)
    assert {(e.concept, e.label, e.label_type) for e in history if e.action == "add_label"} == {
        ("gemensamma-hembesok", "hembesök tillsammans", "alt"),
        ("gemensamma-hembesok", "tvåmannabesök", "alt"),
        ("gemensamma-hembesok", "hembesok tillsamans", "hidden"),
        ("digital-utsatthet", "sextortion", "alt"),
        ("digital-utsatthet", "sextortjon", "hidden")}


def test_importing_the_same_file_again_adds_nothing(library: Library) -> None:
    library.thesaurus.import_skos(FOREIGN_TURTLE.encode(), "region.ttl", "kerstin")
    before = library.thesaurus.current().version
    again = library.thesaurus.import_skos(FOREIGN_TURTLE.encode(), "region.ttl", "kerstin")
    assert (again.matched, again.labels_added, again.concepts_added) == (4, 0, 0)
    assert library.thesaurus.current().version == before


def test_an_exported_edited_thesaurus_keeps_its_topic_order_elsewhere(
        library: Library, tmp_path: Path) -> None:
    library.thesaurus.add_concept("skolk", ("Fullföljda studier",),
                                  ("tidig upptäckt", "närvaroarbete", "läxhjälp"), user="anna")
    data = serialize(library.thesaurus.current(), JSONLD)
    with Library(tmp_path / "other") as other:
        report = other.thesaurus.import_skos(data, "exempelbanken-tesaurus.jsonld", "olle")
        assert (report.concepts_added, report.labels_added) == (1, 0)
        assert other.thesaurus.current().concept("skolk").related == (
            "tidig upptäckt", "närvaroarbete", "läxhjälp")


def test_an_import_that_fails_part_way_changes_nothing(
        library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: object, concept: object) -> None:
        raise OSError("disken försvann")

    monkeypatch.setattr(thesaurus_edits._Merge, "add_topic", broken)
    with pytest.raises(OSError):
        library.thesaurus.import_skos(FOREIGN_TURTLE.encode(), "region.ttl", "kerstin")
    unchanged(library)  # the labels added before the failure were rolled back


# --- hostile files ---------------------------------------------------------------------------


@pytest.mark.parametrize(("data", "name", "message"), [
    (b"Det h\xc3\xa4r \xc3\xa4r ingen tesaurus.", "tesaurus.ttl",
     r"kunde inte läsas som SKOS i Turtle \(rad 1\)"),
    (b"@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n<urn:a> a skos:Concept\n<urn:b>",
     "t.ttl", r"\(rad 3\)"),
    (b"\x00\xff\xfe PK\x03\x04 binary", "tesaurus.ttl", "inte text i UTF-8"),
    (b"   \n", "tesaurus.ttl", "tom"),
    (b'{"@graph": [', "tesaurus.jsonld", "inte giltig JSON"),
    (b'<?xml version="1.0"?><rdf:RDF/>', "tesaurus", "RDF/XML läses inte"),
    (b"@prefix ex: <https://x.example/> . ex:a ex:b ex:c .", "t.ttl", "inga SKOS-begrepp"),
])
def test_what_is_not_skos_is_refused_in_swedish(
        library: Library, data: bytes, name: str, message: str) -> None:
    with pytest.raises(InvalidRequestError, match=message):
        library.thesaurus.import_skos(data, name, "kerstin")
    unchanged(library)


def test_a_file_over_the_size_limit_is_refused(library: Library) -> None:
    data = serialize(seed(), TURTLE)
    data += b"\n# " + b"x" * (MAX_BYTES - len(data)) + b"\n"
    with pytest.raises(ThesaurusFileTooLarge, match="för stor"):
        library.thesaurus.import_skos(data, "stor.ttl", "kerstin")
    unchanged(library)


def test_a_file_with_too_many_concepts_is_refused(library: Library) -> None:
    lines = ["@prefix skos: <http://www.w3.org/2004/02/skos/core#> ."]
    lines += [f'<urn:x:{n}> a skos:Concept ; skos:prefLabel "begrepp {n}"@sv .'
              for n in range(MAX_CONCEPTS + 1)]
    with pytest.raises(ThesaurusFileTooLarge, match=f"högst {MAX_CONCEPTS}"):
        library.thesaurus.import_skos("\n".join(lines).encode(), "manga.ttl", "kerstin")
    unchanged(library)


@pytest.fixture
def listener() -> Iterator[tuple[str, list[bytes]]]:
    """A local port that records every connection made to it (and closes it at once)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.1)
    seen: list[bytes] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(1)
                seen.append(conn.recv(4096))

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/kontext.jsonld", seen
    stop.set()
    thread.join()
    server.close()


def jsonld_with_context(context: object) -> bytes:
    return json.dumps({"@context": context, "@graph": [{
        "@id": "urn:x:1", "@type": "http://www.w3.org/2004/02/skos/core#Concept",
        "http://www.w3.org/2004/02/skos/core#prefLabel": {"@value": "nytt", "@language": "sv"},
    }]}).encode()


@pytest.mark.parametrize("where", ["top", "list", "scoped", "import"])
def test_a_remote_jsonld_context_is_never_fetched(
        library: Library, listener: tuple[str, list[bytes]], where: str) -> None:
    url, seen = listener
    context = {"top": url, "list": [{"skos": str(SKOS)}, url],
               "scoped": {"term": {"@id": "urn:t", "@context": url}},
               "import": {"@version": 1.1, "@import": url}}[where]
    with pytest.raises(InvalidRequestError, match="hämtar aldrig"):
        library.thesaurus.import_skos(jsonld_with_context(context), "t.jsonld", "kerstin")
    assert seen == []
    unchanged(library)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's ConjunctiveGraph
def test_rdflib_would_fetch_it_and_the_offline_guard_stops_it(
        listener: tuple[str, list[bytes]]) -> None:
    url, seen = listener
    data = jsonld_with_context(url).decode()
    with offline(), pytest.raises(PermissionError):
        Graph().parse(data=data, format="json-ld")
    assert seen == []
    with pytest.raises(Exception):  # noqa: B017 - the listener closes without an answer
        Graph().parse(data=data, format="json-ld")
    assert len(seen) == 1 and seen[0].startswith(b"GET /kontext.jsonld")


def test_a_concept_keeps_at_most_max_labels_of_each_kind(library: Library) -> None:
    labels = ", ".join(f'"synonym {n:03d}"@sv' for n in range(MAX_LABELS + 5))
    data = ('@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n'
            f'<urn:x:1> a skos:Concept ; skos:prefLabel "mobbning"@sv ; skos:altLabel {labels} .')
    report = library.thesaurus.import_skos(data.encode(), "t.ttl", "kerstin")
    assert report.labels_added == MAX_LABELS
    assert [s.reason for s in report.skipped] == [
        f"Begreppet har fler än {MAX_LABELS} synonymer eller felstavningar; bara de första "
        f"{MAX_LABELS} (i bokstavsordning) togs med."]
    assert "synonym 099" in library.thesaurus.current().concept("mobbning").alt
