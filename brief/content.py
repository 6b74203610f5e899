"""What a brief says, gathered from storage: counts, their change, the chart's series, and the engagements.

Everything comes from `storage.exports` — the rows `pantau export` writes and the rule the timeline
counts by (the analyst's coding in force, articles marked not relevant left out, an engagement dated
by its event, else by its article's publication day) — so the three agree. Text from the news is
made plain here (`core.plain_text`), once, for every layout.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from functools import lru_cache

from sqlalchemy import Engine

from brief.period import Period
from core.plain_text import plain_line
from core.vocabulary import CONFIDENT_AT, engagement_types, type_label
from storage.exports import EngagementRecord, ExportFilter, Tally, engagement_records, engagement_tally
from storage.models import MANUAL
from storage.stories import StoryMember, story_members
from storage.timeline import period_start, periods_between

HAND_CHECKED = "hand-checked"
TAGGER = "tagger"
UNCERTAIN = "uncertain"
NOT_PLACED = "Not placed"


@dataclass(frozen=True)
class BriefFilter:
    """Where the brief looks: provinces (code or name) and kabupaten/kota (code, full or bare name), as the export reads them."""

    provinces: tuple[str, ...] = ()
    kabupaten: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        parts = [*(f"province {value}" for value in self.provinces), *(f"kabupaten/kota {value}" for value in self.kabupaten)]
        return ", ".join(parts) or "every province and kabupaten/kota"

    def export_filter(self, period: Period) -> ExportFilter:
        return ExportFilter(since=period.first, until=period.last, kabupaten=self.kabupaten, provinces=self.provinces)


@dataclass
class Count:
    """Engagements in the period, how many an analyst coded, how many of the tagger's are uncertain, and the period before."""

    total: int = 0
    hand_checked: int = 0
    uncertain: int = 0
    previous: int = 0

    @property
    def tagger(self) -> int:
        """The tagger's alone: not coded by hand (uncertain ones included)."""
        return self.total - self.hand_checked

    @property
    def change(self) -> int:
        return self.total - self.previous


@dataclass(frozen=True)
class Source:
    title: str
    url: str
    outlet: str


@dataclass(frozen=True)
class Entry:
    """One engagement of the list; copies of one story with the same type, place and day are one entry."""

    day: date
    dated_by_event: bool
    place: str
    type: str
    type_label: str
    also: list[str]
    police: list[str]
    labour: list[str]
    evidence: str
    sources: list[Source]
    engagements: int
    status: str


@dataclass(frozen=True)
class Brief:
    period: Period
    filters: BriefFilter
    made_at: datetime
    total: Count
    by_type: list[tuple[str, str, Count]] = field(default_factory=list)
    """(type id, label, counts), most severe type first; types with nothing now or before are left out."""
    by_place: list[tuple[str, Count]] = field(default_factory=list)
    """(kabupaten/kota, counts), most engagements first."""
    buckets: list[date] = field(default_factory=list)
    series: dict[str, list[int]] = field(default_factory=dict)
    """Engagements per bucket (a day or an ISO week, `period.grain`) by type id."""
    entries: list[Entry] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return self.total.total == 0


def build_brief(engine: Engine, period: Period, filters: BriefFilter = BriefFilter(),
                made_at: datetime | None = None) -> Brief:
    """The brief of `period`: the engagements `pantau export` would write for it, counted, charted and listed."""
    records = list(engagement_records(engine, filters.export_filter(period)))
    before = engagement_tally(engine, filters.export_filter(period.previous))
    stories = story_members(engine, {record.story_id for record in records if record.story_id is not None})
    by_type, by_place, total = _counts(records, before)
    buckets, series = _series(records, period)
    return Brief(
        period=period,
        filters=filters,
        made_at=made_at or datetime.now(timezone.utc),
        total=total,
        by_type=[(type_id, type_label(type_id), by_type[type_id]) for type_id in engagement_types() if type_id in by_type],
        by_place=sorted(by_place, key=lambda item: (-item[1].total, -item[1].previous, item[0])),
        buckets=buckets,
        series=series,
        entries=_entries(records, stories),
    )


def record_day(record: EngagementRecord) -> date:
    """The day the timeline counts an engagement on: its event date, else its article's publication day (UTC)."""
    if record.event_date:
        return date.fromisoformat(record.event_date)
    return datetime.fromisoformat(record.published_at).astimezone(timezone.utc).date()


def status(record: EngagementRecord) -> str:
    if record.tag_source == MANUAL:
        return HAND_CHECKED
    if record.confidence is not None and record.confidence < CONFIDENT_AT:
        return UNCERTAIN
    return TAGGER


@lru_cache(maxsize=8192)
def plain_name(text: str | None) -> str:
    """`plain_line` for the short texts that repeat over thousands of engagements: places, outlets, actors."""
    return plain_line(text)


def place_name(kabupaten_kota: str | None) -> str:
    return plain_name(kabupaten_kota) or NOT_PLACED


def _counts(records: list[EngagementRecord], before: Iterable[Tally]) -> tuple[dict[str, Count], list[tuple[str, Count]], Count]:
    """Counts by type, by kabupaten/kota (keyed by code, as the timeline groups; named as first met) and in all."""
    by_type: dict[str, Count] = {}
    by_code: dict[str | None, Count] = {}
    names: dict[str | None, str] = {}
    total = Count()
    for record in records:
        kind = status(record)
        if record.kabupaten_code not in names:
            names[record.kabupaten_code] = place_name(record.kabupaten_kota)
        for count in (by_type.setdefault(record.type, Count()), by_code.setdefault(record.kabupaten_code, Count()), total):
            count.total += 1
            count.hand_checked += kind == HAND_CHECKED
            count.uncertain += kind == UNCERTAIN
    for tally in before:
        if tally.kabupaten_code not in names:
            names[tally.kabupaten_code] = place_name(tally.kabupaten_kota)
        for count in (by_type.setdefault(tally.type, Count()), by_code.setdefault(tally.kabupaten_code, Count()), total):
            count.previous += tally.count
    by_place = [(names[code], count) for code, count in by_code.items()]
    return by_type, by_place, total


def _series(records: list[EngagementRecord], period: Period) -> tuple[list[date], dict[str, list[int]]]:
    buckets = periods_between(period.first, period.last, period.grain)
    index = {start: position for position, start in enumerate(buckets)}
    counted = Counter((record.type, period_start(record_day(record), period.grain)) for record in records)
    series: dict[str, list[int]] = {}
    for type_id in engagement_types():
        row = [0] * len(buckets)
        for (kind, start), count in counted.items():
            if kind == type_id and start in index:
                row[index[start]] += count
        if any(row):
            series[type_id] = row
    return buckets, series


def _entries(records: list[EngagementRecord], stories: dict[int, list[StoryMember]]) -> list[Entry]:
    """One entry per story, type, place and day, in the order of the records (by day)."""
    groups: dict[tuple, list[EngagementRecord]] = {}
    for record in records:
        story = record.story_id if record.story_id is not None else -record.article_id
        groups.setdefault((story, record.type, record.kabupaten_code, record_day(record)), []).append(record)
    return [_entry(group, stories) for group in groups.values()]


def _entry(group: list[EngagementRecord], stories: dict[int, list[StoryMember]]) -> Entry:
    first = next((record for record in group if record.tag_source == MANUAL), group[0])
    kinds = {status(record) for record in group}
    place = ", ".join(part for part in (place_name(first.kabupaten_kota), plain_name(first.province)) if part)
    return Entry(
        day=record_day(first),
        dated_by_event=first.event_date is not None,
        place=place,
        type=first.type,
        type_label=type_label(first.type),
        also=[type_label(type_id) for type_id in first.secondary_types],
        police=_union(record.police_actors for record in group),
        labour=_union(record.labour_actors for record in group),
        evidence=plain_line(first.evidence),
        sources=_sources(first, group, stories),
        engagements=len(group),
        status=HAND_CHECKED if HAND_CHECKED in kinds else UNCERTAIN if UNCERTAIN in kinds else TAGGER,
    )


def _union(lists: Iterable[list[str]]) -> list[str]:
    names = {plain_name(name): None for names_of_one in lists for name in names_of_one}
    names.pop("", None)
    return list(names)


def _sources(first: EngagementRecord, group: list[EngagementRecord], stories: dict[int, list[StoryMember]]) -> list[Source]:
    """The entry's own article first, then every other article of its story (and of the group), oldest first."""
    found: dict[int, Source] = {first.article_id: _source(first.article_title, first.article_url, (first.outlets or [""])[0])}
    for record in group:
        for member in stories.get(record.story_id, []) if record.story_id is not None else []:
            if member.article_id not in found:
                found[member.article_id] = _source(member.title, member.url, member.outlet)
        if record.article_id not in found:
            found[record.article_id] = _source(record.article_title, record.article_url, (record.outlets or [""])[0])
    return list(found.values())


def _source(title: str, url: str, outlet: str) -> Source:
    return Source(plain_line(title) or "(untitled)", plain_line(url, limit=2000), plain_name(outlet))
