"""What a query may cost: its characters, words, phrases and wildcards, and the Swedish
notes on what was cut from a query over them (``limit_query``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Limits on a query: what it may cost is bounded by these, whatever a client sends.
MAX_QUERY_CHARS = 200  # after whitespace is collapsed
MAX_INPUT_CHARS = 100 * MAX_QUERY_CHARS  # read of a longer query before it is cut
MAX_WORDS = 32  # words and operators, phrase words included
MAX_PHRASE_WORDS = 10  # words inside one pair of quotes
MAX_WILDCARD_TERMS = 2  # terms with * or ?
MIN_WILDCARD_PREFIX = 3  # letters before the first * or ?: "skol*", never "*a" or "sk*"
MAX_EXPANSIONS = 1000  # index words one wildcard term may stand for
MAX_PER_PAGE = 100  # hits on one page


@dataclass(frozen=True)
class LimitedQuery:
    """A query within the limits, and the limits the original broke (Swedish)."""

    text: str
    broken: tuple[tuple[str, str], ...] = ()  # (the rule, what was done about it)

    @property
    def rule(self) -> str | None:
        """The rules the query broke: the API's 400 message."""
        return " ".join(rule for rule, _ in self.broken) or None

    @property
    def message(self) -> str | None:
        """The rules and what was done: the notice shown with the results."""
        return " ".join(f"{rule} {done}" for rule, done in self.broken) or None


TOO_LONG = (f"Sökfrågan får vara högst {MAX_QUERY_CHARS} tecken.", "Den har kortats.")
TOO_MANY_WORDS = (f"Sökfrågan får ha högst {MAX_WORDS} ord.",
                  f"Bara de första {MAX_WORDS} orden söks.")
LONG_PHRASE = (f"En fras inom citattecken får ha högst {MAX_PHRASE_WORDS} ord.",
               f"Bara frasens första {MAX_PHRASE_WORDS} ord söks.")
SHORT_WILDCARD = (f"Jokertecken (* och ?) fungerar bara efter minst {MIN_WILDCARD_PREFIX} "
                  "bokstäver, till exempel skol*.", "Jokertecknen har tagits bort.")
MANY_WILDCARDS = (f"Högst {MAX_WILDCARD_TERMS} ord med jokertecken per sökning.",
                  "De övriga söks som vanliga ord.")

# a phrase (its closing quote may be missing) or a run of anything else
_TOKEN = re.compile(r'"[^"]*(?:"|$)|[^\s"]+')
_WILDCARD = re.compile(r"[*?]")
# a question mark ending a word is punctuation ("hur ökar vi närvaron?"), not a wildcard
QUESTION_MARK = re.compile(r"(?<=\w)\?+(?=[\s)]|$)")


def _cut(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut before a word when there is a space to cut at."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    if text[limit] != " " and " " in head:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip()


def _phrase_words(token: str) -> list[str] | None:
    """The words of a quoted phrase token, None for any other token."""
    return token.strip('"').split() if token.startswith('"') else None


def _limit_phrases(tokens: list[str]) -> bool:
    changed = False
    for i, token in enumerate(tokens):
        words = _phrase_words(token)
        if words is not None and len(words) > MAX_PHRASE_WORDS:
            tokens[i] = '"' + " ".join(words[:MAX_PHRASE_WORDS]) + '"'
            changed = True
    return changed


def _limit_words(tokens: list[str]) -> bool:
    budget, kept = MAX_WORDS, []
    for token in tokens:
        words = _phrase_words(token)
        size = len(words) if words is not None else 1
        if size <= budget:
            kept.append(token)
            budget -= size
        elif words is not None and budget > 0:
            kept.append('"' + " ".join(words[:budget]) + '"')
            budget = 0
    changed = kept != tokens
    tokens[:] = kept
    return changed


def _wildcard_prefix_ok(token: str) -> bool:
    core = token.lstrip("(+-'")
    literal = re.match(r"\w*", core)
    return literal is not None and len(literal.group()) >= MIN_WILDCARD_PREFIX


def _limit_wildcards(tokens: list[str]) -> list[tuple[str, str]]:
    broken: list[tuple[str, str]] = []
    allowed = MAX_WILDCARD_TERMS
    for i, token in enumerate(tokens):
        if token.startswith('"') or not _WILDCARD.search(QUESTION_MARK.sub("", token)):
            continue
        if not _wildcard_prefix_ok(token):
            problem = SHORT_WILDCARD
        elif allowed > 0:
            allowed -= 1
            continue
        else:
            problem = MANY_WILDCARDS
        tokens[i] = _WILDCARD.sub("", token)
        if problem not in broken:
            broken.append(problem)
    return broken


def limit_query(original: str) -> LimitedQuery:
    """The query within MAX_QUERY_CHARS, MAX_WORDS, MAX_PHRASE_WORDS and the wildcard rules
    (whitespace collapsed), and the rules it broke. A query within the limits comes back as
    it was; one over them is cut (at a word), its phrases shortened and its bad wildcards
    taken out, so a query never costs more than the limits allow."""
    text = " ".join(original[:MAX_INPUT_CHARS].split())
    tokens = _TOKEN.findall(text)
    broken = [LONG_PHRASE] if _limit_phrases(tokens) else []
    if _limit_words(tokens):
        broken.append(TOO_MANY_WORDS)
    broken += _limit_wildcards(tokens)
    if broken:
        text = " ".join(t for t in tokens if t)
    if len(text) > MAX_QUERY_CHARS or len(original) > MAX_INPUT_CHARS:
        text = _cut(text, MAX_QUERY_CHARS)
        # one note for a long text: cut to its first words
        broken = [TOO_LONG, *(b for b in broken if b != TOO_MANY_WORDS)]
    return LimitedQuery(text, tuple(broken))

