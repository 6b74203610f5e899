"""fetchers.schedule: intervals with jitter, back-off on failure capped at six hours."""

import random
from datetime import datetime, timedelta, timezone

import pytest

from fetchers.schedule import (
    MAX_ADVISED_S,
    MAX_BACKOFF_S,
    cache_max_age_s,
    effective_interval,
    failure_weight,
    next_poll_at,
)

NOW = datetime(2025, 11, 3, 8, 0, tzinfo=timezone.utc)


class NoJitter(random.Random):
    def uniform(self, a: float, b: float) -> float:
        return a


class FullJitter(random.Random):
    def uniform(self, a: float, b: float) -> float:
        return b


def delay(**options) -> float:
    return (next_poll_at(NOW, rng=NoJitter(), **options) - NOW).total_seconds()


@pytest.mark.parametrize(("failures", "seconds"), [(0, 600), (1, 600), (2, 1200), (5, 3000), (100, MAX_BACKOFF_S)])
def test_backoff_is_interval_times_failures_capped(failures, seconds):
    assert delay(interval_s=600, failures=failures) == seconds


def test_interval_longer_than_the_cap_is_kept():
    assert delay(interval_s=8 * 3600, failures=3) == 8 * 3600


def test_retry_after_lengthens_but_stays_capped():
    assert delay(interval_s=600, failures=1, retry_after_s=3600) == 3600
    assert delay(interval_s=600, failures=1, retry_after_s=60) == 600
    assert delay(interval_s=600, failures=1, retry_after_s=10**6) == MAX_BACKOFF_S


def test_jitter_is_small_and_bounded():
    assert next_poll_at(NOW, 600, rng=FullJitter()) == NOW + timedelta(seconds=660)
    assert next_poll_at(NOW, 3 * 3600, rng=FullJitter()) == NOW + timedelta(seconds=3 * 3600 + 60)
    assert next_poll_at(NOW, 3, rng=FullJitter()) == NOW + timedelta(seconds=3.3)


@pytest.mark.parametrize(
    ("interval", "advised", "expected"),
    [(600, None, 600), (600, 300, 600), (600, 1800, 1800), (600, 86400, MAX_ADVISED_S), (9000, 86400, 9000)],
)
def test_advised_interval_only_lengthens_and_is_clamped(interval, advised, expected):
    assert effective_interval(interval, advised) == expected


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("public, max-age=900", 900),
        ("s-maxage=60, max-age=120", 120),
        ('max-age="300"', 300),
        ("no-cache, max-age=900", None),
        ("no-store", None),
        ("", None),
        (None, None),
    ],
)
def test_cache_control_max_age(header, seconds):
    assert cache_max_age_s(header) == seconds


def test_soft_failures_weigh_half_a_hard_one():
    assert failure_weight(soft=True) * 2 == failure_weight(soft=False) == 1.0
    two_soft = next_poll_at(NOW, 600, failures=2 * failure_weight(soft=True), rng=NoJitter())
    one_hard = next_poll_at(NOW, 600, failures=failure_weight(soft=False), rng=NoJitter())
    assert two_soft == one_hard == NOW + timedelta(seconds=600)
    assert next_poll_at(NOW, 600, failures=3.5, rng=NoJitter()) == NOW + timedelta(seconds=2100)
