"""The Pantau app: wiring between the database, the poller and the panes.

Widgets never touch the database. They post what they need (a page of rows, an article),
the app reads it in a thread worker, and the worker posts a message from
`tui.messages` back; the handlers here only copy results into widgets.
"""

import asyncio
import gc
import threading
from multiprocessing import resource_tracker
from collections.abc import Callable, Sequence
from contextlib import suppress
from datetime import datetime, timedelta, timezone
from functools import partial
from typing import ClassVar

from sqlalchemy import Engine
from textual import events, on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.screen import Screen
from textual.timer import Timer
from textual.worker import Worker, WorkerState, get_current_worker

from core.locations import screenshot_dir
from core.plain_text import plain_line
from core.vocabulary import FeedStatus
from storage.actor_stats import latest_dated, recent_period_end, top_actors
from storage.articles import (
    ArticleRow,
    ArticleView,
    articles_after,
    feed_page,
    get_articles,
    mark_feed_read,
    newest_id,
    relevant_count,
    set_read,
)
from storage.engine import make_engine
from storage.feed_order import ARRIVAL, ORDERS, FeedOrder
from storage.feeds import enabled_feeds, get_feed, list_feeds
from storage.models import Feed
from storage.notify import ChangeWatcher
from storage.review import review_count
from storage.tags import article_mentions
from storage.timeline import GRAINS, Timeline, engagement_timeline
from storage.watch import articles_naming
from tui.commands import DeskCommands
from tui.config import Settings, zone_named
from tui.messages import (
    ArticleLoaded,
    ArticlesArrived,
    DeskChanged,
    FeedHealth,
    FeedCounted,
    FeedStarted,
    HealthLoaded,
    MentionsLoaded,
    PageLoaded,
    PollFinished,
    PollProgress,
    PollStarted,
    ReviewCounted,
    TimelineLoaded,
    TopActorsLoaded,
    WatchedArrived,
)
from tui.screens.folders import FoldersScreen
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.screens.too_small import fit_to_size
from tui.hand_tagging import READ_ONLY, TAGGING_BINDINGS, HandTagging, help_bindings
from tui.reading import READING_BINDINGS, Reading
from tui.search_actions import SEARCH_BINDINGS, SearchActions
from tui.widgets.actors_pane import ActorsPane
from tui.widgets.feed_list import PAGE_SIZE, FeedList, PageRequest, RowSource, read_pages
from tui.widgets.reader import EMPTY_HINT, Reader
from tui.widgets.search_bar import SearchBar
from tui.widgets.status_bar import StatusBar
from tui.widgets.timeline import TimelinePane

WATCH_INTERVAL_S = 1.0
"""How long the change watcher waits for a commit before it looks whether the app is closing."""

REFRESH_DELAY_S = 0.5
"""Tag changes come in bursts (a poll tags article after article): the panes that count them wait this long."""

DETAILS_DELAY_S = 0.08
"""While `j` repeats, the selected article's actors and tags wait until the cursor rests this long;
the reader's title and text follow the cursor at once."""
ARTICLE_CACHE = 64
NEIGHBOURS = (1, 2, -1)
"""Rows around the cursor read along with the selected article, so the next `j` or `k` finds them ready."""

NO_MATCH = "No article matches the filter (ctrl+l shows every article)."
HEALTH_INTERVAL_S = 5.0
DUE_FEEDS, EVERY_FEED = "due", "every"
SCHEDULER_TICK_S = 15.0
"""Without a fixed period, poll cycles run this often; `poll_due` polls only the feeds that are due."""


def poll_machinery() -> Callable:
    """`fetchers.pipeline.run_cycle`, imported and its extraction processes started on first use, in a thread.

    The fetchers (httpx, feedparser, trafilatura, dateparser) take longer to import than the desk
    takes to paint its feed, and the extraction processes as long again: the desk waits for neither.
    """
    from fetchers.pipeline import run_cycle
    from fetchers.poller import warm_extract_pool

    warm_extract_pool()
    gc.freeze()  # the fetchers' modules live as long as the desk: see `settle_memory`
    return run_cycle


def settle_memory() -> None:
    """Keep what exists now (modules, widgets, the database's metadata) out of the cycle collector's scans.

    A full collection walks every tracked object: with the desk open that took 100–400 ms on this
    2-core machine, every dozen presses of `j`, and froze the desk while it ran. Frozen objects are
    still freed by reference counting; only cycles among them would outlive the desk, and they are
    what the desk holds until it closes anyway.
    """
    gc.freeze()


COUNT_AHEAD_DELAY_S = 0.5
"""Other grains are counted after this pause, so counting ahead does not slow the drawing just asked for."""


class StoredArticles:
    """Every stored article not marked not relevant: the feed's default source of rows."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def count(self) -> int:
        return relevant_count(self.engine)

    def page(self, limit: int, before: tuple | None = None, *, order: FeedOrder = ARRIVAL, ceiling: int | None = None,
             offset: int = 0) -> list[ArticleRow]:
        return feed_page(self.engine, order, limit, before, ceiling, offset)

    def after(self, after_id: int) -> list[ArticleRow]:
        return articles_after(self.engine, after_id)

    def mark_read(self, ceiling: int, arrivals: list[int]) -> int:
        return mark_feed_read(self.engine, ceiling, arrivals)


def feed_health(feeds: Sequence[Feed]) -> FeedHealth:
    """Count enabled feeds as answering, failing or not yet polled.

    A feed fails when its last poll counted one more consecutive failure, or when that poll found
    no network (which records the error but leaves the count alone, and the desk must still say it
    is offline). `last_error` alone does not decide: a poll that worked can leave a note there
    ("entries cut…").
    """
    enabled = [feed for feed in feeds if feed.enabled]
    pending = sum(1 for feed in enabled if feed.last_polled_at is None)
    failing = sum(1 for feed in enabled if feed.last_polled_at is not None and is_failing(feed))
    polled = [feed.last_polled_at for feed in enabled if feed.last_polled_at is not None]
    return FeedHealth(
        ok=len(enabled) - failing - pending,
        failing=failing,
        pending=pending,
        last_poll_at=max(polled) if polled else None,
    )


def is_failing(feed: Feed) -> bool:
    return feed.consecutive_failures > 0 or feed.last_status == FeedStatus.OFFLINE


def summary_is_offline(summary) -> bool:
    """The poller says offline, or it polled feeds and every one of them failed."""
    return bool(summary.offline) or (summary.polled > 0 and summary.failed >= summary.polled)


class PantauApp(SearchActions, App[None]):
    """The monitoring desk; search and filters come from `SearchActions`. Keyboard tagging (`tagging`) and the
    reading keys (`reading`: next unread, browser, link) are plain objects the app holds."""

    TITLE = "Pantau"
    CSS_PATH = "pantau.tcss"
    ESCAPE_TO_MINIMIZE = False
    """`z` maximises and restores; escape keeps its own job in a maximised pane (back to the list, close the bar)."""
    COMMANDS = App.COMMANDS | {DeskCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
        Binding("f1,question_mark", "help", "Help", id="app.help"),
        Binding("ctrl+p", "command_palette", "Palette", id="app.command_palette", priority=True, show=False),
        Binding("r", "poll_feed", "Re-poll this feed", id="app.poll_feed", show=False),
        Binding("R", "poll_all", "Re-poll all", id="app.poll_all"),
        *SEARCH_BINDINGS,
    ]

    def __init__(
        self,
        engine: Engine,
        settings: Settings,
        *,
        poll: bool = True,
        read_only: bool = False,
        poll_interval_s: float | None = None,
    ) -> None:
        """Start multiprocessing's resource tracker here, before Textual owns the terminal: it is given
        stderr's descriptor, which Textual replaces. The poller's extraction processes start with its
        first cycle, after the feed is painted (see `_poll`)."""
        super().__init__()
        resource_tracker.ensure_running()
        self.engine = engine
        self.settings = settings
        self.read_only = read_only
        self.poll = poll and not read_only
        self.poll_period_s = poll_interval_s if poll_interval_s is not None else SCHEDULER_TICK_S
        self.zone = zone_named(settings.timezone)
        self.source: RowSource = StoredArticles(engine)
        self.current_view: ArticleView | None = None
        self._articles: LRUCache[int, ArticleView] = LRUCache(ARTICLE_CACHE)
        self._details_timer: Timer | None = None
        self._timelines: dict[str, Timeline] = {}
        """The timeline's counts per grain, kept until tags change."""
        self._timeline_generation = 0
        self._generation = 0
        self._feed_started = False
        self._poll_timer: Timer | None = None
        self._polling_started = False
        self._memory_settled = False
        self._last_failure = ""
        self._refresh_timer: Timer | None = None
        self._watcher: ChangeWatcher | None = None
        self._closing_watcher = False
        self._watch_lock = threading.Lock()
        self.clock: Callable[[], datetime] = lambda: datetime.now(timezone.utc)
        """What "now" is for the actors pane's last 7 / 30 days; tests fix it."""
        self.desk = MainScreen(self.zone, settings.type_keys, settings.keymap)
        self.feed_list.order = ORDERS[settings.sort]
        self.tagging = HandTagging(self)
        self.reading = Reading(self)
        self.sub_title = engine.url.render_as_string(hide_password=True)

    def get_default_screen(self) -> Screen:
        return self.desk

    # Start-up --------------------------------------------------------------------------

    def on_mount(self) -> None:
        fit_to_size(self, self.size)
        self.tagging.label_keys()
        self._apply_settings()
        self.restart_feed()
        self._refresh_counts()  # alongside the feed's first page: SQLite counts while Textual lays out
        self._watch_changes()
        self.set_interval(HEALTH_INTERVAL_S, self._load_health)
        self._load_health()

    def on_resize(self, event: events.Resize) -> None:
        fit_to_size(self, event.size)

    def _apply_settings(self) -> None:
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        else:
            self.notify(f"Unknown theme {self.settings.theme!r}; using {self.theme}.", severity="warning")
        self.set_keymap(self.settings.keymap)
        if self.zone is timezone.utc and self.settings.timezone not in ("UTC", "Etc/UTC"):
            self.notify(f"Unknown time zone {self.settings.timezone!r}; showing UTC.", severity="warning")

    @property
    def feed_list(self) -> FeedList:
        return self.desk.feed

    @property
    def reader(self) -> Reader:
        return self.desk.reader

    @property
    def actors(self) -> ActorsPane:
        return self.desk.actors

    @property
    def timeline(self) -> TimelinePane:
        return self.desk.timeline

    @property
    def status_bar(self) -> StatusBar:
        return self.desk.status

    @property
    def current_article(self) -> ArticleRow | None:
        """The row under the feed's cursor, for commands that act on it."""
        return self.feed_list.current

    def restart_feed(self) -> None:
        """Read the feed afresh from `self.source` (a new source, after filtering, say)."""
        self._generation += 1
        self._feed_started = False
        self._read_first_page(self._generation)

    # Reading the feed ------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="feed", exit_on_error=False, description="Reading the newest articles")
    def _read_first_page(self, generation: int) -> None:
        """The first page at once; the count after it, unless the page holds every row (a story counted once
        is a join, tens of milliseconds at 100,000 articles: the desk does not wait for it to paint)."""
        ceiling = newest_id(self.engine)
        rows = self.source.page(PAGE_SIZE, order=self.feed_list.order, ceiling=ceiling)
        self.post_message(FeedStarted(generation, len(rows), rows, ceiling))
        if len(rows) == PAGE_SIZE:
            self.post_message(FeedCounted(generation, self.source.count()))

    def on_feed_counted(self, message: FeedCounted) -> None:
        self.feed_list.grow_to(message.generation, message.total)

    def on_feed_started(self, message: FeedStarted) -> None:
        if message.generation != self._generation:
            return
        with self.batch_update():
            self.feed_list.start(message.generation, message.total, message.rows, message.ceiling)
            if not message.rows:
                self._show_nothing()
        if not self._memory_settled:
            self._memory_settled = True
            settle_memory()  # once, after the first page: what the desk holds from then on
        if self.poll and not self._polling_started:
            self._polling_started = True
            self._poll()  # likewise the first poll cycle, which starts the extraction processes
        self._feed_started = True

    @on(FeedList.PagesWanted)
    def _pages_wanted(self, message: FeedList.PagesWanted) -> None:
        self._read_pages(message.request)

    @work(thread=True, exclusive=True, group="feed-pages", exit_on_error=False, description="Reading a page of articles")
    def _read_pages(self, request: PageRequest) -> None:
        worker = get_current_worker()
        for page, rows in read_pages(self.source, request, lambda: worker.is_cancelled):
            self.post_message(PageLoaded(request.generation, page, rows))

    def on_page_loaded(self, message: PageLoaded) -> None:
        self.feed_list.store_page(message.generation, message.page, message.rows)

    # Live: other connections' commits ---------------------------------------------------

    @work(thread=True, exclusive=True, group="changes", exit_on_error=False, description="Watching the database")
    def _watch_changes(self) -> None:
        """Wait up to a second on the database (LISTEN on PostgreSQL, data_version on SQLite), say what
        changed, and hand over to the next wait: the app's own poller and a separate `pantau poll`, on this
        machine or another, show up within a second.

        One wait per worker rather than a worker that never ends, so waiting for the app's workers
        (tests, shutdown) is never waiting forever; the watcher and its connection live on between waits.
        """
        with self._watch_lock:
            if self._closing_watcher:
                self._close_watcher()
                return
            watcher = self._watcher = self._watcher or ChangeWatcher(self.engine)
            changes = watcher.wait(WATCH_INTERVAL_S)
            if self._closing_watcher:
                self._close_watcher()
                return
        if changes:
            self.post_message(DeskChanged(changes))

    @on(Worker.StateChanged)
    def _watch_again(self, event: Worker.StateChanged) -> None:
        """Start the next wait when one ends; after a failure, start afresh a little later."""
        if event.worker.group != "changes" or self._closing_watcher:
            return
        if event.state == WorkerState.SUCCESS:
            self._watch_changes()
        elif event.state == WorkerState.ERROR:
            self._close_idle_watcher()
            self.set_timer(HEALTH_INTERVAL_S, self._watch_changes)

    def _close_watcher(self) -> None:
        watcher, self._watcher = self._watcher, None
        if watcher is not None:
            with suppress(Exception):
                watcher.close()

    def on_unmount(self) -> None:
        """Close the watcher's connection, or let the wait under way close it when it ends.

        Never under a running wait: a cancelled worker's thread goes on waiting, and SQLite must not
        see its connection closed from another thread mid-call.
        """
        self._closing_watcher = True
        self._close_idle_watcher()

    def _close_idle_watcher(self) -> None:
        if self._watch_lock.acquire(blocking=False):
            try:
                self._close_watcher()
            finally:
                self._watch_lock.release()

    def on_desk_changed(self, message: DeskChanged) -> None:
        """New articles go on top of the feed at once; the counting panes follow after a short pause."""
        tables = {change.table for change in message.changes}
        if tables & {"*", "article"}:
            self._articles.clear()
        if self._feed_started and tables & {"*", "article"}:
            feed = self.feed_list
            self._check_arrivals(feed.generation, feed.newest_id)
        folders = self.screen_stack[-1] if self.screen_stack else None  # none left while the app closes
        if isinstance(folders, FoldersScreen):
            folders.recount()
        if tables - {"article"}:
            self.feed_list.refresh_details()  # the rows' kabupaten, type and markers
            if self._refresh_timer is not None:
                self._refresh_timer.stop()
            self._refresh_timer = self.set_timer(REFRESH_DELAY_S, self._refresh_counts)

    def _refresh_counts(self) -> None:
        """Tags changed: read the timeline, the most-named actors and the selected article's actors and
        tags (the reader's type, place and highlights) again."""
        self._refresh_timer = None
        self._timelines.clear()
        self._timeline_generation += 1
        self._load_timeline(self.timeline.grain, self._timeline_generation)
        self._load_top_actors(self.actors.days)
        row = self.current_article
        if row is not None:
            self._load_mentions(row.id)
            self.tagging.load_tagging(row.id)

    @work(thread=True, exclusive=True, group="watch", exit_on_error=False, description="Looking for new articles")
    def _check_arrivals(self, generation: int, after_id: int) -> None:
        rows = self.source.after(after_id)
        if not rows:
            return
        self.post_message(ArticlesArrived(generation, rows))
        watched = articles_naming(self.engine, [row.id for row in rows], self.settings.watch_terms)
        if watched:
            self.post_message(WatchedArrived(watched))

    def on_articles_arrived(self, message: ArticlesArrived) -> None:
        self.feed_list.add_arrivals(message.generation, message.rows)

    def on_watched_arrived(self, message: WatchedArrived) -> None:
        """Articles naming a watched term stand out in the feed, with a bell if the settings ask for one."""
        self.feed_list.mark_watched(message.article_ids)
        if self.settings.watch_bell:
            self.bell()

    @on(FeedList.DetailsWanted)
    def _details_wanted(self, message: FeedList.DetailsWanted) -> None:
        self.tagging.load_row_details(message.generation, message.article_ids)

    @on(FeedList.NewCountChanged)
    def _new_count_changed(self, message: FeedList.NewCountChanged) -> None:
        self.status_bar.new_count = message.count

    # The selected article --------------------------------------------------------------

    @on(FeedList.Highlighted)
    def _highlighted(self, message: FeedList.Highlighted) -> None:
        """The reader shows the article at once when it was read ahead, else as soon as it is read;
        the articles around the cursor are read ahead, the actors and tags once the cursor rests."""
        view = self._articles.get(message.article_id)
        if view is not None:
            self._show_article(view)
        ahead = [article_id for article_id in self._neighbours() if article_id not in self._articles]
        if view is None or ahead:
            self._load_articles(None if view is not None else message.article_id, ahead)
        if self._details_timer is not None:
            self._details_timer.stop()
        self._details_timer = self.set_timer(DETAILS_DELAY_S, lambda: self._load_details(message.article_id))

    def _neighbours(self) -> list[int]:
        feed = self.feed_list
        rows = (feed.row_at(feed.cursor + step) for step in NEIGHBOURS)
        return [row.id for row in rows if row is not None]

    def _load_details(self, article_id: int) -> None:
        self._details_timer = None
        row = self.current_article
        if row is not None and row.id == article_id:
            self._load_mentions(article_id)
            self.tagging.load_tagging(article_id)

    @work(thread=True, exclusive=True, group="reader", exit_on_error=False, description="Reading the article")
    def _load_articles(self, selected_id: int | None, ahead: list[int]) -> None:
        """Read the selected article (unless it was read ahead) and the ones around it, in one query."""
        views = get_articles(self.engine, [selected_id, *ahead] if selected_id is not None else ahead)
        self.post_message(ArticleLoaded(selected_id, views.get(selected_id) if selected_id else None, views))

    def on_article_loaded(self, message: ArticleLoaded) -> None:
        for article_id, view in message.views.items():
            self._articles.set(article_id, view)
        current = self.current_article
        if message.article_id is not None and current is not None and current.id == message.article_id:
            self._show_article(message.view)

    def _show_nothing(self) -> None:
        """The feed has no article to select (a search found none): the reader and the actors of the article
        shown before must not stay, as if they matched."""
        self.current_view = None
        self.reader.show(None, NO_MATCH if self.filter_text else EMPTY_HINT)
        self.actors.show_mentions(None)

    def _show_article(self, view: ArticleView | None) -> None:
        self.current_view = view
        self.reader.show(view)

    @work(thread=True, exclusive=True, group="mentions", exit_on_error=False, description="Reading the article's actors")
    def _load_mentions(self, article_id: int) -> None:
        self.post_message(MentionsLoaded(article_id, article_mentions(self.engine, article_id)))

    def on_mentions_loaded(self, message: MentionsLoaded) -> None:
        current = self.current_article
        if current is not None and current.id == message.article_id:
            self.actors.show_mentions(message.mentions)

    # The actors and timeline panes -------------------------------------------------------

    @on(ActorsPane.PeriodChanged)
    def _actor_period_changed(self, message: ActorsPane.PeriodChanged) -> None:
        self._load_top_actors(message.days)

    @work(thread=True, exclusive=True, group="top-actors", exit_on_error=False, description="Counting actors")
    def _load_top_actors(self, days: int) -> None:
        now = self.clock()
        end = recent_period_end(now, latest_dated(self.engine), days)
        since = (end or now) - timedelta(days=days)
        self.post_message(TopActorsLoaded(days, top_actors(self.engine, since), end))

    def on_top_actors_loaded(self, message: TopActorsLoaded) -> None:
        self.actors.show_top(message.days, message.actors, message.end)

    @on(ActorsPane.Chosen)
    def _actor_chosen(self, message: ActorsPane.Chosen) -> None:
        name = message.name.replace('"', "")
        self.apply_filter(f'actor:"{name}"')

    @on(TimelinePane.GrainChanged)
    def _grain_changed(self, message: TimelinePane.GrainChanged) -> None:
        counted = self._timelines.get(message.grain)
        if counted is not None:
            self.timeline.show(counted)
        else:
            self._load_timeline(message.grain, self._timeline_generation)

    @work(thread=True, exclusive=True, group="timeline", exit_on_error=False, description="Counting engagements")
    def _load_timeline(self, grain: str, generation: int) -> None:
        """Count the engagements per kabupaten/kota, period of `grain` and type, in the database."""
        self.post_message(TimelineLoaded(engagement_timeline(self.engine, grain), generation))

    @work(thread=True, exclusive=True, group="timeline-ahead", exit_on_error=False, description="Counting engagements")
    def _count_timeline_ahead(self, grain: str, generation: int) -> None:
        """Count another grain before it is asked for, so switching weeks, days and months needs no query."""
        self.post_message(TimelineLoaded(engagement_timeline(self.engine, grain), generation))

    def on_timeline_loaded(self, message: TimelineLoaded) -> None:
        """Show the counts of the pane's grain, keep every grain's until tags change, and count the next one."""
        if message.generation != self._timeline_generation:
            return
        self._timelines[message.timeline.grain] = message.timeline
        self.timeline.show(message.timeline)
        missing = [grain for grain in GRAINS if grain not in self._timelines]
        if missing:
            self.set_timer(COUNT_AHEAD_DELAY_S, partial(self._count_timeline_ahead, missing[0], message.generation))

    @on(TimelinePane.CellChosen)
    def _cell_chosen(self, message: TimelinePane.CellChosen) -> None:
        self.apply_filter(f"kab:{message.code} since:{message.start.isoformat()} until:{message.end.isoformat()}")

    @on(FeedList.Opened)
    def _opened(self, message: FeedList.Opened) -> None:
        if not self.read_only:
            self._mark(message.article_id, True)
        self.reader.focus()

    @on(FeedList.ReadToggled)
    def _read_toggled(self, message: FeedList.ReadToggled) -> None:
        self._mark(message.article_id, message.read)

    def action_toggle_read(self) -> None:
        """Flip the read flag of the selected article."""
        row = self.current_article
        if row is not None:
            self.action_set_read(not row.is_read)

    def action_set_read(self, read: bool) -> None:
        """Mark the article under the cursor read or unread."""
        row = self.current_article
        if row is not None:
            self._mark(row.id, read)

    def _mark(self, article_id: int, read: bool) -> None:
        """Show the new flag at once; the write follows in a worker."""
        if self.refused_as_read_only():
            return
        self.feed_list.update_read(article_id, read)
        self._save_read(article_id, read)

    @work(thread=True, group="write", exit_on_error=False, description="Saving the read flag")
    def _save_read(self, article_id: int, read: bool) -> None:
        set_read(self.engine, article_id, read)

    # Feed health and polling -----------------------------------------------------------

    @work(thread=True, exclusive=True, group="health", exit_on_error=False, description="Reading feed health")
    def _load_health(self) -> None:
        self.post_message(HealthLoaded(feed_health(list_feeds(self.engine))))

    def on_health_loaded(self, message: HealthLoaded) -> None:
        self.status_bar.health = message.health
        self.count_review()

    @work(thread=True, exclusive=True, group="review", exit_on_error=False, description="Counting the review list")
    def count_review(self) -> None:
        self.post_message(ReviewCounted(review_count(self.engine)))

    def on_review_counted(self, message: ReviewCounted) -> None:
        self.status_bar.review_count = message.count

    def action_poll_all(self) -> None:
        """Poll every enabled feed now, due or not."""
        self._poll_now(EVERY_FEED)

    def action_poll_feed(self) -> None:
        """Poll the selected article's feed now."""
        view = self.current_view
        if view is None:
            self.notify("No article selected: R polls every feed.")
            return
        self._poll_now(view.article.feed_id)

    def _poll_now(self, scope: str | int) -> None:
        if self.refused_as_read_only():
            return
        if self._group_busy("poll"):
            self.notify("A poll is already running.")
            return
        self._poll(scope)

    @work(group="poll", exit_on_error=False, description="Polling feeds")
    async def _poll(self, scope: str | int = DUE_FEEDS) -> None:
        """One cycle (poll, then tag what arrived) over the due feeds, every enabled feed, or one feed."""
        self.post_message(PollStarted())
        summary = None
        try:
            run_cycle = await asyncio.to_thread(poll_machinery)
            feeds = None if scope == DUE_FEEDS else await asyncio.to_thread(self._feeds_in, scope)
            summary = await run_cycle(
                self.engine, feeds, on_progress=self._progress, poll_interval_s=self.settings.poll_interval_s
            )
        finally:
            self.post_message(PollFinished(summary, datetime.now(timezone.utc)))

    def _feeds_in(self, scope: str | int) -> list[Feed]:
        if scope == EVERY_FEED:
            return enabled_feeds(self.engine)
        feed = get_feed(self.engine, int(scope))
        return [feed] if feed is not None else []

    def _progress(self, done: int, total: int) -> None:
        self.post_message(PollProgress(done, total))

    def on_poll_started(self, _message: PollStarted) -> None:
        self.status_bar.polling = (0, 0)

    def on_poll_progress(self, message: PollProgress) -> None:
        if self.status_bar.polling is not None:
            self.status_bar.polling = (message.done, message.total)

    def on_poll_finished(self, message: PollFinished) -> None:
        """Show the outcome and schedule the next cycle, so cycles never overlap."""
        status = self.status_bar
        with self.batch_update():
            status.polling = None
            if message.summary is not None:
                status.offline = summary_is_offline(message.summary)
        self._load_health()
        if self._poll_timer is not None:
            self._poll_timer.stop()
            self._poll_timer = None
        if self.poll:
            self._poll_timer = self.set_timer(self.poll_period_s, self._poll)

    # Keys and commands -----------------------------------------------------------------

    def action_tag(self, command: str, *args: object) -> None:
        """The tagging keys (bound on the feed and the reader): `command` names a method of `HandTagging`."""
        getattr(self.tagging, command)(*args)

    def action_read(self, command: str, *args: object) -> None:
        """The reading keys (bound on the feed and the reader): `command` names a method of `Reading`."""
        getattr(self.reading, command)(*args)

    def refused_as_read_only(self) -> bool:
        """On a read-only desk, say once per attempt that writing is off; True when refused."""
        if self.read_only:
            self.notify(READ_ONLY, title="Read-only", severity="warning")
        return self.read_only

    def action_toggle_order(self) -> None:
        """Order the feed by publication or by arrival, and read it again in that order."""
        feed = self.feed_list
        feed.order = ORDERS["arrival" if feed.order.by_date else "published"]
        feed.show_order()
        self.restart_feed()

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        shared = [*TAGGING_BINDINGS, *READING_BINDINGS]
        groups = [
            ("Desk", [*PantauApp.BINDINGS, *MainScreen.BINDINGS]),
            ("Incoming feed", [binding for binding in FeedList.BINDINGS if binding not in shared]),
            ("Reader", [binding for binding in Reader.BINDINGS if binding not in shared]),
            ("Reading (feed and reader)", READING_BINDINGS),
            ("Tagging (feed and reader)", help_bindings(self.tagging.type_key_order)),
            ("Actors", ActorsPane.BINDINGS),
            ("Timeline", TimelinePane.BINDINGS),
            ("Search bar", SearchBar.BINDINGS),
            ("Help", HelpScreen.BINDINGS),
        ]
        self.push_screen(HelpScreen(groups, self.settings.keymap))

    def deliver_screenshot(self, filename: str | None = None, path: str | None = None,
                           time_format: str | None = None) -> str | None:
        """Textual saves screenshots in ~/Downloads and fails where there is none: save them where one can be kept."""
        return super().deliver_screenshot(filename, path or str(screenshot_dir()), time_format)

    def action_toggle_theme(self) -> None:
        """Switch between a dark and a light theme."""
        if self.current_theme.dark:
            self.theme = "textual-light"
        else:
            configured = self.get_theme(self.settings.theme)
            self.theme = self.settings.theme if configured and configured.dark else "textual-dark"

    # Workers ---------------------------------------------------------------------------

    def _group_busy(self, group: str) -> bool:
        return any(worker.group == group and not worker.is_finished for worker in self.workers)

    @on(Worker.StateChanged)
    def _worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Every worker's failure ends here: say what failed, keep the desk running.

        A failure that repeats itself (a poll cycle failing the same way every tick) is
        shown once, until a different one comes along.
        """
        if event.state != WorkerState.ERROR:
            return
        worker = event.worker
        self.log.error(f"worker {worker.name!r} failed", worker.error)
        if worker.group == "feed-pages":
            self.feed_list.pages_failed()
        message = plain_line(f"{worker.description or worker.name} failed: {worker.error}")
        if message == self._last_failure:
            return
        self._last_failure = message
        self.notify(
            message,
            title="Something went wrong",
            severity="error",
            timeout=8,
            markup=False,
        )


def make_app(settings: Settings, **kwargs) -> PantauApp:
    """The desk on the database that `settings` names; keyword arguments go to PantauApp."""
    return PantauApp(make_engine(settings.db_url), settings, **kwargs)
