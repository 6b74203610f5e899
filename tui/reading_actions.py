"""Reading as in newsboat and Miniflux: next and previous unread, every article shown marked read, the article
opened in the browser, its link copied. Mixed into `PantauApp` (needs `engine`, `source`, `feed_list`, `reader`).

`READING_BINDINGS` are bound on the feed list and the reader, so they never fire while an input has focus.
In the reader, `n` and `N` open the article they land on (it is marked read, as enter would), so reading on
with `n` leaves behind what was read.
"""

import webbrowser

from textual import work
from textual.binding import Binding
from textual.message import Message

from core.plain_text import plain_line
from tui.screens.confirm import ConfirmScreen

READING_BINDINGS: list[Binding] = [
    Binding("n", "app.next_unread(1)", "Next unread", id="read.next_unread"),
    Binding("N", "app.next_unread(-1)", "Previous unread", id="read.previous_unread"),
    Binding("A", "app.mark_shown_read", "All shown read", id="read.mark_shown_read"),
    Binding("o", "app.open_in_browser", "Open in browser", id="read.browser"),
    Binding("y", "app.copy_link", "Copy link", id="read.copy_link"),
]


class ShownMarkedRead(Message):
    """Every article of the feed as shown is stored read now."""

    def __init__(self, generation: int, count: int) -> None:
        super().__init__()
        self.generation = generation
        self.count = count


class ReadingActions:
    """The reading keys of `PantauApp`."""

    def action_next_unread(self, step: int) -> None:
        """Go to the next (1) or previous (-1) unread article; from the reader, open it."""
        self.feed_list.seek_unread(step, open_it=self.reader.has_focus)

    def action_mark_shown_read(self) -> None:
        """Mark every article the feed shows (all of them, or the filter's) read, once confirmed."""
        if self.refused_as_read_only():
            return
        feed = self.feed_list
        total = feed.total
        if not total:
            self.notify("No article to mark read.")
            return
        shown = f"the {total:,} articles matching {self.filter_text}" if self.filter_text else f"all {total:,} articles"
        self.push_screen(ConfirmScreen(plain_line(f"Mark {shown} read?")),
                         lambda sure: self._mark_shown_read(feed.generation, feed.ceiling, feed.arrival_ids)
                         if sure else None)

    @work(thread=True, group="write", exit_on_error=False, description="Marking articles read")
    def _mark_shown_read(self, generation: int, ceiling: int, arrivals: list[int]) -> None:
        self.post_message(ShownMarkedRead(generation, self.source.mark_read(ceiling, arrivals)))

    def on_shown_marked_read(self, message: ShownMarkedRead) -> None:
        self.notify(f"{message.count:,} articles marked read.")
        if message.generation == self.feed_list.generation:
            self.feed_list.hold_position()
            self.restart_feed()

    def _shown_link(self) -> str | None:
        """The address of the article in the reader, if the reader shows the selected one."""
        view, row = self.current_view, self.current_article
        if view is None or row is None or view.article.id != row.id:
            self.notify("No article selected.", severity="warning")
            return None
        return view.article.url

    def action_open_in_browser(self) -> None:
        """Open the selected article's page in the web browser."""
        url = self._shown_link()
        if url:
            self._open_in_browser(url)

    @work(thread=True, group="browser", exit_on_error=False, description="Opening the browser")
    def _open_in_browser(self, url: str) -> None:
        """webbrowser may start a program and wait for it: never on the event loop."""
        if webbrowser.open(url):
            self.call_from_thread(self.notify, plain_line(f"Opened in the browser: {url}"), markup=False)
        else:
            self.call_from_thread(self.notify, plain_line(f"No web browser found on this machine; y copies the "
                                                          f"link: {url}"), severity="warning", markup=False)

    def action_copy_link(self) -> None:
        """Copy the selected article's address to the clipboard (through the terminal: OSC 52)."""
        url = self._shown_link()
        if url:
            self.copy_to_clipboard(url)
            self.notify(plain_line(f"Link copied: {url}"), markup=False)
