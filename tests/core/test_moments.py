from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from core.moments import local_time

JAKARTA = ZoneInfo("Asia/Jakarta")


def test_a_naive_moment_is_read_as_utc():
    assert local_time(datetime(2025, 12, 31, 20, 30), JAKARTA) == datetime(2026, 1, 1, 3, 30, tzinfo=JAKARTA)


def test_an_aware_moment_keeps_its_instant():
    moment = datetime(2025, 12, 31, 20, 30, tzinfo=timezone.utc)
    shown = local_time(moment, JAKARTA)
    assert shown == moment and shown.strftime("%H:%M %Z") == "03:30 WIB"
