"""Feeds: the health of every feed, and adding, removing and re-enabling them.

Every database call runs in a thread worker; the worker hands plain rows back to the event
loop. Titles, addresses and errors come from the feeds themselves, so cells are `Text`
objects: a feed titled "[b]x[/b]" shows those characters instead of bold text.
"""

from dataclasses import dataclass
from datetime import datetime, timezone, tzinfo
from typing import ClassVar

from rich.text import Text
from sqlalchemy import Engine
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from core.plain_text import plain_line
from storage.feeds import add_feed, disable_feed, enable_feed, list_feeds
from storage.models import Feed
from tui.widgets.plain_input import PlainInput

COLUMNS = ("#", "Status", "Feed", "Fails", "Last poll", "Next poll", "Last error")


@dataclass(frozen=True)
class FeedLine:
    """One row of the table, computed off the event loop."""

    id: int
    status: str
    name: str
    failures: int
    last_poll: datetime | None
    next_poll: datetime | None
    error: str


def status_of(feed: Feed) -> str:
    """What the desk calls a feed's state: removed and muted before the last poll's word."""
    if not feed.enabled:
        return "removed"
    if feed.muted:
        return "muted (gone)"
    return feed.last_status


def feed_lines(engine: Engine) -> list[FeedLine]:
    """Every feed as a table line. Blocking: call it from a thread."""
    return [
        FeedLine(
            id=feed.id,
            status=status_of(feed),
            name=feed.title or feed.url,
            failures=feed.consecutive_failures,
            last_poll=feed.last_polled_at,
            next_poll=None if feed.muted or not feed.enabled else feed.next_poll_at,
            error=feed.last_error or "",
        )
        for feed in list_feeds(engine)
    ]


class FeedsScreen(Screen[None]):
    """A table of every feed's health; `a` adds, `d` removes, `e` re-enables, escape closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="feeds.close"),
        Binding("a", "add", "Add feed", id="feeds.add"),
        Binding("d,delete", "remove", "Remove", id="feeds.remove"),
        Binding("e", "enable", "Re-enable", id="feeds.enable"),
        Binding("g", "refresh", "Refresh", id="feeds.refresh"),
    ]

    DEFAULT_CSS = """
    FeedsScreen {
        & > #feeds-table { height: 1fr; }
        & > #feeds-add { dock: bottom; display: none; }
        & > #feeds-add.open { display: block; }
        & > #feeds-summary { height: 1; padding: 0 1; }
    }
    """

    def __init__(self, engine: Engine, zone: tzinfo, **kwargs) -> None:
        super().__init__(**kwargs)
        self.engine = engine
        self.zone = zone

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Loading feeds…", id="feeds-summary")
        table = DataTable(id="feeds-table", cursor_type="row", zebra_stripes=True)
        table.add_columns(*COLUMNS)
        yield table
        yield PlainInput(placeholder="Feed address (http or https), enter adds, escape cancels", id="feeds-add")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Feeds"
        self.load()

    @property
    def table(self) -> DataTable:
        return self.query_one("#feeds-table", DataTable)

    def selected_id(self) -> int | None:
        table = self.table
        if table.row_count == 0:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return int(row_key.value)

    # Loading ---------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="feeds-load", exit_on_error=False, description="Loading feeds")
    def load(self) -> None:
        lines = feed_lines(self.engine)
        self.app.call_from_thread(self.show, lines)

    def show(self, lines: list[FeedLine]) -> None:
        table = self.table
        selected = self.selected_id()
        with self.app.batch_update():
            table.clear()
            for line in lines:
                table.add_row(*self._cells(line), key=str(line.id))
            if selected is not None and any(line.id == selected for line in lines):
                table.move_cursor(row=table.get_row_index(str(selected)))
        failing = sum(1 for line in lines if line.failures)
        muted = sum(1 for line in lines if line.status.startswith("muted"))
        self.query_one("#feeds-summary", Static).update(
            Text(f"{len(lines)} feeds, {failing} failing, {muted} muted — a add, d remove, e re-enable, escape back")
        )

    def _cells(self, line: FeedLine) -> tuple:
        style = "red" if line.failures or line.status.startswith("muted") else ""
        return (
            Text(str(line.id)),
            Text(plain_line(line.status), style=style),
            Text(plain_line(line.name)),
            Text(str(line.failures)),
            Text(self._when(line.last_poll)),
            Text(self._when(line.next_poll)),
            Text(plain_line(line.error), style=style),
        )

    def _when(self, moment: datetime | None) -> str:
        """Local day and time; SQLite hands datetimes back naive, and Pantau stores UTC."""
        if moment is None:
            return "—"
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)
        return moment.astimezone(self.zone).strftime("%d %b %H:%M")

    # Actions ---------------------------------------------------------------------------

    def action_close(self) -> None:
        add = self.query_one("#feeds-add", Input)
        if add.has_class("open"):
            add.remove_class("open")
            self.table.focus()
            return
        self.dismiss()

    def action_refresh(self) -> None:
        self.load()

    def action_add(self) -> None:
        add = self.query_one("#feeds-add", Input)
        add.add_class("open")
        add.value = ""
        add.focus()

    @on(Input.Submitted, "#feeds-add")
    def submit_add(self, event: Input.Submitted) -> None:
        url = event.value.strip()
        event.input.remove_class("open")
        self.table.focus()
        if not url.startswith(("http://", "https://")):
            self.notify(plain_line(f"Not an http(s) address: {url}"), severity="error", markup=False)
            return
        self.change(add_feed, url, f"Added {url}")

    def action_remove(self) -> None:
        feed_id = self.selected_id()
        if feed_id is not None:
            self.change(disable_feed, str(feed_id), f"Feed {feed_id} removed; its articles are kept")

    def action_enable(self) -> None:
        feed_id = self.selected_id()
        if feed_id is not None:
            self.change(enable_feed, str(feed_id), f"Feed {feed_id} enabled; it is polled at the next tick")

    @work(thread=True, group="feeds-change", exit_on_error=False, description="Changing a feed")
    def change(self, operation, argument: str, done: str) -> None:
        operation(self.engine, argument)
        self.app.call_from_thread(self.notify, plain_line(done), markup=False)
        self.app.call_from_thread(self.load)
