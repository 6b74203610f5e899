"""Stored moments shown in the desk's time zone.

Pantau stores every moment in UTC; SQLite hands datetimes back without a zone, PostgreSQL with one. Every
place that shows a moment to a person reads it through `local_time`, so naive always means UTC.
"""

from datetime import datetime, timezone, tzinfo


def local_time(moment: datetime, zone: tzinfo) -> datetime:
    """The stored moment (naive means UTC) as the clock in `zone` shows it."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(zone)
