"""The status bar: feed health, last poll, new articles, the review list, and whether a poll (and its tagging) runs.

The bar reads the feeds' health and the review count itself, now and then and when asked, in its own
workers through the desk's `DeskStore`; the app tells it about polls and arrivals.
"""

from collections.abc import Sequence
from datetime import datetime, timezone, tzinfo

from rich.text import Text
from textual import work
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget
from textual.worker import Worker

from core.moments import local_time
from core.vocabulary import FeedStatus
from storage.desk import DeskStore, Feed
from tui.messages import FeedHealth, HealthLoaded, ReviewCounted, TaggingProgressed, forward_failure

OFFLINE_MESSAGE = "offline: no feed could be reached"
SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"
HEALTH_INTERVAL_S = 5.0


def feed_health(feeds: Sequence[Feed]) -> FeedHealth:
    """Count enabled feeds as answering, failing or not yet polled.

    A feed fails when its last poll counted one more consecutive failure, or when that poll found
    no network (which records the error but leaves the count alone, and the desk must still say it
    is offline). `last_error` alone does not decide: a poll that worked can leave a note there
    ("entries cut…").
    """
    enabled = [feed for feed in feeds if feed.enabled]
    pending = sum(1 for feed in enabled if feed.last_polled_at is None)
    failing = sum(1 for feed in enabled if is_failing(feed))
    polled = [feed.last_polled_at for feed in enabled if feed.last_polled_at is not None]
    return FeedHealth(
        ok=len(enabled) - failing - pending,
        failing=failing,
        pending=pending,
        last_poll_at=max(polled) if polled else None,
    )


def is_failing(feed: Feed) -> bool:
    """An enabled source whose last poll failed or found no network; one never polled is pending, not failing."""
    return feed.enabled and feed.last_polled_at is not None and (
        feed.consecutive_failures > 0 or feed.last_status == FeedStatus.OFFLINE)


class StatusBar(Widget):
    """One line at the bottom of the desk; every part is plain text."""

    DEFAULT_CSS = """
    StatusBar {
        height: 1;
        background: $panel;
        color: $text;
        padding: 0 1;
    }
    """

    health: reactive[FeedHealth | None] = reactive(None)
    new_count: reactive[int] = reactive(0)
    review_count: reactive[int] = reactive(0)
    polling: reactive[tuple[int, int] | None] = reactive(None)
    tagging: reactive[tuple[int, int, bool] | None] = reactive(None)
    """The running cycle's tagging pass (done, total, re-tagging), shown in place of its polling."""
    offline: reactive[bool] = reactive(False)
    spin: reactive[int] = reactive(0)

    def __init__(self, store: DeskStore | None = None, zone: tzinfo = timezone.utc, **kwargs) -> None:
        super().__init__(**kwargs)
        self.store = store
        self.zone = zone
        self._spinner: Timer | None = None

    def on_mount(self) -> None:
        self._spinner = self.set_interval(0.12, self._advance, pause=self.polling is None)
        if self.store is not None:
            self.set_interval(HEALTH_INTERVAL_S, self.load_health)

    @work(thread=True, exclusive=True, group="health", exit_on_error=False, description="Reading feed health")
    def load_health(self) -> None:
        """Read the feeds' health (after each poll, and now and then for other processes' polls)."""
        self.post_message(HealthLoaded(feed_health(self.store.feeds())))

    def on_health_loaded(self, message: HealthLoaded) -> None:
        message.stop()
        self.health = message.health
        self.count_review()

    @work(thread=True, exclusive=True, group="review", exit_on_error=False, description="Counting the review list")
    def count_review(self) -> None:
        self.post_message(ReviewCounted(self.store.review_count()))

    def on_review_counted(self, message: ReviewCounted) -> None:
        message.stop()
        self.review_count = message.count

    def on_tagging_progressed(self, message: TaggingProgressed) -> None:
        message.stop()
        self.tagging = (message.done, message.total, message.retagging)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        forward_failure(self, event)

    def watch_polling(self, polling: tuple[int, int] | None) -> None:
        """Spin only while a poll runs; a poll may finish before the bar is mounted."""
        if self._spinner is None:
            return
        if polling is None:
            self._spinner.pause()
        else:
            self._spinner.resume()

    def _advance(self) -> None:
        self.spin += 1

    @property
    def is_offline(self) -> bool:
        """Offline if the last poll said so, or if every polled feed is failing."""
        return self.offline or bool(self.health and self.health.all_failing)

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        colours = self.app.theme_variables
        good, bad = colours.get("success", "green"), f"bold {colours.get('error', 'red')}"
        health = self.health
        if health is None:
            text.append("feeds: …")
        else:
            text.append(f"feeds: {health.ok} ok", style=good if health.ok else "")
            text.append(" · ")
            text.append(f"{health.failing} failing", style=bad if health.failing else "")
            if health.pending:
                text.append(f" · {health.pending} not polled yet")
            text.append("   last poll: ")
            text.append(self._clock(health.last_poll_at))
        text.append("   new above: ")
        text.append(str(self.new_count), style="bold" if self.new_count else "")
        if self.review_count:
            text.append("   review: ")
            text.append(str(self.review_count), style=f"bold {colours.get('warning', 'yellow')}")
        if self.polling is not None:
            frame = SPINNER[self.spin % len(SPINNER)]
            text.append(f"   {frame} {self._cycle_progress()}")
        if self.is_offline:
            text.append("   ")
            text.append(OFFLINE_MESSAGE, style=bad)
        return text

    def _cycle_progress(self) -> str:
        """What the running cycle does: polling feeds, then tagging what arrived (re-tagging, after an upgrade)."""
        if self.tagging is not None:
            done, total, retagging = self.tagging
            return f"{'re-tagging' if retagging else 'tagging'} {done:,}/{total:,}"
        done, total = self.polling
        return f"polling {done}/{total}" if total else "polling"

    def _clock(self, moment: datetime | None) -> str:
        if moment is None:
            return "never"
        local = local_time(moment, self.zone)
        today = datetime.now(self.zone).date()
        return local.strftime("%H:%M:%S %Z" if local.date() == today else "%d %b %H:%M %Z")
