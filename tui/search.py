"""Quick search and filters: `Search`, a plain object the app holds (`app.search`), on the search bar's side.

Typing in the bar (`/`) runs the query once typing pauses: it is parsed on the event loop (a
malformed query only shows its message under the bar; the list stays as it was) and read in a
thread worker, one search at a time (a newer one cancels the older). The result replaces the
feed's row source, so paging, the cursor and live arrivals work on the filtered feed as on the
whole one. `apply` is how the actors pane, the timeline and the folders filter the feed too.

Workers started here belong to the app (its one failure handler reports them); what they read comes back to
the event loop through `app.call_later`.
"""

from functools import partial
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.worker import get_current_worker

from core.plain_text import plain_line
from storage.search_parser import Query, QuerySyntaxError, parse_query
from tui.search_hints import unknown_place
from tui.widgets.feed_list import PAGE_SIZE, RowSource
from tui.widgets.search_bar import SaveSearchScreen, SearchBar

if TYPE_CHECKING:
    from storage.desk import ArticleRow
    from tui.app import PantauApp

NO_MATCH = "No article matches the filter (ctrl+l shows every article)."


def no_match(text: str) -> str:
    """What the reader says when a search finds nothing: NO_MATCH, and why when a `kab:` names no kabupaten/kota
    (`kab:serangg` found nothing and said nothing of the typo; `pantau export --kab` names the closest)."""
    unknown = unknown_place(text)
    return f"No article matches the filter: {unknown} (ctrl+l shows every article)." if unknown else NO_MATCH


SEARCH_BINDINGS: list[Binding] = [
    Binding("slash", "search", "Search", id="app.search"),
    Binding("ctrl+l", "clear_filter", "Clear filter", id="app.clear_filter", show=False),
]
"""The app-level search keys: `PantauApp.BINDINGS` includes them."""
FIRST_COUNT = 1_000
"""A search's count is shown as "≥ 1,000" first when it is more, then exactly once read."""


class Search:
    """Search bar, filters and saved searches for the desk."""

    def __init__(self, app: "PantauApp") -> None:
        self.app = app
        self.store = app.store
        self.filter_text = ""
        """The query the feed is filtered by; empty when it shows everything."""
        self.saved_searches: list[tuple[str, str]] = []
        """(name, query) of every saved search, as last read."""
        self._wanted = ""
        """The query last asked for (typed, or applied), shown once read unless another is asked for."""
        self._unfiltered: RowSource | None = None
        self._generation = 0
        """The feed's snapshot that shows the filter."""

    @property
    def bar(self) -> SearchBar:
        return self.app.search_bar

    # Public calls ------------------------------------------------------------------------

    def open(self) -> None:
        """Open the search bar on the current filter."""
        self.bar.open(self.filter_text)

    def apply(self, query: str) -> None:
        """Filter the feed by `query` (the search language of storage.search_parser) and go back to the list.

        A malformed query is shown under the bar and leaves the feed as it was. The query is made plain
        text first: it may hold a name from the news, and the bar shows it.
        """
        query = plain_line(query, None)
        bar = self.bar
        bar.add_class("-shown")
        bar.set_text(query)
        if self._search(query):
            self.app.feed_list.focus()

    def clear(self) -> None:
        """Drop the filter: the feed shows every article again and the bar goes away."""
        bar = self.bar
        bar.set_text("")
        self._drop_filter()
        bar.remove_class("-shown")
        if bar.input.has_focus:
            self.app.feed_list.focus()

    def _drop_filter(self) -> None:
        self._wanted = ""
        self.app.workers.cancel_group(self.app, "search")
        if self.filter_text and self._unfiltered is not None:
            self.filter_text = ""
            self.app.feed_list.source = self._unfiltered
            self.app.feed_list.restart()
            self.app.refresh_bindings()
        self.bar.show_unfiltered()

    # The bar's messages (routed by the app) ------------------------------------------------

    def bar_said(self, message: SearchBar.Changed | SearchBar.Submitted | SearchBar.Dismissed |
                 SearchBar.SaveRequested) -> None:
        """Search as typing pauses; enter searches and goes back to the list; escape, ctrl+s."""
        if isinstance(message, SearchBar.Changed):
            self._search(message.text)
        elif isinstance(message, SearchBar.Submitted):
            if self._search(message.text):
                self.app.feed_list.focus()
        elif isinstance(message, SearchBar.Dismissed):
            self._dismissed(message.text)
        else:
            self._save_requested(message.text)

    def _dismissed(self, text: str) -> None:
        """Escape keeps the filter that is applied; a half-typed malformed query is dropped."""
        bar = self.bar
        if bar.has_error or not self._search(text):
            bar.clear_error()
            bar.set_text(self.filter_text)
            self._wanted = self.filter_text
        if not self.filter_text and not self._wanted:
            bar.remove_class("-shown")
        self.app.feed_list.focus()

    def _search(self, text: str) -> bool:
        """Start the search for `text`; False (with the message under the bar) when it is malformed."""
        bar = self.bar
        if not text.strip():
            self._drop_filter()
            return True
        try:
            query = parse_query(text)
        except QuerySyntaxError as error:
            bar.show_error(error.message, error.position)
            return False
        bar.clear_error()
        if text.strip() == self._wanted.strip():
            return True  # a space typed after a word: the same search, not run again
        self._wanted = text
        bar.show_filter(text, None)
        self.app.run_worker(partial(self._read, text, query, self.app.feed_list.order), thread=True, exclusive=True,
                            group="search", exit_on_error=False, description="Searching")
        return True

    def _read(self, text: str, query: Query, order) -> None:
        """The first page, shown at once; then the count, unless the page held every match. A newer search
        cancels this one, so a stale count is never waited for."""
        worker = get_current_worker()
        source = self.store.search(query, self.app.zone)
        ceiling = self.store.newest_id()
        rows = source.page(PAGE_SIZE, order=order, ceiling=ceiling)
        if worker.is_cancelled:
            return
        complete = len(rows) < PAGE_SIZE
        self.app.call_later(self._found, text, source, len(rows) if complete else None, rows, ceiling)
        if complete:
            return
        first = source.count_at_most(FIRST_COUNT)
        if worker.is_cancelled:
            return
        if first > FIRST_COUNT:
            self.app.call_later(self._counted, text, FIRST_COUNT, True)
            first = source.count()
        if not worker.is_cancelled:
            self.app.call_later(self._counted, text, first)

    def _found(self, text: str, source: RowSource, total: int | None, rows: "list[ArticleRow]",
               ceiling: int) -> None:
        """Show the result, unless the user has typed on since; the list holds the first page until counted
        (`total` None: `_counted` follows)."""
        if text != self._wanted:
            return
        feed = self.app.feed_list
        was_filtered = bool(self.filter_text)
        if not was_filtered:
            self._unfiltered = feed.source
        self.filter_text = text
        if not was_filtered:
            self.app.refresh_bindings()
        self._generation = feed.show_snapshot(source, total if total is not None else len(rows), rows, ceiling)
        self.bar.show_filter(text, total)
        if not rows:  # at once, with the filter: the article shown before must not seem to match
            self.app.reader.clear(no_match(text))
            self.app.actors.clear()

    def _counted(self, text: str, total: int, at_least: bool = False) -> None:
        """How many articles the search shown matches: counted after its first page is on screen; `at_least` while
        the exact count is still being read (at 1,000,000 articles a common word's takes a few hundred ms)."""
        if text != self.filter_text or text != self._wanted:
            return
        self.app.feed_list.grow_to(self._generation, total)
        self.bar.show_filter(text, total, at_least)

    # Saved searches ------------------------------------------------------------------------

    def _save_requested(self, text: str) -> None:
        text = text.strip()
        if not text:
            self.app.notify("Type a query to save first.", severity="warning")
            return
        if not self._search(text):
            return
        self.app.push_screen(SaveSearchScreen(text), lambda name: self._save(name, text) if name else None)

    def _save(self, name: str, text: str) -> None:
        def save() -> None:
            self.store.save_search(name, text, self.app.settings.user_name)
            self.app.call_later(self._loaded, self.store.saved_searches())
            self.app.call_later(self.app.notify, plain_line(f"Saved search “{name}”: in the palette as "
                                                            f"“Search: {name}”."), markup=False)

        self.app.run_worker(save, thread=True, group="write", exit_on_error=False, description="Saving the search")

    def load_saved(self) -> None:
        """Read the saved searches, for the command palette."""
        self.app.run_worker(lambda: self.app.call_later(self._loaded, self.store.saved_searches()), thread=True,
                            exclusive=True, group="saved-searches", exit_on_error=False,
                            description="Reading saved searches")

    def _loaded(self, searches: list[tuple[str, str]]) -> None:
        self.saved_searches = searches
