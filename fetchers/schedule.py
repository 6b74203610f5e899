"""When to poll a feed next: its interval with a little jitter, backing off while it fails.

The interval is the feed's own (or the global default), lengthened when the feed itself asks
to be left alone longer (RSS `<ttl>`, `sy:updatePeriod`, `Cache-Control: max-age`) — but never
beyond `MAX_ADVISED_S`, because a desk cannot wait a day for a feed that says "daily".
"""

import random
import re
from datetime import datetime, timedelta

MAX_BACKOFF_S = 6 * 3600
MAX_ADVISED_S = 2 * 3600
JITTER_FRACTION = 0.1
MAX_JITTER_S = 60.0
SOFT_FAILURE_WEIGHT = 0.5
HARD_FAILURE_WEIGHT = 1.0
_MAX_AGE = re.compile(r"(?:^|,)\s*(?:s-)?max-age\s*=\s*\"?(\d+)", re.IGNORECASE)


def effective_interval(interval_s: float, advised_s: float | None = None) -> float:
    """The configured interval, lengthened to what the feed advises, clamped to `MAX_ADVISED_S`."""
    if advised_s is None or advised_s <= interval_s:
        return interval_s
    return max(interval_s, min(advised_s, MAX_ADVISED_S))


def cache_max_age_s(cache_control: str | None) -> int | None:
    """Seconds from a Cache-Control header's max-age (None when absent, or when no-cache/no-store)."""
    if not cache_control or "no-cache" in cache_control.lower() or "no-store" in cache_control.lower():
        return None
    found = _MAX_AGE.search(cache_control)
    return int(found.group(1)) if found else None


def failure_weight(soft: bool) -> float:
    """How much one failure adds to the back-off: timeouts, 5xx, 429 and DNS try-again count half."""
    return SOFT_FAILURE_WEIGHT if soft else HARD_FAILURE_WEIGHT


def next_poll_at(
    now: datetime,
    interval_s: float,
    *,
    failures: float = 0,
    retry_after_s: float | None = None,
    rng: random.Random | None = None,
) -> datetime:
    """`now` + interval × failures (capped at 6 h, never below the interval), plus jitter.

    `failures` is the failure weight: soft failures add half, hard ones one. Jitter (up to 10 % of
    the interval, at most a minute) spreads feeds added together so they do not all come due in
    the same tick. A server's Retry-After is honoured up to the cap.
    """
    delay = interval_s * max(1.0, failures)
    delay = max(interval_s, min(delay, MAX_BACKOFF_S))
    if retry_after_s is not None:
        delay = max(delay, min(retry_after_s, MAX_BACKOFF_S))
    jitter = (rng or random).uniform(0, min(interval_s * JITTER_FRACTION, MAX_JITTER_S))
    return now + timedelta(seconds=delay + jitter)
