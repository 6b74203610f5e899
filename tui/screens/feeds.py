"""Feeds: the health of every source (feeds, listing pages, sitemaps, sites not yet resolved), and adding,
removing and re-enabling them.

Every database call runs in a thread worker; the worker hands plain rows back to the event
loop. Adding looks for the site's sources first (fetchers.discovery, in an async worker) and shows what it
tried and picked. Titles, addresses and errors come from the feeds themselves, so cells are `Text`
objects: a feed titled "[b]x[/b]" shows those characters instead of bold text. A source whose article pages
keep failing extraction says so, naming the site rule to look at.
"""

import asyncio
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from core.moments import local_time
from core.plain_text import plain_line
from core.vocabulary import FeedStatus, SourceKind
from fetchers.site_rules import extraction_warning
from fetchers.errors import FetchError
from storage.desk import DeskStore, Feed
from tui.screens.confirm import ConfirmScreen
from tui.widgets.plain_input import PlainInput
from tui.widgets.status_bar import is_failing

COLUMNS = ("#", "Kind", "Status", "Feed", "Fails", "Last poll", "Next poll", "Last error")


@dataclass(frozen=True)
class FeedLine:
    """One row of the table, computed off the event loop. `warning` says the source's pages keep failing
    extraction (and which site rule to look at)."""

    id: int
    kind: str
    status: str
    name: str
    failures: int
    last_poll: datetime | None
    next_poll: datetime | None
    error: str
    warning: str | None = None
    failing: bool = False
    """As the desk's status bar counts it: a failure counted, or no network at the last poll."""


def status_of(feed: Feed) -> str:
    """What the desk calls a source's state: removed and muted before the last poll's word; a source that
    never answered is unconfirmed until it does."""
    if not feed.enabled:
        return "removed"
    if feed.muted:
        return "muted (gone)"
    if feed.last_ok_at is None and feed.last_status == FeedStatus.NEW:
        return "unconfirmed"
    return feed.last_status


def feed_lines(feeds: list[Feed]) -> list[FeedLine]:
    """Every source as a table line."""
    return [
        FeedLine(
            id=feed.id,
            kind=feed.kind,
            status=status_of(feed),
            name=feed.title or feed.url,
            failures=feed.consecutive_failures,
            last_poll=feed.last_polled_at,
            next_poll=None if feed.muted or not feed.enabled else feed.next_poll_at,
            error=feed.last_error or "",
            warning=extraction_warning(feed),
            failing=is_failing(feed),
        )
        for feed in feeds
    ]


class FeedTable(DataTable):
    """The sources' table: Home and End go to the first and last source, as in the desk's feed (DataTable's
    own scroll sideways and left the cursor where it was, so `end` then `d` acted on the first source)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home", "first_row", "First source", id="feeds.first", show=False),
        Binding("end", "last_row", "Last source", id="feeds.last", show=False),
    ]

    def action_first_row(self) -> None:
        self.move_cursor(row=0)

    def action_last_row(self) -> None:
        self.move_cursor(row=max(self.row_count - 1, 0))


class FeedsScreen(Screen[None]):
    """A table of every source's health; `a` adds a site or address, `d` removes, `e` re-enables, escape closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="feeds.close"),
        Binding("a", "add", "Add site or feed", id="feeds.add"),
        Binding("d,delete", "remove", "Remove", id="feeds.remove"),
        Binding("e", "enable", "Re-enable", id="feeds.enable"),
        Binding("g", "refresh", "Refresh", id="feeds.refresh"),
    ]

    DEFAULT_CSS = """
    FeedsScreen {
        & > #feeds-table { height: 1fr; }
        & > #feeds-add { display: none; }
        & > #feeds-add.open { display: block; }
        & > #feeds-discovery { height: auto; max-height: 20; padding: 0 1; display: none; }
        & > #feeds-discovery.open { display: block; }
        & > #feeds-summary { height: auto; padding: 0 1; }
    }
    """

    def __init__(self, store: DeskStore, zone: tzinfo, **kwargs) -> None:
        super().__init__(**kwargs)
        self.store = store
        self.zone = zone

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Loading feeds…", id="feeds-summary")
        table = FeedTable(id="feeds-table", cursor_type="row", zebra_stripes=True)
        table.add_columns(*COLUMNS)
        yield table
        yield Static(id="feeds-discovery")
        yield PlainInput(placeholder="A site (portalbanten.net) or an address; enter adds it, escape cancels",
                         id="feeds-add")
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
    def load(self, select: int | None = None) -> None:
        """Read every source; `select` puts the cursor on that one (a source just added), else it stays."""
        lines = feed_lines(self.store.feeds())
        self.app.call_from_thread(self.show, lines, select)

    def show(self, lines: list[FeedLine], select: int | None = None) -> None:
        table = self.table
        selected = select if select is not None else self.selected_id()
        with self.app.batch_update():
            table.clear()
            for line in lines:
                table.add_row(*self._cells(line), key=str(line.id))
            if selected is not None and any(line.id == selected for line in lines):
                table.move_cursor(row=table.get_row_index(str(selected)))
        failing = sum(1 for line in lines if line.failing)
        muted = sum(1 for line in lines if line.status.startswith("muted"))
        extraction = sum(1 for line in lines if line.warning)
        unconfirmed = sum(1 for line in lines if line.status == "unconfirmed")
        self.query_one("#feeds-summary", Static).update(
            Text(f"{len(lines)} sources, {failing} failing, {muted} muted, {unconfirmed} unconfirmed, "
                 f"{extraction} with pages failing extraction — a add, d remove, e re-enable, escape back")
        )

    def _cells(self, line: FeedLine) -> tuple:
        style = "red" if line.failing or line.status.startswith("muted") else ""
        problem = Text(plain_line(line.error), style=style)
        if line.warning:
            problem = Text(plain_line(line.warning), style="yellow")
        return (
            Text(str(line.id)),
            Text(line.kind),
            Text(plain_line(line.status), style=style),
            Text(plain_line(line.name)),
            Text(str(line.failures)),
            Text(self._when(line.last_poll)),
            Text(self._when(line.next_poll)),
            problem,
        )

    def _when(self, moment: datetime | None) -> str:
        """Local day and time; SQLite hands datetimes back naive, and Pantau stores UTC."""
        if moment is None:
            return "—"
        return local_time(moment, self.zone).strftime("%d %b %H:%M")

    # Actions ---------------------------------------------------------------------------

    def action_close(self) -> None:
        add = self.query_one("#feeds-add", Input)
        panel = self.query_one("#feeds-discovery", Static)
        if add.has_class("open") or panel.has_class("open"):
            add.remove_class("open")
            panel.remove_class("open")
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
        from fetchers.discovery import site_address  # the fetchers load when a source is added, not with the desk

        address = event.value.strip()
        event.input.remove_class("open")
        self.table.focus()
        try:
            url = site_address(address)
        except FetchError as error:
            self.notify(plain_line(error.message), severity="error", markup=False)
            return
        self.show_discovery([f"Looking for the sources of {url} …"])
        self.discover(address, url)

    def show_discovery(self, lines: list[str]) -> None:
        panel = self.query_one("#feeds-discovery", Static)
        panel.update(Text("\n".join(plain_line(line) for line in lines)))
        panel.add_class("open")

    @work(exclusive=True, group="feeds-discover", exit_on_error=False, description="Looking for a site's sources")
    async def discover(self, address: str, url: str) -> None:
        """Discovery on the event loop's own terms (httpx is async), the database write in a thread."""
        from fetchers.discovery import discover
        from fetchers.http import make_client

        try:
            async with make_client() as client:
                found = await discover(client, address)
        except FetchError as error:
            if not error.network:
                self.show_discovery([f"Could not look at {url}: {error.message}; nothing added."])
                return
            feed = await asyncio.to_thread(self.store.add_source, url, kind=SourceKind.SITE)
            self.show_discovery([f"{url} could not be reached ({error.message}).",
                                 f"Added it as site {feed.id}, unconfirmed: its sources are looked for at its first poll."])
            self.load(select=feed.id)
            return
        *tried, verdict = found.report()
        picked = found.picked
        if picked is None:
            self.show_discovery([verdict, "Nothing added. What was tried:", *tried])
            return
        known = await asyncio.to_thread(self.store.source_at, picked.url)
        feed = await asyncio.to_thread(self.store.add_source, picked.url, site=found.address, kind=picked.kind)
        done = f"Already watched as source {feed.id}" if known else f"Added {picked.kind} {feed.id}"
        self.show_discovery([f"{done}: {feed.url}", verdict, "What was tried:", *tried])
        self.notify(plain_line(f"{done}: {feed.url}"), markup=False)
        self.load(select=feed.id)

    def action_remove(self) -> None:
        """Asks first, naming the source: one key on the wrong row stopped another source without a word."""
        feed_id = self.selected_id()
        if feed_id is None:
            return
        name = self.table.get_row(str(feed_id))[COLUMNS.index("Feed")].plain
        removed = f"Source {feed_id} ({name}) removed; its articles are kept, e polls it again"

        def answered(yes: bool | None) -> None:
            if yes:
                self.change(self.store.disable_feed, str(feed_id), removed)

        self.app.push_screen(ConfirmScreen(f"Stop polling source {feed_id}, {name}? Its articles are kept."), answered)

    def action_enable(self) -> None:
        feed_id = self.selected_id()
        if feed_id is not None:
            self.change(self.store.enable_feed, str(feed_id), f"Feed {feed_id} enabled; it is polled at the next tick")

    @work(thread=True, group="feeds-change", exit_on_error=False, description="Changing a feed")
    def change(self, operation, argument: str, done: str) -> None:
        operation(argument)
        self.app.call_from_thread(self.notify, plain_line(done), markup=False)
        self.app.call_from_thread(self.load)
