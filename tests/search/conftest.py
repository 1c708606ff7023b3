"""Fixtures for search tests: documents built directly from the shared records."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from ingest.ids import document_id_for
from ingest.model import Document, Example, Section, Tag
from search.library import Library
from search.queue import open_queue

# (title, text, municipalities, focus areas, interventions, stage, inspired_by, team)
EXAMPLES_A = [
    ("Närvaro i skolan på Attarpsskolan",
     "Skolan skickar sms till vårdnadshavare samma morgon som en elev är frånvarande. "
     "Ett team kring elever med hög frånvaro frågar vad som skulle få dem att komma till "
     "skolan. Närvaron i skolan har ökat sedan rutinerna infördes.",
     ["Jönköping"], ["Fullföljda studier"], ["närvaroarbete"], "startad", [], "Attarpsskolan"),
    ("Gemensamma hembesök i Nässjö",
     "BVC-sjuksköterskan och socialtjänsten gör hembesök tillsammans hos förstagångsföräldrar. "
     "Vi mäter hur många besök som var gemensamma och hur många som ledde till fortsatt "
     "kontakt med föräldrarådgivare.",
     ["Nässjö"], ["Psykisk hälsa"], ["gemensamma hembesök"], "pågående", [],
     "Hembesöksteamet Nässjö"),
    ("Sätt Aneby i rörelse",
     "Föräldrar uppmanas låta barnen cykla till skolan. En eftermiddag med prova på-idrott "
     "för elever i årskurs 4–5 som inte är med i någon förening.",
     ["Aneby"], ["Fysisk aktivitet"], ["aktiv skolväg", "prova-på-aktiviteter"], "pågående",
     [], None),
]
EXAMPLES_B = [
    ("Gemensamma hembesök startar i Gnosjö",
     "Efter att ha sett arbetet i Nässjö planerar Gnosjö gemensamma hembesök med "
     "barnhälsovården och socialtjänsten. Stöd till föräldrar ges redan under första året.",
     ["Gnosjö"], ["Psykisk hälsa"], ["gemensamma hembesök"], "planerad", ["Nässjö"], None),
    ("Föräldrastöd i grupp i Habo",
     "Familjecentralen erbjuder föräldrastöd i grupp. Trygghetscirkeln lär föräldrar se "
     "barnets behov av trygghet och utforskande.",
     ["Habo"], ["Psykisk hälsa"], ["föräldrastöd i grupp", "Trygghetscirkeln"], "startad",
     [], None),
    ("Skolnärvaro i Vrigstad",
     "Skolnärvaro följs upp varje vecka. Läxhjälp på biblioteket efter skoldagen hjälper "
     "elever som halkat efter.",
     ["Sävsjö"], ["Fullföljda studier"], ["närvaroarbete", "läxhjälp"], "pågående",
     ["Jönköping"], None),
]


def make_example(doc_id: str, n: int, spec: tuple) -> Example:
    title, text, kommuner, fokus, insatser, stage, inspired, team = spec
    tags = [Tag("municipality", m) for m in kommuner]
    tags += [Tag("focus_area", f) for f in fokus]
    tags += [Tag("intervention", i) for i in insatser]
    tags += [Tag("inspired_by", m) for m in inspired]
    if stage:
        tags.append(Tag("stage", stage))
    half = len(text) // 2
    cut = text.rfind(". ", 0, half) + 2 or half
    sections = [Section("Bakgrund", text[:cut].strip()), Section("Nästa steg", text[cut:].strip())]
    return Example(id=f"{doc_id}-{n}", document_id=doc_id, title=title, text=text,
                   sections=sections, pages=[1], team=team,
                   team_key=team.lower() if team else None, tags=tags)


def make_document(filename: str, specs: list[tuple], date: str = "2023-01",
                  kind: str = "newsletter", salt: str = "") -> tuple[Document, bytes]:
    """A Document plus the bytes it stands for (id = sha256 of those bytes)."""
    data = f"%PDF-1.4 {filename} {date} {salt}".encode()
    sha = hashlib.sha256(data).hexdigest()
    doc_id = document_id_for(sha)
    doc = Document(id=doc_id, filename=filename, title=f"Nyhetsbrev {date}", kind=kind,
                   date=date, pages=2, sha256=sha,
                   examples=[make_example(doc_id, n, s) for n, s in enumerate(specs, start=1)])
    return doc, data


class FakeReader:
    """Stands in for ingest.sandbox.Reader: maps file bytes to prepared Documents."""

    def __init__(self) -> None:
        self.docs: dict[bytes, Document] = {}

    def add(self, doc: Document, data: bytes) -> None:
        self.docs[data] = doc

    def read(self, path: Path, filename: str | None = None, thesaurus: object = None
             ) -> Document:
        from ingest.errors import NotPdfError

        data = Path(path).read_bytes()
        if data not in self.docs:
            raise NotPdfError("Filen är ingen PDF.")
        doc = Document.from_dict(self.docs[data].to_dict())
        doc.filename = filename or Path(path).name
        return doc


@pytest.fixture
def reader() -> FakeReader:
    return FakeReader()


@pytest.fixture
def add_docs() -> Callable:
    def add(library, reader: FakeReader, folder: Path, docs: list[tuple[Document, bytes]]):
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for doc, data in docs:
            reader.add(doc, data)
            path = folder / doc.filename
            path.write_bytes(data)
            paths.append(path)
        return library.ingest_paths(paths, reader=reader)
    return add


@pytest.fixture(scope="module")
def small_library(tmp_path_factory: pytest.TempPathFactory):
    """A library with two synthetic newsletters (read-only for tests)."""
    from search.library import Library

    base = tmp_path_factory.mktemp("small")
    fake = FakeReader()
    docs = [make_document("nyhetsbrev-a.pdf", EXAMPLES_A, "2022-10"),
            make_document("nyhetsbrev-b.pdf", EXAMPLES_B, "2023-05")]
    paths = []
    for doc, data in docs:
        fake.add(doc, data)
        p = base / "in" / doc.filename
        p.parent.mkdir(exist_ok=True)
        p.write_bytes(data)
        paths.append(p)
    lib = Library(base / "data", reader=fake)
    report = lib.ingest_paths(paths)
    assert not report.errors and len(report.documents) == 2
    yield lib
    lib.close()


@pytest.fixture()
def library_and_queue(tmp_path: Path):  # noqa: ANN201
    """An empty library and its embedded (SQLite) job queue, closed afterwards."""
    library = Library(tmp_path / "data")
    queue = open_queue(library.data_dir, "")
    yield library, queue
    library.close()


@pytest.fixture(scope="module")
def corpus_library(corpus_store: Path):  # noqa: ANN201
    """A library over the ingested bundled corpus (read-only for tests), one per module."""
    from search.library import Library

    library = Library(corpus_store)
    yield library
    library.close()


@pytest.fixture()
def writable_corpus_library(corpus_store: Path, tmp_path: Path):  # noqa: ANN201
    """A library over a private copy of the ingested corpus, for tests that change it."""
    target = tmp_path / "data"
    shutil.copytree(corpus_store, target)
    library = Library(target)
    yield library
    library.close()
