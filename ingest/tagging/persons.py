"""Persons and their roles: "Anna Andersson, biträdande rektor", "kuratorn Eva Ek",
"Kurt och Lisa Berg presenterade" (→ Kurt Berg, Lisa Berg), contact lines and tables
("Anna Berg | kurator | anna.berg@gislaved.se | 070-…") with e-mail and phone. The meeting's
coaches and speakers ("coachen Helena Ström", "Magnus Falk föreläste") are marked ``outside``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Token

from ingest.lexicon import COMMON_HEADINGS, FUNCTION_WORDS, MONTHS, NAME_BREAK_WORDS, WEEKDAYS
from ingest.tagging.contacts import EMAIL, details, email_names, organisation, phones, plain
from ingest.tagging.lemmas import lemmatize
from ingest.tagging.nlp import view
from ingest.tagging.resources import FIRSTNAMES_FILE, read_words
from ingest.tagging.taxonomy import taxonomy

# Capitalised words that follow a first name without being a surname.
_NOT_SURNAMES_TEXT = (
    "Och Eller Men Som Att Det Den De Vi Jag Du Han Hon Hen Har Är Var Kommer Ska Kan "
    "Region Kommun Kommunen Länet Skolan Familjecentralen Nyhetsbrev Kontakt Tel Telefon "
    "E-post Mejl Mail "
    # organisations named after a person or a place that is a first name too ("Viktoria
    # Institute", "Victoria University", "Linnea Högskolan")
    "Universitet Universitetet University Högskola Högskolan Institut Institutet Institute "
    "College School Akademin Academy Centrum Center Centre Stiftelsen Foundation Förskolan "
    "Fritidsgården Biblioteket Vårdcentralen Gymnasiet Folkhögskola Folkhögskolan"
)
NOT_SURNAMES = frozenset(_NOT_SURNAMES_TEXT.split()) | frozenset(
    word.capitalize()
    for word in (*" ".join(COMMON_HEADINGS).split(), *MONTHS, *WEEKDAYS)
)
ROLE_STOPS = frozenset({",", ".", ";", ":", "(", ")", "och", "samt", "som", "–", "-", "!", "?",
                        "|"})
# What separates a name from its role in a list or table: "Anna Berg, kurator", "Anna Berg |
# kurator", "Anna Berg (kurator)", "Anna Berg – kurator" (a tab or wide gap counts too).
ROLE_SEPARATORS = frozenset({",", "(", "–", "|"})
BULLETS = frozenset({"-", "–", "•", "*", "·", "▪"})
MAX_CELL_WORDS = 5
ROLE_CUT = frozenset({"på", "vid", "i", "inom", "från", "för", "hos", "med", "och", "till"})
ROLE_MODIFIERS = frozenset({"biträdande", "ansvarig", "ansvariga", "tillförordnad", "t.f."})


@dataclass(frozen=True)
class Person:
    name: str
    role: str | None
    start: int  # character offsets of the evidence
    end: int
    tokens: tuple[int, ...]  # token indices used by the name
    email: str | None = None
    phone: str | None = None
    organisation: str | None = None
    outside: bool = False  # a coach or speaker of the meeting, not a person of the example


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    return frozenset(read_words(FIRSTNAMES_FILE))


@lru_cache(maxsize=1)
def _role_heads() -> tuple[str, ...]:
    tax = taxonomy()
    return tuple(sorted({r.lower() for r in (*tax.roles, *tax.meeting_roles)}, key=len,
                        reverse=True))


@lru_cache(maxsize=50_000)
def is_role(lemma: str) -> bool:
    """True if the lemma is a role word ("rektor", "fritidsledare", "bvc-sjuksköterska")."""
    lemma = lemma.lower()
    return any(lemma == r or (lemma.endswith(r) and len(lemma) - len(r) >= 2)
               for r in _role_heads())


def _is_surname(token: Token) -> bool:
    text = token.text
    if len(text) < 2 or text in NOT_SURNAMES or not text[0].isupper():
        return False
    body = text.replace("-", "")
    if not body.isalpha() or text.isupper():
        return False
    return text[1:].replace("-", "").islower() or all(
        p[:1].isupper() and p[1:].islower() for p in text.split("-") if p
    )


_PLAIN = str.maketrans("éèëáàíüÉÈ", "eeeaaiuEE")


@lru_cache(maxsize=20_000)
def is_first_name(text: str) -> bool:
    """A listed first name, also without accents (Therése) or hyphenated (Anna-Karin)."""
    names = first_names()
    if text in names or text.translate(_PLAIN) in names:
        return True
    parts = text.split("-")
    return len(parts) == 2 and all(p and (p in names or p.translate(_PLAIN) in names)
                                   for p in parts)


def _is_first(token: Token) -> bool:
    return is_first_name(token.text)


def _base_form(token: Token) -> str:
    """Role in base form with the writer's casing: "BVC-sjuksköterskan" → "BVC-sjuksköterska"."""
    text = token.text
    # a hyphenated word's lemma is that of the joined word (rules.match_lemma): keep the hyphen
    lemma = lemmatize(text) if "-" in text else token.lemma_
    if text.lower().startswith(lemma):
        return text[: len(lemma)]
    return lemma


def _role_before(doc: Doc, i: int) -> str | None:
    """"kuratorn Eva Ek", "Rektor Linnea Hall", "biträdande rektor Anna Lind"."""
    if i >= 2 and doc[i - 1].is_space and doc[i - 2].text.islower():
        i -= 1  # "skolsköterskan\n\nFredrik Olausson": a break the extraction put in
    if i == 0:
        return None
    prev = doc[i - 1]
    if not prev.text.isalpha() and "-" not in prev.text:
        return None
    if not is_role(prev.lemma_) or prev.text.isupper() and len(prev.text) > 1 and \
            not prev.text.endswith(("n", "N")):
        return None
    role = _base_form(prev)
    if role[:1].isupper() and role[1:].islower():
        role = role.lower()  # "Rektor Linnea Hall" at the start of a sentence or a line
    if i >= 2 and doc[i - 2].text.lower() in ROLE_MODIFIERS:
        role = f"{doc[i - 2].text.lower()} {role}"
    return role


def _is_gap(token: Token) -> bool:
    """A tab or wide gap between table cells (whitespace within one line)."""
    return token.is_space and "\n" not in token.text


def _sentence_start(doc: Doc, i: int) -> bool:
    if i == 0:
        return True
    prev = doc[i - 1]
    return prev.text in (".", "!", "?", ":") or "\n" in prev.text or "\n" in prev.whitespace_ \
        or prev.is_space


def _role_after(doc: Doc, j: int) -> str | None:
    """Role after a name ending before token j: ", biträdande rektor på X", "(kurator)",
    "som är kurator", "är fritidsledare"."""
    n = len(doc)
    if j >= n:
        return None
    k = j
    if doc[k].text in ROLE_SEPARATORS or _is_gap(doc[k]):
        k += 1
    elif doc[k].lower_ == "som" and k + 1 < n and doc[k + 1].lower_ in ("är", "arbetar"):
        k += 2
        if k < n and doc[k].lower_ == "som":
            k += 1
    elif doc[k].lower_ in ("är", "var", "arbetar", "jobbar"):
        k += 1
        if k < n and doc[k].lower_ == "som":
            k += 1
    else:
        return None
    words: list[Token] = []
    while k < n and len(words) < 6:
        tok = doc[k]
        if tok.text in ROLE_STOPS or "\n" in tok.text or tok.is_space:
            break
        if tok.lower_ in ROLE_CUT:
            # "samordnare för familjecentralen" keeps one lowercase word after a preposition
            nxt = doc[k + 1] if k + 1 < n else None
            after = doc[k + 2] if k + 2 < n else None
            longer = after is not None and after.text.isalpha() and after.text.islower() \
                and after.lower_ not in ROLE_CUT  # "på öppna förskolan": more than a unit
            if words and tok.lower_ in ("för", "på", "vid", "inom", "i") and nxt is not None \
                    and nxt.text.isalpha() and nxt.text.islower() and not longer \
                    and nxt.lower_ not in NAME_BREAK_WORDS and is_role(words[-1].lemma_):
                words.extend([tok, nxt])
            break
        words.append(tok)
        k += 1
    last = max((m for m, w in enumerate(words) if is_role(w.lemma_)), default=-1)
    if last < 0 or words[0].lower_ in FUNCTION_WORDS:
        return None  # ", blev samordnare": a sentence goes on, no role cell
    if words[last].i + 1 < n and is_first_name(doc[words[last].i + 1].text):
        return None  # ", kuratorn Johan Ek": the next person's role
    tail = words[last + 1:]
    if len(tail) == 2 and tail[0].lower_ in ROLE_CUT:
        last += 2
    words = words[: last + 1]
    if any(w.text[0].isupper() and m > 0 and not w.text.isupper() for m, w in enumerate(words)):
        return None
    if len(words) == 1:
        return _base_form(words[0])
    return doc[words[0].i: words[-1].i + 1].text


def find_persons(doc: Doc) -> list[Person]:
    """Persons named in the text, with roles when stated next to the name."""
    out: list[Person] = []
    n = len(doc)
    tv = view(doc)
    candidates = [i for i in tv.caps if is_first_name(tv.text[i])]
    i = 0
    for cand in candidates:
        if cand < i:
            continue
        i = cand
        tok = doc[i]
        # "Kurt och Lisa Berg"
        if (i + 3 < n and doc[i + 1].lower_ == "och" and _is_first(doc[i + 2])
                and _is_surname(doc[i + 3]) and not _is_first(doc[i + 3])):
            surname = doc[i + 3].text
            role = _role_before(doc, i) or _role_after(doc, i + 4)
            start, end = tok.idx, doc[i + 3].idx + len(surname)
            out.append(Person(f"{tok.text} {surname}", role, start, end, (i,)))
            second = doc[i + 2]
            out.append(Person(f"{second.text} {surname}", role, second.idx, end, (i + 2, i + 3)))
            i += 4
            continue
        j = i + 1
        # "Anna Karin Berg": a second first name before the surname
        if j + 1 < n and _is_first(doc[j]) and _is_surname(doc[j + 1]):
            j += 1
        if j < n and _is_surname(doc[j]) and not (_is_first(doc[j]) and j == i + 1
                                                    and j + 1 < n and _is_surname(doc[j + 1])):
            end_tok = j + 1
            # double surname "Berg Svensson" is rare in running text; keep one
            name = doc[i:end_tok].text
            role = _role_before(doc, i) or _role_after(doc, end_tok)
            out.append(Person(name, role, tok.idx, doc[end_tok - 1].idx
                              + len(doc[end_tok - 1].text), tuple(range(i, end_tok))))
            i = end_tok
            continue
        i += 1
    out = _merge(out, _unlisted_with_role(doc, {t for p in out for t in p.tokens}))
    return _with_details(doc, _roles_by_first_name(doc, out))


def _with_details(doc: Doc, persons: list[Person]) -> list[Person]:
    """Each person with the role of a contact line or table row when the text gives none
    next to the name, e-mail and phone, and whether the meeting's coach or speaker."""
    tv = view(doc)
    out: list[Person] = []
    for n, p in enumerate(persons):
        stop = persons[n + 1].start if n + 1 < len(persons) else len(tv.src)
        after = p.tokens[-1] + 1
        role = p.role
        cell = _cell_role(doc, p.tokens[0], after) if len(p.tokens) > 1 else None
        if cell and (role is None or cell.startswith(role)):
            role = cell  # "Jonas Wik, enhetschef barn och familj" on a contact line
        email, phone = details(tv.src, p.name, p.end, stop)
        org = organisation(tv.src, p.end, stop, email)
        outside = _meeting_person(doc, p.tokens[0], after, role)
        out.append(replace(p, role=role, email=email, phone=phone, organisation=org,
                           outside=outside))
    return _shared_roles(doc, out)


def _shared_roles(doc: Doc, persons: list[Person]) -> list[Person]:
    """"Fatima Yousef och Jessica Holmberg, barnsjuksköterskor": a plural role after the
    second name is the first one's too; "eleverna Linnea Karlsson och Omar Abdi": one before
    the first name is the second one's too."""
    out = list(persons)
    for n in range(len(out) - 1):
        p, q = out[n], out[n + 1]
        between = p.tokens[-1] + 1
        if p.role or not q.role or between >= len(doc) or doc[between].lower_ != "och" \
                or q.tokens[0] != between + 1:
            continue
        k = q.tokens[-1] + 1
        k += k < len(doc) and doc[k].text in ROLE_SEPARATORS
        if k < len(doc) and _plural_role(doc[k]):
            out[n] = replace(p, role=q.role, outside=q.outside)
    for n in range(len(out) - 1):  # "eleverna Linnea Karlsson och Omar Abdi"
        p, q = out[n], out[n + 1]
        before, between = p.tokens[0] - 1, p.tokens[-1] + 1
        if p.role and not q.role and before >= 0 and _plural_role(doc[before]) \
                and between < len(doc) and doc[between].lower_ == "och" \
                and q.tokens[0] == between + 1:
            out[n + 1] = replace(q, role=p.role, outside=p.outside)
    return out


def _plural_role(tok: Token) -> bool:
    """A role word in the plural: "barnsjuksköterskor", "eleverna"."""
    return tok.lower_ != tok.lemma_ and tok.lower_.endswith(("or", "er", "ar", "rna", "na")) \
        and is_role(tok.lemma_)


@lru_cache(maxsize=1)
def _meeting_words() -> tuple[frozenset[str], frozenset[str]]:
    tax = taxonomy()
    return frozenset(tax.meeting_roles), frozenset(tax.meeting_verbs)


MEETING_WINDOW = 3  # words before a name that may mark the meeting's speaker


def _meeting_person(doc: Doc, first: int, after: int, role: str | None) -> bool:
    """A coach or speaker of the meeting: "coachen Helena Ström", "Magnus Falk, föreläsare",
    "Magnus Falk föreläste om …", "Dagens föreläsare var Magnus Falk"."""
    from ingest.tagging.lemmas import lemmatize

    roles, verbs = _meeting_words()
    if role and any(lemmatize(w) in roles for w in role.split()):
        return True
    if after < len(doc) and doc[after].lemma_ in verbs:
        return True
    for k in range(first - 1, max(first - 1 - MEETING_WINDOW, -1), -1):
        tok = doc[k]
        if tok.text in (".", "!", "?", ",", "och") or "\n" in tok.text:
            break
        if tok.lemma_ in roles or tok.lemma_ in verbs:
            return True
    return False


def _starts_line(doc: Doc, i: int) -> bool:
    """The name starts a line, perhaps after a bullet ("- Anna Berg, kurator")."""
    if i > 0 and doc[i - 1].text in BULLETS:
        i -= 1
    return i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_


def _cell_role(doc: Doc, i: int, j: int) -> str | None:
    """The role cell of a contact line, table row or card whose name spans tokens i…j-1:
    "- Jeanette Kvist, brukarrepresentant", "Anna Berg | kurator | anna.berg@…",
    "Anna Berg" over "kurator" on the next line."""
    n = len(doc)
    if j >= n or not _starts_line(doc, i):
        return None
    vertical = doc[j].text.count("\n") == 1 and doc[j].is_space
    # "Per Lund rektor per.lund@… 036-…": a table row read with single spaces between cells
    plain_row = not vertical and doc[j].text not in ROLE_SEPARATORS and not _is_gap(doc[j])
    if plain_row and not any(EMAIL.fullmatch(t.text) for t in _rest_of_line(doc, j)):
        return None
    k = j if plain_row else j + 1
    words: list[Token] = []
    while k < n and len(words) <= MAX_CELL_WORDS and _in_cell(doc[k], not words):
        words.append(doc[k])
        k += 1
    if not words or len(words) > MAX_CELL_WORDS or words[0].lower_ in FUNCTION_WORDS:
        return None
    has_role = any(is_role(w.lemma_) for w in words)
    if plain_row and not has_role:
        return None
    rest = _rest_of_line(doc, k)
    contact = any(EMAIL.fullmatch(t.text) or any(c.isdigit() for c in t.text) for t in rest)
    if vertical:
        below = _rest_of_line(doc, k + 1) if k < n and doc[k].is_space else []
        card = any(EMAIL.fullmatch(t.text) for t in below) or phones(
            " ".join(t.text for t in below))
        if rest or not (has_role or card):
            return None
    elif not (contact or all(_cell_end(t) for t in rest)):
        return None  # running text goes on after the cell
    text = doc[words[0].i: words[-1].i + 1].text
    return text.lower() if text[:1].isupper() and text[1:2].islower() else text


def _in_cell(tok: Token, first: bool) -> bool:
    """A word of a role cell: lowercase words ("enhetschef barn och familj"), a capitalised
    first word ("Kurator", "BVC-sjuksköterska"); not a place, address or number after it."""
    text = tok.text
    if tok.is_space or text in ROLE_SEPARATORS or text in (")", ";", ":", ".") or "@" in text:
        return False
    if tok.lower_ in ROLE_CUT and tok.lower_ != "och":
        return False  # "socionom på socialtjänsten": the role ends before the unit
    if not text.replace("-", "").isalpha():
        return False
    return first or not text[:1].isupper()


def _rest_of_line(doc: Doc, k: int) -> list[Token]:
    out: list[Token] = []
    while k < len(doc) and "\n" not in doc[k].text:
        if not doc[k].is_space:
            out.append(doc[k])
        k += 1
    return out


def _cell_end(tok: Token) -> bool:
    """After a role cell on a contact line: separators and capitalised names of the unit."""
    return tok.text in ROLE_SEPARATORS or tok.text in (")", ".") or tok.text[:1].isupper()


def _roles_by_first_name(doc: Doc, persons: list[Person]) -> list[Person]:
    """"Karin och Per Ek presenterade … Karin är familjebehandlare": a later mention by first
    name alone gives the role of a person named without one."""
    firsts: dict[str, int] = {}
    for n, p in enumerate(persons):
        first = p.name.split()[0]
        firsts[first] = -1 if first in firsts else n  # -1: two persons share the first name
    tv = view(doc)
    used = {t for p in persons for t in p.tokens}
    out = list(persons)
    for i in tv.caps:  # first names are capitalised
        n = firsts.get(tv.text[i])
        if n is None or n < 0 or i in used or out[n].role:
            continue
        if i + 1 < len(tv.text) and tv.text[i + 1][:1].isupper():
            continue  # a full name, already handled
        role = _role_after(doc, i + 1)
        if role:
            p = out[n]
            out[n] = Person(p.name, role, p.start, p.end, p.tokens)
    return out


def _unlisted_with_role(doc: Doc, taken: set[int]) -> list[Person]:
    """Names whose first name is not in the list, only when a role stands right next to them:
    "Xiomara Lind, rektor", "kuratorn Jelle Ek"."""
    from ingest.tagging.gazetteer import names
    from ingest.tagging.lemmas import is_known

    tv = view(doc)
    gaz = names()
    out: list[Person] = []
    n = len(tv.text)
    for i in tv.caps:
        if i + 1 >= n:
            break
        a, b = tv.text[i], tv.text[i + 1]
        if not b[:1].isupper():
            continue  # a surname is capitalised
        if i in taken or i + 1 in taken or not a[1:].islower():
            continue
        if not a.isalpha() or len(a) < 2 or a in gaz or a in NOT_SURNAMES or is_known(a.lower()):
            continue
        if not _is_surname(doc[i + 1]) or b in gaz:
            continue
        role = _role_before(doc, i) or _role_after(doc, i + 2) or _cell_role(doc, i, i + 2)
        if not role and plain(f"{a} {b}") not in email_names(tv.src):
            continue  # neither a role nor an address "a.b@…" confirms the name
        end = tv.idx[i + 1] + len(b)
        out.append(Person(f"{a} {b}", role, tv.idx[i], end, (i, i + 1)))
    return out


def _merge(first: list[Person], more: list[Person]) -> list[Person]:
    return sorted([*first, *more], key=lambda p: p.start) if more else first
