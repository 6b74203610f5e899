"""Fixtures for Pilot tests of the desk: an app factory over a real SQLite file, blink off, worker waits."""

from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import replace

import pytest
from sqlalchemy import Engine
from textual.widgets import Input, TextArea
from textual.worker import WorkerCancelled

from tests.support.local_server import local_server  # noqa: F401  (a fixture, used by name)
from tests.tui.tui_support import record_notices
from tui.app import PantauApp
from tui.config import Settings


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor makes screens differ from one frame to the next."""
    monkeypatch.setattr(Input, "cursor_blink", False)
    monkeypatch.setattr(TextArea, "cursor_blink", False)


@pytest.fixture
def settings(db_url: str) -> Settings:
    return Settings(db_url=db_url, user_name="penguji", timezone="Asia/Jakarta")


@pytest.fixture
def make_desk(engine: Engine, settings: Settings) -> Callable[..., PantauApp]:
    """Build the app over the test database; polling is off unless a test turns it on."""

    def factory(*, poll: bool = False, poll_interval_s: float | None = None, **overrides) -> PantauApp:
        return record_notices(PantauApp(
            engine, replace(settings, **overrides), poll=poll, poll_interval_s=poll_interval_s
        ))

    return factory


@pytest.fixture
def wait_for_workers() -> Callable[[PantauApp], Awaitable[None]]:
    """Wait for the app's running workers; a cancelled one is not a failure."""

    async def wait(app: PantauApp) -> None:
        with suppress(WorkerCancelled):
            await app.workers.wait_for_complete()

    return wait
