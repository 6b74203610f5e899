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

from tui.widgets.feed_list import FeedList
from tui.widgets.reader import Reader
from tui.widgets.status_bar import StatusBar


class MainScreen(Screen[None]):
    """The incoming feed on the left, the reader on the right."""

    AUTO_FOCUS = "#feed"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "app.focus_next", "Next pane", id="desk.next_pane", show=False),
        Binding("shift+tab", "app.focus_previous", "Previous pane", id="desk.previous_pane", show=False),
    ]

    def __init__(self, zone: tzinfo, **kwargs) -> None:
        super().__init__(**kwargs)
        self.zone = zone

    def compose(self) -> ComposeResult:
        yield Header()
        with Container(id="panes"):
            feed = FeedList(zone=self.zone, id="feed", classes="pane")
            feed.border_title = "Incoming"
            yield feed
            reader = Reader(zone=self.zone, id="reader", classes="pane")
            reader.border_title = "Reader"
            yield reader
        yield StatusBar(zone=self.zone, id="status")
        yield Footer()
