"""What workers hand back to the screen: small messages, so no widget waits on the database.

Each pane's workers read in threads and end by posting one of these to the pane; its handlers on the
event loop only copy the result into the pane. Messages that may arrive in bursts define `can_replace`,
so a queue of them collapses to the newest. A pane's failed worker is reported by the app (`WorkFailed`).
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from textual.dom import DOMNode
from textual.message import Message
from textual.worker import Worker, WorkerState

from storage.desk import ArticleRow, ArticleTagging, ArticleView, RowDetails


@dataclass(frozen=True)
class FeedHealth:
    """How the configured feeds fared, as the status bar shows it."""

    ok: int
    failing: int
    pending: int
    last_poll_at: datetime | None

    @property
    def all_failing(self) -> bool:
        """True when feeds were polled and not one of them answered."""
        return self.failing > 0 and self.ok == 0


class FeedStarted(Message):
    """The first page of the incoming feed, how many rows it has in all, and the highest article id it holds."""

    def __init__(self, generation: int, total: int, rows: list[ArticleRow], ceiling: int | None = None) -> None:
        super().__init__()
        self.generation = generation
        self.total = total
        self.rows = rows
        self.ceiling = ceiling


class FeedCounted(Message):
    """How many rows the feed started with holds, counted after its first page was shown."""

    def __init__(self, generation: int, total: int) -> None:
        super().__init__()
        self.generation = generation
        self.total = total


class PageLoaded(Message):
    """One page of the incoming feed, read by key below the page before it."""

    def __init__(self, generation: int, page: int, rows: list[ArticleRow]) -> None:
        super().__init__()
        self.generation = generation
        self.page = page
        self.rows = rows


class ArticlesArrived(Message):
    """Rows stored since the newest row the list knows, newest first."""

    def __init__(self, generation: int, rows: list[ArticleRow]) -> None:
        super().__init__()
        self.generation = generation
        self.rows = rows


class ArticleLoaded(Message):
    """The full article for the reader (None when it was only read ahead), and every article read with it."""

    def __init__(self, article_id: int | None, view: ArticleView | None, views: dict[int, ArticleView]) -> None:
        super().__init__()
        self.article_id = article_id
        self.view = view
        self.views = views


class RowDetailsLoaded(Message):
    """The kabupaten, type and markers of rows of the feed's snapshot `generation`."""

    def __init__(self, generation: int, details: dict[int, RowDetails]) -> None:
        super().__init__()
        self.generation = generation
        self.details = details


class TaggingLoaded(Message):
    """The tags of one article for the reader; only the latest matters."""

    def __init__(self, tagging: ArticleTagging) -> None:
        super().__init__()
        self.tagging = tagging

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, TaggingLoaded) and message.tagging.article_id == self.tagging.article_id


class HealthLoaded(Message):
    """Feed health, refreshed after each poll and now and then for other processes' polls."""

    def __init__(self, health: FeedHealth) -> None:
        super().__init__()
        self.health = health

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, HealthLoaded)


class TaggingProgressed(Message):
    """A poll cycle's tagging pass: `done` of `total` articles; `retagging` when they hold an older tagger's tags.
    Posted from the tagging thread; a burst collapses to the latest."""

    def __init__(self, done: int, total: int, retagging: bool) -> None:
        super().__init__()
        self.done = done
        self.total = total
        self.retagging = retagging

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, TaggingProgressed)


class ReviewCounted(Message):
    """How many articles wait for an analyst's review (uncertain engagements of the tagger's)."""

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, ReviewCounted)


class MentionsLoaded(Message):
    """The actors tagged on one article, for the actors pane; only the latest selection matters."""

    def __init__(self, article_id: int, mentions: list[Any]) -> None:
        super().__init__()
        self.article_id = article_id
        self.mentions = mentions

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, MentionsLoaded)


class TopActorsLoaded(Message):
    """The most-named actors of the last `days` days, up to now or (`end`) the newest article."""

    def __init__(self, days: int, actors: list[Any], end: datetime | None = None) -> None:
        super().__init__()
        self.days = days
        self.actors = actors
        self.end = end

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, TopActorsLoaded)


class TimelineLoaded(Message):
    """Engagement counts for the timeline pane (a `storage.timeline.Timeline`), counted before tags changed
    `generation` times."""

    def __init__(self, timeline: Any, generation: int) -> None:
        super().__init__()
        self.timeline = timeline
        self.generation = generation


class DeskChanged(Message):
    """Other connections committed changes (`storage.notify.Change`s); a burst collapses into one message."""

    def __init__(self, changes: list[Any]) -> None:
        super().__init__()
        self.changes = list(changes)

    def can_replace(self, message: Message) -> bool:
        """Fold this message's changes into the newer one that replaces it, so none is lost."""
        if not isinstance(message, DeskChanged):
            return False
        message.changes[:0] = self.changes
        return True


class WatchedArrived(Message):
    """Arrived articles whose title or summary names a watched term."""

    def __init__(self, article_ids: set[int]) -> None:
        super().__init__()
        self.article_ids = article_ids


class WorkFailed(Message):
    """A pane's worker failed; the app says so (a worker's own StateChanged goes to its pane only)."""

    def __init__(self, worker: Worker) -> None:
        super().__init__()
        self.worker = worker


def forward_failure(pane: DOMNode, event: Worker.StateChanged) -> None:
    """Hand a failure of one of `pane`'s workers on to the app, which reports every failure in one place."""
    if event.state == WorkerState.ERROR:
        pane.post_message(WorkFailed(event.worker))
