"""The thesaurus as the library keeps it: coordinators' changes in the catalogue (who, when),
seen by every Library on the same data directory, and used by the reader's tagger."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from ingest.sandbox import Reader
from search.errors import InvalidRequestError, NotFoundError
from search.library import Library


def test_changes_are_kept_with_who_and_when_and_seen_by_another_library(
        tmp_path: Path) -> None:
    with Library(tmp_path / "data") as library:
        store = library.thesaurus
        seed = store.current()
        assert seed.version == "seed" and store.history() == []
        added = store.add_label("narvaroarbete", "  Skolk-SMS  ", "alt", "anna")
        assert added.label == "skolk-sms" and added.user == "anna" and added.created_at
        store.add_label("narvaroarbete", "skolksms", "hidden", "bertil")
        store.remove_label("narvaroarbete", "frånvaroarbete", "anna")
        topic = store.add_concept("sorgbearbetning", ("Psykisk hälsa",), ("föräldrastöd i grupp",),
                                  user="cecilia")
        current = store.current()
        assert current is not seed and current.version != "seed"
        concept = current.concept("narvaroarbete")
        assert "skolk-sms" in concept.alt and "skolksms" in concept.hidden
        assert "frånvaroarbete" not in concept.alt
        assert current.concept(topic.concept).related == ("föräldrastöd i grupp",)
        assert [e.user for e in store.history()] == ["cecilia", "anna", "bertil", "anna"]
        assert [e.action for e in store.history("narvaroarbete")] == [
            "remove_label", "add_label", "add_label"]
        assert store.current() is current  # nothing changed: not read again
    with Library(tmp_path / "data") as again:
        assert again.thesaurus.current().concepts == current.concepts


def test_bad_changes_are_refused_and_leave_nothing(tmp_path: Path) -> None:
    with Library(tmp_path / "data") as library:
        store = library.thesaurus
        for key, label, kind, error in [
            ("finns-inte", "x", "alt", NotFoundError),
            ("narvaroarbete", "", "alt", InvalidRequestError),
            ("narvaroarbete", "12 34", "alt", InvalidRequestError),
            ("narvaroarbete", "a" * 61, "alt", InvalidRequestError),
            ("narvaroarbete", "frånvaroarbete", "alt", InvalidRequestError),
            ("narvaroarbete", "läxhjälp", "alt", InvalidRequestError),
            ("narvaroarbete", "skolk", "pref", InvalidRequestError),
            ("narvaroarbete", "bad\ud800", "alt", InvalidRequestError),
        ]:
            with pytest.raises(error):
                store.add_label(key, label, kind, "anna")
        with pytest.raises(InvalidRequestError):
            store.remove_label("narvaroarbete", "närvaroarbete", "anna")  # the name
        with pytest.raises(NotFoundError):
            store.remove_label("narvaroarbete", "finns inte", "anna")
        with pytest.raises(InvalidRequestError):
            store.add_concept("Mobbning", user="anna")  # a topic already
        assert store.history() == [] and store.current().version == "seed"


def _pdf(path: Path, title: str, lines: list[str]) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", 20)
    pdf.drawString(60, 780, title)
    for n, line in enumerate(lines):  # "# " opens a bold heading
        pdf.setFont(*(("Helvetica-Bold", 13) if line.startswith("# ") else ("Helvetica", 11)))
        pdf.drawString(60, 740 - 16 * n, line.removeprefix("# "))
    pdf.save()
    return path


def test_documents_read_after_a_change_are_tagged_with_it(tmp_path: Path) -> None:
    lines = ["# Morgonpatrullen i Tranås kommun",
             "En skolkpatrull går runt på morgonen och hälsar på eleverna.",
             "Varje skolkpatrull har två vuxna som ringer hem samma dag."]
    first = _pdf(tmp_path / "forsta.pdf", "Nyhetsbrev februari 2025", lines)
    second = _pdf(tmp_path / "andra.pdf", "Nyhetsbrev mars 2025", lines)
    with Reader() as reader, Library(tmp_path / "data", reader=reader) as library:
        library.ingest_paths([first])
        before = library.search("skolkpatrull").hits
        assert len(before) == 1 and "närvaroarbete" not in before[0].interventions
        library.thesaurus.add_label("narvaroarbete", "skolkpatrull", "alt", "anna")
        library.ingest_paths([second])
        hits = library.search("skolkpatrull").hits
        tagged = [h for h in hits if h.document.filename == "andra.pdf"]
        assert tagged and "närvaroarbete" in tagged[0].interventions
        example = library.example(tagged[0].id)
        evidence = [e.text for t in example.tags if t.value == "närvaroarbete"
                    for e in t.evidence]
        assert any("skolkpatrull" in text for text in evidence)
