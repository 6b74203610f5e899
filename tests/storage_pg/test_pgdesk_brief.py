"""The brief counts what the timeline and `pantau export` count, on both backends: a known week of the demo desk."""

from collections import Counter

from brief.content import NOT_PLACED, build_brief, record_day
from brief.period import iso_week
from storage.exports import ExportFilter, engagement_records
from storage.timeline import engagement_timeline

WEEK = iso_week("2025-W48")
"""24–30 Nov 2025: the demo corpus's long march in Kabupaten Serang and the water cannon at Karawang."""


def _timeline_week(engine, grain: str, starts: set) -> tuple[dict[str, int], Counter]:
    """(engagements per kabupaten/kota name, per type) in the timeline's cells starting on `starts`."""
    timeline = engagement_timeline(engine, grain)
    names = {place.code: place.name for place in timeline.places}
    by_place: Counter = Counter()
    by_type: Counter = Counter()
    for (code, start), counts in timeline.cells.items():
        if start in starts:
            by_place[names[code]] += sum(counts.values())
            by_type.update(counts)
    return dict(by_place), by_type


def test_a_weeks_brief_counts_what_the_timeline_and_the_export_count(demo_desk):
    brief = build_brief(demo_desk.engine, WEEK)
    exported = list(engagement_records(demo_desk.engine, ExportFilter(WEEK.first, WEEK.last)))
    by_place, by_type = _timeline_week(demo_desk.engine, "week", {WEEK.first})

    assert brief.total.total == len(exported) >= 3
    assert {place: count.total for place, count in brief.by_place if count.total and place != NOT_PLACED} == by_place
    assert {type_id: count.total for type_id, _label, count in brief.by_type if count.total} == Counter(
        record.type for record in exported)
    assert by_type == Counter(record.type for record in exported if record.kabupaten_code)
    assert sum(entry.engagements for entry in brief.entries) == len(exported)


def test_the_period_before_and_the_days_are_the_timelines(demo_desk):
    brief = build_brief(demo_desk.engine, WEEK)
    before, _types = _timeline_week(demo_desk.engine, "week", {WEEK.previous.first})
    assert {place: count.previous for place, count in brief.by_place if count.previous and place != NOT_PLACED} == before
    assert brief.total.previous == len(list(engagement_records(demo_desk.engine,
                                                               ExportFilter(WEEK.previous.first, WEEK.previous.last))))
    exported = list(engagement_records(demo_desk.engine, ExportFilter(WEEK.first, WEEK.last)))
    days = engagement_timeline(demo_desk.engine, "day")
    per_day: Counter = Counter()
    for (_code, start), counts in days.cells.items():
        if WEEK.first <= start <= WEEK.last:
            per_day[start] += sum(counts.values())
    charted = {day: sum(row[index] for row in brief.series.values()) for index, day in enumerate(brief.buckets)}
    assert brief.buckets[0] == WEEK.first and len(brief.buckets) == 7
    assert {day: count for day, count in charted.items() if count} == Counter(record_day(record) for record in exported)
    assert per_day == Counter(record_day(record) for record in exported if record.kabupaten_code)
