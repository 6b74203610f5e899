"""`pantau poll`: the headless poller, sharing the desk's database with any open app."""

import asyncio
import signal
import sys

import click
from sqlalchemy import Engine

from fetchers.pipeline import run_cycle
from fetchers.poller import PollSummary
from storage.feeds import enabled_feeds
from storage.tags import TaggingBacklog
from tui.cli.common import open_engine
from tui.cli.feeds import seed_default_feeds
from tui.config import Settings


@click.command()
@click.option("--once", is_flag=True, help="Poll every due feed once, print a summary and exit.")
@click.option("--all", "every_feed", is_flag=True, help="With --once: poll every enabled feed, due or not.")
@click.pass_obj
def poll(settings: Settings, once: bool, every_feed: bool) -> None:
    """Run the poller without the app (until Ctrl+C), sharing the desk's database."""
    if every_feed and not once:
        # `pantau poll --all` started the endless poller, --all unread: a newcomer meant one round of every feed.
        raise click.UsageError("--all goes with --once: `pantau poll --once --all` polls every enabled feed once; "
                               "`pantau poll` alone runs until Ctrl+C.")
    engine = open_engine(settings)
    seed_default_feeds(engine)
    if once:
        summary = asyncio.run(_poll_once_with_progress(engine, every_feed, settings.poll_interval_s))
        click.echo(_summary_line(summary))
        return
    asyncio.run(_poll_until_stopped(engine, settings.poll_interval_s))


async def _poll_once_with_progress(engine: Engine, every_feed: bool, poll_interval_s: int) -> PollSummary:
    with click.progressbar(length=1, label="Polling feeds", file=sys.stderr) as bar:

        def on_progress(done: int, total: int) -> None:
            bar.length = max(total, 1)
            bar.update(done - bar.pos)

        feeds = enabled_feeds(engine) if every_feed else None
        return await run_cycle(engine, feeds, on_progress=on_progress, on_backlog=_say_retagging,
                               poll_interval_s=poll_interval_s)


async def _poll_until_stopped(engine: Engine, interval_s: int) -> None:
    """Poll due feeds on a short tick; SIGINT/SIGTERM end the loop after the current cycle's write."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    tick_s = min(15, max(1, interval_s))
    click.echo(f"Polling feeds every {interval_s} s (Ctrl+C stops).")
    while not stop.is_set():
        summary = await run_cycle(engine, on_backlog=_say_retagging, poll_interval_s=interval_s)
        if summary.polled:
            click.echo(_summary_line(summary))
        try:
            await asyncio.wait_for(stop.wait(), timeout=tick_s)
        except TimeoutError:
            pass
    click.echo("Poller stopped.")


def _say_retagging(backlog: TaggingBacklog) -> None:
    """After a tagger upgrade a cycle re-tags every stored article, minutes to hours: say so, or it seems stuck."""
    if backlog.older_versions:
        click.echo(f"\nRe-tagging {backlog.total:,} articles tagged by another tagger version "
                   f"({', '.join(backlog.older_versions)}) before this cycle ends.", err=True)


def _summary_line(summary: PollSummary) -> str:
    line = (
        f"{summary.polled} feeds polled: {summary.not_modified} not modified, "
        f"{summary.failed} failed, {summary.new_articles} new articles"
    )
    return line + (" (offline: no feed could be reached)" if summary.offline else "")
