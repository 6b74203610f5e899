"""The actors pane: who the selected article names, and who the news named most lately.

Both lists are a few dozen lines at most: the pane draws them itself, with a heading line above
each part and a cursor on the actor lines. Names come from articles: every line is plain `Text`, never markup.

The pane reads both lists itself, in its own workers through the desk's `DeskStore`.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone, tzinfo
from typing import ClassVar

from rich.text import Text
from textual import events, work
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.worker import Worker

from core.plain_text import plain_line
from core.vocabulary import actor_kind_short
from storage.desk import ActorCount, DeskStore, MentionView
from tui.messages import MentionsLoaded, TopActorsLoaded, forward_failure

PERIODS_DAYS = (7, 30)
KIND_WIDTH = 8
DETAILS_DELAY_S = 0.08
"""While `j` repeats in the feed, the selected article's actors wait until the cursor rests this long."""


def kind_label(kind: str) -> str:
    return actor_kind_short(kind)[:KIND_WIDTH]


def display_name(name: str, organisation: str | None, unit: str | None, position: str | None) -> str:
    """What an actor is called (as plain text): its name, else the body or post the article gives."""
    return plain_line(name or organisation or unit or position) or "(unnamed)"


def mention_line(mention: MentionView) -> Text:
    """kind · position, rank, name (as the Indonesian press writes them: "Kapolres AKBP Y") · organisation or unit."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(f"{kind_label(mention.kind):<{KIND_WIDTH}} ", style=f"bold {kind_colour(mention.kind)}")
    name = display_name(mention.name, mention.organisation, mention.unit, mention.position)
    # A post that stands in for the name ('Gubernur' alone) is said once, not 'Gubernur Gubernur'.
    position = mention.position if plain_line(mention.position) != name else None
    title = plain_line(" ".join(part for part in (position, mention.rank) if part))
    if title:
        text.append(f"{title} ", style="italic")
    text.append(name, style="bold")
    body = plain_line(", ".join(part for part in (mention.organisation, mention.unit) if part and part != name))
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
    body = plain_line(", ".join(part for part in (count.organisation, count.unit) if part and part != name))
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


@dataclass(frozen=True)
class Line:
    """One line of the pane: a heading or hint (no name), or an actor enter can filter by."""

    text: Text
    name: str | None = None


class ActorsPane(Widget, can_focus=True):
    """The selected article's actors above the most-named actors of the last 7 or 30 days.

    A plain widget drawing its few lines, not an OptionList: rebuilding a list widget on every
    `j` in the feed costs a layout of the whole desk, redrawing a few lines costs nothing.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "move(1)", "Next actor", id="actors.cursor_down", show=False),
        Binding("k,up", "move(-1)", "Previous actor", id="actors.cursor_up", show=False),
        Binding("home", "edge(-1)", "First actor", id="actors.first", show=False),
        Binding("end", "edge(1)", "Last actor", id="actors.last", show=False),
        Binding("enter", "choose", "Filter by actor", id="actors.filter"),
        Binding("w", "toggle_period", "7/30 days", id="actors.period"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"actors-pane--cursor"}

    DEFAULT_CSS = """
    ActorsPane {
        text-wrap: nowrap;
        text-overflow: ellipsis;
        & > .actors-pane--cursor { background: $block-cursor-blurred-background; }
        &:focus > .actors-pane--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
    }
    """

    class Chosen(Message):
        """The user picked an actor: the feed should show the articles naming it."""

        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

    def __init__(self, store: DeskStore | None = None, zone: tzinfo = timezone.utc, **kwargs) -> None:
        super().__init__(**kwargs)
        self.store = store
        self.clock: Callable[[], datetime] = lambda: datetime.now(timezone.utc)
        """What "now" is for the last 7 / 30 days; tests fix it."""
        self.selected_id: int | None = None
        """The article the feed's cursor is on."""
        self._mentions_timer: Timer | None = None
        self.zone = zone
        self.days = PERIODS_DAYS[0]
        self.period_end: datetime | None = None
        """Where the most-named period ends when not now: the newest article, when it is older than the period."""
        self.mentions: list[MentionView] = []
        self.top: list[ActorCount] = []
        self.lines: list[Line] = []
        self.cursor = 0
        self._top_line = 0
        self._article_loaded = False
        self._rebuild()

    # Reading -------------------------------------------------------------------------

    def select(self, article_id: int) -> None:
        """Read the actors of the article under the feed's cursor once the cursor rests."""
        self.selected_id = article_id
        if self._mentions_timer is not None:
            self._mentions_timer.stop()
        self._mentions_timer = self.set_timer(DETAILS_DELAY_S, lambda: self._mentions_wanted(article_id))

    def clear(self) -> None:
        """No article is selected: the actors of the one shown before must not stay, as if they matched."""
        self.selected_id = None
        self.show_mentions(None)

    def recount(self) -> None:
        """Tags changed: count the most named again, and read the selected article's actors again."""
        self._read_top(self.days)
        if self.selected_id is not None:
            self._read_mentions(self.selected_id)

    def _mentions_wanted(self, article_id: int) -> None:
        self._mentions_timer = None
        if article_id == self.selected_id:
            self._read_mentions(article_id)

    @work(thread=True, exclusive=True, group="mentions", exit_on_error=False, description="Reading the article's actors")
    def _read_mentions(self, article_id: int) -> None:
        self.post_message(MentionsLoaded(article_id, self.store.mentions(article_id)))

    def on_mentions_loaded(self, message: MentionsLoaded) -> None:
        message.stop()
        if message.article_id == self.selected_id:
            self.show_mentions(message.mentions)

    @work(thread=True, exclusive=True, group="top-actors", exit_on_error=False, description="Counting actors")
    def _read_top(self, days: int) -> None:
        top, end = self.store.top_actors(days, self.clock())
        self.post_message(TopActorsLoaded(days, top, end))

    def on_top_actors_loaded(self, message: TopActorsLoaded) -> None:
        message.stop()
        self.show_top(message.days, message.actors, message.end)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        forward_failure(self, event)

    # Showing ---------------------------------------------------------------------------

    @property
    def article_loaded(self) -> bool:
        """The selected article's actors are shown (or that it has none)."""
        return self._article_loaded

    def show_mentions(self, mentions: Sequence[MentionView] | None) -> None:
        """The actors of the selected article; None while no article is selected."""
        unique = unique_mentions(mentions or [])
        if unique == self.mentions and self._article_loaded == (mentions is not None):
            return
        self.mentions = unique
        self._article_loaded = mentions is not None
        self._rebuild(keep_cursor=False)

    def show_top(self, days: int, top: Sequence[ActorCount], end: datetime | None = None) -> None:
        if days != self.days or (list(top) == self.top and end == self.period_end):
            return
        self.top = list(top)
        self.period_end = end
        self._rebuild()

    @property
    def top_heading(self) -> str:
        """"Most named, last 7 days", or up to the newest article when it is older than that."""
        if self.period_end is None:
            return f"Most named, last {self.days} days"
        return f"Most named, {self.days} days to {self.period_end.astimezone(self.zone):%d %b %Y}"

    @property
    def names(self) -> list[str]:
        """The filter name of every actor line, in order: the article's actors, then the most named."""
        return [line.name for line in self.lines if line.name is not None]

    @property
    def plain_lines(self) -> list[str]:
        return [line.text.plain for line in self.lines]

    @property
    def chosen_name(self) -> str | None:
        """The actor under the cursor."""
        return self.lines[self.cursor].name if self.lines else None

    def _rebuild(self, keep_cursor: bool = True) -> None:
        lines = [Line(Text("On this article", style="bold underline"))]
        if self.mentions:
            lines += [Line(mention_line(m), display_name(m.name, m.organisation, m.unit, m.position))
                      for m in self.mentions]
        else:
            hint = "no actors tagged" if self._article_loaded else "no article selected"
            lines.append(Line(Text(hint, style="dim italic")))
        lines.append(Line(Text(self.top_heading, style="bold underline")))
        if self.top:
            lines += [Line(count_line(c), display_name(c.name, c.organisation, c.unit, c.position)) for c in self.top]
        else:
            lines.append(Line(Text("nobody named", style="dim italic")))
        self.lines = lines
        if not keep_cursor or self.cursor >= len(lines) or lines[self.cursor].name is None:
            self.cursor = self._nearest_actor(0, 1)
        self.refresh()

    def _nearest_actor(self, start: int, step: int) -> int:
        """The first actor line from `start` on in direction `step`, else the heading above the first part."""
        index = start
        while 0 <= index < len(self.lines):
            if self.lines[index].name is not None:
                return index
            index += step
        return self.cursor if 0 <= self.cursor < len(self.lines) and self.lines[self.cursor].name else 0

    def action_move(self, step: int) -> None:
        self.cursor = self._nearest_actor(self.cursor + step, step)
        self.refresh()

    def action_edge(self, direction: int) -> None:
        self.cursor = self._nearest_actor(0, 1) if direction < 0 else self._nearest_actor(len(self.lines) - 1, -1)
        self.refresh()

    def action_choose(self) -> None:
        name = self.chosen_name
        if name:
            self.post_message(self.Chosen(name))

    def action_toggle_period(self) -> None:
        """Switch the most-named list between the last 7 and the last 30 days."""
        self.days = PERIODS_DAYS[(PERIODS_DAYS.index(self.days) + 1) % len(PERIODS_DAYS)]
        self.top = []
        self._rebuild()
        self._read_top(self.days)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None and 0 <= self._top_line + offset.y < len(self.lines):
            if self.lines[self._top_line + offset.y].name is not None:
                self.cursor = self._top_line + offset.y
                self.refresh()

    def render(self) -> Text:
        width, height = self.content_size.width, max(self.content_size.height, 1)
        if self.cursor < self._top_line:
            self._top_line = self.cursor
        elif self.cursor >= self._top_line + height:
            self._top_line = self.cursor - height + 1
        self._top_line = max(0, min(self._top_line, len(self.lines) - height))
        shown = []
        for index in range(self._top_line, min(self._top_line + height, len(self.lines))):
            text = self.lines[index].text.copy()
            if index == self.cursor and self.lines[index].name is not None:
                text.truncate(width, overflow="ellipsis", pad=True)
                text.stylize(self.get_component_rich_style("actors-pane--cursor"))
            shown.append(text)
        return Text("\n").join(shown)
