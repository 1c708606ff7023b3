"""A rebuild (search.bulk) writes the index Whoosh's own writer writes for the same examples."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from whoosh.filedb.filestore import FileStorage
from whoosh.query import Term

from ingest.model import Example, Tag
from search import bulk
from search.bulk import analyse_part, part_terms, positions, write_examples
from search.index import IndexStore
from search.schema import build_schema, index_fields
from tests.search.conftest import EXAMPLES_A, EXAMPLES_B, make_document

# Titles and texts the analysis must number as Whoosh does: stopwords first, only stopwords,
# nothing, one-letter words, hyphens and colons, capitals that change length when lowercased,
# words over 60 letters, digits.
ODD = [
    ("Och i en skola", "Att det är så. Och närvaron ökar i skolan."),
    ("och i att", "och i att"),
    ("", ""),
    ("A b c skolnärvaro", "x y z föräldrastöd-grupp BVC:n 2023 ÅÄÖ İstanbul Straße"),
    ("Hembesök", "a" * 70 + " hembesök " + "Familjecentralen " * 3),
]


def _rows(count: int) -> list[tuple[Example, dict[str, Any]]]:
    specs = EXAMPLES_A + EXAMPLES_B
    doc, _ = make_document("nb.pdf", specs)
    rows = []
    for n in range(count):
        base = doc.examples[n % len(specs)]
        title, text = ODD[n % len(ODD)] if n % 7 == 3 else (base.title, base.text)
        tags = base.tags if n % 11 else [*base.tags, Tag("actor", "Skola")]
        example = Example(id=f"{doc.id}-{n}", document_id=doc.id, title=title, text=text,
                          sections=base.sections if n % 5 else [], pages=[1],
                          team=base.team if n % 3 else None, tags=tags)
        meta = {"id": doc.id, "title": doc.title, "filename": doc.filename, "kind": doc.kind,
                "date": doc.date if n % 4 else None, "published": n % 9 != 0}
        rows.append((example, meta))
    return rows


def _build(folder: Path, rows: list[tuple[Example, dict[str, Any]]], bulk: bool) -> Any:
    folder.mkdir()
    ix = FileStorage(str(folder)).create_index(build_schema(), indexname="MAIN")
    writer = ix.writer()
    if bulk:
        write_examples(writer, iter(rows))
    else:
        for example, meta in rows:
            writer.add_document(**index_fields(example, meta))
        writer.commit(optimize=True)
    return FileStorage(str(folder)).open_index("MAIN")


def _contents(ix: Any) -> tuple[dict, list, dict]:
    """Every term's statistics and postings (id, weight, value), with the posting blocks'
    bounds; every document's stored fields and field lengths; the fields' total lengths."""
    terms = {}
    with ix.reader() as reader:
        fields = sorted(reader.indexed_field_names())
        for field in fields:
            for term in reader.lexicon(field):
                info = reader.term_info(field, term)
                m = reader.postings(field, term)
                postings = []
                while m.is_active():
                    postings.append((m.id(), m.weight(), m.value(), m.block_max_id(),
                                     m.block_max_weight(), m.block_min_length(),
                                     m.block_max_length()))
                    m.next()
                terms[(field, term)] = (info.weight(), info.doc_frequency(), info.min_length(),
                                        info.max_length(), info.max_weight(), info.min_id(),
                                        info.max_id(), postings)
        docs = [(reader.stored_fields(n), [reader.doc_field_length(n, f) for f in fields])
                for n in range(reader.doc_count_all())]
        totals = {f: reader.field_length(f) for f in fields}
    return terms, docs, totals


def test_bulk_writes_what_whoosh_writes(tmp_path, monkeypatch) -> None:
    rows = _rows(300)  # terms in over 128 examples span several posting blocks
    monkeypatch.setattr(bulk, "BATCH", 50)  # and the postings are read in many batches
    ours = _contents(_build(tmp_path / "bulk", rows, bulk=True))
    whoosh = _contents(_build(tmp_path / "whoosh", rows, bulk=False))
    assert ours[0].keys() == whoosh[0].keys()
    assert [k for k in whoosh[0] if ours[0][k] != whoosh[0][k]] == []
    assert ours[1] == whoosh[1]
    assert ours[2] == whoosh[2]
    assert max(len(v[-1]) for v in ours[0].values()) > 128


def test_positions_as_the_analyzer_numbers_them() -> None:
    analyzer = build_schema()["all"].analyzer
    for title, text in ODD:
        parts = [title, "", "och", title, text]
        joined = " \n ".join(parts)
        expected: dict[str, list[int]] = {}
        for token in analyzer(joined, positions=True, mode="index"):
            expected.setdefault(token.text, []).append(token.pos)
        analysed = [(p, part_terms(p)) for p in map(analyse_part, parts)]
        assert positions(analysed) == expected


def test_rebuilt_index_takes_updates(tmp_path) -> None:
    store = IndexStore(tmp_path / "index")
    assert store.rebuild(iter([])) == 0
    assert store.doc_count() == 0
    rows = _rows(30)
    assert store.rebuild(iter(rows)) == 30
    example, meta = rows[0]
    added = Example(id=f"{example.document_id}-99", document_id=example.document_id,
                    title="Zebrakurs för föräldrar", text="En kurs.", pages=[1])
    store.replace([], [rows[1][0].id], [(added, meta)])

    def ids(word: str) -> set[str]:
        return store.run(lambda s: {s.stored_fields(h.docnum)["id"]
                                    for h in s.search(Term("all", word), limit=None)})

    assert store.doc_count() == 30
    assert ids("zebrakurs") == {added.id}
    assert rows[1][0].id not in ids("hembesök")
    assert rows[7][0].id in ids("hembesök")  # the same example as rows[1]
    store.close()
