"""Retrying a write transaction that lost a race for the database, so the user never sees it.

SQLite waits for its write lock up to the busy timeout (storage.engine) and fails with "database
is locked" past it; PostgreSQL aborts one of two transactions that deadlock or, at stricter
isolation, fail to serialise. None of these means the write was wrong: the whole transaction
rolled back and running it again is safe, as long as the retried function opens its own session.
"""

import logging
import random
import time
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

from sqlalchemy.exc import DBAPIError

log = logging.getLogger(__name__)

ATTEMPTS = 8
FIRST_PAUSE_S = 0.02
LONGEST_PAUSE_S = 1.0
SQLITE_BUSY = ("database is locked", "database is busy", "database table is locked")
PG_RETRYABLE = frozenset({"40001", "40P01", "55P03"})
"""serialization_failure, deadlock_detected, lock_not_available."""

P = ParamSpec("P")
R = TypeVar("R")


def lost_a_race(error: BaseException) -> bool:
    """Whether `error` is the database turning a transaction away for another's sake, not a fault of its own."""
    if not isinstance(error, DBAPIError):
        return False
    original = error.orig
    if getattr(original, "sqlstate", None) in PG_RETRYABLE:
        return True
    return any(message in str(original).lower() for message in SQLITE_BUSY)


def retry_on_busy(function: Callable[P, R]) -> Callable[P, R]:
    """Run `function` again, after a short random pause, when its transaction lost a race (see `lost_a_race`).

    `function` must be one whole transaction (its own session), so a retry starts from scratch.
    After `ATTEMPTS` tries the error is raised as it is.
    """

    @wraps(function)
    def retried(*args: P.args, **kwargs: P.kwargs) -> R:
        pause = FIRST_PAUSE_S
        for attempt in range(1, ATTEMPTS):
            try:
                return function(*args, **kwargs)
            except DBAPIError as error:
                if not lost_a_race(error):
                    raise
                log.warning("%s lost a race for the database (%s); retry %d", function.__name__, error.orig, attempt)
            time.sleep(random.uniform(pause / 2, pause))
            pause = min(pause * 2, LONGEST_PAUSE_S)
        return function(*args, **kwargs)

    return retried
