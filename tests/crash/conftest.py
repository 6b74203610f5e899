"""Crash and concurrency tests: real processes killed with SIGKILL, real files, real servers.

They are marked `crash` and run with the rest of the suite (each in about a minute or two);
`-m "not crash"` leaves them out of a quick local run. Each prints its random seed: set
PANTAU_CRASH_SEED to replay a run.
"""

import os
import random
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from subprocess import Popen

import pytest

from tests.crash.processes import kill, start

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


@pytest.fixture
def spawn() -> Iterator[Callable[..., Popen]]:
    """`processes.start`, and whatever is still running when the test ends (a failure, a timeout) is killed."""
    started: list[Popen] = []

    def spawn_one(command: list[str], log: Path, **environment: str) -> Popen:
        started.append(process := start(command, log, **environment))
        return process

    yield spawn_one
    for process in started:
        if process.poll() is None:
            kill(process)
