"""Event dates in Indonesian news text, resolved against the publication date.

Forms: 'Senin, 16 februari 2026', 'Senin (8/12/2025)', 'Kamis (27/11)', '4 Agustus', 'Desember 2025',
'Jumat lalu'. A missing year is the latest one that puts the date on or before publication and, when a
weekday is named, on that weekday: the weekday is evidence ('Senin (11/2)' near a 2019 minister is 2019).
Blogger date lines ('Desember 08, 2025 WIB') and ISO stamps are publication metadata, never event dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import cache

from tagging import lexicon
from tagging.model import EventDate, Span

WIB = timezone(timedelta(hours=7))
YEARS_BACK = 11


@dataclass(frozen=True)
class Patterns:
    day_paren: re.Pattern[str]
    textual: re.Pattern[str]
    numeric: re.Pattern[str]
    blogger: re.Pattern[str]
    iso: re.Pattern[str]
    month_year: re.Pattern[str]
    weekday_only: re.Pattern[str]
    relative: re.Pattern[str]


@cache
def patterns() -> Patterns:
    lex = lexicon.load()
    day = rf"(?P<day>{lex.day_re})"
    month = rf"(?P<mon>{lex.month_re})"
    capitalised_days = lexicon.alternation([d[0].upper() + d[1:] for d in lex.days])
    return Patterns(
        day_paren=re.compile(
            rf"(?<!\w){day}\s*,?\s*\(\s*(?P<d>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})(?:\s*/\s*(?P<y>\d{{2,4}}))?\s*\)",
            re.IGNORECASE),
        textual=re.compile(
            rf"(?<!\w)(?:{day}\s*,?\s*\(?\s*)?(?:tanggal\s+|tgl\.?\s+)?(?P<d>\d{{1,2}})\s+{month}\.?(?![a-z])"
            rf"(?:\s*,?\s*(?P<y>\d{{4}}))?\)?", re.IGNORECASE),
        numeric=re.compile(rf"(?<![\w/]){day}?\s*,?\s*(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>\d{{4}})(?![\w/])",
                           re.IGNORECASE),
        blogger=re.compile(rf"(?<!\w){month}\s+(?P<d>\d{{1,2}}),\s*(?P<y>\d{{4}})", re.IGNORECASE),
        iso=re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<t>\d{2}:\d{2}(?::\d{2})?)"
                       r"(?P<z>Z|[+-]\d{2}:?\d{2})?)?"),
        month_year=re.compile(rf"(?<!\w)(?:bulan\s+)?{month}(?:\s+(?P<y>\d{{4}})|\s+(?P<lalu>lalu))(?!\w)",
                              re.IGNORECASE),
        weekday_only=re.compile(rf"(?<!\w)(?:pada\s+(?:hari\s+)?)?(?P<day>{capitalised_days})"
                                rf"\s+(?P<rel>lalu|kemarin|pagi|siang|sore|malam)(?!\w)"),
        relative=re.compile(r"(?<!\w)(?P<rel>kemarin|pekan lalu|minggu lalu)(?!\w)", re.IGNORECASE),
    )


def reference_date(text: str, published: datetime | None) -> date:
    """The day the article speaks from: publication (in WIB), else its own date line, else today."""
    if published is not None:
        if published.tzinfo is not None:
            return published.astimezone(WIB).date()
        return published.date()
    stamps = [d.date for d in metadata_dates(text)]
    if stamps:
        return max(stamps)
    full = [d.date for d in find_dates(text, date.today()) if not d.year_inferred and d.precision == 1]
    return max(full) if full else date.today()


def metadata_dates(text: str) -> list[EventDate]:
    p = patterns()
    out = []
    for m in p.blogger.finditer(text):
        made = safe_date(int(m.group("y")), month_number(m.group("mon")), int(m.group("d")))
        if made:
            out.append(EventDate(made, 1, span_of(m), metadata=True))
    for m in p.iso.finditer(text):
        made = safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if made:
            out.append(EventDate(made, 1, span_of(m), metadata=True))
    return out


def find_dates(text: str, ref: date) -> list[EventDate]:
    """Every event-date candidate in the text, in order, each resolved against `ref`."""
    p = patterns()
    taken: list[tuple[int, int]] = [(d.span.start, d.span.end) for d in metadata_dates(text)]
    out: list[EventDate] = []

    def free(m: re.Match[str]) -> bool:
        return not any(a < m.end() and m.start() < b for a, b in taken)

    for m in p.day_paren.finditer(text):
        if free(m):
            add(out, taken, m, resolve(ref, m.group("day"), int(m.group("d")), int(m.group("m")), m.group("y"), text, m))
    for m in p.numeric.finditer(text):
        if free(m):
            add(out, taken, m, resolve(ref, m.group("day"), int(m.group("d")), int(m.group("m")), m.group("y"), text, m))
    for m in p.textual.finditer(text):
        if free(m):
            add(out, taken, m, resolve(ref, m.group("day"), int(m.group("d")), month_number(m.group("mon")),
                                       m.group("y"), text, m))
    for m in p.month_year.finditer(text):
        if free(m):
            add(out, taken, m, resolve_month(ref, month_number(m.group("mon")), m.group("y"), m))
    for m in p.weekday_only.finditer(text):
        if free(m):
            add(out, taken, m, resolve_weekday(ref, m.group("day"), m))
    for m in p.relative.finditer(text):
        if free(m):
            add(out, taken, m, resolve_relative(ref, m.group("rel"), m))
    return sorted(out, key=lambda d: d.span.start)


def add(out: list[EventDate], taken: list[tuple[int, int]], m: re.Match[str], found: EventDate | None) -> None:
    if found is not None:
        out.append(found)
        taken.append((m.start(), m.end()))


def span_of(m: re.Match[str]) -> Span:
    return Span(m.start(), m.end(), m.group())


def month_number(word: str) -> int:
    return lexicon.load().months[word.lower().rstrip(".")]


def weekday_number(word: str | None) -> int | None:
    if not word:
        return None
    return lexicon.load().days.get(word.lower())


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def looks_ahead(text: str, m: re.Match[str]) -> bool:
    """'Kamis (27/11) mendatang', 'akan digelar pada ...': an announced date, after publication."""
    after = text[m.end():m.end() + 14].lower()
    before = text[max(0, m.start() - 40):m.start()].lower()
    return bool(re.match(r"\s*(?:mendatang|depan|nanti)", after)) or bool(
        re.search(r"\b(?:akan|rencananya|direncanakan|dijadwalkan)\b[^.]*$", before))


def resolve(ref: date, day_word: str | None, d: int, mo: int, year_text: str | None, text: str,
            m: re.Match[str]) -> EventDate | None:
    weekday = weekday_number(day_word)
    recalled = bool(re.match(r"\s*lalu\b", text[m.end():m.end() + 8]))
    if year_text:
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
        made = safe_date(year, mo, d)
        if made is None:
            return None
        conflict = weekday is not None and made.isoweekday() != weekday
        return EventDate(made, 1, span_of(m), weekday_conflict=conflict, recalled=recalled)
    made, conflict = infer_year(ref, d, mo, weekday, forward=looks_ahead(text, m))
    if made is None:
        return None
    return EventDate(made, 1, span_of(m), year_inferred=True, weekday_conflict=conflict, recalled=recalled)


def infer_year(ref: date, d: int, mo: int, weekday: int | None, forward: bool) -> tuple[date | None, bool]:
    """The latest date on or before `ref` (the earliest on or after it for announced dates) with that day and
    month, on the named weekday if one is given; with no such weekday in 11 years, the plain nearest date,
    flagged as a weekday conflict."""
    if forward:
        years = range(ref.year, ref.year + 2)
        candidates = [c for y in years if (c := safe_date(y, mo, d)) and c >= ref]
    else:
        years = range(ref.year + 1, ref.year - YEARS_BACK - 1, -1)
        candidates = [c for y in years if (c := safe_date(y, mo, d)) and c <= ref + timedelta(days=1)]
    if not candidates:
        return None, False
    if weekday is None:
        return candidates[0], False
    matching = [c for c in candidates if c.isoweekday() == weekday]
    if matching:
        return matching[0], False
    return candidates[0], True


def resolve_month(ref: date, mo: int, year_text: str | None, m: re.Match[str]) -> EventDate:
    if year_text:
        return EventDate(date(int(year_text), mo, 1), 3, span_of(m))
    year = ref.year if mo <= ref.month else ref.year - 1
    return EventDate(date(year, mo, 1), 3, span_of(m), year_inferred=True, recalled=True)


def resolve_weekday(ref: date, day_word: str, m: re.Match[str]) -> EventDate | None:
    """'Jumat lalu', 'Senin pagi': the latest such weekday on or before publication."""
    weekday = weekday_number(day_word)
    if weekday is None:
        return None
    back = (ref.isoweekday() - weekday) % 7
    if m.group("rel").lower() == "lalu" and back == 0:
        back = 7
    return EventDate(ref - timedelta(days=back), 1, span_of(m), year_inferred=True,
                     recalled=m.group("rel").lower() == "lalu")


def resolve_relative(ref: date, word: str, m: re.Match[str]) -> EventDate:
    word = word.lower()
    if word == "kemarin":
        return EventDate(ref - timedelta(days=1), 1, span_of(m), year_inferred=True, recalled=True)
    return EventDate(ref - timedelta(days=7), 2, span_of(m), year_inferred=True, recalled=True)
