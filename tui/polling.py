"""Polling inside the desk: `Polling`, a plain object the app holds (`app.polling`).

One cycle polls the due feeds (or every enabled feed with `R`, or the selected article's feed with `r`) and
tags what arrived, in an async worker on the app (its one failure handler reports a failed cycle). The next
cycle is scheduled when one finishes, so cycles never overlap (dolphie's WorkerManager). The status bar shows
the progress; new articles reach the feed through the app's change watcher, like those of `pantau poll`.

A cycle's tagging covers every article an older tagger tagged, so after a tagger upgrade the first cycle
re-tags the whole desk: the status bar counts it, and the desk says so once when it opens.
"""

import asyncio
import gc
import logging
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.timer import Timer

from storage.desk import TaggingBacklog
from tui.messages import TaggingProgressed
from tui.older_tags import older_tags_notice, older_versions

if TYPE_CHECKING:
    from tui.app import PantauApp

log = logging.getLogger(__name__)

DUE_FEEDS = "due"
EVERY_FEED: None = None
SCHEDULER_TICK_S = 15.0
"""Without a fixed period, poll cycles run this often; `poll_due` polls only the feeds that are due."""
TAGGING_SHOWN_EVERY = 25
"""The tagging pass tells the status bar every this many articles (a few times a second)."""


def poll_machinery() -> Callable:
    """`fetchers.pipeline.run_cycle`, imported and its extraction processes started on first use, in a thread.

    The fetchers (httpx, feedparser, trafilatura, dateparser) take longer to import than the desk
    takes to paint its feed, and the extraction processes as long again: the desk waits for neither.
    """
    from fetchers.pipeline import run_cycle
    from fetchers.poller import warm_extract_pool

    warm_extract_pool()
    gc.freeze()  # the fetchers' modules live as long as the desk: see `tui.app.settle_memory`
    return run_cycle


def summary_is_offline(summary) -> bool:
    """The poller says offline, or it polled feeds and every one of them failed."""
    return bool(summary.offline) or (summary.polled > 0 and summary.failed >= summary.polled)


class Polling:
    """The desk's poll cycles: the first once the feed is painted, then one every `period_s` after the last."""

    def __init__(self, app: "PantauApp", *, scheduled: bool, period_s: float | None) -> None:
        self.app = app
        self.scheduled = scheduled
        """Cycles run by themselves (False: only `R` and `r` poll)."""
        self.period_s = period_s if period_s is not None else SCHEDULER_TICK_S
        self._started = False
        self._timer: Timer | None = None
        self._tagging = (0, False)
        """The running tagging pass's total and whether it re-tags; written and read in its thread."""

    def start(self) -> None:
        """Once, when the feed is painted: the first scheduled cycle (it starts the extraction processes), and a
        look for an older tagger's tags."""
        if self._started:
            return
        self._started = True
        self.app.run_worker(self._look_for_older_tags, thread=True, group="tagger", exit_on_error=False,
                            description="Looking for an older tagger's tags")
        if self.scheduled:
            self._run(DUE_FEEDS)

    def _look_for_older_tags(self) -> None:
        """A bounded sample of the articles (no exact count: that reads every article, seconds on a large desk)."""
        versions = older_versions(self.app.store.sampled_tagger_versions())
        if versions:
            self.app.call_later(self._tell_older_tags, versions)

    def _tell_older_tags(self, versions: list[str]) -> None:
        notice = older_tags_notice(versions, retagged_here=self.scheduled)
        log.info(notice)
        self.app.notify(notice, title="Older tags", timeout=30, markup=False)

    def poll_all(self) -> None:
        """Poll every enabled feed now, due or not."""
        self._now(EVERY_FEED)

    def poll_feed(self) -> None:
        """Poll the selected article's feed now."""
        view = self.app.current_view
        if view is None:
            self.app.notify("No article selected: R polls every feed.")
            return
        self._now(view.article.feed_id)

    @property
    def busy(self) -> bool:
        return any(worker.group == "poll" and not worker.is_finished for worker in self.app.workers)

    def _now(self, scope: str | int | None) -> None:
        if self.app.refused_as_read_only():
            return
        if self.busy:
            self.app.notify("A poll is already running.")
            return
        self._run(scope)

    def _run(self, scope: str | int | None) -> None:
        self.app.run_worker(partial(self._cycle, scope), group="poll", exit_on_error=False,
                            description="Polling feeds")  # the function, not a coroutine: none is left unawaited

    async def _cycle(self, scope: str | int | None) -> None:
        """One cycle (poll, then tag what arrived) over the due feeds, every enabled feed, or one feed."""
        self.app.call_later(self._started_cycle)
        summary = None
        try:
            run_cycle = await asyncio.to_thread(poll_machinery)
            store = self.app.store
            feeds = None if scope == DUE_FEEDS else await asyncio.to_thread(store.feeds_to_poll, scope)
            summary = await run_cycle(store.engine, feeds, on_progress=self._progress, on_backlog=self._backlog,
                                      on_tagged=self._tagged, poll_interval_s=self.app.settings.poll_interval_s)
        finally:
            self.app.call_later(self._finished, summary)

    def _started_cycle(self) -> None:
        status = self.app.status_bar
        with self.app.batch_update():
            status.tagging = None
            status.polling = (0, 0)

    def _progress(self, done: int, total: int) -> None:
        self.app.call_later(self._show_progress, done, total)

    def _backlog(self, backlog: TaggingBacklog) -> None:
        """From the tagging thread: what this cycle tags (after an upgrade, every article); `_tagged` counts it."""
        self._tagging = (backlog.total, bool(backlog.older_versions))
        self._tell_tagged(0)

    def _tagged(self, done: int) -> None:
        if done % TAGGING_SHOWN_EVERY == 0 or done == self._tagging[0]:
            self._tell_tagged(done)

    def _tell_tagged(self, done: int) -> None:
        total, retagging = self._tagging
        self.app.status_bar.post_message(TaggingProgressed(done, total, retagging))

    def _show_progress(self, done: int, total: int) -> None:
        status = self.app.status_bar
        if status.polling is not None:
            status.polling = (done, total)

    def _finished(self, summary) -> None:
        """Show the outcome and schedule the next cycle, so cycles never overlap."""
        status = self.app.status_bar
        with self.app.batch_update():
            status.polling = None
            if summary is not None:
                status.offline = summary_is_offline(summary)
        status.load_health()
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.scheduled:
            self._timer = self.app.set_timer(self.period_s, lambda: self._run(DUE_FEEDS))
