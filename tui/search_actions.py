"""Quick search and filters: the app's side of the search bar, mixed into `PantauApp`.

Typing in the bar (`/`) runs the query once typing pauses: it is parsed on the event loop (a
malformed query only shows its message under the bar; the list stays as it was) and read in a
thread worker, one search at a time (a newer one cancels the older). The result replaces the
feed's row source, so paging, the cursor and live arrivals work on the filtered feed as on the
whole one. `apply_filter` is how the actors pane and the timeline filter the feed too.

Textual calls a message handler of every class in the app's MRO, so the `on_…` handlers here
run beside `PantauApp`'s own; `@on` handlers would not (only Textual classes collect them).
"""

from textual import work
from textual.binding import Binding
from textual.message import Message
from textual.worker import get_current_worker

from core.plain_text import plain_line
from storage.articles import ArticleRow, newest_id
from storage.saved_searches import save_search, saved_searches
from storage.search import SearchSource
from storage.search_parser import Query, QuerySyntaxError, parse_query
from tui.messages import FeedStarted
from tui.widgets.feed_list import PAGE_SIZE
from tui.widgets.search_bar import SaveSearchScreen, SearchBar

SEARCH_BINDINGS: list[Binding] = [
    Binding("slash", "search", "Search", id="app.search"),
    Binding("ctrl+l", "clear_filter", "Clear filter", id="app.clear_filter", show=False),
]
"""The app-level search keys: `PantauApp.BINDINGS` includes them (a mixin's own BINDINGS are not read)."""


class SearchFinished(Message):
    """The first page of a search, and its count when the page holds every match (else None: `SearchCounted`
    follows); only the latest search's result is shown."""

    def __init__(self, text: str, source: SearchSource, total: int | None, rows: list[ArticleRow],
                 ceiling: int) -> None:
        super().__init__()
        self.text = text
        self.source = source
        self.total = total
        self.rows = rows
        self.ceiling = ceiling


class SearchCounted(Message):
    """How many articles the search shown matches: counted after its first page is on screen."""

    def __init__(self, text: str, total: int) -> None:
        super().__init__()
        self.text = text
        self.total = total


class SavedSearchesLoaded(Message):
    """Every saved search as (name, query), for the command palette."""

    def __init__(self, searches: list[tuple[str, str]]) -> None:
        super().__init__()
        self.searches = searches

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, SavedSearchesLoaded)


class SearchActions:
    """Search bar, filters and saved searches for `PantauApp`."""

    filter_text: str = ""
    """The query the feed is filtered by; empty when it shows everything."""
    saved_searches: list[tuple[str, str]] = []
    """(name, query) of every saved search, as last read."""
    _wanted_search: str = ""
    _unfiltered = None

    @property
    def search_bar(self) -> SearchBar:
        """The bar above the panes, hidden until needed."""
        return self.desk.search

    def on_mount(self) -> None:
        self.load_saved_searches()

    # Keys and public calls -----------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """ctrl+l is offered (in the key strip) only while a filter is applied."""
        if action == "clear_filter" and not self.filter_text:
            return False
        return super().check_action(action, parameters)

    def action_search(self) -> None:
        """Open the search bar on the current filter."""
        self.search_bar.open(self.filter_text)

    def action_clear_filter(self) -> None:
        """Show the whole feed again."""
        self.clear_filter()

    def apply_filter(self, query: str) -> None:
        """Filter the feed by `query` (the search language of storage.search_parser) and go back to the list.

        A malformed query is shown under the bar and leaves the feed as it was. The query is made plain
        text first: it may hold a name from the news, and the bar shows it.
        """
        query = plain_line(query, None)
        bar = self.search_bar
        bar.add_class("-shown")
        bar.set_text(query)
        if self._search(query):
            self.feed_list.focus()

    def clear_filter(self) -> None:
        """Drop the filter: the feed shows every article again and the bar goes away."""
        bar = self.search_bar
        bar.set_text("")
        self._drop_filter()
        bar.remove_class("-shown")
        if bar.input.has_focus:
            self.feed_list.focus()

    def _drop_filter(self) -> None:
        self._wanted_search = ""
        self.workers.cancel_group(self, "search")
        if self.filter_text and self._unfiltered is not None:
            self.filter_text = ""
            self.source = self._unfiltered
            self.restart_feed()
            self.refresh_bindings()
        self.search_bar.show_unfiltered()

    # The bar's messages --------------------------------------------------------------------

    def on_search_bar_changed(self, message: SearchBar.Changed) -> None:
        self._search(message.text)

    def on_search_bar_submitted(self, message: SearchBar.Submitted) -> None:
        if self._search(message.text):
            self.feed_list.focus()

    def on_search_bar_dismissed(self, message: SearchBar.Dismissed) -> None:
        """Escape keeps the filter that is applied; a half-typed malformed query is dropped."""
        bar = self.search_bar
        if bar.has_error or not self._search(message.text):
            bar.clear_error()
            bar.set_text(self.filter_text)
            self._wanted_search = self.filter_text
        if not self.filter_text and not self._wanted_search:
            bar.remove_class("-shown")
        self.feed_list.focus()

    def _search(self, text: str) -> bool:
        """Start the search for `text`; False (with the message under the bar) when it is malformed."""
        bar = self.search_bar
        if not text.strip():
            self._drop_filter()
            return True
        try:
            query = parse_query(text)
        except QuerySyntaxError as error:
            bar.show_error(error.message, error.position)
            return False
        bar.clear_error()
        if text.strip() == self._wanted_search.strip():
            return True  # a space typed after a word: the same search, not run again
        self._wanted_search = text
        bar.show_filter(text, None)
        self._read_search(text, query)
        return True

    @work(thread=True, exclusive=True, group="search", exit_on_error=False, description="Searching")
    def _read_search(self, text: str, query: Query) -> None:
        """The first page, shown at once; then the count, unless the page held every match. A newer search
        cancels this one, so a stale count is never waited for."""
        worker = get_current_worker()
        source = SearchSource(self.engine, query, self.zone)
        ceiling = newest_id(self.engine)
        rows = source.page(PAGE_SIZE, order=self.feed_list.order, ceiling=ceiling)
        if worker.is_cancelled:
            return
        complete = len(rows) < PAGE_SIZE
        self.post_message(SearchFinished(text, source, len(rows) if complete else None, rows, ceiling))
        if complete:
            return
        total = source.count()
        if not worker.is_cancelled:
            self.post_message(SearchCounted(text, total))

    def on_search_finished(self, message: SearchFinished) -> None:
        """Show the result, unless the user has typed on since; the list holds the first page until counted."""
        if message.text != self._wanted_search:
            return
        was_filtered = bool(self.filter_text)
        if not was_filtered:
            self._unfiltered = self.source
        self.filter_text = message.text
        self.source = message.source
        if not was_filtered:
            self.refresh_bindings()
        self._generation += 1
        self._feed_started = False
        total = message.total if message.total is not None else len(message.rows)
        self.post_message(FeedStarted(self._generation, total, message.rows, message.ceiling))
        self.search_bar.show_filter(message.text, message.total)

    def on_search_counted(self, message: SearchCounted) -> None:
        if message.text != self.filter_text or message.text != self._wanted_search:
            return
        self.feed_list.grow_to(self._generation, message.total)
        self.search_bar.show_filter(message.text, message.total)

    # Saved searches ------------------------------------------------------------------------

    def on_search_bar_save_requested(self, message: SearchBar.SaveRequested) -> None:
        text = message.text.strip()
        if not text:
            self.notify("Type a query to save first.", severity="warning")
            return
        if not self._search(text):
            return
        self.push_screen(SaveSearchScreen(text), lambda name: self._save_search(name, text) if name else None)

    @work(thread=True, group="write", exit_on_error=False, description="Saving the search")
    def _save_search(self, name: str, text: str) -> None:
        save_search(self.engine, name, text, self.settings.user_name)
        self.post_message(SavedSearchesLoaded(_as_pairs(self.engine)))
        self.call_from_thread(self.notify, plain_line(f"Saved search “{name}”: in the palette as “Search: {name}”."),
                              markup=False)

    @work(thread=True, exclusive=True, group="saved-searches", exit_on_error=False,
          description="Reading saved searches")
    def load_saved_searches(self) -> None:
        self.post_message(SavedSearchesLoaded(_as_pairs(self.engine)))

    def on_saved_searches_loaded(self, message: SavedSearchesLoaded) -> None:
        self.saved_searches = message.searches


def _as_pairs(engine) -> list[tuple[str, str]]:
    return [(saved.name, saved.query) for saved in saved_searches(engine)]
