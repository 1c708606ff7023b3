"""Contact details an example's persons get from the rest of their document: a newsletter's
contact list or a poster's contact box ("Kontakt: Maria Lindqvist, rektor,
maria.lin⏎dqvist@huskvarna.se") names the person the example's text only mentions.

A detail is taken only for a person of the example, found by the same name in the document's
other texts (a contact line or table row read by ``find_persons``), or by an address there that
spells the name; a detail the example itself gives is never replaced.
"""

from __future__ import annotations

from ingest.model import PERSON, Document
from ingest.tagging import nlp
from ingest.tagging.addresses import organisation_of_email
from ingest.tagging.contacts import email_of_name
from ingest.tagging.persons import Person, find_persons


def _listed(texts: list[str]) -> dict[str, Person]:
    """The persons of the document's other texts by name, the first listing of each."""
    engine = nlp.get()
    out: dict[str, Person] = {}
    for text in texts:
        for p in find_persons(engine.short_doc(text)):
            out.setdefault(p.name, p)
    return out


def add_document_contacts(doc: Document) -> None:
    """Fill the e-mail, phone and organisation of each example's persons from the document's
    context (its sections that are no example)."""
    texts = [f"{s.heading}\n{s.text}".strip() for s in doc.context if s.text.strip()]
    persons = [t for ex in doc.examples for t in ex.tags if t.kind == PERSON]
    if not texts or not persons:
        return
    listed = _listed(texts)
    whole = "\n\n".join(texts)
    for tag in persons:
        other = listed.get(tag.value)
        if other is not None:
            tag.email = tag.email or other.email
            tag.phone = tag.phone or other.phone
            tag.organisation = tag.organisation or other.organisation
            tag.role = tag.role or other.role
        tag.email = tag.email or email_of_name(whole, tag.value)
        if tag.email and not tag.organisation:
            tag.organisation = organisation_of_email(tag.email)
