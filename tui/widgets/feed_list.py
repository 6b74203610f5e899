"""The incoming feed: a virtual list that draws only the rows on screen.

A DataTable or ListView builds every row up front and freezes for seconds at tens of
thousands of articles, so this list keeps only a few pages of rows, read from the
database by key (each page starts below the last id of the page before it) and asks for
more as the user scrolls. Rows are addressed by position, newest first: articles that
arrive while the app runs go in a small `head` list above the pages read at start, so
positions of the rows below simply shift by the number that arrived.

A snapshot holds the articles stored up to its `ceiling` (the highest id when it was read), in the
feed's order (storage.feed_order: by date or by arrival); later ones are arrivals, on top. A page
whose neighbour above was read starts below that page's last key; a page far down (end, a
scrollbar drag) is read at its offset, one query either way.

The list reads its own rows: its workers read pages from `source` (every stored article, or a search's
matches) and the rows' columns (kabupaten, type, markers) through the desk's `DeskStore`, and post what they
read back to the list (toolong's LogLines does the same with its file).
"""

from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timezone, tzinfo
from typing import ClassVar, Protocol

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events, work
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import Worker, WorkerState, get_current_worker

from core.moments import local_time
from core.plain_text import plain_line
from core.vocabulary import short_label, type_glyph
from storage.desk import ArticleRow, DeskStore, RowDetails
from storage.feed_order import ARRIVAL, ORDERS, PUBLISHED, FeedOrder
from tui.hand_tagging import TAGGING_BINDINGS
from tui.messages import (
    ArticlesArrived,
    FeedCounted,
    FeedStarted,
    PageLoaded,
    RowDetailsLoaded,
    WatchedArrived,
    forward_failure,
)
from tui.reading import READING_BINDINGS

PAGE_SIZE = 200
MAX_CACHED_PAGES = 40
TIME_WIDTH = 8
PLACE_WIDTH = 13
TYPE_WIDTH = 9
WIDE_ROW = 86
"""Narrower rows leave the kabupaten/kota out and show the type as one letter, so the title keeps its room."""
SOURCE_ROW = 60
"""Narrower rows leave the feed's name out too (the reader names it)."""
SOURCE_WIDTH = 10
MARKER_UNREAD = "●"
MARKER_STAR = "★"
MARKER_TAGGED = "✎"
MARKER_MARKED = "▶"
NO_DETAILS = RowDetails()


class RowSource(Protocol):
    """Where the list's rows come from; a filtered view only needs another source."""

    def count(self) -> int: ...

    def page(self, limit: int, before: tuple | None = None, *, order: FeedOrder = ARRIVAL, ceiling: int | None = None,
             offset: int = 0) -> list[ArticleRow]: ...

    def after(self, after_id: int) -> list[ArticleRow]: ...

    def mark_read(self, ceiling: int, arrivals: list[int]) -> int: ...


@dataclass(frozen=True)
class PageRequest:
    """Pages the list lacks, and where to start reading them.

    `first_page` starts below the key `before` (the last row of the page above it), or at its offset when
    that page was never read; each page after it starts below the last row of the one before.
    """

    generation: int
    first_page: int
    before: tuple | None
    wanted: frozenset[int]
    order: FeedOrder = ARRIVAL
    ceiling: int | None = None


def read_pages(
    source: RowSource,
    request: PageRequest,
    is_cancelled: Callable[[], bool] = lambda: False,
    page_size: int = PAGE_SIZE,
) -> Iterator[tuple[int, list[ArticleRow]]]:
    """Yield (page number, rows) from `request.first_page` up to the last wanted page."""
    before = request.before
    for page in range(request.first_page, max(request.wanted) + 1):
        if is_cancelled():
            return
        offset = 0 if before is not None else page * page_size
        rows = source.page(page_size, before, order=request.order, ceiling=request.ceiling, offset=offset)
        yield page, rows
        if len(rows) < page_size:
            return
        before = request.order.key_of(rows[-1])


def format_time(moment: datetime | None, zone: tzinfo, now: datetime | None = None) -> str:
    """A local time in eight characters at most, so the title keeps the row: the clock today, day and month
    this year, the short date before that (the reader gives the whole date).

    SQLite hands datetimes back without a zone; Pantau stores UTC, so naive means UTC.
    """
    if moment is None:
        return "—"
    local = local_time(moment, zone)
    now = (now or datetime.now(timezone.utc)).astimezone(zone)
    if local.date() == now.date():
        return local.strftime("%H:%M")
    return local.strftime("%d %b" if local.year == now.year else "%d/%m/%y")


def one_line(text: str) -> str:
    """Feed text on one row: no newline, escape or control character, and no longer than a row can use."""
    return plain_line(text)


def place_label(name: str | None) -> str:
    """A kabupaten/kota short enough for a row: "Kab. Serang", "Kota Serang" (both exist)."""
    if not name:
        return ""
    for prefix, short in (("Kabupaten Administrasi ", "Kab. "), ("Kota Administrasi ", "Kota "), ("Kabupaten ", "Kab. ")):
        if name.startswith(prefix):
            return short + name[len(prefix):]
    return name


class FeedList(ScrollView, can_focus=True, inherit_bindings=False):
    """Newest articles first, unread in bold, paged in from the database as it scrolls."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Next", id="feed.cursor_down", show=False),
        Binding("k,up", "cursor_up", "Previous", id="feed.cursor_up", show=False),
        Binding("pagedown", "page_down", "Page down", id="feed.page_down", show=False),
        Binding("pageup", "page_up", "Page up", id="feed.page_up", show=False),
        Binding("home", "first", "Newest", id="feed.first", show=False),
        Binding("end", "last", "Oldest", id="feed.last", show=False),
        Binding("enter", "open", "Open", id="feed.open"),
        Binding("m", "toggle_read", "Read/unread", id="feed.toggle_read"),
        Binding("S", "toggle_order", "Sort: date/arrival", id="feed.order"),
        *READING_BINDINGS,
        *TAGGING_BINDINGS,
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "feed-list--cursor",
        "feed-list--unread",
        "feed-list--time",
        "feed-list--source",
        "feed-list--loading",
        "feed-list--place",
        "feed-list--type",
        "feed-list--marker",
        "feed-list--watched",
    }

    DEFAULT_CSS = """
    FeedList {
        overflow-x: hidden;
        overflow-y: auto;
        & > .feed-list--cursor { background: $block-cursor-blurred-background; }
        &:focus > .feed-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
        }
        & > .feed-list--unread { text-style: bold; }
        & > .feed-list--time { color: $text-muted; }
        & > .feed-list--source { color: $text-accent; }
        & > .feed-list--loading { color: $text-disabled; }
        & > .feed-list--place { color: $text-success; }
        & > .feed-list--type { color: $text-warning; }
        & > .feed-list--marker { color: $text-warning; }
        & > .feed-list--watched { color: $text-warning; }
    }
    """

    class Started(Message):
        """A snapshot's first page is on screen; `empty`: the feed has no article to select."""

        def __init__(self, empty: bool) -> None:
            super().__init__()
            self.empty = empty

    class Highlighted(Message):
        """The cursor is on another article."""

        def __init__(self, article_id: int) -> None:
            super().__init__()
            self.article_id = article_id

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, FeedList.Highlighted)

    class Opened(Message):
        """The user opened the article under the cursor."""

        def __init__(self, article_id: int) -> None:
            super().__init__()
            self.article_id = article_id

    class ReadToggled(Message):
        """The user asked to flip the read flag of the article under the cursor."""

        def __init__(self, article_id: int, read: bool) -> None:
            super().__init__()
            self.article_id = article_id
            self.read = read

    class NewCountChanged(Message):
        """How many articles arrived since the user last went to the top of the list."""

        def __init__(self, count: int) -> None:
            super().__init__()
            self.count = count

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, FeedList.NewCountChanged)

    def __init__(self, store: DeskStore | None = None, zone: tzinfo = timezone.utc,
                 watch_terms: tuple[str, ...] = (), watch_bell: bool = False, **kwargs) -> None:
        """`store` None: a list that shows only what it is given (nothing reads for it)."""
        super().__init__(**kwargs)
        self.store = store
        self.source: RowSource | None = store.stored_articles() if store is not None else None
        """Where rows come from: every stored article, or a search's matches."""
        self.watch_terms = watch_terms
        self.watch_bell = watch_bell
        """Ring the terminal's bell when an arrival names a watched term."""
        self.zone = zone
        self.started = False
        """The first page of the snapshot asked for last is on screen."""
        self._requested = 0
        """The generation of the snapshot asked for last; `generation` is the one shown."""
        self.generation = 0
        self.cursor = 0
        self.new_count = 0
        self._head: list[ArticleRow] = []
        self._pages: OrderedDict[int, list[ArticleRow]] = OrderedDict()
        self._floors: dict[int, tuple] = {}
        self.order: FeedOrder = PUBLISHED
        """The order rows are read in; the app sets it from the settings; `S` switches it."""
        self._ceiling = 0
        self._base_total = 0
        self._fetching: frozenset[int] = frozenset()
        self._highlighted_id: int | None = None
        self.watched: set[int] = set()
        self._strips: LRUCache[tuple, Strip] = LRUCache(1024)
        self._styles: dict[str, Style] = {}
        self._details: dict[int, RowDetails] = {}
        self._hold_position = False
        self.marked: dict[int, None] = {}
        """Rows marked for bulk tagging (space), in the order they were marked."""
        self._held: tuple[int, int] | None = None
        """Cursor and scroll kept through a `start` whose first page ends above them, until the count comes."""
        self._seeking: tuple[int, bool, int] | None = None
        """(step, open it, position) while `n` or `N` waits at `position` for its page to go on looking."""
        self._awaiting_count = False
        """Whether the snapshot shows a full first page whose size is all that is known yet (its count follows)."""
        self._seek_after_count: tuple[int, bool] | None = None
        """(step, open it) of an `n` that reached the first page's end before the count said what lies below."""

    # Reading -------------------------------------------------------------------------

    def restart(self) -> None:
        """Read the feed afresh from `source` (a new source, after filtering, say)."""
        self._requested += 1
        self.started = False
        self._read_first_page(self._requested)

    def show_snapshot(self, source: RowSource, total: int, rows: list[ArticleRow], ceiling: int) -> int:
        """Show rows another worker read (a search's first page) and read on from `source`; the snapshot's
        generation (for `grow_to`)."""
        self.source = source
        self._requested += 1
        self.started = False
        self.post_message(FeedStarted(self._requested, total, rows, ceiling))
        return self._requested

    @work(thread=True, exclusive=True, group="feed", exit_on_error=False, description="Reading the newest articles")
    def _read_first_page(self, generation: int) -> None:
        """The first page at once; the count after it, unless the page holds every row (a story counted once
        is a join, tens of milliseconds at 100,000 articles: the desk does not wait for it to paint)."""
        ceiling = self.store.newest_id()
        rows = self.source.page(PAGE_SIZE, order=self.order, ceiling=ceiling)
        self.post_message(FeedStarted(generation, len(rows), rows, ceiling))
        if len(rows) == PAGE_SIZE:
            self.post_message(FeedCounted(generation, self.source.count()))

    def on_feed_started(self, message: FeedStarted) -> None:
        message.stop()
        if message.generation != self._requested:
            return
        self.start(message.generation, message.total, message.rows, message.ceiling)
        self.started = True
        self.post_message(self.Started(not message.rows))

    def on_feed_counted(self, message: FeedCounted) -> None:
        message.stop()
        self.grow_to(message.generation, message.total)

    @work(thread=True, exclusive=True, group="feed-pages", exit_on_error=False, description="Reading a page of articles")
    def _read_pages(self, request: PageRequest) -> None:
        worker = get_current_worker()
        for page, rows in read_pages(self.source, request, lambda: worker.is_cancelled):
            self.post_message(PageLoaded(request.generation, page, rows))

    def on_page_loaded(self, message: PageLoaded) -> None:
        message.stop()
        self.store_page(message.generation, message.page, message.rows)

    def check_arrivals(self) -> None:
        """Articles were stored: put those above the newest row on top (once the first page is shown)."""
        if self.started and self.source is not None:
            self._check_arrivals(self.generation, self.newest_id)

    @work(thread=True, exclusive=True, group="watch", exit_on_error=False, description="Looking for new articles")
    def _check_arrivals(self, generation: int, after_id: int) -> None:
        rows = self.source.after(after_id)
        if not rows:
            return
        self.post_message(ArticlesArrived(generation, rows))
        watched = self.store.watched([row.id for row in rows], self.watch_terms)
        if watched:
            self.post_message(WatchedArrived(watched))

    def on_articles_arrived(self, message: ArticlesArrived) -> None:
        message.stop()
        self.add_arrivals(message.generation, message.rows)

    def on_watched_arrived(self, message: WatchedArrived) -> None:
        message.stop()
        self.mark_watched(message.article_ids)
        if self.watch_bell:
            self.app.bell()

    @work(thread=True, group="row-details", exit_on_error=False, description="Reading tags of rows")
    def _read_details(self, generation: int, article_ids: list[int]) -> None:
        self.post_message(RowDetailsLoaded(generation, self.store.row_details(article_ids)))

    def on_row_details_loaded(self, message: RowDetailsLoaded) -> None:
        message.stop()
        self.store_details(message.generation, message.details)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.group == "feed-pages":
            self.pages_failed()
        forward_failure(self, event)

    # The row model -------------------------------------------------------------------

    @property
    def total(self) -> int:
        return len(self._head) + self._base_total

    @property
    def pages_held(self) -> int:
        """How many pages of rows the list keeps now (never more than MAX_CACHED_PAGES)."""
        return len(self._pages)

    @property
    def ceiling(self) -> int:
        """The highest article id of the snapshot read at start; rows above it arrived since."""
        return self._ceiling

    @property
    def arrival_ids(self) -> list[int]:
        """The articles that arrived on top since the snapshot was read."""
        return [row.id for row in self._head]

    @property
    def newest_id(self) -> int:
        """The highest article id the list holds: the watcher asks for rows above it."""
        return max([self._ceiling, *(row.id for row in self._head)])

    def row_at(self, position: int) -> ArticleRow | None:
        """The row at `position` (0 is the newest), or None while its page is not loaded."""
        if position < len(self._head):
            return self._head[position] if position >= 0 else None
        page, index = divmod(position - len(self._head), PAGE_SIZE)
        rows = self._pages.get(page)
        if rows is None or index >= len(rows):
            return None
        self._pages.move_to_end(page)
        return rows[index]

    @property
    def current(self) -> ArticleRow | None:
        """The row under the cursor."""
        return self.row_at(self.cursor) if self.total else None

    def start(self, generation: int, total: int, rows: list[ArticleRow], ceiling: int | None = None) -> None:
        """Show a fresh snapshot: `rows` is its first page, `total` its size, `ceiling` the highest article id
        it holds (the highest of `rows` when not given)."""
        held = (self.cursor, self.scroll_offset.y) if self._hold_position else (0, 0)
        self._hold_position = False
        self.generation = generation
        self._head = []
        self._pages.clear()
        self._floors.clear()
        self._details.clear()
        self._forget_drawing()
        self._fetching = frozenset()
        self.marked.clear()  # marks are for rows on screen: a new snapshot (a filter) starts without
        self._show_marks()
        self._ceiling = ceiling if ceiling is not None else max((row.id for row in rows), default=0)
        self._base_total = max(total, len(rows))
        self._awaiting_count = len(rows) >= PAGE_SIZE and total <= len(rows)
        self._seek_after_count = None
        self._held = held if held[0] >= self._base_total else None
        self.cursor = max(0, min(held[0], self._base_total - 1))
        self._highlighted_id = None
        self.new_count = 0
        self.store_page(generation, 0, rows)
        self.scroll_to(y=held[1], animate=False, force=True)
        self._update_virtual_size()
        self._cursor_moved()

    def store_page(self, generation: int, page: int, rows: list[ArticleRow]) -> None:
        """Keep a page that a worker read; a short page means the snapshot ends there."""
        if generation != self.generation:
            return
        if len(rows) < PAGE_SIZE:
            self._base_total = page * PAGE_SIZE + len(rows)
            self._update_virtual_size()
        if rows:
            self._floors[page] = self.order.key_of(rows[-1])
        self._pages[page] = rows
        self._pages.move_to_end(page)
        while len(self._pages) > MAX_CACHED_PAGES:
            for evicted in self._pages.popitem(last=False)[1]:
                self._details.pop(evicted.id, None)
        self._want_details(rows)
        if page in self._fetching:
            self._fetching = self._fetching - {page}
        self.refresh()
        self._announce_highlight()
        if self._seeking is not None and self.current is not None:
            step, open_it, position = self._seeking
            self._seeking = None
            if position != self.cursor:
                return
            if self.current.is_read:
                self.seek_unread(step, open_it)
            elif open_it:
                self.post_message(self.Opened(self.current.id))

    def grow_to(self, generation: int, total: int) -> None:
        """The snapshot was started with its first page only; now its size is known (counted after it)."""
        if generation != self.generation:
            return
        self._awaiting_count = False
        if total > self._base_total:
            self._base_total = total
            self._update_virtual_size()
            if self._held is not None:
                self.cursor = min(self._held[0], total - 1)
                self.scroll_to(y=self._held[1], animate=False, force=True)
                self._cursor_moved()
            self._held = None
            self._request_missing_pages()
            self.refresh()
        if self._seek_after_count is not None:
            step, open_it = self._seek_after_count
            self._seek_after_count = None
            self.seek_unread(step, open_it)

    def add_arrivals(self, generation: int, rows: list[ArticleRow]) -> None:
        """Put newly stored rows on top, in the feed's order among the other arrivals, keeping the cursor on
        the article it was on.

        When the user is looking at the top of the list, the new rows slide in above the cursor; otherwise
        the view stays on the same articles it showed. Arrivals stay above the rows read at start (an
        article published long ago but stored now is among them) until the feed is read again.
        """
        fresh = [row for row in rows if row.id > self.newest_id]
        if generation != self.generation or not fresh:
            return
        was_empty = self.total == 0
        arrived = len(self._head)
        merged = sorted([*self._head, *fresh], key=self.order.key_of, reverse=True)
        placed = {row.id: index for index, row in enumerate(merged)}

        def moved(position: int) -> int:
            """Where the row at `position` is once the new rows are in."""
            return placed[self._head[position].id] if position < arrived else position + len(fresh)

        cursor, top = moved(self.cursor), moved(self.scroll_offset.y) if self.scroll_offset.y < self.total else 0
        self._head = merged
        self._want_details(fresh)
        self.new_count += len(fresh)
        self.post_message(self.NewCountChanged(self.new_count))
        self._update_virtual_size()
        if was_empty:
            self.cursor = 0
            self._cursor_moved()
            return
        self.cursor = cursor
        if self.scroll_offset.y != 0 or self.cursor >= self.scrollable_content_region.height:
            self.scroll_to(y=top, animate=False, force=True)
        self.refresh()

    def update_read(self, article_id: int, read: bool) -> None:
        """Show a new read flag on the row of `article_id` if it is loaded."""
        for rows in (self._head, *self._pages.values()):
            for index, row in enumerate(rows):
                if row.id == article_id:
                    rows[index] = replace(row, is_read=read)
                    self.refresh()
                    return

    def update_starred(self, article_id: int, starred: bool) -> None:
        """Show a new star on the row of `article_id` if it is loaded."""
        for rows in (self._head, *self._pages.values()):
            for index, row in enumerate(rows):
                if row.id == article_id:
                    rows[index] = replace(row, is_starred=starred)
                    self.refresh()
                    return

    def _want_details(self, rows: list[ArticleRow]) -> None:
        """Rows were loaded without their kabupaten, type and markers: read them in one query."""
        if rows and self.store is not None:
            self._read_details(self.generation, [row.id for row in rows])

    def store_details(self, generation: int, details: dict[int, RowDetails]) -> None:
        """Keep what was read for rows of this snapshot; rows draw their columns from it."""
        if generation == self.generation:
            self._details.update(details)
            self.refresh()

    def details_of(self, article_id: int) -> RowDetails:
        return self._details.get(article_id, NO_DETAILS)

    def forget_details(self, article_id: int) -> None:
        """The article was tagged: read its row's columns again."""
        self._details.pop(article_id, None)
        if self.store is not None:
            self._read_details(self.generation, [article_id])

    def refresh_details(self) -> None:
        """Tags changed somewhere (the poller tags what it stored, another analyst tagged): read the columns
        of every loaded row again, in one request."""
        loaded = [row.id for rows in (self._head, *self._pages.values()) for row in rows]
        if loaded and self.store is not None:
            self._read_details(self.generation, loaded)

    @property
    def marked_ids(self) -> list[int]:
        return list(self.marked)

    def toggle_mark(self) -> None:
        """Mark the row under the cursor for bulk tagging, or unmark it, and go to the next row."""
        row = self.current
        if row is None:
            return
        if row.id in self.marked:
            del self.marked[row.id]
        else:
            self.marked[row.id] = None
        self._show_marks()
        self.action_cursor_down()
        self.refresh()

    def clear_marks(self) -> None:
        self.marked.clear()  # marks are for rows on screen: a new snapshot (a filter) starts without
        self._show_marks()
        self.refresh()

    def _show_marks(self) -> None:
        count = len(self.marked)
        self.border_subtitle = f"{count} marked · {self.order.label}" if count else self.order.label

    def loaded_row(self, article_id: int) -> ArticleRow | None:
        """The row of `article_id` if it is loaded."""
        for rows in (self._head, *self._pages.values()):
            for row in rows:
                if row.id == article_id:
                    return row
        return None

    def show_order(self) -> None:
        """Say the feed's order under the pane (and how many rows are marked)."""
        self._show_marks()

    def on_mount(self) -> None:
        """Say the order, and read the first page (a worker posts to the list only once it is mounted)."""
        self.show_order()
        if self.source is not None:
            self.restart()

    def hold_position(self) -> None:
        """Keep cursor and scroll position through the next `start` (a row left the list; the one below takes its place)."""
        self._hold_position = True

    def mark_watched(self, article_ids: set[int]) -> None:
        """Make these articles stand out: they name a term of the watch-list."""
        self.watched |= article_ids
        self._forget_drawing()
        self.refresh()

    def _update_virtual_size(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, self.total)

    # Asking for pages ----------------------------------------------------------------

    def _visible_pages(self) -> set[int]:
        head = len(self._head)
        top = max(self.scroll_offset.y - head, 0)
        bottom = self.scroll_offset.y + self.scrollable_content_region.height - head
        if bottom < 0 or self._base_total == 0:
            return set()
        last = min(bottom, self._base_total - 1)
        return set(range(top // PAGE_SIZE, last // PAGE_SIZE + 1))

    def _request_missing_pages(self) -> None:
        missing = {page for page in self._visible_pages() if page not in self._pages}
        if not missing or missing <= self._fetching or self.source is None:
            return
        first = min(missing)
        self._fetching = frozenset(missing)
        self._read_pages(PageRequest(
            self.generation, first, self._floors.get(first - 1), frozenset(missing), self.order, self._ceiling,
        ))

    def pages_failed(self) -> None:
        """The pages asked for could not be read: ask again the next time the view moves."""
        self._fetching = frozenset()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._request_missing_pages()

    def on_resize(self, _event: events.Resize) -> None:
        self._update_virtual_size()
        self._forget_drawing()
        self._request_missing_pages()

    # Drawing -------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._forget_drawing()

    def _forget_drawing(self) -> None:
        """Drop drawn rows and looked-up styles: the theme, size or focus changed."""
        self._strips.clear()
        self._styles.clear()

    def _style(self, part: str) -> Style:
        """A component style (or the widget's own for ""), looked up once per theme and focus."""
        style = self._styles.get(part)
        if style is None:
            style = self.rich_style if not part else self.get_component_rich_style(part)
            self._styles[part] = style
        return style

    def render_line(self, y: int) -> Strip:
        position = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        base = self._style("")
        if position >= self.total:
            return Strip.blank(width, base)
        row = self.row_at(position)
        is_cursor = position == self.cursor
        if row is None:
            loading = self._style("feed-list--loading")
            return Strip([Segment(" …".ljust(width), base + loading)], width)
        details = self._details.get(row.id, NO_DETAILS)
        key = (row, details, is_cursor, self.has_focus, width, row.id in self.marked)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render_row(row, details, is_cursor, width, base)
            self._strips[key] = strip
        return strip

    def _render_row(self, row: ArticleRow, details: RowDetails, is_cursor: bool, width: int, base: Style) -> Strip:
        """Unread dot, time, source, kabupaten/kota, engagement type, star and manual-tag markers, the other outlets
        that ran the story ("+2 sources"), title: the title
        gets what the other columns leave, and they shrink or go as the pane narrows."""
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        text.append(f"{MARKER_UNREAD if not row.is_read else ' '} ")
        text.append(
            f"{format_time(row.published_at or row.dated_at, self.zone):<{TIME_WIDTH}} ",
            self._style("feed-list--time"),
        )
        if width >= SOURCE_ROW:
            text.append_text(self._cell(one_line(row.source), SOURCE_WIDTH, "feed-list--source"))
            text.append(" ")
        if width >= WIDE_ROW:
            text.append_text(self._cell(place_label(details.kabupaten), PLACE_WIDTH, "feed-list--place"))
            text.append(" ")
            text.append_text(self._cell(short_label(details.engagement_type), TYPE_WIDTH, "feed-list--type"))
        else:
            text.append(type_glyph(details.engagement_type), self._style("feed-list--type"))
        text.append(" ")
        markers = (f"{MARKER_MARKED if row.id in self.marked else ' '}{MARKER_STAR if row.is_starred else ' '}"
                   f"{MARKER_TAGGED if details.manual else ' '}")
        text.append(markers, self._style("feed-list--marker"))
        text.append(" ")
        if details.other_sources:
            sources = f" source{'s' if details.other_sources > 1 else ''}" if width >= WIDE_ROW else ""
            text.append(f"+{details.other_sources}{sources} ", self._style("feed-list--source"))
        text.append(one_line(row.title))
        text.truncate(width, overflow="ellipsis", pad=True)
        row_style = base
        if not row.is_read:
            row_style += self._style("feed-list--unread")
        if row.id in self.watched:
            row_style += self._style("feed-list--watched")
        cursor_style = self._style("feed-list--cursor") if is_cursor else None
        segments = []
        for segment in text.render(self.app.console):
            style = row_style + segment.style if segment.style else row_style
            segments.append(Segment(segment.text, style + cursor_style if cursor_style else style))
        return Strip(segments, width).adjust_cell_length(width, base)

    def _cell(self, value: str, width: int, part: str) -> Text:
        cell = Text(plain_line(value), no_wrap=True, overflow="ellipsis")
        cell.truncate(width, overflow="ellipsis", pad=True)
        cell.stylize(self._style(part))
        return cell

    # Cursor --------------------------------------------------------------------------

    def move_cursor(self, position: int) -> None:
        """Put the cursor on the row at `position` (0 is the newest) and bring it into view."""
        if not self.total:
            return
        self.cursor = max(0, min(position, self.total - 1))
        if self.cursor == 0 and self.new_count:
            self.new_count = 0
            self.post_message(self.NewCountChanged(0))
        self._scroll_to_cursor()
        self._cursor_moved()

    def _scroll_to_cursor(self) -> None:
        """Bring the cursor into view; forced, because right after a reset the scrollbars
        are not laid out yet and an ordinary scroll would be ignored."""
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, force=True)
        elif height and self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, force=True)

    def _cursor_moved(self) -> None:
        self.refresh()
        self._request_missing_pages()
        self._announce_highlight()

    def _announce_highlight(self) -> None:
        row = self.current
        if row is not None and row.id != self._highlighted_id:
            self._highlighted_id = row.id
            self.post_message(self.Highlighted(row.id))

    def action_cursor_down(self) -> None:
        self.move_cursor(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_cursor(self.cursor - 1)

    def action_page_down(self) -> None:
        self.move_cursor(self.cursor + max(self.scrollable_content_region.height - 1, 1))

    def action_page_up(self) -> None:
        self.move_cursor(self.cursor - max(self.scrollable_content_region.height - 1, 1))

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(self.total - 1)

    def seek_unread(self, step: int, open_it: bool = False) -> None:
        """Move to the next unread row below (step 1) or above (-1); a row whose page is not read yet is gone to
        and the search goes on when its page comes in. `open_it`: open the row found, as enter does."""
        self._seeking = None
        position = self.cursor + step
        while 0 <= position < self.total:
            row = self.row_at(position)
            if row is None:
                self._seeking = (step, open_it, position)
                self.move_cursor(position)
                return
            if not row.is_read:
                self.move_cursor(position)
                if open_it:
                    self.post_message(self.Opened(row.id))
                return
            position += step
        if step > 0 and self._awaiting_count:
            self._seek_after_count = (step, open_it)  # what lies below the first page is not counted yet
            return
        self.app.notify(f"No unread article {'below' if step > 0 else 'above'}.")

    def action_open(self) -> None:
        row = self.current
        if row is not None:
            self.post_message(self.Opened(row.id))

    def action_toggle_order(self) -> None:
        """Order the feed by publication or by arrival, and read it again in that order."""
        self.order = ORDERS["arrival" if self.order.by_date else "published"]
        self.show_order()
        self.restart()

    def action_toggle_read(self) -> None:
        row = self.current
        if row is not None:
            self.post_message(self.ReadToggled(row.id, not row.is_read))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None:
            self.move_cursor(self.scroll_offset.y + offset.y)

    def on_focus(self) -> None:
        self._forget_drawing()
        self.refresh()

    def on_blur(self) -> None:
        self._forget_drawing()
        self.refresh()
