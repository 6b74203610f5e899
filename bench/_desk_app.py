"""The desk's side of bench/desk.py: the app headless in a process of its own, started as `pantau` starts it.

    .venv/bin/python bench/_desk_app.py SPAWNED NEWEST URL PRESSES

SPAWNED is the parent's wall clock (time.time()) just before it started this process, so "first
paint" counts the interpreter's start and every import `pantau` makes, not only the app's work.
Only the modules `pantau` loads are imported before the first paint. Prints one JSON object of
figures on stdout. Peak memory is this process's own high-water mark (VmHWM): ru_maxrss would
carry over the parent's peak across fork and exec.
"""

import time

STARTED = time.time()

import asyncio  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
from datetime import datetime  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from textual import events  # noqa: E402

from storage.articles import NewArticle, add_articles  # noqa: E402
from storage.engine import make_engine  # noqa: E402
from storage.feeds import add_feed  # noqa: E402
from tui.cli import desk_app  # noqa: E402
from tui.cli.common import open_engine  # noqa: E402
from tui.config import Settings  # noqa: E402


def percentiles(timings: list[float]) -> tuple[float, float]:
    ordered = sorted(timings)
    return statistics.median(ordered), ordered[max(0, round(len(ordered) * 0.95) - 1)]


def peak_mib() -> float:
    """This process's resident high-water mark (VmHWM in /proc/self/status), in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


async def wait_for(condition, step_s: float = 0.0005, timeout_s: float = 60.0) -> None:
    deadline = time.perf_counter() + timeout_s
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the desk did not get there within a minute")
        await asyncio.sleep(step_s)


async def painted(pilot) -> None:
    """Let the widgets handle what is queued (layout included), then draw the frame now rather than at the
    next screen tick: what Pilot.pause does, without its wait for the whole process to go idle."""
    await pilot._wait_for_screen()
    pilot.app.screen._on_timer_update()


async def live_arrival(pilot, url: str) -> float:
    """Milliseconds from another connection's commit of a new article to the feed showing it.

    Each run adds one article (and its feed) to the cached desk, under a name of its own.
    """
    other = make_engine(url)
    run = time.time_ns()
    feed_id = add_feed(other, f"http://bench.test/live/{run}/feed", title="Warta Langsung").id
    feed = pilot.app.feed_list
    total = feed.total
    started = time.perf_counter()
    add_articles(other, feed_id, [NewArticle(
        guid=f"bench:live:{run}", url=f"http://bench.test/live/{run}", title="Buruh dan polisi bertemu",
        published_at=None, summary="", body="", extraction_status="extracted", content_hash="live",
    )])
    await wait_for(lambda: feed.total > total)
    await painted(pilot)
    other.dispose()
    return (time.perf_counter() - started) * 1000


async def drive_app(spawned: float, url: str, presses: int, newest: datetime) -> dict[str, object]:
    """Open the desk headless and time what a person does first: look, press j, switch the timeline."""
    figures: dict[str, object] = {"interpreter start and imports": (time.time() - spawned) * 1000,
                                  "interpreter start": (STARTED - spawned) * 1000}
    built = time.perf_counter()
    settings = Settings(db_url=url, timezone="Asia/Jakarta")
    app = desk_app(open_engine(settings, writes=False), settings)
    app.polling.scheduled = False
    figures["building the app (engine, extraction processes)"] = (time.perf_counter() - built) * 1000
    app.actors.clock = lambda: newest
    async with app.run_test(size=(160, 45)) as pilot:
        feed, reader, timeline = app.feed_list, app.reader, app.timeline
        await wait_for(lambda: feed.current is not None)
        await painted(pilot)
        first_paint = time.perf_counter()
        figures["first paint from process start"] = (time.time() - spawned) * 1000
        figures["first paint from building the app"] = (first_paint - built) * 1000
        await wait_for(lambda: reader.article_id == feed.current.id)
        await wait_for(lambda: timeline.data is not None)
        figures["timeline ready from building the app"] = (time.perf_counter() - built) * 1000
        timings = []
        for _ in range(presses):
            following = feed.row_at(feed.cursor + 1).id
            started = time.perf_counter()
            app.post_message(events.Key("j", "j"))  # as the terminal driver does; pilot.press also waits for idle
            await wait_for(lambda: reader.article_id == following)
            await painted(pilot)
            timings.append((time.perf_counter() - started) * 1000)
            await pilot.pause()
        figures["j"] = percentiles(timings)
        await pilot.press("alt+4")
        switches = {}
        for grain in ("day", "month", "week"):
            started = time.perf_counter()
            app.post_message(events.Key("w", "w"))
            await wait_for(lambda: timeline.data is not None and timeline.data.grain == grain)
            await painted(pilot)
            switches[grain] = (time.perf_counter() - started) * 1000
        figures["timeline switch"] = switches
        figures["timeline shape"] = (len(timeline.places), len(timeline.periods))
        figures["live arrival"] = await live_arrival(pilot, url)
    return figures


def main() -> None:
    spawned, newest, url, presses = float(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
    figures = asyncio.run(drive_app(spawned, url, presses, datetime.fromisoformat(newest)))
    figures["peak MiB"] = peak_mib()
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
