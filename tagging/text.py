"""Tokens, sentences and phrase lookup: the one pass over the text that every matcher shares.

Lexicons are matched as token n-grams in dictionaries rather than as regex alternations: a regex of the
7,285 kecamatan names costs ~18 ms on a 3,000-character article, the n-gram lookup well under one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import compress
from typing import Generic, TypeVar

from core.tags import Span

TOKEN_RE = re.compile(r"\w+(?:['’\-.]\w+)*")
SENTENCE_END_RE = re.compile(r"[.!?\n](?:(?<=[.!?])[.!?]*[\"”’']?(?=\s+[\"“'‘(]?[A-Z0-9])"
                             r"|(?<=\n)\s*\n|(?<=\n)(?=\s*[A-Z\"“]))")
"""[.!?]+["”’']?(?=\\s+["“'‘(]?[A-Z0-9]) | \\n\\s*\\n | \\n(?=\\s*[A-Z"“]), written to open with one character
class: the regex engine then skips to those characters, where a choice opening with a repeat made it try every
offset (0.07 against 0.015 ms an article)."""
LAST_WORD_RE = re.compile(r"(\w+)$")
HEADLINE_STOP_RE = re.compile(r"[.!?][\"”’']?$|[a-z]{2}[.!?] ")
ABBREVIATIONS = frozenset(
    "drs dra dr ir h hj prof pol jend jl no st kh sh mh sik si msi sos ssos se mm kab kec kel ds tbk bpk ny sdr "
    "sp ag pd kom hum tr han ph lc ma".split()
)

P = TypeVar("P")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True, slots=True)
class Hit(Generic[P]):
    """A lexicon phrase found at tokens [first, last)."""

    first: int
    last: int
    start: int
    end: int
    payload: P


def tokenize(text: str) -> list[Token]:
    return [_token(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]


_new = object.__new__
_set_start, _set_end, _set_text = (Token.start.__set__, Token.end.__set__,  # type: ignore[attr-defined]
                                   Token.text.__set__)  # type: ignore[attr-defined]


def _token(start: int, end: int, text: str) -> Token:
    """Token(start, end, text), made by filling its slots directly: a frozen dataclass's __init__ sets each field
    through object.__setattr__, and an article's ~400 tokens cost a third more that way (0.26 against 0.18 ms)."""
    token = _new(Token)
    _set_start(token, start)
    _set_end(token, end)
    _set_text(token, text)
    return token


def exact(word: str) -> str:
    return word


lowered = str.lower


class PhraseIndex(Generic[P]):
    """Phrases (as token tuples) to payloads; finds the longest phrase at each token, left to right."""

    def __init__(self, phrases: Iterable[tuple[str, P]], key: Callable[[str], str] = exact,
                 commas: bool = False) -> None:
        self.key = key
        self.commas = commas
        self.table: dict[tuple[str, ...], P] = {}
        for phrase, payload in phrases:
            words = tuple(key(t.text) for t in tokenize(phrase))
            if words:
                self.table.setdefault(words, payload)
        lengths: dict[str, set[int]] = {}
        for words in self.table:
            lengths.setdefault(words[0], set()).add(len(words))
        self.lengths = {first: tuple(sorted(n, reverse=True)) for first, n in lengths.items()}
        """The lengths of the phrases each first word starts, longest first: only those are tried."""

    def find(self, tokens: list[Token], text: str, overlapping: bool = False) -> list[Hit[P]]:
        """Every match; without `overlapping`, a token belongs to the longest phrase starting leftmost."""
        keys = token_keys(tokens, self.key)
        lengths = self.lengths
        table = self.table
        count = len(keys)
        hits: list[Hit[P]] = []
        free = 0
        for i in compress(range(count), map(lengths.__contains__, keys)):
            if i < free:
                continue
            for n in lengths[keys[i]]:
                if i + n > count:
                    continue
                payload = table.get(tuple(keys[i:i + n]))
                if payload is not None and adjacent(tokens, text, i, n, self.commas):
                    hits.append(Hit(i, i + n, tokens[i].start, tokens[i + n - 1].end, payload))
                    free = i + 1 if overlapping else i + n
                    break
        return hits


_last_keys: dict[Callable[[str], str], tuple[list[Token], list[str]]] = {}


def token_keys(tokens: list[Token], key: Callable[[str], str]) -> list[str]:
    """Each token's lookup key. A dozen indexes look up the same article's tokens in turn, so the keys of the
    last token list are kept per key function (the list itself is held, so its identity stays its own)."""
    last = _last_keys.get(key)
    if last is not None and last[0] is tokens and len(last[1]) == len(tokens):
        return last[1]
    keys = [t.text for t in tokens] if key is exact else [key(t.text) for t in tokens]
    _last_keys[key] = (tokens, keys)
    return keys


def led_matches(lead: re.Pattern[str], pattern: re.Pattern[str], text: str, lead_text: str | None = None
                ) -> list[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern that opens with a lookbehind (GENERIC_HEAD_RE of unions.py), found faster:
    such an opening makes the regex engine try every position of the text (~0.05-0.08 ms an article per pattern),
    while `lead`, the words every match starts with and no lookbehind, lets it skip to them. The pattern is then
    tried where the lead is, as finditer would have found it there (its lookbehind still sees the text before).
    `lead_text`: where to look for the lead instead, the lowered text (see `lowers_in_place`) for a pattern that
    ignores case, so that the lead need not (a regex ignoring case is several times slower)."""
    out = []
    pos = 0
    while (candidate := lead.search(text if lead_text is None else lead_text, pos)) is not None:
        m = pattern.match(text, candidate.start())
        if m is None:
            pos = candidate.start() + 1
        else:
            out.append(m)
            pos = m.end() if m.end() > m.start() else m.end() + 1
    return out


UNLOWERED = "ıİſ"
"""Letters a regex ignoring case matches to 'i' or 's' but that lower() does not turn into them."""


def lowers_in_place(text: str, low: str) -> bool:
    """Whether `low` (text.lower()) holds every letter where `text` has it and as a regex ignoring case reads it."""
    return len(low) == len(text) and not any(c in text for c in UNLOWERED)


def matches_ignoring_case(lead: re.Pattern[str], pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern that ignores case, found from `lead` (the words it starts with, in lower
    case, with no lookbehind) in the lowered text (see led_matches)."""
    low = text.lower()
    return led_matches(lead, pattern, text, low) if lowers_in_place(text, low) else list(pattern.finditer(text))


def first_ignoring_case(lead: re.Pattern[str], pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """`pattern.search(text)` for a pattern that ignores case, found from `lead` in the lowered text as
    matches_ignoring_case finds every match: the first one, or None."""
    low = text.lower()
    if not lowers_in_place(text, low):
        return pattern.search(text)
    pos = 0
    while (candidate := lead.search(low, pos)) is not None:
        m = pattern.match(text, candidate.start())
        if m is not None:
            return m
        pos = candidate.start() + 1
    return None


def adjacent(tokens: list[Token], text: str, first: int, n: int, commas: bool = False) -> bool:
    """A phrase may not run across a sentence end, a line break or a bracket between its words (nor a comma,
    unless the phrase itself has one, as some union names do)."""
    allowed = " .-–'," if commas else " .-–'"
    for k in range(first, first + n - 1):
        gap = text[tokens[k].end:tokens[k + 1].start]
        if len(gap) > 3 or any(c in gap for c in "\n()[]\"“”;:!?|/") or gap.strip(allowed):
            return False
    return True


@dataclass(frozen=True)
class Layout:
    """Sentence and paragraph boundaries of a text, for 'same sentence' and 'same paragraph' tests."""

    sentence_starts: tuple[int, ...]
    paragraph_starts: tuple[int, ...]
    text: str
    spans: dict[int, Span] = field(default_factory=dict, compare=False, repr=False)
    """sentence_span's answers so far: the engagement passes ask for the same sentences ~60 times an article."""

    def sentence_of(self, offset: int) -> int:
        return bisect_right(self.sentence_starts, offset) - 1

    def paragraph_of(self, offset: int) -> int:
        return bisect_right(self.paragraph_starts, offset) - 1

    def sentence_span(self, index: int) -> Span:
        span = self.spans.get(index)
        if span is None:
            start = self.sentence_starts[index]
            end = self.sentence_starts[index + 1] if index + 1 < len(self.sentence_starts) else len(self.text)
            raw = self.text[start:end]
            lead = len(raw) - len(raw.lstrip())
            body = raw.strip()
            span = self.spans[index] = Span(start + lead, start + lead + len(body), body)
        return span

    def sentence_count(self) -> int:
        return len(self.sentence_starts)


def abbreviation_before(text: str, offset: int) -> bool:
    """'Drs.', 'Pol.', 'S.I.K.' or an initial end a word, not a sentence."""
    word = LAST_WORD_RE.search(text, max(0, offset - 12), offset)
    return bool(word) and (len(word.group(1)) == 1 or word.group(1).lower() in ABBREVIATIONS)


def layout(text: str) -> Layout:
    sentence_starts = [0]
    for m in SENTENCE_END_RE.finditer(text):
        if m.group().startswith(".") and abbreviation_before(text, m.start()):
            continue
        sentence_starts.append(m.end())
    paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    return Layout(tuple(sentence_starts), tuple(paragraph_starts), text)


def in_title_case(text: str, offset: int) -> bool:
    """Whether the line at `offset` is a headline in title case ('Ribuan Buruh Surabaya Bersemangat ...'): no
    sentence ends in it, and all its words of four letters or more but one start with a capital (a sentence
    has 'yang', 'dengan' ...)."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start:end if end >= 0 else len(text)].strip()
    if HEADLINE_STOP_RE.search(line):
        return False
    long_words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
    return len(long_words) >= 3 and sum(not w[0].isupper() for w in long_words) <= 1
