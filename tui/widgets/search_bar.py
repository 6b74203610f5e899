"""The search bar above the panes: the query as typed, its count, and what is wrong with it.

The bar only edits text and says what the user did (messages below); the app parses, queries
and restarts the feed. It stays on screen while a filter is applied, as the reminder that the
feed shows a part of the desk ("filter: kab:36.04  (12)").
"""

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from core.plain_text import plain_line
from tui.widgets.plain_input import PlainInput

DEBOUNCE_S = 0.15
"""A search runs once typing pauses this long, not on every keystroke."""

PLACEHOLDER = 'words, "phrases", -exclude, OR, actor: kab: prov: type: tag: feed: since: until: is:'


class SearchBar(Widget):
    """One line of query with its count, and a line under it for a message about a malformed query."""

    DEFAULT_CSS = """
    SearchBar { height: auto; display: none; padding: 0 1; }
    SearchBar.-shown { display: block; }
    SearchBar > Vertical { height: auto; }
    SearchBar #search-row { height: 1; }
    SearchBar #search-label { width: auto; color: $text-muted; padding-right: 1; }
    SearchBar:focus-within #search-label { color: $accent; text-style: bold; }
    SearchBar Input { width: 1fr; background: $surface; }
    SearchBar #search-count { width: auto; color: $text-muted; padding-left: 2; }
    SearchBar #search-error { color: $text-error; display: none; height: auto; }
    SearchBar.-error #search-error { display: block; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "done", "Back to the list", id="search.done"),
        Binding("ctrl+s", "save", "Save search", id="search.save"),
    ]

    class Changed(Message):
        """The query after typing paused."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, SearchBar.Changed)

    class Submitted(Message):
        """Enter: search for this now and go back to the list."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class Dismissed(Message):
        """Escape: back to the list, keeping the filter."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class SaveRequested(Message):
        """ctrl+s: keep this query under a name."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.input = PlainInput(placeholder=PLACEHOLDER, id="search-input", select_on_focus=False, compact=True)
        """Compact: one row with no border, focused or not (a plain Input gets a tall border back on focus)."""
        self.label = Label("search", id="search-label")
        self.count = Label("", id="search-count")
        self.error = Static("", id="search-error")
        self._debounce: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            with Horizontal(id="search-row"):
                yield self.label
                yield self.input
                yield self.count
            yield self.error

    @property
    def text(self) -> str:
        return self.input.value

    def open(self, text: str) -> None:
        """Show the bar with `text` in it and put the cursor at its end, ready to type."""
        self.add_class("-shown")
        self.set_text(text)
        self.input.focus()

    def set_text(self, text: str) -> None:
        """Put `text` in the bar without searching for it again."""
        with self.input.prevent(Input.Changed):
            self.input.value = text
        self.input.cursor_position = len(text)

    def show_filter(self, text: str, total: int | None, at_least: bool = False) -> None:
        """Keep the bar up as the filter's reminder: its query, and its count once known (`at_least`: so far)."""
        self.add_class("-shown")
        self.label.update("filter:")
        self.count.update("(…)" if total is None else f"(≥ {total:,})" if at_least else f"({total:,})")
        if self.text != text and not self.input.has_focus:
            self.set_text(text)

    def show_unfiltered(self) -> None:
        self.label.update("search")
        self.count.update("")
        self.clear_error()
        if not self.input.has_focus:
            self.remove_class("-shown")

    def show_error(self, message: str, position: int) -> None:
        """Say what is wrong, pointing under the place in the query where it is."""
        pointer = " " * (len("filter: ") + min(position, len(self.text))) + "^ "
        self.error.update(Text(pointer + plain_line(message)))
        self.add_class("-error")

    def clear_error(self) -> None:
        self.remove_class("-error")
        self.error.update("")

    @property
    def has_error(self) -> bool:
        return self.has_class("-error")

    @on(Input.Changed, "#search-input")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self._cancel_debounce()
        self._debounce = self.set_timer(DEBOUNCE_S, lambda: self.post_message(self.Changed(self.text)))

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._cancel_debounce()
        self.post_message(self.Submitted(self.text))

    def action_done(self) -> None:
        """Back to the list; the filter stays until cleared (ctrl+l)."""
        self._cancel_debounce()
        self.post_message(self.Dismissed(self.text))

    def action_save(self) -> None:
        """Save the query under a name, offered again in the command palette."""
        self.post_message(self.SaveRequested(self.text))

    def _cancel_debounce(self) -> None:
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None


class SaveSearchScreen(ModalScreen[str | None]):
    """Ask for the name to save a search under; enter saves, escape cancels."""

    DEFAULT_CSS = """
    SaveSearchScreen { align: center middle; }
    SaveSearchScreen > Vertical {
        width: 70; height: auto; border: round $accent; padding: 0 1; background: $panel;
    }
    SaveSearchScreen Label { width: 1fr; }
    SaveSearchScreen #save-query { color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="save_search.cancel"),
    ]

    def __init__(self, query: str) -> None:
        super().__init__()
        self.query_text = query

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Save this search as:")
            yield Input(value=self.query_text, id="save-name")
            yield Label(Text(plain_line(self.query_text)), id="save-query")
            yield Label("enter saves · escape cancels", classes="hint")

    @on(Input.Submitted, "#save-name")
    def _named(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
