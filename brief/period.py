"""The period a brief covers, the one before it to compare with, and how its chart is bucketed."""

import re
from dataclasses import dataclass
from datetime import date, timedelta

DAILY_UP_TO_DAYS = 62
"""A period up to this long is charted day by day; a longer one week by week (ISO weeks, as the timeline)."""
_ISO_WEEK = re.compile(r"(\d{4})-W(\d{2})")


class PeriodError(ValueError):
    """A period that cannot be read or makes no sense, worded for the analyst."""


@dataclass(frozen=True)
class Period:
    """Every day from `first` to `last`, both included."""

    first: date
    last: date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def previous(self) -> "Period":
        """The period of the same length just before this one."""
        return Period(self.first - timedelta(days=self.days), self.first - timedelta(days=1))

    @property
    def grain(self) -> str:
        """"day" or "week": the chart's bar, a `storage.timeline` grain."""
        return "day" if self.days <= DAILY_UP_TO_DAYS else "week"

    @property
    def iso_week(self) -> str | None:
        """"2025-W48" when the period is exactly one ISO week, else None."""
        year, week, weekday = self.first.isocalendar()
        return f"{year}-W{week:02d}" if weekday == 1 and self.days == 7 else None

    @property
    def label(self) -> str:
        span = f"{long_day(self.first)} – {long_day(self.last)}" if self.days > 1 else long_day(self.first)
        return f"{self.iso_week} ({span})" if self.iso_week else span

    @property
    def slug(self) -> str:
        """A file-name part: "2025-W48" or "2025-11-01_2025-11-30"."""
        return self.iso_week or f"{self.first.isoformat()}_{self.last.isoformat()}"


def long_day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def iso_week(text: str) -> Period:
    """The Monday-to-Sunday ISO week written as 2025-W48."""
    match = _ISO_WEEK.fullmatch(text.strip())
    if not match:
        raise PeriodError(f"{text!r} is not an ISO week; write it as YYYY-Www, e.g. 2025-W48")
    try:
        monday = date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
    except ValueError as error:
        raise PeriodError(f"{text!r}: {match.group(1)} has no week {match.group(2)}") from error
    return Period(monday, monday + timedelta(days=6))


def last_week(today: date) -> Period:
    """The last complete ISO week before `today`: what a weekly brief sent on Monday covers."""
    monday = today - timedelta(days=today.weekday() + 7)
    return Period(monday, monday + timedelta(days=6))


def between(since: date | None, until: date | None, today: date) -> Period:
    """From `since` to `until`; without `until` up to today, without `since` the seven days ending `until`."""
    if since is None and until is None:
        return last_week(today)
    last = until or max(today, since)
    first = since or last - timedelta(days=6)
    if first > last:
        raise PeriodError(f"the period starts ({first}) after it ends ({last})")
    return Period(first, last)
