"""The desk's search language, parsed: free text over title and body, narrowed by filters.

    buruh "unjuk rasa" -ojek  kab:36.04  actor:"Condro Sasongko"  type:clash OR type:arrest
    since:7d  until:2025-12-07  feed:kilas  tag:pemilu  is:unread  -is:starred  prov:banten

Terms side by side must all hold; `OR` joins its neighbours (it binds tighter than the space);
a leading `-` excludes a word, a phrase or a filter. A word ending in `*` stands for every word it
starts (`polres*`: polres, Polresta, Polrestabes; `-polres*` excludes them all, `-polres` the word
alone). The query's last word, of TYPED_PREFIX_MIN letters or more, is `typed`: `storage.search`
takes it for the start of words when no article has it as a word of its own (`kapol` finds Kapolres). `parse_query` turns the text into a `Query` or raises `QuerySyntaxError`
with a message and a position for the search bar. No SQL here: `storage.search` builds it from the Query.
"""

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from core.vocabulary import type_named, type_names
from storage.tags import actor_key

MAX_QUERY_LENGTH = 500
"""Longer than any query a person types; a pasted page is refused before it reaches the database."""

FILTERS = ("actor", "kab", "prov", "type", "tag", "feed", "since", "until", "is")
IS_VALUES = ("unread", "read", "starred", "hidden", "review")
TEXT = "text"
OPERATORS = ("OR", "AND", "NOT")

FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2199, 12, 31)
"""Dates a filter accepts: wide enough for any archive, narrow enough that a day either side still exists in every zone."""
_RELATIVE = re.compile(r"(\d{1,4})([dwmy])")
_DAYS_PER_UNIT = {"d": 1, "w": 7, "m": 30, "y": 365}
_WORD_CHARACTER = re.compile(r"\w")
TYPED_PREFIX_MIN = 3
"""A last word this long or longer is matched as the start of words: shorter ones start too many words to be worth reading
(on 100,000 articles `k*` gathers a dozen of the commonest words and takes over a second)."""
_FILTER = re.compile(r"([A-Za-z_]+):(.*)", re.DOTALL)


class QuerySyntaxError(ValueError):
    """A query the desk cannot run: `message` says why in words, `position` where (0-based)."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.message = message
        self.position = position


@dataclass(frozen=True)
class Term:
    """One word, phrase or filter. `kind` is TEXT or a filter name; text `value` is a word or a phrase.

    A `prefix` word stands for every word that starts with `value` (written `polres*`). A `typed` word is the
    query's last, still being typed: the word itself where articles have it, else the start of words.
    """

    kind: str
    value: str
    negated: bool = False
    phrase: bool = False
    prefix: bool = False
    typed: bool = False

    @property
    def is_text(self) -> bool:
        return self.kind == TEXT


@dataclass(frozen=True)
class Query:
    """A parsed query: every group must hold, and a group holds when any of its terms does."""

    text: str
    groups: tuple[tuple[Term, ...], ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.groups

    @property
    def shows_hidden(self) -> bool:
        """`is:hidden` asks for the articles marked not relevant, which every other query leaves out."""
        return any(term.kind == "is" and term.value == "hidden" and not term.negated
                   for group in self.groups for term in group)


@dataclass(frozen=True)
class _Token:
    """A stretch of the query: `head` carries a leading `-` and a `name:`; `phrase` is the quoted text, if any."""

    head: str
    phrase: str | None
    position: int

    @property
    def is_operator(self) -> bool:
        return self.phrase is None and self.head in OPERATORS


def parse_query(text: str) -> Query:
    """Parse the search bar's text; raises QuerySyntaxError for anything the desk cannot run."""
    if len(text) > MAX_QUERY_LENGTH:
        raise QuerySyntaxError(
            f"the query is {len(text):,} characters long; searches stop at {MAX_QUERY_LENGTH}", MAX_QUERY_LENGTH
        )
    tokens = _tokens(text)
    groups: list[list[Term]] = []
    joining = negating = False
    for index, token in enumerate(tokens):
        if token.is_operator:
            _check_operator(tokens, index)
            joining = joining or token.head == "OR"
            negating = token.head == "NOT"
            continue
        term = _term(token)
        if term is not None and negating:
            term = replace(term, negated=not term.negated)
        if term is not None and index == len(tokens) - 1:
            term = _typed_on(term)
        negating = False
        if term is None:
            continue
        if joining and groups:
            groups[-1].append(term)
        else:
            groups.append([term])
        joining = False
    if not groups and text.strip():
        raise QuerySyntaxError(f"nothing to search for in `{text.strip()[:40]}`: type a word, a \"phrase\" "
                               "or a filter such as kab:serang", 0)
    return Query(text, tuple(tuple(group) for group in groups))


def _tokens(text: str) -> list[_Token]:
    """Split on spaces; a double quote opens a phrase, also as a filter's value (`actor:"A B"`)."""
    tokens: list[_Token] = []
    position = 0
    while position < len(text):
        if text[position].isspace():
            position += 1
            continue
        start = position
        while position < len(text) and not text[position].isspace() and text[position] != '"':
            position += 1
        head = text[start:position]
        if position < len(text) and text[position] == '"':
            close = text.find('"', position + 1)
            if close < 0:
                raise QuerySyntaxError(f"the quote at column {position + 1} is never closed", position)
            if head in ("", "-") or head.endswith(":"):
                tokens.append(_Token(head, text[position + 1:close], start))
            else:  # `ab"cd"`: the word, then the phrase on its own
                tokens += [_Token(head, None, start), _Token("", text[position + 1:close], position)]
            position = close + 1
        else:
            tokens.append(_Token(head, None, start))
    return tokens


def _typed_on(term: Term) -> Term:
    """The query's last term: a word being typed may be the start of a word (`kapol` for Kapolres); an excluded
    word, a phrase, a prefix or a filter stays as written (excluding `-pol…` at each keystroke would empty the list)."""
    if not term.is_text or term.negated or term.phrase or term.prefix or len(term.value) < TYPED_PREFIX_MIN:
        return term
    return replace(term, typed=True)


def _check_operator(tokens: list[_Token], index: int) -> None:
    """OR and AND stand between two terms, NOT before one (`buruh NOT ojek` is `buruh -ojek`)."""
    operator = tokens[index].head

    def is_term(at: int) -> bool:
        return 0 <= at < len(tokens) and not tokens[at].is_operator

    if operator == "NOT" and not is_term(index + 1):
        raise QuerySyntaxError("NOT must stand before a word or a filter, as in `buruh NOT ojek`", tokens[index].position)
    if operator != "NOT" and not (is_term(index - 1) and is_term(index + 1)):
        raise QuerySyntaxError(f"{operator} must stand between two terms, as in `buruh {operator} polisi`",
                               tokens[index].position)


def _term(token: _Token) -> Term | None:
    """The term a token stands for, or None for punctuation (which the search index ignores anyway)."""
    head, position = token.head, token.position
    negated = head.startswith("-")
    if negated:
        head, position = head[1:], position + 1
        if not head and token.phrase is None:
            raise QuerySyntaxError("`-` must be followed by a word or a filter to exclude, as in `-ojek`", token.position)
    if token.phrase is not None:
        name, value = (head[:-1], token.phrase) if head else (None, token.phrase)
    else:
        found = _FILTER.fullmatch(head)
        name, value = (found.group(1), found.group(2)) if found else (None, head)
    if name is None:
        if not _WORD_CHARACTER.search(value):
            return None
        if token.phrase is not None:
            return Term(TEXT, value, negated, phrase=True)
        return Term(TEXT, value.rstrip("*"), negated, prefix=value.endswith("*"))
    if name.lower() not in FILTERS:
        known = " ".join(f"{known}:" for known in FILTERS)
        raise QuerySyntaxError(f"unknown filter `{name}:`; the filters are {known}", position)
    name, value = name.lower(), value.strip()
    if not value:
        raise QuerySyntaxError(f"`{name}:` needs a value, as in {_EXAMPLES[name]}", position)
    return Term(name, _filter_value(name, value, position), negated)


_EXAMPLES = {
    "actor": '`actor:"Condro Sasongko"`',
    "kab": "`kab:36.04` or `kab:serang`",
    "prov": "`prov:36` or `prov:banten`",
    "type": "`type:clash`",
    "tag": "`tag:pemilu`",
    "feed": "`feed:kilas` or `feed:3`",
    "since": "`since:2025-12-01` or `since:7d`",
    "until": "`until:2025-12-07` or `until:1d`",
    "is": "`is:unread`, `is:read`, `is:starred`, `is:hidden` or `is:review`",
}


def _filter_value(name: str, value: str, position: int) -> str:
    """The filter's value in the form `condition` expects, or a QuerySyntaxError saying what is wrong."""
    if name in ("since", "until"):
        date_of(value, date.today(), position)
        return value.lower()
    if name == "is":
        if value.lower() not in IS_VALUES:
            raise QuerySyntaxError(f"`is:{value}` is not known; use {_EXAMPLES['is']}", position)
        return value.lower()
    if name == "type":
        type_id = type_named(value)
        if type_id is None:
            raise QuerySyntaxError(f"no engagement type `{value}`; the types are {type_names()}", position)
        return type_id
    if name == "actor" and not actor_key(value):
        raise QuerySyntaxError(f"`actor:` needs a name, as in {_EXAMPLES['actor']}", position)
    return value


def date_of(value: str, today: date, position: int = 0) -> date:
    """A date as YYYY-MM-DD, or as a span back from today: 7d, 2w, 3m, 1y; between FIRST_DAY and LAST_DAY.

    The one reader of the days a person types: search filters, `pantau export --since/--until` and the
    export form's prefill. Raises QuerySyntaxError (a ValueError) saying what to write instead.
    """
    relative = _RELATIVE.fullmatch(value.lower())
    try:
        if relative:
            day = today - timedelta(days=int(relative.group(1)) * _DAYS_PER_UNIT[relative.group(2)])
        elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            day = date.fromisoformat(value)
        else:
            return _bad_date(value, position)
    except (ValueError, OverflowError):
        return _bad_date(value, position)
    if not FIRST_DAY <= day <= LAST_DAY:
        raise QuerySyntaxError(f"`{value}` is out of range: dates run from {FIRST_DAY} to {LAST_DAY}", position)
    return day


def _bad_date(value: str, position: int) -> date:
    raise QuerySyntaxError(f"`{value}` is not a date: write 2025-12-01, or 7d / 2w / 3m / 1y back from today", position)
