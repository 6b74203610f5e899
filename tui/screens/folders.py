"""Folders: the whole feed, the starred articles and each saved search, with their unread and total counts,
counted again whenever the desk changes while the list is open; enter shows that folder in the feed."""

from datetime import tzinfo
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from core.plain_text import plain_line
from storage.desk import DeskStore, Folder


def folder_line(folder: Folder, name_width: int) -> Text:
    """`name   12 unread / 340`, unread in bold when there are any; a query that no longer parses says why.

    A name longer than `name_width` is cut with an ellipsis: whole, it pushed its counts onto a row of their own.
    """
    text = Text(no_wrap=True, overflow="ellipsis")
    name = plain_line(folder.name)
    if len(name) > name_width:
        name = name[:name_width - 1] + "…"
    text.append(f"{name:<{name_width}}  ", style="bold" if folder.unread else "")
    if folder.problem:
        text.append(plain_line(f"cannot search: {folder.problem}"), style="italic")
        return text
    text.append(f"{folder.unread:>6,} unread", style="bold" if folder.unread else "dim")
    text.append(f" / {folder.total:,}", style="dim")
    return text


class FoldersScreen(ModalScreen[str | None]):
    """Pick a folder; its query filters the feed (the whole feed for "All articles")."""

    DEFAULT_CSS = """
    FoldersScreen { align: center middle; }
    FoldersScreen > Vertical { width: 80; max-width: 100%; height: auto; max-height: 80%; border: round $accent;
                               padding: 0 1; background: $panel; }
    FoldersScreen OptionList, FoldersScreen OptionList:focus { height: auto; max-height: 20; border: none; }
    FoldersScreen .hint { color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Close", id="folders.close"),
        Binding("j", "cursor(1)", "Next folder", id="folders.down", show=False),
        Binding("k", "cursor(-1)", "Previous folder", id="folders.up", show=False),
    ]

    class Counted(Message):
        def __init__(self, counted: list[Folder]) -> None:
            super().__init__()
            self.counted = counted

    def __init__(self, store: DeskStore, zone: tzinfo) -> None:
        super().__init__()
        self.store = store
        self.zone = zone
        self.folders: list[Folder] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Folders", classes="title")
            yield OptionList(id="folders")
            yield Label("enter shows the folder · escape closes · ctrl+s in the search bar saves one",
                        classes="hint")

    def on_mount(self) -> None:
        self.recount()

    @work(thread=True, exclusive=True, group="folders", exit_on_error=False, description="Counting folders")
    def recount(self) -> None:
        """Count every folder again (the app calls this when the desk changes)."""
        self.post_message(self.Counted(self.store.folders(self.zone)))

    def on_folders_screen_counted(self, message: Counted) -> None:
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        self.folders = message.counted
        width = min(max((len(folder.name) for folder in self.folders), default=0), 40)
        options.clear_options()
        options.add_options(Option(folder_line(folder, width), id=str(index))
                            for index, folder in enumerate(self.folders))
        options.highlighted = highlighted if highlighted is not None else 0
        options.focus()

    @property
    def lines(self) -> list[str]:
        """The folders as listed now."""
        options = self.query_one(OptionList)
        return [str(options.get_option_at_index(index).prompt) for index in range(options.option_count)]

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.folders[int(event.option.id)].query)

    def action_cursor(self, step: int) -> None:
        options = self.query_one(OptionList)
        options.action_cursor_down() if step > 0 else options.action_cursor_up()
