"""The Pantau app: it composes the desk, routes what a pane asks of the others, and reports every failure.

The main screen's panes read what they show in their own workers through `storage.desk.DeskStore`, the
desk's one door to the database. Keyboard tagging (`tagging`), the reading keys (`reading`), search and
filters (`search`), polling (`polling`) and watching other connections' commits (`watching`) are plain
objects the app holds. Every worker's failure, the panes' too, ends in `_report`.
"""

import gc
from collections.abc import Iterable
from datetime import timezone
from multiprocessing import resource_tracker
from typing import ClassVar

from sqlalchemy import Engine
from textual import events, on
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from core.locations import screenshot_dir
from core.plain_text import plain_line
from storage.desk import ArticleRow, ArticleView, DeskStore
from storage.engine import make_engine
from storage.feed_order import ORDERS
from tui.commands import DeskCommands
from tui.config import Settings, zone_named
from tui.hand_tagging import READ_ONLY, HandTagging
from tui.messages import DeskChanged, WorkFailed
from tui.polling import Polling
from tui.reading import Reading
from tui.screens.folders import FoldersScreen
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.screens.too_small import fit_to_size
from tui.search import SEARCH_BINDINGS, Search, no_match
from tui.widgets.actors_pane import ActorsPane
from tui.widgets.feed_list import FeedList
from tui.widgets.reader import EMPTY_HINT, Reader
from tui.widgets.search_bar import SearchBar
from tui.widgets.status_bar import StatusBar
from tui.widgets.timeline import TimelinePane
from tui.watching import ChangeWatching


def settle_memory() -> None:
    """Keep what exists now (modules, widgets, the database's metadata) out of the cycle collector's scans.

    A full collection walks every tracked object: with the desk open that took 100–400 ms on this
    2-core machine, every dozen presses of `j`, and froze the desk while it ran. Frozen objects are
    still freed by reference counting; only cycles among them would outlive the desk, and they are
    what the desk holds until it closes anyway.
    """
    gc.freeze()


class PantauApp(App[None]):
    """The monitoring desk: the main screen's panes, and the plain objects that act on them."""

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

    def __init__(self, engine: Engine, settings: Settings, *, poll: bool = True, read_only: bool = False,
                 poll_interval_s: float | None = None) -> None:
        """Start multiprocessing's resource tracker here, before Textual owns the terminal: it is given
        stderr's descriptor, which Textual replaces. The poller's extraction processes start with its
        first cycle, after the feed is painted (see `tui.polling`)."""
        super().__init__()
        resource_tracker.ensure_running()
        self.engine = engine
        self.store = DeskStore(engine)
        self.settings = settings
        self.read_only = read_only
        self.zone = zone_named(settings.timezone)
        self.desk = MainScreen(self.store, settings, self.zone)
        self.feed_list.order = ORDERS[settings.sort]
        self.tagging = HandTagging(self)
        self.reading = Reading(self)
        self.search = Search(self)
        self.polling = Polling(self, scheduled=poll and not read_only, period_s=poll_interval_s)
        self._memory_settled = False
        self._last_failure = ""
        self.watching = ChangeWatching(self)
        self.sub_title = engine.url.render_as_string(hide_password=True)

    def get_default_screen(self) -> Screen:
        return self.desk

    def on_mount(self) -> None:
        fit_to_size(self, self.size)
        self.tagging.label_keys()
        self._apply_settings()
        self.watching.start()
        self.search.load_saved()

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
    def search_bar(self) -> SearchBar:
        """The bar above the panes, hidden until needed."""
        return self.desk.search

    @property
    def current_article(self) -> ArticleRow | None:
        """The row under the feed's cursor, for commands that act on it."""
        return self.feed_list.current

    @property
    def current_view(self) -> ArticleView | None:
        """The article the reader shows."""
        return self.reader.view

    def refused_as_read_only(self) -> bool:
        """On a read-only desk, say once per attempt that writing is off; True when refused."""
        if self.read_only:
            self.notify(READ_ONLY, title="Read-only", severity="warning")
        return self.read_only

    # Routing between the panes ----------------------------------------------------------

    @on(FeedList.Started)
    def _feed_started(self, message: FeedList.Started) -> None:
        """The feed's first page is painted: settle what the desk holds, start polling; an empty feed (a search
        that found none) clears the reader and the actors of the article shown before, so none seems to match."""
        if message.empty:
            self.reader.clear(no_match(self.search.filter_text) if self.search.filter_text else EMPTY_HINT)
            self.actors.clear()
        if not self._memory_settled:
            self._memory_settled = True
            settle_memory()
            self.actors.recount()
            self.status_bar.load_health()
        self.polling.start()

    @on(FeedList.Opened)
    def _opened(self, message: FeedList.Opened) -> None:
        if not self.read_only:
            self.reading.mark(message.article_id, True)
        self.reader.focus()

    @on(FeedList.ReadToggled)
    def _read_toggled(self, message: FeedList.ReadToggled) -> None:
        self.reading.mark(message.article_id, message.read)

    @on(ActorsPane.Chosen)
    def _actor_chosen(self, message: ActorsPane.Chosen) -> None:
        name = message.name.replace('"', "")
        self.search.apply(f'actor:"{name}"')

    @on(TimelinePane.CellChosen)
    def _cell_chosen(self, message: TimelinePane.CellChosen) -> None:
        self.search.apply(f"kab:{message.code} since:{message.start.isoformat()} until:{message.end.isoformat()}")

    @on(SearchBar.Changed)
    @on(SearchBar.Submitted)
    @on(SearchBar.Dismissed)
    @on(SearchBar.SaveRequested)
    def _search_bar(self, message: SearchBar.Changed | SearchBar.Submitted | SearchBar.Dismissed |
                    SearchBar.SaveRequested) -> None:
        self.search.bar_said(message)

    # Other connections' commits ---------------------------------------------------------

    def on_unmount(self) -> None:
        self.watching.close()

    def on_desk_changed(self, message: DeskChanged) -> None:
        """Tell the desk's panes, and the folders when they are open, what other connections changed."""
        tables = {change.table for change in message.changes}
        self.desk.changed(tables)
        folders = self.screen_stack[-1] if self.screen_stack else None  # none left while the app closes
        if isinstance(folders, FoldersScreen):
            folders.recount()

    # Keys and commands -----------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """ctrl+l is offered (in the key strip) only while a filter is applied."""
        if action == "clear_filter" and not self.search.filter_text:
            return False
        return super().check_action(action, parameters)

    def action_tag(self, command: str, *args: object) -> None:
        """The tagging keys (bound on the feed and the reader): `command` names a method of `HandTagging`."""
        getattr(self.tagging, command)(*args)

    def action_read(self, command: str, *args: object) -> None:
        """The reading keys (bound on the feed and the reader): `command` names a method of `Reading`."""
        getattr(self.reading, command)(*args)

    def action_search(self) -> None:
        """Open the search bar on the current filter. The bar is the desk's: from the Feeds screen (whose footer
        offers `/`) or the help, back to the desk first, or the keys typed after `/` went nowhere."""
        while self.screen is not self.desk and len(self.screen_stack) > 1:
            self.pop_screen()
        self.search.open()

    def action_clear_filter(self) -> None:
        """Show the whole feed again."""
        self.search.clear()

    def action_poll_all(self) -> None:
        """Poll every enabled feed now, due or not."""
        self.polling.poll_all()

    def action_poll_feed(self) -> None:
        """Poll the selected article's feed now."""
        self.polling.poll_feed()

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.desk.help_groups(PantauApp.BINDINGS, self.tagging.type_key_order),
                                        self.settings.keymap))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's palette commands without its "Keys" panel: beside "Show keys" (the desk's own help) it
        read as the same thing, and the panel it opens does not close with escape as the help does."""
        return (command for command in super().get_system_commands(screen) if command.title != "Keys")

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

    # Failures --------------------------------------------------------------------------

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self._report(event.worker)

    @on(WorkFailed)
    def _pane_work_failed(self, message: WorkFailed) -> None:
        self._report(message.worker)

    def _report(self, worker: Worker) -> None:
        """Every worker's failure ends here: say what failed, keep the desk running.

        A failure that repeats itself (a poll cycle failing the same way every tick) is
        shown once, until a different one comes along.
        """
        self.log.error(f"worker {worker.name!r} failed", worker.error)
        message = plain_line(f"{worker.description or worker.name} failed: {worker.error}")
        if message == self._last_failure:
            return
        self._last_failure = message
        self.notify(message, title="Something went wrong", severity="error", timeout=8, markup=False)


def make_app(settings: Settings, **kwargs) -> PantauApp:
    """The desk on the database that `settings` names; keyword arguments go to PantauApp."""
    return PantauApp(make_engine(settings.db_url), settings, **kwargs)
