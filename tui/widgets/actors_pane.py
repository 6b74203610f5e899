"""The actors pane: who the selected article names, and who the news named most lately.

Both lists are a few dozen lines at most, so one OptionList holds them, with a heading line
above each part. Names come from articles: every line is plain `Text`, never markup.
"""

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from storage.actor_stats import ActorCount
from storage.tags import MentionView

PERIODS_DAYS = (7, 30)
KIND_LABELS = {"police": "police", "labour": "labour", "government": "govt", "company": "company", "person": "person"}
KIND_WIDTH = 8


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind)[:KIND_WIDTH]


def display_name(name: str, organisation: str | None, unit: str | None, position: str | None) -> str:
    """What an actor is called: its name, else the body or post the article gives."""
    return name or organisation or unit or position or "(unnamed)"


def mention_line(mention: MentionView) -> Text:
    """kind · rank or position · name · organisation or unit."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(f"{kind_label(mention.kind):<{KIND_WIDTH}} ", style=f"bold {kind_colour(mention.kind)}")
    title = " ".join(part for part in (mention.rank, mention.position) if part)
    if title:
        text.append(f"{title} ", style="italic")
    name = display_name(mention.name, mention.organisation, mention.unit, mention.position)
    text.append(name, style="bold")
    body = ", ".join(part for part in (mention.organisation, mention.unit) if part and part != name)
    if body:
        text.append(f" · {body}", style="dim")
    if mention.source != "auto":
        text.append(" (manual)", style="dim italic")
    return text


def count_line(count: ActorCount) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(f"{count.articles:>4} ", style="bold")
    text.append(f"{kind_label(count.kind):<{KIND_WIDTH}} ", style=kind_colour(count.kind))
    name = display_name(count.name, count.organisation, count.unit, count.position)
    text.append(name)
    body = ", ".join(part for part in (count.organisation, count.unit) if part and part != name)
    if body:
        text.append(f" · {body}", style="dim")
    return text


def kind_colour(kind: str) -> str:
    return {"police": "blue", "labour": "red", "government": "green", "company": "magenta"}.get(kind, "yellow")


def unique_mentions(mentions: Sequence[MentionView]) -> list[MentionView]:
    """One line per actor: an article naming the same office twice lists it once."""
    seen: set[int] = set()
    unique = []
    for mention in mentions:
        if mention.actor_id not in seen:
            seen.add(mention.actor_id)
            unique.append(mention)
    return unique


class ActorsPane(OptionList, inherit_bindings=False):
    """The selected article's actors above the most-named actors of the last 7 or 30 days."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Next actor", id="actors.cursor_down", show=False),
        Binding("k,up", "cursor_up", "Previous actor", id="actors.cursor_up", show=False),
        Binding("home", "first", "First actor", id="actors.first", show=False),
        Binding("end", "last", "Last actor", id="actors.last", show=False),
        Binding("enter", "select", "Filter by actor", id="actors.filter"),
        Binding("w", "toggle_period", "7/30 days", id="actors.period"),
    ]

    DEFAULT_CSS = """
    ActorsPane {
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    class PeriodChanged(Message):
        """The most-named list should cover another number of days."""

        def __init__(self, days: int) -> None:
            super().__init__()
            self.days = days

    class Chosen(Message):
        """The user picked an actor: the feed should show the articles naming it."""

        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.days = PERIODS_DAYS[0]
        self.mentions: list[MentionView] = []
        self.top: list[ActorCount] = []
        self._article_loaded = False
        self._names_by_id: dict[str, str] = {}

    def on_mount(self) -> None:
        self._rebuild()

    def show_mentions(self, mentions: Sequence[MentionView] | None) -> None:
        """The actors of the selected article; None while no article is selected."""
        self.mentions = unique_mentions(mentions or [])
        self._article_loaded = mentions is not None
        self._rebuild(keep_highlight=False)

    def show_top(self, days: int, top: Sequence[ActorCount]) -> None:
        if days != self.days:
            return
        self.top = list(top)
        self._rebuild(keep_highlight=True)

    @property
    def names(self) -> list[str]:
        """The filter name of every actor line, in order: the article's actors, then the most named."""
        article = [display_name(m.name, m.organisation, m.unit, m.position) for m in self.mentions]
        return article + [display_name(c.name, c.organisation, c.unit, c.position) for c in self.top]

    def _rebuild(self, keep_highlight: bool = True) -> None:
        previous = self.highlighted if keep_highlight else None
        names = self.names
        options: list[Option | None] = [Option(Text("On this article", style="bold underline"), disabled=True)]
        if self.mentions:
            options += [Option(mention_line(m), id=f"a{i}") for i, m in enumerate(self.mentions)]
        else:
            hint = "no actors tagged" if self._article_loaded else "no article selected"
            options.append(Option(Text(hint, style="dim italic"), disabled=True))
        options.append(Option(Text(f"Most named, last {self.days} days", style="bold underline"), disabled=True))
        offset = len(self.mentions)
        if self.top:
            options += [Option(count_line(c), id=f"a{offset + i}") for i, c in enumerate(self.top)]
        else:
            options.append(Option(Text("nobody named", style="dim italic"), disabled=True))
        self._names_by_id = {f"a{i}": name for i, name in enumerate(names)}
        with self.app.batch_update():
            self.clear_options()
            self.add_options(options)
            if previous is not None and previous < self.option_count and not self.get_option_at_index(previous).disabled:
                self.highlighted = previous
            else:
                self.action_first()

    def action_toggle_period(self) -> None:
        """Switch the most-named list between the last 7 and the last 30 days."""
        self.days = PERIODS_DAYS[(PERIODS_DAYS.index(self.days) + 1) % len(PERIODS_DAYS)]
        self.top = []
        self._rebuild()
        self.post_message(self.PeriodChanged(self.days))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        name = self._names_by_id.get(event.option.id or "")
        if name:
            self.post_message(self.Chosen(name))
