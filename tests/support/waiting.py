"""Waiting on a condition instead of a fixed time, for asyncio tests without an app."""

import asyncio
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


async def until(condition: Callable[[], T], what: str, timeout_s: float = 30.0) -> T:
    """Let the event loop run until `condition` gives something true, and return it; the timeout only stops a
    broken test from hanging."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    while not (found := condition()):
        assert loop.time() < deadline, f"{what}: not within {timeout_s} s"
        await asyncio.sleep(0.02)
    return found
