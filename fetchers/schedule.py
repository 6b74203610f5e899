"""When to poll a feed next: its interval with a little jitter, backing off while it fails."""

import random
from datetime import datetime, timedelta

MAX_BACKOFF_S = 6 * 3600
JITTER_FRACTION = 0.1
MAX_JITTER_S = 60.0


def next_poll_at(
    now: datetime,
    interval_s: float,
    *,
    failures: int = 0,
    retry_after_s: float | None = None,
    rng: random.Random | None = None,
) -> datetime:
    """`now` + interval × failures (capped at 6 h, never below the interval), plus jitter.

    Jitter (up to 10 % of the interval, at most a minute) spreads feeds added together so
    they do not all come due in the same tick. A server's Retry-After is honoured up to the cap.
    """
    delay = interval_s * max(1, failures)
    delay = max(interval_s, min(delay, MAX_BACKOFF_S))
    if retry_after_s is not None:
        delay = max(delay, min(retry_after_s, MAX_BACKOFF_S))
    jitter = (rng or random).uniform(0, min(interval_s * JITTER_FRACTION, MAX_JITTER_S))
    return now + timedelta(seconds=delay + jitter)
