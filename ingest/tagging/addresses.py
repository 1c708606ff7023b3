"""E-mail addresses and Swedish phone numbers as PDFs give them: whole, or split over two lines
by a narrow column ("anna.svensson@\\njonkoping.se", "maria.lin\\ndqvist@huskvarna.se",
"anna.svensson@jonko-\\nping.se", "010-241 47\\n02"), and the organisation an address names.

Hand-written, because no library reads addresses out of broken PDF lines: ``email-validator``
checks one address already cut out (and wants DNS for its full rules), ``phonenumbers`` is not
a dependency and knows nothing of line breaks. The syntax checked is the part of
``email-validator``'s rules that matters here (RFC 5321 dot-atoms: no leading, trailing or double
dot in the local part, domain labels of letters, digits and inner hyphens, a top-level domain
of two letters or more); phone numbers are Swedish ones (0 + area code or +46, 7–10 digits in
the national form: "036-10 20 30", "070-123 45 67", "+46 70 123 45 67", "0381-361 00").

A piece of an address on the next line is only taken when the address is incomplete without it
(it ends in "@", "." or "-", the next line starts with "@" or ".", the top-level domain is a single
letter) or when the next piece itself looks like the rest of a domain or local part (has a dot or
an "@"); a word on the next line alone ("Kontakt\\nanna.berg@…") is never glued on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# characters of an address as written (the local part may have + and _; umlauts occur in
# careless writing and are kept so that the address reads as in the source)
_ADDR_CHARS = r"[\w.+-]"
_EMAIL_SPAN = re.compile(rf"{_ADDR_CHARS}*@{_ADDR_CHARS}*")
_LOCAL = re.compile(r"[\w+-]+(?:\.[\w+-]+)*")
_LABEL = re.compile(r"[^\W_](?:[\w-]*[^\W_])?")
_BREAK = re.compile(r"[ \t]*\r?\n[ \t]*")
_ANY_BREAK = re.compile(r"[ \t]*\r?\n[ \t]*| ")
PHONE = re.compile(r"(?<![\w+-])(?:\+46[ ]?(?:\(0\)[ ]?)?|0)\d{1,3}(?:[ ]?[-–][ ]?|[ ])?\d{2,3}"
                   r"(?:[ ]?\d{1,3}){0,3}(?![\w-])")
MIN_PHONE_DIGITS, MAX_PHONE_DIGITS = 7, 10  # national form, leading 0 counted


@dataclass(frozen=True)
class Found:
    """An address or number: ``value`` as it reads joined, ``start``/``end`` in the text (the
    span may cross a line break)."""

    value: str
    start: int
    end: int


def valid_email(address: str) -> bool:
    """A syntactically valid address (dot-atom local part, domain with a real TLD)."""
    if address.count("@") != 1 or len(address) > 254:
        return False
    local, domain = address.split("@")
    if not local or len(local) > 64 or not _LOCAL.fullmatch(local):
        return False
    labels = domain.split(".")
    if len(labels) < 2 or not all(_LABEL.fullmatch(label) for label in labels):
        return False
    tld = labels[-1]
    return len(tld) >= 2 and tld.isalpha()


def _glue(left: str, right: str, space: bool = False) -> str | None:
    """``left`` and ``right`` (the piece after a line break) as one address piece, or None
    when the break ends the address. A hyphen at the break is a soft hyphen and dropped.
    A break that reflowing made a ``space`` ("maria.lin dqvist@…") glues only a local part
    with an inner dot to the rest of its address, or pieces at the "@"."""
    if not right or not (right[0] == "@" or re.match(_ADDR_CHARS, right[0])):
        return None
    if space:
        if left.endswith("@") or right.startswith("@"):
            return left + right
        inner_dot = "." in left.strip(".") and left.islower()
        return left + right if inner_dot and "@" in right and "@" not in left else None
    if left.endswith(("@", ".")) or right.startswith(("@", ".")):
        return left + right
    if left.endswith("-"):
        return left[:-1] + right
    if "@" in left and "@" in right:
        return None  # two addresses, one on each line
    if "@" in left:
        tld = left.rsplit(".", 1)[-1] if "." in left.split("@")[1] else ""
        if len(tld) == 1 or "." in right:
            return left + right  # "rjl.example.s" + "e", "rjl.ex" + "ample.se"
        return None
    if "@" not in left and "@" in right and "." in left:
        return left + right  # "maria.lin" + "dqvist@huskvarna.se"
    return None


def _piece_before(text: str, pos: int) -> int:
    """Start of the run of address characters that ends at ``pos``."""
    while pos > 0 and re.match(_ADDR_CHARS, text[pos - 1]):
        pos -= 1
    return pos


def _piece_after(text: str, pos: int) -> int:
    while pos < len(text) and re.match(_ADDR_CHARS, text[pos]):
        pos += 1
    return pos


def _extend(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The address around text[start:end], glued over line breaks on either side."""
    value = text[start:end]
    while True:
        brk = _ANY_BREAK.match(text, end)
        if not brk:
            break
        nxt = _piece_after(text, brk.end())
        glued = _glue(value, text[brk.end():nxt], "\n" not in brk.group())
        if glued is None:
            break
        value, end = glued, nxt
    while True:
        head = text[:start]
        brk = re.search(r"(?:[ \t]*\r?\n[ \t]*| )\Z", head)
        if not brk:
            break
        prev = _piece_before(text, brk.start())
        glued = _glue(text[prev:brk.start()], value, "\n" not in brk.group())
        if glued is None or prev == brk.start():
            break
        value, start = glued, prev
    return value, start, end


def emails(text: str) -> list[Found]:
    """Every valid address in the text, joined across line breaks, in order, once each span."""
    return list(_emails(text))


@lru_cache(maxsize=512)
def _emails(text: str) -> tuple[Found, ...]:
    out: list[Found] = []
    last_end = -1
    for m in _EMAIL_SPAN.finditer(text):
        if m.start() < last_end:
            continue
        value, start, end = _extend(text, m.start(), m.end())
        value = value.strip(".-")
        if valid_email(value):
            out.append(Found(value, start, end))
            last_end = end
    return tuple(out)


def _digits(number: str) -> str:
    return "".join(c for c in number if c.isdigit())


def national_digits(number: str) -> str:
    """The number's digits in the national form: "+46 70 123 45 67" → "0701234567"."""
    digits = _digits(number.replace("(0)", ""))
    return "0" + digits[2:] if number.lstrip().startswith("+46") else digits


def phones(text: str) -> list[Found]:
    """Swedish phone numbers, a tail on the next line joined on ("010-241 47\\n02")."""
    out: list[Found] = []
    for m in PHONE.finditer(text):
        value, end = m.group().strip(), m.end()
        brk = _BREAK.match(text, end)
        tail = re.match(r"\d{1,3}(?: \d{2,3})*(?![\w@.-]|\.\d)", text[brk.end():]) if brk \
            else None
        if tail and len(national_digits(value + tail.group())) <= MAX_PHONE_DIGITS:
            value, end = f"{value} {tail.group()}", brk.end() + tail.end()
        if MIN_PHONE_DIGITS <= len(national_digits(value)) <= MAX_PHONE_DIGITS:
            out.append(Found(value, m.start(), end))
    return out


def tel_uri(number: str) -> str:
    """The tel: address of a Swedish number: "036-10 20 30" → "tel:+4636102030"."""
    digits = national_digits(number)
    return f"tel:+46{digits[1:]}" if digits.startswith("0") else f"tel:+{digits}"


_REGION_DOMAINS = {"rjl": "Region Jönköpings län"}
_SKIP_LABELS = frozenset({"se", "com", "org", "nu", "net", "example", "exempel", "www", "mail"})


def organisation_of_email(address: str) -> str | None:
    """The organisation an address's domain names: "…@eksjo.se" → "Eksjö kommun",
    "…@rjl.se" → "Region Jönköpings län"; None for a domain that names neither."""
    from ingest.tagging.gazetteer import municipalities

    labels = [label.lower() for label in address.rsplit("@", 1)[-1].split(".")]
    for label in labels:
        if label in _REGION_DOMAINS:
            return _REGION_DOMAINS[label]
    plain_names = _plain_municipalities(tuple(name for name, _ in municipalities()))
    for label in labels:
        if label not in _SKIP_LABELS and label in plain_names:
            return municipality_name(plain_names[label])
    for label in labels:  # a town's domain: "@huskvarna.se" → Jönköpings kommun
        town = _plain_places().get(label)
        if label not in _SKIP_LABELS and town:
            return municipality_name(town)
    return None


@lru_cache(maxsize=1)
def _plain_places() -> dict[str, str]:
    """Towns of the gazetteer in domain spelling → their municipality."""
    from ingest.tagging.gazetteer import place_records

    table = str.maketrans("åäöéü", "aaoeu")
    return {p.name.lower().translate(table).replace(" ", ""): p.municipality
            for p in place_records() if p.kind == "ort" and not p.ambiguous}


def municipality_name(name: str) -> str:
    """The municipality's own name: "Jönköpings kommun", "Eksjö kommun", "Tranås kommun"
    (genitive s after a consonant only)."""
    return f"{name}{'' if name[-1].lower() in 'aeiouyåäösxz' else 's'} kommun"


@lru_cache(maxsize=1)
def _plain_municipalities(names: tuple[str, ...]) -> dict[str, str]:
    """"jonkoping" → "Jönköping", as municipalities spell themselves in domain names."""
    table = str.maketrans("åäöéü", "aaoeu")
    return {name.lower().translate(table).replace(" ", "").replace("-", ""): name
            for name in names}
