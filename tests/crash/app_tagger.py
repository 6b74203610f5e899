"""Run the desk headless (Textual's `run_test`) and tag articles by key, as an analyst would.

    python tests/crash/app_tagger.py DB_URL USER RUN ROUNDS

Each round: `t` and a new free tag "USER-RUN-NNNNN" (same length, so none is offered for
another), a number key (engagement type), every third round `s` (star), every fifth `j` (next
article). ROUNDS 0 means until killed. Every notification the analyst would see is printed as
"NOTIFY <severity>: <message>", and the last line says "DONE <rounds>" when all writes are stored.
"""

import asyncio
import sys
from dataclasses import replace

from textual.widgets import Input

from storage.engine import make_engine
from storage.models import TagAudit
from tui.app import PantauApp
from tui.config import Settings
from tui.screens.pickers import FuzzyPicker

WAIT_S = 120.0


def recording(app: PantauApp) -> PantauApp:
    """The desk, printing what it tells the analyst as well."""
    shown = app.notify

    def notify(message, *, title="", severity="information", **options) -> None:
        print(f"NOTIFY {severity}: {title}: {message}", flush=True)
        shown(message, title=title, severity=severity, **options)

    app.notify = notify
    return app


async def until(pilot, condition, what: str) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + WAIT_S
    while not condition():
        if loop.time() > deadline:
            raise SystemExit(f"gave up waiting for {what}")
        await pilot.pause(0.01)


def audited(engine, user: str) -> int:
    from sqlmodel import Session, func, select

    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(TagAudit).where(TagAudit.created_by == user)).one()


async def tag(url: str, user: str, run: int, rounds: int) -> None:
    engine = make_engine(url)
    app = recording(PantauApp(engine, replace(Settings(db_url=url), user_name=user), poll=False))
    async with app.run_test(size=(160, 40)) as pilot:
        await until(pilot, lambda: app.feed_list.current is not None, "the first article")
        print("READY", flush=True)
        expected = audited(engine, user)
        number = 0
        while rounds == 0 or number < rounds:
            number += 1
            await pilot.press("t")
            await until(pilot, lambda: isinstance(app.screen, FuzzyPicker), "the tag picker")
            app.screen.query_one(Input).value = f"{user}-{run:02d}-{number:05d}"
            await pilot.press("enter")
            await until(pilot, lambda: not isinstance(app.screen, FuzzyPicker), "the picker to close")
            await pilot.press(str(1 + number % 9))
            expected += 2
            if number % 3 == 0:
                await pilot.press("s")
                expected += 1
            if number % 5 == 0:
                await pilot.press("j")
        await until(pilot, lambda: audited(engine, user) >= expected, "every write to be stored")
    print(f"DONE {number}", flush=True)


if __name__ == "__main__":
    asyncio.run(tag(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])))
