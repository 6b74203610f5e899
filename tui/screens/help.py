"""Help: every key binding of the desk, grouped by where it works, then the search bar's syntax."""

from collections.abc import Mapping, Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.keys import format_key
from textual.screen import ModalScreen
from textual.widgets import Static

from core.plain_text import plain_line
from core.vocabulary import type_names

BindingGroup = tuple[str, Sequence[BindingType]]

SEARCH_SYNTAX = (
    ("buruh polisi", "articles with every word"),
    ('"unjuk rasa"', "the phrase"),
    ("buruh OR mogok", "either"),
    ("-ojek, NOT ojek", "leave out the word (or a filter: -kab:36.04)"),
    ("polres*", "every word it starts: Polres, Polresta, Polrestabes; -polres* leaves them all out"),
    ("kapol", "the last word typed, from 3 letters, when no article has it whole: the words it starts (Kapolres)"),
    ('actor:"Condro Sasongko"', "an actor named so"),
    ("kab:36.04  kab:serang", "a kabupaten/kota by code or name; prov:36, prov:banten a province"),
    ("type:escort", f"an engagement's own type, as the feed names it: {type_names()}"),
    ("tag:pemilu  feed:kilas", "a free tag; a feed by id, title or address"),
    ("since:7d  until:2025-12-07", "from / to a day: 2025-12-01, or 7d 2w 3m 1y back from today"),
    ("is:unread  is:starred", "also is:read, and is:hidden for articles marked not relevant"),
    ("is:review", "articles whose engagements the tagger is unsure of, until you confirm (c) or correct them"),
)
"""The search bar's language as README's "Search syntax" tells it (storage.search_parser reads it)."""


def keys_for(binding: Binding, keymap: Mapping[str, str]) -> str:
    """The keys a binding answers to, after the user's remapping, as people write them ("?", not "question_mark")."""
    keys = keymap.get(binding.id, binding.key) if binding.id else binding.key
    return ", ".join(_display(key.strip()) for key in keys.split(","))


def _display(key: str) -> str:
    *modifiers, name = key.split("+")
    return "+".join([*modifiers, format_key(name)])


def _as_binding(binding: BindingType) -> Binding:
    return binding if isinstance(binding, Binding) else Binding(*binding)


def search_syntax_table() -> Table:
    """SEARCH_SYNTAX under its own heading: what can be typed after `/`."""
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=True)
    table.add_column("query", style="bold", no_wrap=True)
    table.add_column("finds")
    table.add_row(Text("Search (/)", style="underline"), "")
    for query, finds in SEARCH_SYNTAX:
        table.add_row(Text(query), Text(finds))
    return table


def bindings_table(groups: Sequence[BindingGroup], keymap: Mapping[str, str]) -> Table:
    """One table with a heading row per group and one row per binding id."""
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=True)
    table.add_column("keys", style="bold", no_wrap=True)
    table.add_column("what")
    table.add_column("id", style="dim", no_wrap=True)
    for title, bindings in groups:
        table.add_row(Text(title, style="underline"), "", "")
        for binding in map(_as_binding, bindings):
            table.add_row(Text(keys_for(binding, keymap)), Text(plain_line(binding.description)), Text(binding.id or ""))
        table.add_row("", "", "")
    return table


class HelpScreen(ModalScreen[None]):
    """A modal list of the bindings; escape, F1 or q closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "dismiss", "Close help", id="help.close"),
        Binding("j,down", "scroll_down", "Scroll down", id="help.scroll_down", show=False),
        Binding("k,up", "scroll_up", "Scroll up", id="help.scroll_up", show=False),
    ]

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        & > VerticalScroll {
            width: 90;
            max-width: 100%;
            height: 80%;
            border: round $accent;
            border-title-align: center;
            background: $surface;
            padding: 0 1;
        }
    }
    """

    def __init__(self, groups: Sequence[BindingGroup], keymap: Mapping[str, str]) -> None:
        super().__init__()
        self.groups = groups
        self.keymap = keymap

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "Pantau keys"
            scroll.border_subtitle = "escape closes · remap keys by id in config.toml, table keymap"
            yield Static(bindings_table(self.groups, self.keymap), id="help-table")
            yield Static(search_syntax_table(), id="help-search")

    def action_scroll_down(self) -> None:
        self.query_one(VerticalScroll).scroll_down()

    def action_scroll_up(self) -> None:
        self.query_one(VerticalScroll).scroll_up()
