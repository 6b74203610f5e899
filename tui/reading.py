"""Reading as in newsboat and Miniflux: next and previous unread, every article shown marked read, the article
opened in the browser, its link copied: `Reading`, a plain object the app holds (`app.reading`).

`READING_BINDINGS` are bound on the feed list and the reader, so they never fire while an input has focus; each
calls `app.read('<command>', ...)`, which runs that method of `Reading`.
In the reader, `n` and `N` open the article they land on (it is marked read, as enter would), so reading on
with `n` leaves behind what was read.
"""

import webbrowser
from functools import partial
from typing import TYPE_CHECKING

from textual.binding import Binding

from core.plain_text import plain_line
from tui.screens.confirm import ConfirmScreen

if TYPE_CHECKING:
    from tui.app import PantauApp

READING_BINDINGS: list[Binding] = [
    Binding("n", "app.read('next_unread', 1)", "Next unread", id="read.next_unread"),
    Binding("N", "app.read('next_unread', -1)", "Previous unread", id="read.previous_unread"),
    Binding("A", "app.read('mark_shown_read')", "All shown read", id="read.mark_shown_read"),
    Binding("o", "app.read('open_in_browser')", "Open in browser", id="read.browser"),
    Binding("y", "app.read('copy_link')", "Copy link", id="read.copy_link"),
]


class Reading:
    """The reading keys: a plain object that acts on the app's feed list and reader."""

    def __init__(self, app: "PantauApp") -> None:
        self.app = app

    def mark(self, article_id: int, read: bool) -> None:
        """Show the new read flag at once; the write follows in a worker."""
        if self.app.refused_as_read_only():
            return
        self.app.feed_list.update_read(article_id, read)
        self.app.run_worker(lambda: self.app.store.set_read(article_id, read), thread=True, group="write",
                            exit_on_error=False, description="Saving the read flag")

    def set_read(self, read: bool) -> None:
        """Mark the article under the cursor read or unread."""
        row = self.app.current_article
        if row is not None:
            self.mark(row.id, read)

    def toggle_read(self) -> None:
        """Flip the read flag of the selected article."""
        row = self.app.current_article
        if row is not None:
            self.set_read(not row.is_read)

    def next_unread(self, step: int) -> None:
        """Go to the next (1) or previous (-1) unread article; from the reader, open it."""
        self.app.feed_list.seek_unread(step, open_it=self.app.reader.has_focus)

    def mark_shown_read(self) -> None:
        """Mark every article the feed shows (all of them, or the filter's) read, once confirmed."""
        app = self.app
        if app.refused_as_read_only():
            return
        feed = app.feed_list
        total = feed.total
        if not total:
            app.notify("No article to mark read.")
            return
        query = app.search.filter_text
        if total == 1:
            shown = f"the one article matching {query}" if query else "the one article"
        else:
            shown = f"the {total:,} articles matching {query}" if query else f"all {total:,} articles"
        app.push_screen(ConfirmScreen(plain_line(f"Mark {shown} read?")),
                        lambda sure: self._mark_shown_read(feed.generation, feed.ceiling, feed.arrival_ids)
                        if sure else None)

    def _mark_shown_read(self, generation: int, ceiling: int, arrivals: list[int]) -> None:
        source = self.app.feed_list.source
        self.app.run_worker(lambda: self.app.call_later(self._marked_read, generation,
                                                        source.mark_read(ceiling, arrivals)),
                            thread=True, group="write", exit_on_error=False, description="Marking articles read")

    def _marked_read(self, generation: int, count: int) -> None:
        """Every article of the feed as shown is stored read now."""
        self.app.notify("1 article marked read." if count == 1 else f"{count:,} articles marked read.")
        if generation == self.app.feed_list.generation:
            self.app.feed_list.hold_position()
            self.app.feed_list.restart()

    def _shown_link(self) -> str | None:
        """The address of the article in the reader, if the reader shows the selected one."""
        view, row = self.app.current_view, self.app.current_article
        if view is None or row is None or view.article.id != row.id:
            self.app.notify("No article selected.", severity="warning")
            return None
        return view.article.url

    def open_in_browser(self) -> None:
        """Open the selected article's page in the web browser."""
        url = self._shown_link()
        if url:
            self.app.run_worker(partial(self._open_in_browser, url), thread=True, group="browser",
                                exit_on_error=False, description="Opening the browser")

    def _open_in_browser(self, url: str) -> None:
        """webbrowser may start a program and wait for it: never on the event loop."""
        if webbrowser.open(url):
            self.app.call_later(self.app.notify, plain_line(f"Opened in the browser: {url}"), markup=False)
        else:
            self.app.call_later(self.app.notify, plain_line(f"No web browser found on this machine; y copies the "
                                                            f"link: {url}"), severity="warning", markup=False)

    def copy_link(self) -> None:
        """Copy the selected article's address to the clipboard (through the terminal: OSC 52)."""
        url = self._shown_link()
        if url:
            self.app.copy_to_clipboard(url)
            self.app.notify(plain_line(f"Link copied: {url}"), markup=False)
