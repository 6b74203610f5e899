"""The desk: panes side by side, the status bar and the footer.

Issue 5 adds the actors and timeline panes to `#panes`; its grid then gets a second row.
"""

from datetime import tzinfo
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container
from textual.screen import Screen
from textual.widgets import Footer, Header

from tui.screens.feeds import FeedsScreen
from tui.widgets.feed_list import FeedList
from tui.widgets.reader import Reader
from tui.widgets.status_bar import StatusBar


class MainScreen(Screen[None]):
    """The incoming feed on the left, the reader on the right.

    The panes are made with the screen, so the app can reach them from any handler,
    even one that runs while the screen is being torn down.
    """

    AUTO_FOCUS = "#feed"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "app.focus_next", "Next pane", id="desk.next_pane", show=False),
        Binding("shift+tab", "app.focus_previous", "Previous pane", id="desk.previous_pane", show=False),
        Binding("f", "open_feeds", "Feeds", id="desk.feeds"),
    ]

    def __init__(self, zone: tzinfo, **kwargs) -> None:
        super().__init__(**kwargs)
        self.feed = FeedList(zone=zone, id="feed", classes="pane")
        self.feed.border_title = "Incoming"
        self.reader = Reader(zone=zone, id="reader", classes="pane")
        self.reader.border_title = "Reader"
        self.status = StatusBar(zone=zone, id="status")

    def action_open_feeds(self) -> None:
        """The Feeds screen: every feed's health, and adding, removing and re-enabling feeds."""
        self.app.push_screen(FeedsScreen(self.app.engine, self.app.zone))

    def compose(self) -> ComposeResult:
        yield Header()
        with Container(id="panes"):
            yield self.feed
            yield self.reader
        yield self.status
        yield Footer()
