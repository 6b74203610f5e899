"""The desk: four panes (incoming feed and reader above, actors and timeline below), the status bar, the
type legend and the key strip.

Tab and shift+tab go round the panes, alt+1 … alt+4 jump to one, `z` maximises the focused
pane and restores it. Each pane is given the desk's `DeskStore` and reads what it shows itself.
"""

from datetime import tzinfo
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Header

from storage.desk import DeskStore
from tui.config import Settings
from tui.hand_tagging import TAGGING_BINDINGS, help_bindings
from tui.reading import READING_BINDINGS
from tui.screens.feeds import FeedsScreen
from tui.screens.folders import FoldersScreen
from tui.screens.help import BindingGroup, HelpScreen
from tui.widgets.actors_pane import ActorsPane
from tui.widgets.feed_list import FeedList
from tui.widgets.key_strip import KeyStrip
from tui.widgets.search_bar import SearchBar
from tui.widgets.reader import Reader
from tui.widgets.status_bar import StatusBar
from tui.widgets.timeline import TimelinePane
from tui.widgets.type_legend import TypeLegend

PANES = ("feed", "reader", "actors", "timeline")
PANE_TITLES = ("Incoming", "Reader", "Actors", "Timeline")
REFRESH_DELAY_S = 0.5
"""Tag changes come in bursts (a poll tags article after article): the panes that count them wait this long."""
NEIGHBOURS = (1, 2, -1)
"""Rows around the cursor read along with the selected article, so the next `j` or `k` finds them ready."""
ALT_DIGIT_KEYS = ("inverted_exclamation_mark", "trade_mark_sign", "pound_sign", "cent_sign")
"""What Textual makes of alt+1 … alt+4 from xterm and tmux (ESC then the digit): the characters macOS's
Option key types. Terminals with the kitty keyboard protocol report plain alt+1, which the bindings take."""


class MainScreen(Screen[None]):
    """The incoming feed and the reader above, the actors and the timeline below.

    The panes are made with the screen, so the app can reach them from any handler,
    even one that runs while the screen is being torn down.
    """

    AUTO_FOCUS = "#feed"
    ALLOW_IN_MAXIMIZED_VIEW = "#top-bar, KeyStrip, StatusBar, TypeLegend"
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-short"), (36, "-tall")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "app.focus_next", "Next pane", id="desk.next_pane", show=False),
        Binding("shift+tab", "app.focus_previous", "Previous pane", id="desk.previous_pane", show=False),
        *(
            Binding(f"alt+{number}", f"focus_pane('{pane}')", f"Go to {title} ({number})", id=f"desk.pane_{number}",
                    show=False)  # named as its border is: "Go to pane 3" left a newcomer counting panes
            for number, (pane, title) in enumerate(zip(PANES, PANE_TITLES), start=1)
        ),
        Binding("z", "toggle_maximise", "Maximise/restore pane", id="desk.maximise"),
        Binding("f", "open_feeds", "Feeds", id="desk.feeds"),
        Binding("g", "open_folders", "Folders", id="desk.folders"),
    ]

    def __init__(self, store: DeskStore, settings: Settings, zone: tzinfo, **kwargs) -> None:
        super().__init__(**kwargs)
        self.store = store
        self.zone = zone
        self.feed = FeedList(store, zone, settings.watch_terms, settings.watch_bell, id="feed", classes="pane")
        self.feed.border_title = PANE_TITLES[0]
        self.reader = Reader(store, zone, id="reader", classes="pane")
        self.reader.border_title = PANE_TITLES[1]
        self.actors = ActorsPane(store, zone, id="actors", classes="pane")
        self.actors.border_title = PANE_TITLES[2]
        self.timeline = TimelinePane(store, id="timeline", classes="pane")
        self.timeline.border_title = PANE_TITLES[3]
        for number, pane in enumerate(self.panes, start=1):
            pane.border_title = f"{number} {pane.border_title}"
        self.search = SearchBar(id="search")
        self.status = StatusBar(store, zone, id="status")
        self.type_legend = TypeLegend(settings.type_keys, settings.keymap, id="type-legend")
        self._recount_timer: Timer | None = None

    @on(FeedList.Highlighted)
    def _highlighted(self, message: FeedList.Highlighted) -> None:
        """The reader and the actors follow the feed's cursor; the articles around it are read ahead."""
        rows = (self.feed.row_at(self.feed.cursor + step) for step in NEIGHBOURS)
        self.reader.select(message.article_id, [row.id for row in rows if row is not None])
        self.actors.select(message.article_id)

    @on(FeedList.NewCountChanged)
    def _new_count_changed(self, message: FeedList.NewCountChanged) -> None:
        self.status.new_count = message.count

    def changed(self, tables: set[str]) -> None:
        """Other connections committed to `tables`: new articles go on top of the feed at once; the counting
        panes follow after a short pause."""
        if tables & {"*", "article"}:
            self.reader.forget_articles()
            self.feed.check_arrivals()
        if tables - {"article"}:
            self.feed.refresh_details()  # the rows' kabupaten, type and markers
            if self._recount_timer is not None:
                self._recount_timer.stop()
            self._recount_timer = self.set_timer(REFRESH_DELAY_S, self._recount)

    def _recount(self) -> None:
        """Tags changed: count the timeline and the most-named actors again, and read the selected article's
        actors and tags (the reader's type, place and highlights) again."""
        self._recount_timer = None
        self.timeline.recount()
        self.actors.recount()
        self.reader.reload_tagging()

    @property
    def panes(self) -> tuple[Widget, ...]:
        """The four panes in the order of their numbers."""
        return (self.feed, self.reader, self.actors, self.timeline)

    def pane_of(self, widget: Widget | None) -> Widget | None:
        """The pane holding `widget` (or being it)."""
        while widget is not None and widget not in self.panes:
            widget = widget.parent if isinstance(widget.parent, Widget) else None
        return widget

    def action_focus_pane(self, pane_id: str) -> None:
        """Focus a pane; with a pane maximised, the chosen one takes its place."""
        pane = self.query_one(f"#{pane_id}")
        if self.maximized is not None:
            self.maximize(pane, container=False)
        pane.focus()

    def on_key(self, event: events.Key) -> None:
        """alt+1 … alt+4 as xterm and tmux send them; a text field with focus takes the characters first."""
        if event.key in ALT_DIGIT_KEYS:
            event.stop()
            self.action_focus_pane(PANES[ALT_DIGIT_KEYS.index(event.key)])

    def set_focus(self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False) -> None:
        """Focus never rests on a pane hidden behind a maximised one: the focused pane takes its place.

        Enter on a timeline cell filters the feed and focuses it, enter on an article focuses the reader;
        with another pane maximised, the next key would act on a pane nobody can see. Done as the focus
        moves, not when the focus event arrives, so a `z` pressed meanwhile is not undone. The type legend
        is bright where the number keys tag.
        """
        super().set_focus(widget, scroll_visible, from_app_focus)
        pane = self.pane_of(self.focused)
        self.type_legend.set_active(pane in (self.feed, self.reader))
        if self.maximized is not None and pane is not None and pane is not self.maximized:
            self.maximize(pane, container=False)

    def action_toggle_maximise(self) -> None:
        """Let the focused pane fill the desk, or put it back."""
        if self.maximized is not None:
            self.minimize()
            return
        pane = self.pane_of(self.focused)
        if pane is not None:
            self.maximize(pane, container=False)

    def action_open_feeds(self) -> None:
        """The Feeds screen: every feed's health, and adding, removing and re-enabling feeds."""
        self.app.push_screen(FeedsScreen(self.store, self.zone))

    def action_open_folders(self) -> None:
        """The folders (every article, the starred, each saved search) with their unread counts; enter shows one."""
        self.app.push_screen(FoldersScreen(self.store, self.zone), self._folder_chosen)

    def _folder_chosen(self, query: str | None) -> None:
        if query == "":
            self.app.search.clear()
        elif query is not None:
            self.app.search.apply(query)

    def help_groups(self, desk_bindings: list[BindingType], type_keys: list[str]) -> list[BindingGroup]:
        """The help screen's groups: the desk's keys (the app's `desk_bindings` and this screen's), each pane's,
        the keys the feed and the reader share, and the search bar's."""
        shared = [*TAGGING_BINDINGS, *READING_BINDINGS]
        return [
            ("Desk", [*desk_bindings, *MainScreen.BINDINGS]),
            ("Incoming feed", [binding for binding in FeedList.BINDINGS if binding not in shared]),
            ("Reader", [binding for binding in Reader.BINDINGS if binding not in shared]),
            ("Reading (feed and reader)", READING_BINDINGS),
            ("Tagging (feed and reader)", help_bindings(type_keys)),
            ("Actors", ActorsPane.BINDINGS),
            ("Timeline", TimelinePane.BINDINGS),
            ("Search bar", SearchBar.BINDINGS),
            ("Help", HelpScreen.BINDINGS),
        ]

    def compose(self) -> ComposeResult:
        with Vertical(id="top-bar"):
            yield Header()
            yield self.search
        with Container(id="panes"):
            with Horizontal(id="top-panes"):
                yield self.feed
                yield self.reader
            with Horizontal(id="bottom-panes"):
                yield self.actors
                yield self.timeline
        yield self.status
        yield self.type_legend
        yield KeyStrip(id="key-strip")
