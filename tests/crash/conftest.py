"""Crash and concurrency tests: real processes killed with SIGKILL, real files, real servers.

They are marked `crash` and run with the rest of the suite (each in about a minute or two);
`-m "not crash"` leaves them out of a quick local run. Each prints its random seed: set
PANTAU_CRASH_SEED to replay a run.
"""

import os
import random
import time

import pytest

from tests.backends import backend, backend_url  # noqa: F401  (fixtures, used by name)
from tests.support.local_server import local_server  # noqa: F401  (a fixture, used by name)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "crash: kills or races real processes; a minute or two each")


@pytest.fixture
def crash_rng() -> random.Random:
    """A seeded random source; the seed is printed (shown with the output of a failing test)."""
    seed = int(os.environ.get("PANTAU_CRASH_SEED") or time.time_ns() % 2**32)
    print(f"PANTAU_CRASH_SEED={seed}")
    return random.Random(seed)
