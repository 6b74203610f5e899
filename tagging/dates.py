"""Event dates in Indonesian news text, resolved against what the article says about its publication.

Forms: 'Senin, 16 februari 2026', 'Senin (8/12/2025)', '18-11-2014', 'Kamis pagi (30/10/2025)', 'Kamis (27/11)',
'4 Agustus', 'Desember 2025', 'Jumat lalu', 'kemarin'. A missing year is the latest one that puts the date on or before
publication and, when a weekday is named, on that weekday: the weekday is evidence ('Senin (11/2)' near a 2019
minister is 2019). Nothing is resolved against the day of tagging but a weekday-evidenced day and month: a
relative word ('kemarin', 'Jumat lalu') needs the publication day, a bare day and month needs a publication
date, the month of the page's address or a year written in the text. A date after publication, or announced
('mendatang', 'akan digelar pada ...'), is never the event's. Date lines of the page ('Desember 08, 2025 WIB',
'28/6/2016 08:40', ISO stamps) are publication metadata, never event dates.

dateparser parses these forms too, but at 1.5-2 ms a call it would take the whole per-article budget on its
own; the forms are few and regular, so they are matched here.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from functools import cache, lru_cache

from core.tags import EventDate, Span
from tagging import lexicon
from tagging.places import dateline
from tagging.text import led_matches

WIB = timezone(timedelta(hours=7))
YEARS_BACK = 11
ADDRESS_DATE_RE = re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>0?[1-9]|1[0-2])/(?:(?P<d>0?[1-9]|[12]\d|3[01])/)?")
WORD_RE = re.compile(r"[\w'’]+")
CLOCK_AFTER_RE = re.compile(r"[ \t,|•]*\d{1,2}:\d{2}\b")
EARLIER_BEFORE_RE = re.compile(r"\b(?:[Ss]ebelumnya|pernah|sebelum ini)\b[^.\n]*$")
EVERY_BEFORE_RE = re.compile(r"\b(?:setiap|tiap|saban)\s+(?:hari\s+)?$", re.IGNORECASE)
AHEAD_AFTER_RE = re.compile(r"\s*(?:mendatang|depan|nanti)\b", re.IGNORECASE)
AHEAD_BEFORE_RE = re.compile(r"\b(?:akan|rencananya|direncanakan|dijadwalkan)\b[^.]*$"
                             r"|\b(?:nanti|mendatang|(?:pekan|minggu|bulan) depan)[ \t]*[,(]?[ \t]*(?:pada[ \t]+)?$",
                             re.IGNORECASE)
BARE_WEEKDAY_CUE_RE = re.compile(r"(?<=\bpada )|(?<=\bpada hari )|(?<=, )")
"""What a bare weekday follows ('pada Jumat.', ', Senin di ...'), tried only where `bare_weekday` matched: led by
these lookbehinds, the scan tried every position of the text (~0.13 ms an article); led by the day names, the
regex engine skips to their capitals."""
RELATIVE_WORDS = ("kemarin", "pekan lalu", "minggu lalu", "hari lalu", "hari yang lalu")
"""The words `relative` matches, looked for in the lowered text before scanning for them (most texts have none)."""
UNLOWERED_CASES = "ıİ\u212a"
"""Letters that ignoring case matches to 'i' or 'k' but that lower() does not turn into them."""
SCAN_LEADS = {
    "numeric": re.compile(r"\d\d?[/-]"),
    "textual": re.compile(r"\d\d?\s"),
    "day_slash": re.compile(r"\d\d?/"),
    "blogger": re.compile(r"\d\d?,"),
    "iso": re.compile(r"\d\d{3}-\d\d-"),
    "month_year": re.compile(r"[\dl](?:(?<=l)alu|(?<!l)\d{3})"),
    "weekday_only": re.compile(r"lalu|kemarin|pagi|siang|sore|malam"),
}
"""What each whole-text scan of `patterns()` starts with, after its lookbehind (see `scanned`). Each opens with one
character or a choice of words, which lets the regex engine skip to the offsets starting with them: 'iso' is
\\d{4}-\\d\\d- and 'month_year' \\d{4}|lalu written so (a repeat first made it try every offset: 0.03 and 0.06 ms an
article against 0.02 and 0.03)."""
RANGE_START_RE = re.compile(r"(?<![\w/])(?P<d0>\d{1,2})\s*(?:-|–|s\.?d\.?|sampai|hingga|dan)\s*\(?$")
"""The first day of a range written before the last: '4-5 Desember 2025', '24 sampai 27 November'."""
FIRST_WEEKDAY_RE = re.compile(r"(?P<day>\b[A-Z][a-z'’]+)\s*(?:-|–|hingga|sampai|s\.?d\.?|dan)\s*$")
"""The first of two weekdays of a range ('Sabtu-Minggu (6-7/12/2025)')."""
DAYS_BACK = {"dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6}
"""'dua hari lalu' ... 'enam hari lalu': days before publication (a week or more is 'pekan lalu')."""
RECENT_DAYS = 31
"""How far back from publication a bare bracketed day and month is still the news's own day."""
WRITTEN_YEAR_RE = re.compile(r"(?<![\d/.,-])((?:19|20)\d{2})(?![\d/])")
PLANNED_BEFORE_RE = re.compile(
    r"(?:(?<!sesuai )\b(?:rencana|agenda)\s+(?:aksi|unjuk rasa|demo\w*|mogok|pelaksanaan)|\b(?:berencana|merencanakan)"
    r")\b[^.;\n]{0,110}?\bpada\s+"
    r"(?:tanggal\s+)?(?:\d{1,2}\s*(?:dan|sampai|hingga|s\.?d\.?|-)\s*)?$", re.IGNORECASE)
"""A day of a planned action: 'rencana unjuk rasa ... di PT X, Rungkut dan ke Pemprov pada 30 dan 31 Oktober 2017',
'buruh berencana menggelar aksi ... pada Kamis (11/12)',
'rencana aksi mogok kerja secara nasional pada 24 sampai 27 November'."""
DOCUMENT_BEFORE_RE = re.compile(r"\b(?:tertanggal|bertanggal)\s+(?:tanggal\s+)?$", re.IGNORECASE)
"""A document's date ('Laporan Polisi Nomor LP/B/12/2025 tertanggal 10 Januari 2025'), no event's day."""
CLOCK_LINE_RE = re.compile(r"[ \t]*[-–/|,(]?[ \t]*(?:pukul[ \t]+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?"
                           r"(?:[ \t]*(?:WIB|WITA|WIT))?\)?[ \t]*(?:\n|$)", re.IGNORECASE)
"""A date line's time, the line's end after it: ' - 10:00 WIB', ' pukul 10.00 WIB', ' (10:00 WIB)', ' / 10:00'."""
WEEKDAY_LAST_WEEK_RE = re.compile(r"(?<!\w)(?P<day>[A-Z][a-z'’]+)[ \t]+(?:pekan|minggu)[ \t]+$")
"""A weekday before 'pekan lalu' or 'minggu lalu' ('Kamis pekan lalu'): that day of last week."""
BYLINE_BEFORE_RE = re.compile(r"[^\n.!?|•·]{1,30}[|•·][ \t]*")
"""A short name and a bar before a date line ('Budi | 9 Desember 2025 pukul 10.00'): a byline or a comment's
stamp."""
LIST_ITEM_RE = re.compile(r"[ \t]*(?:\d{1,2}[.)]|[•·*–-])[ \t]+[^\n]*$")
"""A line that opens as an item of a numbered or bulleted list."""
DATELINE_WEEKDAY_RE = re.compile(r"(?P<day>[A-Z][a-z'’]+)[ \t]*,?[ \t]*")
PAGE_LABEL_RE = re.compile(
    r"[ \t]*(?:Diterbitkan|Dipublikasikan|Diposting|Dipost|Diunggah|Terbit|Tayang|Posted|Published|Updated?|"
    r"Diperbarui|Oleh|Penulis|Reporter|Editor|Redaksi|Pewarta|Admin)\b(?:[ \t]+(?:pada|on))?[ \t]*[:|•·,–-]?"
    r"(?:[ \t]*[\w.' ]{0,30}?[ \t]*[|•·,–-])?[ \t]*", re.IGNORECASE)
"""A page's label before its date line: 'Diterbitkan: ', 'Dipublikasikan pada ', 'Editor: Budi | '."""
SAID_BEFORE_RE = re.compile(
    r"\b(?:(?:kata|ujar|ucap|ungkap|jelas|terang|tutur|tegas|sebut|papar|imbuh|tambah|pungkas|tandas|lanjut)(?:nya)?|"
    r"(?:di)?(?:katakan|sampaikan|ungkapkan|jelaskan)|kepada (?:para )?(?:wartawan|awak media|media|jurnalis)|"
    r"saat (?:dikonfirmasi|ditemui|dihubungi)|keterangan(?:nya| tertulis\w*)|siaran pers|rilis)\b[^.\n]*$"
    r"|\b(?:mengatakan|menjelaskan|menegaskan|menuturkan|mengungkapkan|menerangkan|menambahkan|menyampaikan)"
    r"[ \t]*,[ \t]*(?:pada[ \t]+)?$", re.IGNORECASE)
"""Words that make the day after them a statement's: an attribution ('kata Kapolres kepada wartawan, Senin',
'disampaikan Kapolres, Senin'), or a verb of saying with the day right after it ('mengatakan, Senin (3/11),
pihaknya ...'); after 'mengatakan aksi digelar Senin' the day is what was said, the event's."""


@dataclass(frozen=True, slots=True)
class Reference:
    """When the article speaks from: the latest day it can have been written, and whether that is the day itself
    (a publication date or the page's date line) or only a bound (the month in its address, the latest date its
    text writes out). Relative words ('kemarin', 'Jumat lalu') resolve only against an exact day. The latest date
    the text writes out is written on or before the day the article was: `written_after` says that this bound is
    one the article can lie after, so a day still to come after it is no announced day."""

    day: date
    exact: bool
    written_after: bool = False


@dataclass(frozen=True)
class Patterns:
    day_paren: re.Pattern[str]
    textual: re.Pattern[str]
    day_slash: re.Pattern[str]
    numeric: re.Pattern[str]
    blogger: re.Pattern[str]
    iso: re.Pattern[str]
    month_year: re.Pattern[str]
    weekday_only: re.Pattern[str]
    relative: re.Pattern[str]
    day_before: re.Pattern[str]
    month_before: re.Pattern[str]
    weekday_before: re.Pattern[str]
    bare_weekday: re.Pattern[str]
    alone: re.Pattern[str]


@cache
def patterns() -> Patterns:
    lex = lexicon.load()
    day = rf"(?P<day>{lex.day_re})"
    month = rf"(?P<mon>{lex.month_re})"
    capitalised_days = lexicon.alternation([d[0].upper() + d[1:] for d in lex.days])
    between = rf"(?:(?:pagi|siang|sore|malam|dini hari|subuh|{lex.pasaran_re})\s*,?\s*){{0,2}}"
    return Patterns(
        day_paren=re.compile(r"\(\s*(?:(?P<d0>\d{1,2})\s*[-–]\s*(?=\d{1,2}\s*/))?"
                             r"(?P<d>\d{1,2})\s*(?P<s>[/.-])\s*(?P<m>\d{1,2})(?:\s*(?P=s)\s*(?P<y>\d{2,4}))?\s*\)"),
        textual=re.compile(rf"(?<![\w/])(?P<d>\d{{1,2}})\s+{month}\.?(?![a-z])(?:\s*,?\s*(?P<y>\d{{4}}))?\)?",
                           re.IGNORECASE),
        day_slash=re.compile(r"(?<![\w/(.-])(?P<d>\d{1,2})/(?P<m>\d{1,2})(?![\w/-]|\.\d)(?P<y>)"),
        numeric=re.compile(r"(?<![\w/(-])(?P<d>\d{1,2})(?P<sep>[/-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\w/-])"),
        blogger=re.compile(r"(?<![\w/])(?P<d>\d{1,2}),\s*(?P<y>\d{4})\b"),
        iso=re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<t>\d{2}:\d{2}(?::\d{2})?)"
                       r"(?P<z>Z|[+-]\d{2}:?\d{2})?)?"),
        month_year=re.compile(r"(?<!\w)(?:(?P<y>\d{4})|(?P<lalu>lalu))(?!\w)"),
        weekday_only=re.compile(r"(?<!\w)(?P<rel>lalu|kemarin|pagi|siang|sore|malam)(?!\w)"),
        relative=re.compile(r"(?<!\w)(?P<rel>kemarin lusa|kemarin|pekan lalu|minggu lalu|"
                            r"(?:[2-6]|dua|tiga|empat|lima|enam) hari (?:yang )?lalu)(?!\w)", re.IGNORECASE),
        day_before=re.compile(rf"{day}\s*,?\s*{between}\(?\s*(?:tanggal\s+|tgl\.?\s+)?$", re.IGNORECASE),
        month_before=re.compile(rf"(?<!\w)(?:bulan\s+)?{month}\s+$", re.IGNORECASE),
        weekday_before=re.compile(rf"(?<!\w)(?:pada\s+(?:hari\s+)?)?(?P<day>{capitalised_days})\s+$"),
        bare_weekday=re.compile(
            rf"(?P<day>{capitalised_days})(?=\s*[.,;]|\s+(?:di|dan|sekitar|usai|saat|ketika|ini)\b)"),
        alone=re.compile(r"[ \t]*(?:[|•·,-][ \t]*)*(?:WIB|WITA|WIT)?[ \t]*(?:\n|$)"),
    )


def preceding(pattern: re.Pattern[str], text: str, start: int, reach: int = 24) -> re.Match[str] | None:
    """A day or month word written just before a date's digits: the digits anchor every search, which keeps
    date finding fast."""
    return pattern.search(text, max(0, start - reach), start)


def reference(text: str, published: datetime | None, source: str | None = None) -> Reference | None:
    """The publication (in WIB), else the page's first date line, else its dateline's date ('Bandung, 4 November
    2025 —', the day it was written), else the date in its address ('/2020/10/'), else the latest date the text
    writes out in full, else nothing."""
    if published is not None:
        day = published.astimezone(WIB).date() if published.tzinfo is not None else published.date()
        return Reference(day, exact=True)
    stamps = sorted(metadata_dates(text), key=lambda d: d.span.start)
    if stamps:
        return Reference(stamps[0].date, exact=True)
    written = dateline_day(text)
    if written:
        return Reference(written.date, exact=True)
    from_address = address_reference(source or "")
    if from_address:
        return from_address
    written = [d.date for d in find_dates(text, None) if not d.year_inferred and not d.announced]
    return Reference(max(written), exact=False, written_after=True) if written else None


def address_reference(address: str) -> Reference | None:
    """'/2020/10/08/' in a page's address is its publication day, '/2020/10/' bounds it by the month's end."""
    m = ADDRESS_DATE_RE.search(address)
    if not m:
        return None
    year, month = int(m.group("y")), int(m.group("m"))
    if m.group("d"):
        day = safe_date(year, month, int(m.group("d")))
        return Reference(day, exact=True) if day else None
    return Reference(date(year, month, calendar.monthrange(year, month)[1]), exact=False)


@lru_cache(maxsize=4)
def metadata_dates(text: str) -> tuple[EventDate, ...]:
    """Date lines of the page: Blogger's 'Desember 08, 2025', ISO stamps, and a date with its clock time
    ('28/6/2016 08:40', 'Jumat, 27 November 2015 05:39 WIB'). Kept for the last few texts: the reference, the
    date finder and the page-furniture mask all ask."""
    p = patterns()
    out = []
    for m in scanned(text, "blogger"):
        month = preceding(p.month_before, text, m.start(), 16)
        made = safe_date(int(m.group("y")), month_number(month.group("mon")), int(m.group("d"))) if month else None
        if made:
            out.append(EventDate(made, 1, Span(month.start(), m.end(), text[month.start():m.end()]), metadata=True))
    for m in scanned(text, "iso"):
        made = safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if made:
            out.append(EventDate(made, 1, span_of(m), metadata=True))
    for kind, numeric in (("numeric", True), ("textual", False)):
        for m in scanned(text, kind):
            if not m.group("y"):
                continue
            day = preceding(p.day_before, text, m.start())
            start = day.start() if day else m.start()
            if not CLOCK_AFTER_RE.match(text, m.end()) and not alone_on_line(text, start, m.end()) \
                    and not alone_on_line(text, start, m.end(), CLOCK_LINE_RE):
                continue
            made = safe_date(full_year(m.group("y")), int(m.group("m")) if numeric else month_number(m.group("mon")),
                             int(m.group("d")))
            if made:
                out.append(EventDate(made, 1, Span(start, m.end(), text[start:m.end()]), metadata=True))
    return tuple(out)


@lru_cache(maxsize=32)
def scanned(text: str, kind: str) -> tuple[re.Match[str], ...]:
    """The matches over the whole text of one of `patterns()`'s scans (`kind`: one of SCAN_LEADS). Each opens with a
    lookbehind, so it is found from its lead (text.led_matches): ~0.05 ms an article each otherwise. Kept for the
    last few texts: metadata_dates and find_dates both read the numeric and textual dates."""
    return tuple(led_matches(SCAN_LEADS[kind], getattr(patterns(), kind), text))


def may_hold(text: str, words: tuple[str, ...]) -> bool:
    """Whether a pattern that ignores case and needs one of `words` (lower case) can match: two substring tests
    cost far less than a scan of the text."""
    low = text.lower()
    return any(word in low for word in words) or any(c in text for c in UNLOWERED_CASES)


def alone_on_line(text: str, start: int, end: int, rest: re.Pattern[str] | None = None) -> bool:
    """'Senin, 24 November 2025' on a line of its own (a time zone or a bar beside it at most), or after the page's
    label of a publication or byline ('Diterbitkan: Senin, 8 Desember 2025', 'Editor: Budi | 8 Desember 2025'):
    the page's date line, not a sentence of the article; `rest`, what else the line may end with after the date
    (CLOCK_LINE_RE: its time, 'Kamis, 4 Desember 2025 - 10.00 WIB')."""
    before = text[text.rfind("\n", 0, start) + 1:start]
    labelled = not before.strip(" \t|•·") or bool(PAGE_LABEL_RE.fullmatch(before)) \
        or bool(BYLINE_BEFORE_RE.fullmatch(before))
    return labelled and bool((rest or patterns().alone).match(text, end))


def listed_story_date(text: str, start: int, end: int) -> bool:
    """A date that ends an item of a numbered or bulleted list ('1. Buruh Tolak UMK (05/12/2025)' under
    'Terpopuler'): another story's date, page furniture."""
    line_start = text.rfind("\n", 0, start) + 1
    return bool(LIST_ITEM_RE.match(text, line_start, start)) and bool(re.match(r"[ \t]*(?:\n|$)", text[end:end + 4]))


def full_year(digits: str) -> int:
    """'2025' or '25' (the press's two-digit year, always this century)."""
    return int(digits) + (2000 if len(digits) == 2 else 0)


def dateline_day(text: str) -> EventDate | None:
    """The date a dateline gives after its place ('Bandung, 4 November 2025 —', 'SERANG, 25/11/2025 -', 'SERANG,
    Senin (8/12/2025) -', its weekday before it as find_dates reads it): the day the report was written, which
    dates the event only when the text gives it no other day."""
    found = dateline(text)
    if found is None:
        return None
    p = patterns()
    after = re.compile(r"[ \t]*,[ \t]*").match(text, found[1].end)
    if after is None:
        return None
    weekday = DATELINE_WEEKDAY_RE.match(text, after.end())
    if weekday and weekday_number(weekday.group("day")) is None:
        weekday = None
    at = weekday.end() if weekday else after.end()
    for pattern, numeric in ((p.textual, False), (p.numeric, True), (p.day_paren, True)):
        m = pattern.match(text, at)
        if m and m.group("y"):
            made = safe_date(full_year(m.group("y")), int(m.group("m")) if numeric else month_number(m.group("mon")),
                             int(m.group("d")))
            start = weekday.start() if weekday else m.start()
            return EventDate(made, 1, Span(start, m.end(), text[start:m.end()]), said=True) if made else None
    return None


def after_dateline_place(text: str, start: int) -> bool:
    """A day and month right after the dateline's place ('Serang, 8/12 (ANTARA) -'): the day of writing."""
    found = dateline(text)
    return found is not None and bool(re.fullmatch(r"[ \t]*,[ \t]*", text[found[1].end:start]))


def find_dates(text: str, ref: Reference | None) -> list[EventDate]:
    """Every date in the text but the page's date lines, in order, each resolved against `ref`."""
    p = patterns()
    taken: list[tuple[int, int]] = [(d.span.start, d.span.end) for d in metadata_dates(text)]
    out: list[EventDate] = []

    def free(start: int, end: int) -> bool:
        return not any(a < end and start < b for a, b in taken)

    def with_day(m: re.Match[str], mo: int) -> None:
        first = m.group("d0") if "d0" in m.re.groupindex else None
        ranged = None if first else RANGE_START_RE.search(text, max(0, m.start() - 14), m.start())
        opening = ranged.start() if ranged else m.start()
        day = preceding(p.day_before, text, opening)
        start = day.start() if day else opening
        if free(start, m.end()) and DOCUMENT_BEFORE_RE.search(text, max(0, start - 24), start):
            taken.append((start, m.end()))
        elif free(start, m.end()) and (first or ranged) and int(m.group("d")) - 7 <= int(first or ranged.group("d0")) \
                < int(m.group("d")):
            add_range(m, mo, day, start, int(first or ranged.group("d0")), m.start("d") if first else m.start())
        elif free(m.start() if ranged else start, m.end()):
            day, start = (None, m.start()) if ranged else (day, start)
            found = resolve(ref, day.group("day") if day else None, int(m.group("d")), mo, m.group("y"), text,
                            m, start)
            add(out, taken, start, m.end(), found)

    def add_range(m: re.Match[str], mo: int, day: re.Match[str] | None, start: int, first: int, last_at: int) -> None:
        """'Sabtu-Minggu (6-7/12/2025)', 'Jumat, 16-17 Oktober 2020', '4-5 Desember 2025' (a week at most): the
        first day, then the last, each dated where the text writes it, the range word between them as engagements
        read a range. One weekday names the first day; two name each theirs."""
        both = day and FIRST_WEEKDAY_RE.search(text, max(0, day.start() - 14), day.start())
        both = both if both and weekday_number(both.group("day")) else None
        first_word = both.group("day") if both else day.group("day") if day else None
        start = both.start() if both else start
        last = int(m.group("d"))
        first_end = RANGE_START_RE.search(text, start, last_at)
        head = resolve(ref, first_word, first, mo, m.group("y"), text, m, start,
                       first_end.start("d0") + len(first_end.group("d0")) if first_end else last_at)
        tail = resolve(ref, day.group("day") if both else None, last, mo, m.group("y"), text, m, last_at)
        if head is not None and tail is not None:
            out.extend((head, replace(tail, announced=tail.announced or head.announced)))
            taken.append((start, m.end()))

    for m in p.day_paren.finditer(text):
        if m.group("s") == "." and not m.group("y"):
            continue
        if listed_story_date(text, m.start(), m.end()):
            taken.append((m.start(), m.end()))
            continue
        if m.group("y") or preceding(p.day_before, text, m.start()) or recent_day_month(m, ref):
            with_day(m, int(m.group("m")))
    for m in scanned(text, "numeric"):
        with_day(m, int(m.group("m")))
    datelined: set[int] = set()
    for m in scanned(text, "day_slash"):
        if preceding(p.day_before, text, m.start()):
            with_day(m, int(m.group("m")))
        elif after_dateline_place(text, m.start()):
            datelined.add(m.start())
            with_day(m, int(m.group("m")))
    for m in scanned(text, "textual"):
        with_day(m, month_number(m.group("mon")))
    for m in scanned(text, "month_year"):
        month = preceding(p.month_before, text, m.start(), 20)
        if month and free(month.start(), m.end()):
            add(out, taken, month.start(), m.end(),
                resolve_month(ref, month_number(month.group("mon")), m.group("y"), text, month.start(), m.end()))
    if ref is not None and ref.exact:
        for m in scanned(text, "weekday_only"):
            day = preceding(p.weekday_before, text, m.start(), 20)
            if day and free(day.start(), m.end()):
                add(out, taken, day.start(), m.end(), resolve_weekday(ref.day, day.group("day"), m.group("rel"),
                                                                      text, day.start(), m.end()))
            elif m.group("rel") == "lalu" and (week := WEEKDAY_LAST_WEEK_RE.search(text, max(0, m.start() - 24),
                                                                                   m.start())):
                if free(week.start(), m.end()):
                    add(out, taken, week.start(), m.end(),
                        weekday_last_week(ref.day, week.group("day"), Span(week.start(), m.end(),
                                                                           text[week.start():m.end()])))
        for m in p.relative.finditer(text) if may_hold(text, RELATIVE_WORDS) else ():
            if free(m.start(), m.end()):
                add(out, taken, m.start(), m.end(), resolve_relative(ref.day, m.group("rel"), m))
        for m in p.bare_weekday.finditer(text):
            if BARE_WEEKDAY_CUE_RE.match(text, m.start()) and free(m.start(), m.end()) \
                    and not EVERY_BEFORE_RE.search(text, max(0, m.start() - 12), m.start()):
                add(out, taken, m.start(), m.end(), resolve_bare_weekday(ref.day, m, text))
    written = dateline_day(text)
    out = [replace(d, said=True) if written and d.span == written.span or d.span.start in datelined else d
           for d in out]
    return settle_weekdays(sorted(out, key=lambda d: d.span.start))


def recent_day_month(m: re.Match[str], ref: Reference | None) -> bool:
    """A day and month in brackets with no weekday or year ('di depan pabrik (8/12)'), read as a date when the
    article's publication day is known and it falls in the RECENT_DAYS before it, as the press dates its news."""
    if ref is None or not ref.exact or m.group("s") != "/" or m.group("d0"):
        return False
    made, _ = infer_year(ref.day, int(m.group("d")), int(m.group("m")), None, forward=False)
    return made is not None and (ref.day - made).days <= RECENT_DAYS


def settle_weekdays(found: list[EventDate]) -> list[EventDate]:
    """A date whose weekday contradicts it ('Rabu (8/10/2020)', a Thursday) is the date within three days that the
    text also gives with that weekday and that agrees with it ('Rabu (7/10/2020)'): the weekday is evidence, a
    mistyped day is common. It stays flagged as a conflict."""
    agreeing = [(weekday_of(d), d.date) for d in found if not d.weekday_conflict and weekday_of(d)]
    out = []
    for d in found:
        if d.weekday_conflict:
            twins = {day for weekday, day in agreeing if weekday == weekday_of(d) and abs((day - d.date).days) <= 3}
            if len(twins) == 1:
                d = replace(d, date=twins.pop())
        out.append(d)
    return out


def weekday_of(found: EventDate) -> int | None:
    """The weekday a date's text names ('Rabu (8/10/2020)' -> 3)."""
    word = WORD_RE.match(found.span.text)
    return weekday_number(word.group()) if word else None


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


def said_on(text: str, start: int) -> bool:
    """'... kata Kapolres kepada wartawan, Senin (8/12/2025)': the day a statement was given, which is the event's
    only when the text dates the event no other way."""
    return bool(SAID_BEFORE_RE.search(text, max(0, start - 100), start))


def earlier(text: str, start: int) -> bool:
    """'Sebelumnya, pada Senin (20/10/2025), buruh juga ...', 'buruh pernah mogok pada ...': a day the text
    marks as before the one it reports."""
    return bool(EARLIER_BEFORE_RE.search(text, max(0, start - 80), start))


def looks_ahead(text: str, start: int, end: int) -> bool:
    """'Kamis (27/11) mendatang', 'akan digelar pada ...', 'rencana aksi ... pada ...', 'saat aksi nanti (Jumat,
    16-17 Oktober 2020)', 'pekan depan, Senin (15/12)': an announced date, after publication."""
    return bool(AHEAD_AFTER_RE.match(text, end, end + 14)) or bool(
        AHEAD_BEFORE_RE.search(text, max(0, start - 40), start)) or bool(
        PLANNED_BEFORE_RE.search(text, max(0, start - 180), start))


def resolve(ref: Reference | None, day_word: str | None, d: int, mo: int, year_text: str | None, text: str,
            m: re.Match[str], start: int, stop: int | None = None) -> EventDate | None:
    """The date of day `d` written at text[start:stop] (the match's end unless the day is the first of a range)."""
    weekday = weekday_number(day_word)
    stop = m.end() if stop is None else stop
    span = Span(start, stop, text[start:stop])
    recalled = bool(re.match(r"\s*lalu\b", text[m.end():m.end() + 8])) or earlier(text, start)
    ahead = looks_ahead(text, start, m.end())
    if year_text:
        made = safe_date(full_year(year_text), mo, d)
        if made is None:
            return None
        conflict = weekday is not None and made.isoweekday() != weekday
        if conflict:
            made = mistyped_year(made, weekday, ref, text) or made
        announced = ahead or (ref is not None and made > ref.day)
        return EventDate(made, 1, span, weekday_conflict=conflict, recalled=recalled, announced=announced,
                         said=said_on(text, start))
    if ref is None and weekday is None:
        return None
    bound = ref.day if ref is not None else date.today()
    made, conflict = infer_year(bound, d, mo, weekday, forward=ahead and ref is not None)
    if ref is None and weekday is not None:
        made, conflict = next((c for c in in_written_years(text, d, mo, bound) if c.isoweekday() == weekday),
                              made), conflict
    if made is None:
        return None
    return EventDate(made, 1, span, year_inferred=True, weekday_conflict=conflict, recalled=recalled,
                     announced=ahead or (made > bound and not (ref is not None and ref.written_after)),
                     said=said_on(text, start))


def mistyped_year(made: date, weekday: int, ref: Reference | None, text: str) -> date | None:
    """A written date whose weekday is wrong, where the same day and month a year later or earlier falls on that
    weekday in a year the article is from (its publication year or a year its text writes): the year was mistyped
    ('Jumat (19/1/2011)' in a January 2012 article is Friday 19 January 2012). None when no one such year is."""
    years = set(written_years(text)) | ({ref.day.year} if ref is not None else set())
    found = [c for k in (1, -1) if (c := safe_date(made.year + k, made.month, made.day)) is not None
             and c.isoweekday() == weekday and c.year in years and (ref is None or c <= ref.day)]
    return found[0] if len(found) == 1 else None


def in_written_years(text: str, d: int, mo: int, bound: date) -> list[date]:
    """A day and month in the years the text writes ('UMK 2015', 'sejak 2014') and the year before each (a wage
    for 2015 is fought over in 2014), latest first, up to `bound`: an undated page's weekday finds its year among
    them before it looks back from the day of tagging."""
    years = sorted({y - k for y in written_years(text) for k in (0, 1)}, reverse=True)
    return [c for y in years if (c := safe_date(y, mo, d)) and c <= bound]


@lru_cache(maxsize=4)
def written_years(text: str) -> frozenset[int]:
    return frozenset(int(y) for y in WRITTEN_YEAR_RE.findall(text))


def infer_year(ref: date, d: int, mo: int, weekday: int | None, forward: bool) -> tuple[date | None, bool]:
    """The latest date on or before `ref` (the earliest after it for announced dates) with that day and month,
    on the named weekday if one is given; with no such weekday in 11 years, the plain nearest date, flagged as
    a weekday conflict. A day of the publication's own year still to come ('tanggal 24 sampai 27 November ada
    mogok nasional' on 20 November) is that day, announced, when it is nearer than the one found back (news
    writes the year of an earlier year's day), and on the named weekday if one is given."""
    if forward:
        candidates = [c for y in range(ref.year, ref.year + 2) if (c := safe_date(y, mo, d)) and c > ref]
    else:
        years = range(ref.year, ref.year - YEARS_BACK - 1, -1)
        candidates = [c for y in years if (c := safe_date(y, mo, d)) and c <= ref]
    coming = safe_date(ref.year, mo, d)
    if coming is None or coming <= ref or forward or (weekday is not None and coming.isoweekday() != weekday):
        coming = None
    matching = [c for c in candidates if weekday is None or c.isoweekday() == weekday]
    if coming is not None and (not matching or coming - ref < ref - matching[0]):
        return coming, False
    if not candidates:
        return None, False
    if matching:
        return matching[0], False
    return candidates[0], True


def resolve_month(ref: Reference | None, mo: int, year_text: str | None, text: str, start: int,
                  end: int) -> EventDate | None:
    span = Span(start, end, text[start:end])
    if year_text:
        made = date(int(year_text), mo, 1)
        return EventDate(made, 3, span, announced=ref is not None and made > ref.day)
    if ref is None:
        return None
    year = ref.day.year if mo <= ref.day.month else ref.day.year - 1
    return EventDate(date(year, mo, 1), 3, span, year_inferred=True, recalled=True)


def resolve_weekday(ref: date, day_word: str, rel: str, text: str, start: int, end: int) -> EventDate | None:
    """'Jumat lalu', 'Senin pagi': the latest such weekday on or before publication; 'lalu' and 'kemarin' say it
    is past, so on that weekday itself they mean the week before ('Senin kemarin' in Monday's paper)."""
    weekday = weekday_number(day_word)
    if weekday is None:
        return None
    back = (ref.isoweekday() - weekday) % 7
    if rel.lower() in ("lalu", "kemarin") and back == 0:
        back = 7
    return EventDate(ref - timedelta(days=back), 1, Span(start, end, text[start:end]), year_inferred=True,
                     recalled=rel.lower() == "lalu")


def weekday_last_week(ref: date, day_word: str, span: Span) -> EventDate | None:
    """'Kamis pekan lalu', 'Jumat minggu lalu': that weekday in the calendar week (Monday to Sunday) before the
    one of publication."""
    weekday = weekday_number(day_word)
    if weekday is None:
        return None
    monday = ref - timedelta(days=ref.isoweekday() - 1 + 7)
    return EventDate(monday + timedelta(days=weekday - 1), 1, span, year_inferred=True, recalled=True)


def resolve_bare_weekday(ref: date, m: re.Match[str], text: str) -> EventDate | None:
    """'berunjuk rasa ... pada Rabu', 'di Jakarta, Kamis.': the latest such weekday on or before publication (the
    next after it when announced); a statement's day when said."""
    weekday = weekday_number(m.group("day"))
    if weekday is None:
        return None
    ahead = looks_ahead(text, m.start(), m.end())
    shift = ((weekday - ref.isoweekday()) % 7 or 7) if ahead else -((ref.isoweekday() - weekday) % 7)
    return EventDate(ref + timedelta(days=shift), 1, span_of(m), year_inferred=True, announced=ahead,
                     said=said_on(text, m.start()))


def resolve_relative(ref: date, word: str, m: re.Match[str]) -> EventDate:
    word = word.lower()
    if word == "kemarin":
        return EventDate(ref - timedelta(days=1), 1, span_of(m), year_inferred=True, recalled=True)
    if word == "kemarin lusa" or "hari" in word:
        back = 2 if word == "kemarin lusa" else DAYS_BACK.get(word.split()[0]) or int(word.split()[0])
        return EventDate(ref - timedelta(days=back), 1, span_of(m), year_inferred=True, recalled=True)
    return EventDate(ref - timedelta(days=7), 2, span_of(m), year_inferred=True, recalled=True)
