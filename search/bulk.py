"""Writing a whole generation in one pass: the same segment Whoosh's writer makes, faster.

Whoosh's ``SegmentWriter`` runs the analyzer once per field (an example's title eight times:
in ``title``, three times in ``all`` and three in ``rank``), pushes every posting through a
pool that pickles them all to temporary files and merges them back, and then writes them one
by one, looking up each document's field length again per posting. For a rebuild this cost
about 18 ms per example. Here each text part of an example is tokenized once, the text fields
are composed from their parts' words (``schema.text_parts``), and the postings are kept in
compact arrays per field and written term by term, a posting block at a time, through the
same Whoosh posting and term writers. The segment is the one ``add_document`` + ``commit``
would write: tests/search/test_bulk.py compares the two term by term and byte by byte.

The analysis below is ``analysis.swedish_analyzer`` unrolled (tokenizer → lowercase →
stopwords with Whoosh's renumbering → ``analysis.variants``); a field that is not one of the
Swedish text fields goes through its own ``field.index`` as in Whoosh.

This leans on Whoosh 2.7's writer internals (``perdocwriter``, ``fieldwriter`` and the
posting writer's block buffers); the package is pinned and no longer developed.
"""

from __future__ import annotations

import re
import zlib
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from pickle import dumps
from typing import Any, NamedTuple

import numpy as np
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC
from whoosh.formats import Frequency, Positions
from whoosh.system import pack_uint
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import SegmentWriter

from ingest.model import Example
from search.analysis import STOPWORDS, TOKEN_PATTERN, SwedishFilter, variants
from search.schema import COPIED_FIELDS, index_fields, text_parts

_TOKEN = re.compile(TOKEN_PATTERN)
MIN_SIZE, MAX_SIZE = 2, 60  # the analyzer's StopFilter bounds


@dataclass(frozen=True, slots=True)
class Part:
    """The words of one text part that survive the stopwords, in order; ``lead`` the tokens
    before the first of them and ``raw`` all tokens (Whoosh numbers positions from the first
    word kept, counted among all tokens, and then one by one)."""

    words: tuple[str, ...]
    lead: int
    raw: int


def analyse_part(text: str) -> Part:
    """Tokenize and lowercase one text part and drop its stopwords."""
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    kept = [i for i, t in enumerate(tokens)
            if MIN_SIZE <= len(t) <= MAX_SIZE and t not in STOPWORDS]
    return Part(tuple(tokens[i] for i in kept), kept[0] if kept else 0, len(tokens))


def part_terms(part: Part) -> dict[str, list[int]]:
    """Each term of one part with its positions counted from its first word kept."""
    out: dict[str, list[int]] = {}
    for pos, word in enumerate(part.words):
        for term in variants(word, True):
            found = out.get(term)
            if found is None:
                out[term] = [pos]
            else:
                found.append(pos)
    return out


def positions(parts: list[tuple[Part, dict[str, list[int]]]]) -> dict[str, list[int]]:
    """Each term of a field made of ``parts`` (each with its ``part_terms``, joined by
    whitespace) with its positions, as ``swedish_analyzer`` in index mode gives them."""
    pos = 0
    for part, _ in parts:
        if part.words:
            pos += part.lead
            break
        pos += part.raw
    kept = [(terms, len(part.words)) for part, terms in parts if part.words]
    if len(kept) == 1 and pos == 0:
        return kept[0][0]
    out: dict[str, list[int]] = {}
    for terms, size in kept:
        for term, found in terms.items():
            moved = [p + pos for p in found] if pos else found
            have = out.get(term)
            if have is None:
                out[term] = list(moved)
            else:
                have.extend(moved)
        pos += size
    return out


class Columns(NamedTuple):
    """The postings one field of one document adds: term, weight (= frequency) and value
    (None: the frequency, as ``Frequency`` encodes it)."""

    terms: list[str]
    weights: list[float] | list[int]
    values: list[bytes] | None


_ENCODED: dict[tuple[int, ...], bytes] = {}
MAX_ENCODED = 500_000
_PACKED = [pack_uint(n) for n in range(256)]


def text_columns(fmt: Any, poses: dict[str, list[int]]) -> Columns:
    """The postings of a Swedish text field, as its format (positions or frequencies) encodes
    them: ``Positions.word_values`` and ``Frequency.word_values`` with every boost 1."""
    freqs = [len(p) for p in poses.values()]
    if isinstance(fmt, Positions):
        return Columns(list(poses), freqs, [_encode_positions(p) for p in poses.values()])
    return Columns(list(poses), freqs, None)


def _encode_positions(poses: list[int]) -> bytes:
    """``whoosh.formats.Positions.encode`` (most position lists recur: one word at one
    position, so the encodings are kept)."""
    key = tuple(poses)
    found = _ENCODED.get(key)
    if found is None:
        if len(_ENCODED) >= MAX_ENCODED:
            _ENCODED.clear()
        deltas = [poses[0]]
        deltas.extend([b - a for a, b in zip(poses, poses[1:], strict=False)])
        found = _ENCODED[key] = pack_uint(len(deltas)) + dumps(deltas, 2)
    return found


def is_swedish_text(field: Any) -> bool:
    """A field this module analyses itself: the Swedish analyzer, boost 1, positions or
    frequencies."""
    analyzer = getattr(field, "analyzer", None)
    fmt = field.format
    return (analyzer is not None and type(fmt) in (Positions, Frequency)
            and fmt.field_boost == 1.0 and not field.vector and not field.separate_spelling()
            and any(isinstance(f, SwedishFilter) for f in getattr(analyzer, "items", ())))


class FieldPostings:
    """The postings of one field: parallel arrays (term number, document, weight, length of
    the value) and the values in one byte buffer (none for frequencies: the weights)."""

    def __init__(self, frequencies: bool) -> None:
        self.terms: dict[str, int] = {}
        self.term_ids = array("I")
        self.docs = array("I")
        self.weights = array("f")
        self.frequencies = frequencies
        self.value_sizes = array("I")
        self.values = bytearray()

    def add(self, docnum: int, columns: Columns) -> None:
        terms = self.terms
        self.term_ids.extend([terms.setdefault(t, len(terms)) for t in columns.terms])
        self.docs.extend([docnum] * len(columns.terms))
        self.weights.extend(columns.weights)
        if not self.frequencies:
            values = columns.values or []
            self.value_sizes.extend([len(v) for v in values])
            self.values += b"".join(values)


class BulkWriter:
    """Adds examples to a fresh Whoosh ``SegmentWriter`` and commits them as one segment."""

    def __init__(self, writer: SegmentWriter) -> None:
        self.w = writer
        self.schema = writer.schema
        self.postings: dict[str, FieldPostings] = {}
        self.lengths: dict[str, list[int]] = {}  # per scorable field: length per document
        self.small: dict[str, dict[str, Columns]] = {}  # other fields: value → postings
        self.fast = {name for name, field in self.schema.items() if is_swedish_text(field)}
        # a copy without positions gets its source's postings (its values: the frequencies)
        self.copies = {copy: source for copy, source in COPIED_FIELDS.items()
                       if {copy, source} <= self.fast
                       and type(self.schema[copy].format) is Frequency
                       and self.schema[copy].analyzer == self.schema[source].analyzer}

    def add(self, example: Example, meta: dict[str, Any]) -> None:
        fields = index_fields(example, meta)
        analysed: dict[str, tuple[Part, dict[str, list[int]]]] = {}
        parsed = {}
        for name, texts in text_parts(example).items():
            if name in self.fast:
                for text in texts:
                    if text not in analysed:
                        part = analyse_part(text)
                        analysed[text] = (part, part_terms(part))
                parsed[name] = text_columns(self.schema[name].format,
                                            positions([analysed[t] for t in texts]))
        self._add_document(fields, parsed)

    def _add_document(self, fields: dict[str, Any], parsed: dict[str, Columns]) -> None:
        """``SegmentWriter.add_document`` with the Swedish text fields analysed already."""
        w = self.w
        docnum = w.docnum
        perdoc = w.perdocwriter
        perdoc.start_doc(docnum)
        for name in sorted(fields):
            value = fields[name]
            if value is None:
                continue
            field = self.schema[name]
            length = 0
            if name in self.copies:
                length = sum(parsed[self.copies[name]].weights)
            elif field.indexed:
                columns = parsed.get(name) or self._columns(name, field, value)
                if field.scorable:
                    length = sum(columns.weights)  # frequencies
                    known = self.lengths.setdefault(name, [])
                    known.extend([0] * (docnum - len(known)) + [length])
                if columns.terms:
                    if name not in self.postings:
                        self.postings[name] = FieldPostings(columns.values is None)
                    self.postings[name].add(docnum, columns)
            perdoc.add_field(name, field, value if field.stored else None, length)
            if field.column_type and value is not None:
                perdoc.add_column_value(name, field.column_type, field.to_column_value(value))
        perdoc.finish_doc()
        w._added = True  # noqa: SLF001
        w.docnum += 1

    def _columns(self, name: str, field: Any, value: Any) -> Columns:
        """The postings of any other field, from its own ``index`` (facet values recur)."""
        cache = self.small.setdefault(name, {})
        found = cache.get(value) if isinstance(value, str) else None
        if found is None:
            items = list(field.index(value))
            if field.scorable and any(w != f for _, f, w, _ in items):
                raise ValueError("a scorable field with boosts is not written here")
            found = Columns([t.decode("utf-8") for t, _, _, _ in items],
                            [w for _, _, w, _ in items], [v or b"" for _, _, _, v in items])
            if isinstance(value, str) and len(cache) < MAX_CACHED:
                cache[value] = found
        return found

    def commit(self) -> None:
        """Write the postings, close and assemble the segment and write the index's TOC
        (``SegmentWriter.commit`` for a writer on an empty index)."""
        w = self.w
        w.perdocwriter.close()
        for name in sorted([*self.postings, *self.copies]):
            source = self.copies.get(name, name)
            self._write_field(name, self.postings[source],
                              _quantized(self.lengths.get(source), w.docnum),
                              values=source == name)
        self.postings.clear()
        w.fieldwriter.close()
        w._close_segment()  # noqa: SLF001
        w._assemble_segment()  # noqa: SLF001
        w._commit_toc([w.get_segment()])  # noqa: SLF001
        w._finish()  # noqa: SLF001

    def _write_field(self, name: str, data: FieldPostings, lengths: np.ndarray | None,
                     values: bool) -> None:
        """All postings of one field, term by term and block by block; ``values`` False
        writes each posting's frequency (its weight) as its value."""
        fw = self.w.fieldwriter
        fw.start_field(name, self.schema[name])
        pw = fw._postwriter  # noqa: SLF001
        limit = pw._blocklimit  # noqa: SLF001
        pw._write_block = partial(_write_block, pw)  # noqa: SLF001 - also for finish_postings
        block = _SortedPostings(data, lengths, values)
        for term, start, end in block.terms:
            fw.start_term(term)
            for at in range(start, end, limit):
                if len(pw):
                    pw._write_block()  # noqa: SLF001
                block.fill(pw, at, min(at + limit, end))
            fw.finish_term()
        fw.finish_field()


SMALL_BLOCK = 8  # postings: a smaller block is not worth compressing
# A posting block is a few hundred bytes: a small window and state compress it as well and
# cost far less to set up than zlib.compress's defaults (read back by zlib.decompress).
ZLIB_WINDOW_BITS, ZLIB_MEM_LEVEL = 10, 2


def _deltas(ids: list[int]) -> tuple[int, ...]:
    """``W3PostingsWriter._mini_ids``."""
    return (ids[0], *[b - a for a, b in zip(ids, ids[1:], strict=False)])


def _mini_weights(weights: list[float]) -> Any:
    """``W3PostingsWriter._mini_weights``."""
    first = weights[0]
    if first == 1.0 and weights.count(1.0) == len(weights):
        return None
    if weights.count(first) == len(weights):
        return first
    return tuple(weights)


def _mini_values(pw: Any) -> Any:
    """``W3PostingsWriter._mini_values``."""
    size = pw._format.fixed_value_size()  # noqa: SLF001
    if size is None or size < 0:
        return tuple(pw._values)  # noqa: SLF001
    return None if size == 0 else b"".join(pw._values)  # noqa: SLF001


def _write_block(pw: Any, last: bool = False) -> None:
    """``W3PostingsWriter._write_block``, the block's data compressed more cheaply (and not
    at all when it is small): the same block layout, read by the same posting reader."""
    if not pw._blockcount:  # noqa: SLF001
        pw._postfile.write(WHOOSH3_HEADER_MAGIC)  # noqa: SLF001
    pw._terminfo.add_block(pw)  # noqa: SLF001
    ids = pw._ids  # noqa: SLF001
    databytes = dumps((_deltas(ids), _mini_weights(pw._weights), _mini_values(pw)), 2)  # noqa: SLF001
    level = pw._compression if len(ids) >= SMALL_BLOCK else 0  # noqa: SLF001
    if level:
        packer = zlib.compressobj(level, zlib.DEFLATED, ZLIB_WINDOW_BITS, ZLIB_MEM_LEVEL)
        databytes = packer.compress(databytes) + packer.flush()
    infobytes = dumps((len(ids), ids[-1], pw._maxweight, level,  # noqa: SLF001
                       length_to_byte(pw._minlength), length_to_byte(pw._maxlength)), 2)  # noqa: SLF001
    size = len(infobytes) + len(databytes)
    pw._postfile.write_int(-size if last else size)  # noqa: SLF001
    pw._postfile.write(infobytes)  # noqa: SLF001
    pw._postfile.write(databytes)  # noqa: SLF001
    pw._blockcount += 1  # noqa: SLF001
    pw._new_block()  # noqa: SLF001
MAX_CACHED = 10_000


BATCH = 1 << 16  # postings turned into Python objects at a time


class _SortedPostings:
    """A field's postings in term order (document order within a term), as arrays; turned
    into Python lists a batch at a time as the terms are written."""

    def __init__(self, data: FieldPostings, lengths: np.ndarray | None, values: bool) -> None:
        ordered = sorted(data.terms.items())  # UTF-8 sorts as the code points do
        rank = np.empty(len(ordered), dtype=np.uint32)
        rank[[tid for _, tid in ordered]] = np.arange(len(ordered), dtype=np.uint32)
        # postings by the term's place in the sorted terms: read front to back
        ids = rank[np.frombuffer(data.term_ids, dtype=np.uint32)]
        order = np.argsort(ids, kind="stable")
        bounds = np.concatenate(([0], np.cumsum(np.bincount(ids, minlength=len(ordered)))))
        self.terms = [(term.encode("utf-8"), int(bounds[i]), int(bounds[i + 1]))
                      for i, (term, _) in enumerate(ordered)]
        self.docs = np.frombuffer(data.docs, dtype=np.uint32)[order]
        self.weights = np.frombuffer(data.weights, dtype=np.float32)[order]
        self.lengths = lengths[self.docs] if lengths is not None else None
        self.spans: tuple[np.ndarray, np.ndarray] | None = None
        self.buffer = b""
        if values and not data.frequencies:  # else the values are the weights (frequencies)
            sizes = np.frombuffer(data.value_sizes, dtype=np.uint32)
            ends = np.cumsum(sizes, dtype=np.int64)
            self.spans = ((ends - sizes)[order], ends[order])
            self.buffer = bytes(data.values)
        self.at = self.until = 0
        self.batch: tuple[list, list, list, list | None] = ([], [], [], None)

    def _load(self, start: int, end: int) -> None:
        self.at, self.until = start, max(end, start + BATCH)
        window = slice(self.at, self.until)
        weights = self.weights[window]
        if self.spans is None:
            values = [_PACKED[n] if n < 256 else pack_uint(n)
                      for n in weights.astype(np.int64).tolist()]
        else:
            buffer = self.buffer
            values = [buffer[a:b] for a, b in zip(self.spans[0][window].tolist(),
                                                  self.spans[1][window].tolist(), strict=True)]
        lengths = self.lengths[window].tolist() if self.lengths is not None else None
        self.batch = (self.docs[window].tolist(), weights.tolist(), values, lengths)

    def fill(self, pw: Any, start: int, end: int) -> None:
        """Put postings start:end into the posting writer's buffer, as ``add_posting`` does
        one by one."""
        if end > self.until or start < self.at:
            self._load(start, end)
        docs, weights, values, lengths = self.batch
        a, b = start - self.at, end - self.at
        pw._ids = docs[a:b]  # noqa: SLF001 - read as a sequence
        pw._weights = weights = weights[a:b]  # noqa: SLF001 - float32 values already
        pw._values = [v for v in values[a:b] if v]  # noqa: SLF001
        pw._maxweight = max(0, max(weights))  # noqa: SLF001
        known = [n for n in lengths[a:b] if n] if lengths is not None else ()
        pw._minlength = min(known) if known else None  # noqa: SLF001
        pw._maxlength = max(known) if known else 0  # noqa: SLF001


def _quantized(lengths: list[int] | None, count: int) -> np.ndarray | None:
    """Each document's field length as the index stores it (one byte, read back), 0 for
    none: what Whoosh's posting writer is given per posting."""
    if lengths is None:
        return None
    table = np.array([byte_to_length(b) if b else 0 for b in range(256)], dtype=np.int64)
    full = np.zeros(count, dtype=np.int64)
    full[:len(lengths)] = lengths
    codes = np.array([length_to_byte(n) for n in range(int(full.max(initial=0)) + 1)],
                     dtype=np.int64)
    return table[codes[full]]


def write_examples(writer: SegmentWriter, examples: Iterable[tuple[Example, dict[str, Any]]]
                   ) -> int:
    """Add ``examples`` to ``writer`` (on an empty index) and commit; the number added."""
    bulk = BulkWriter(writer)
    count = 0
    for example, meta in examples:
        bulk.add(example, meta)
        count += 1
    if count:
        bulk.commit()
    else:
        writer.commit()
    return count
