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
    day_before: re.Pattern[str]
    month_before: re.Pattern[str]
    weekday_before: re.Pattern[str]


@cache
def patterns() -> Patterns:
    lex = lexicon.load()
    day = rf"(?P<day>{lex.day_re})"
    month = rf"(?P<mon>{lex.month_re})"
    capitalised_days = lexicon.alternation([d[0].upper() + d[1:] for d in lex.days])
    return Patterns(
        day_paren=re.compile(r"\(\s*(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?:\s*/\s*(?P<y>\d{2,4}))?\s*\)"),
        textual=re.compile(rf"(?<![\w/])(?P<d>\d{{1,2}})\s+{month}\.?(?![a-z])(?:\s*,?\s*(?P<y>\d{{4}}))?\)?",
                           re.IGNORECASE),
        numeric=re.compile(r"(?<![\w/(])(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})(?![\w/])"),
        blogger=re.compile(r"(?<![\w/])(?P<d>\d{1,2}),\s*(?P<y>\d{4})\b"),
        iso=re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<t>\d{2}:\d{2}(?::\d{2})?)"
                       r"(?P<z>Z|[+-]\d{2}:?\d{2})?)?"),
        month_year=re.compile(r"(?<!\w)(?:(?P<y>\d{4})|(?P<lalu>lalu))(?!\w)"),
        weekday_only=re.compile(r"(?<!\w)(?P<rel>lalu|kemarin|pagi|siang|sore|malam)(?!\w)"),
        relative=re.compile(r"(?<!\w)(?P<rel>kemarin|pekan lalu|minggu lalu)(?!\w)", re.IGNORECASE),
        day_before=re.compile(rf"{day}\s*,?\s*\(?\s*(?:tanggal\s+|tgl\.?\s+)?$", re.IGNORECASE),
        month_before=re.compile(rf"(?<!\w)(?:bulan\s+)?{month}\s+$", re.IGNORECASE),
        weekday_before=re.compile(rf"(?<!\w)(?:pada\s+(?:hari\s+)?)?(?P<day>{capitalised_days})\s+$"),
    )


def preceding(pattern: re.Pattern[str], text: str, start: int, reach: int = 24) -> re.Match[str] | None:
    """A day or month word written just before a date's digits: the digits anchor every search, which keeps
    date finding fast."""
    return pattern.search(text, max(0, start - reach), start)


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
        month = preceding(p.month_before, text, m.start(), 16)
        made = safe_date(int(m.group("y")), month_number(month.group("mon")), int(m.group("d"))) if month else None
        if made:
            out.append(EventDate(made, 1, Span(month.start(), m.end(), text[month.start():m.end()]), metadata=True))
    for m in p.iso.finditer(text):
        made = safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if made:
            out.append(EventDate(made, 1, span_of(m), metadata=True))
    return out


def find_dates(text: str, ref: date, metadata: list[EventDate] | None = None) -> list[EventDate]:
    """Every event-date candidate in the text, in order, each resolved against `ref`."""
    p = patterns()
    meta = metadata_dates(text) if metadata is None else metadata
    taken: list[tuple[int, int]] = [(d.span.start, d.span.end) for d in meta]
    out: list[EventDate] = []

    def free(start: int, end: int) -> bool:
        return not any(a < end and start < b for a, b in taken)

    def with_day(m: re.Match[str], mo: int) -> None:
        day = preceding(p.day_before, text, m.start())
        start = day.start() if day else m.start()
        if free(start, m.end()):
            found = resolve(ref, day.group("day") if day else None, int(m.group("d")), mo, m.group("y"), text,
                            m, start)
            add(out, taken, start, m.end(), found)

    for m in p.day_paren.finditer(text):
        if preceding(p.day_before, text, m.start()):
            with_day(m, int(m.group("m")))
    for m in p.numeric.finditer(text):
        with_day(m, int(m.group("m")))
    for m in p.textual.finditer(text):
        with_day(m, month_number(m.group("mon")))
    for m in p.month_year.finditer(text):
        month = preceding(p.month_before, text, m.start(), 20)
        if month and free(month.start(), m.end()):
            add(out, taken, month.start(), m.end(),
                resolve_month(ref, month_number(month.group("mon")), m.group("y"), text, month.start(), m.end()))
    for m in p.weekday_only.finditer(text):
        day = preceding(p.weekday_before, text, m.start(), 20)
        if day and free(day.start(), m.end()):
            add(out, taken, day.start(), m.end(), resolve_weekday(ref, day.group("day"), m.group("rel"), text,
                                                                  day.start(), m.end()))
    for m in p.relative.finditer(text):
        if free(m.start(), m.end()):
            add(out, taken, m.start(), m.end(), resolve_relative(ref, m.group("rel"), m))
    return sorted(out, key=lambda d: d.span.start)


def add(out: list[EventDate], taken: list[tuple[int, int]], start: int, end: int, found: EventDate | None) -> None:
    if found is not None:
        out.append(found)
        taken.append((start, end))


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


def looks_ahead(text: str, start: int, end: int) -> bool:
    """'Kamis (27/11) mendatang', 'akan digelar pada ...': an announced date, after publication."""
    after = text[end:end + 14].lower()
    before = text[max(0, start - 40):start].lower()
    return bool(re.match(r"\s*(?:mendatang|depan|nanti)", after)) or bool(
        re.search(r"\b(?:akan|rencananya|direncanakan|dijadwalkan)\b[^.]*$", before))


def resolve(ref: date, day_word: str | None, d: int, mo: int, year_text: str | None, text: str,
            m: re.Match[str], start: int) -> EventDate | None:
    weekday = weekday_number(day_word)
    span = Span(start, m.end(), text[start:m.end()])
    recalled = bool(re.match(r"\s*lalu\b", text[m.end():m.end() + 8]))
    if year_text:
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
        made = safe_date(year, mo, d)
        if made is None:
            return None
        conflict = weekday is not None and made.isoweekday() != weekday
        return EventDate(made, 1, span, weekday_conflict=conflict, recalled=recalled)
    made, conflict = infer_year(ref, d, mo, weekday, forward=looks_ahead(text, start, m.end()))
    if made is None:
        return None
    return EventDate(made, 1, span, year_inferred=True, weekday_conflict=conflict, recalled=recalled)


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


def resolve_month(ref: date, mo: int, year_text: str | None, text: str, start: int, end: int) -> EventDate:
    span = Span(start, end, text[start:end])
    if year_text:
        return EventDate(date(int(year_text), mo, 1), 3, span)
    year = ref.year if mo <= ref.month else ref.year - 1
    return EventDate(date(year, mo, 1), 3, span, year_inferred=True, recalled=True)


def resolve_weekday(ref: date, day_word: str, rel: str, text: str, start: int, end: int) -> EventDate | None:
    """'Jumat lalu', 'Senin pagi': the latest such weekday on or before publication."""
    weekday = weekday_number(day_word)
    if weekday is None:
        return None
    back = (ref.isoweekday() - weekday) % 7
    if rel.lower() == "lalu" and back == 0:
        back = 7
    return EventDate(ref - timedelta(days=back), 1, Span(start, end, text[start:end]), year_inferred=True,
                     recalled=rel.lower() == "lalu")


def resolve_relative(ref: date, word: str, m: re.Match[str]) -> EventDate:
    word = word.lower()
    if word == "kemarin":
        return EventDate(ref - timedelta(days=1), 1, span_of(m), year_inferred=True, recalled=True)
    return EventDate(ref - timedelta(days=7), 2, span_of(m), year_inferred=True, recalled=True)
