"""The timeline pane: engagements per kabupaten/kota (rows) and week, day or month (columns).

Each cell shows how many engagements the place had in the period and, as a letter and a colour,
the type that dominated (most engagements; the more severe type on a tie). The pane draws only
the rows and columns that fit, from counts it reads in its own worker through the desk's `DeskStore`
(`storage.timeline`), so it costs the same with two years of data as with two weeks. Every grain's
counts are kept until tags change, and the other grains are counted ahead. A cell cursor moves with
the arrow keys; enter asks the app to filter the feed to that place and period.
"""

from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widget import Widget
from textual.worker import Worker

from core.plain_text import plain_line
from core.vocabulary import short_label, type_glyph, type_rank
from storage.desk import GRAINS, DeskStore, Place, Timeline, period_end, period_start
from tui.messages import TimelineLoaded, forward_failure

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
GRAIN_NAMES = {"week": "weeks", "day": "days", "month": "months"}
HEADER_LINES = 2
FOOTER_LINES = 2
LABEL_MAX = 22
EMPTY_MARK = "·"
COUNT_AHEAD_DELAY_S = 0.5
"""Other grains are counted after this pause, so counting ahead does not slow the drawing just asked for."""


def severity(kind: str) -> int:
    """The taxonomy's rank: 1 is the most severe type."""
    return type_rank(kind)


def type_colour(kind: str) -> str:
    """Violence red, contention yellow, procedure cyan, cooperation green."""
    rank = severity(kind)
    if rank <= 3:
        return "red"
    if rank <= 7:
        return "yellow"
    if rank <= 12:
        return "cyan"
    return "green"


def dominant(counts: dict[str, int]) -> str:
    """The type with the most engagements in a cell; the more severe one on a tie."""
    return min(counts, key=lambda kind: (-counts[kind], severity(kind)))


def short_place(name: str) -> str:
    return plain_line(name).replace("Kabupaten ", "Kab. ", 1)


def _group_line(groups: list[tuple[int, tuple[str, ...]]]) -> str:
    """The month (or year) names above the columns, each at its first column, in its longest form that leaves a
    space before the next one ("Sep" before "Oct 2025" two weeks on, nothing where even that does not fit):
    written whole, "Sep 2025" ran into "Oct 2025" as "Sep 2025Oct 2025"."""
    line = ""
    for index, (column, names) in enumerate(groups):
        room = groups[index + 1][0] - column - 1 if index + 1 < len(groups) else None
        line = line.ljust(column) + next((name for name in names if room is None or len(name) <= room), "")
    return line


def date_range(start: date, end: date) -> str:
    if start == end:
        return f"{start.day} {MONTHS[start.month - 1]} {start.year}"
    if start.year != end.year:
        return f"{start.day} {MONTHS[start.month - 1]} {start.year} – {end.day} {MONTHS[end.month - 1]} {end.year}"
    if start.month != end.month:
        return f"{start.day} {MONTHS[start.month - 1]} – {end.day} {MONTHS[end.month - 1]} {end.year}"
    return f"{start.day}–{end.day} {MONTHS[start.month - 1]} {start.year}"


@dataclass(frozen=True)
class Cell:
    """The cell under the cursor: its place and the first and last day of its period."""

    place: Place
    start: date
    end: date
    counts: dict[str, int]


class TimelinePane(Widget, can_focus=True):
    """Rows of kabupaten/kota, columns of periods, a cell cursor, a legend of the types shown."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,h", "move(0, -1)", "Earlier", id="timeline.left", show=False),
        Binding("right,l", "move(0, 1)", "Later", id="timeline.right", show=False),
        Binding("up,k", "move(-1, 0)", "Place above", id="timeline.up", show=False),
        Binding("down,j", "move(1, 0)", "Place below", id="timeline.down", show=False),
        Binding("home", "edge(-1)", "Earliest period", id="timeline.first", show=False),
        Binding("end", "edge(1)", "Latest period", id="timeline.last", show=False),
        Binding("enter", "choose", "Filter by cell", id="timeline.filter"),
        Binding("w", "next_grain", "Weeks/days/months", id="timeline.grain"),
        Binding("p", "next_province(1)", "Next province", id="timeline.province"),
        Binding("P", "next_province(-1)", "Previous province", id="timeline.province_back", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"timeline--header", "timeline--empty", "timeline--cursor"}

    DEFAULT_CSS = """
    TimelinePane {
        text-wrap: nowrap;
        text-overflow: ellipsis;
        & > .timeline--header { color: $text-muted; }
        & > .timeline--empty { color: $text-disabled; }
        & > .timeline--cursor { background: $block-cursor-blurred-background; }
        &:focus > .timeline--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
    }
    """

    class CellChosen(Message):
        """The user chose a cell: the feed should show that place and period."""

        def __init__(self, code: str, start: date, end: date) -> None:
            super().__init__()
            self.code = code
            self.start = start
            self.end = end

    def __init__(self, store: DeskStore | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.store = store
        self._counted: dict[str, Timeline] = {}
        """The counts per grain, kept until tags change."""
        self._generation = 0
        self.grain = GRAINS[0]
        self.data: Timeline | None = None
        self.province: str | None = None
        self.row = 0
        self.column = 0
        self._row0 = 0
        self._column0 = 0
        self._cell_width = 4
        self._update_subtitle()

    # Reading ---------------------------------------------------------------------------

    def on_mount(self) -> None:
        if self.store is not None:
            self.recount()  # alongside the feed's first page: SQLite counts while Textual lays out

    def recount(self) -> None:
        """Tags changed: forget every grain's counts and count the pane's grain again."""
        self._counted.clear()
        self._generation += 1
        self._count(self.grain, self._generation)

    @work(thread=True, exclusive=True, group="timeline", exit_on_error=False, description="Counting engagements")
    def _count(self, grain: str, generation: int) -> None:
        """Count the engagements per kabupaten/kota, period of `grain` and type, in the database."""
        self.post_message(TimelineLoaded(self.store.timeline(grain), generation))

    @work(thread=True, exclusive=True, group="timeline-ahead", exit_on_error=False, description="Counting engagements")
    def _count_ahead(self, grain: str, generation: int) -> None:
        """Count another grain before it is asked for, so switching weeks, days and months needs no query."""
        self.post_message(TimelineLoaded(self.store.timeline(grain), generation))

    def on_timeline_loaded(self, message: TimelineLoaded) -> None:
        """Show the counts of the pane's grain, keep every grain's until tags change, and count the next one."""
        message.stop()
        if message.generation != self._generation:
            return
        self._counted[message.timeline.grain] = message.timeline
        self.show(message.timeline)
        missing = [grain for grain in GRAINS if grain not in self._counted]
        if missing:
            self.set_timer(COUNT_AHEAD_DELAY_S, partial(self._count_ahead, missing[0], message.generation))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        forward_failure(self, event)

    # Data ------------------------------------------------------------------------------

    @property
    def places(self) -> list[Place]:
        """The rows shown: every place, or those of the chosen province."""
        places = self.data.places if self.data else []
        return [place for place in places if self.province is None or place.province == self.province]

    @property
    def periods(self) -> list[date]:
        return self.data.periods if self.data else []

    def show(self, data: Timeline) -> None:
        """New counts: the cursor stays on its place and date where they still exist, else goes to the latest period."""
        if data.grain != self.grain:
            return
        cell = self.cell
        self.data = data
        largest = max((sum(counts.values()) for counts in data.cells.values()), default=0)
        self._cell_width = max(4, len(str(largest)) + 2)  # once per counts, not per drawing
        if self.province is not None and self.province not in data.provinces:
            self.province = None
        places, periods = self.places, self.periods
        codes = [place.code for place in places]
        self.row = codes.index(cell.place.code) if cell and cell.place.code in codes else min(self.row, max(len(places) - 1, 0))
        start = period_start(cell.start, self.grain) if cell else None
        if start in periods:
            self.column = periods.index(start)
        else:
            self.column = max(len(periods) - 1, 0)
        if cell is None and periods:
            # First counts: on a place with engagements in the latest period, not the first row's empty cell,
            # where a newcomer's first enter filtered the feed to nothing.
            busy = [index for index, place in enumerate(places) if self.count_at(place.code, periods[self.column])]
            self.row = busy[0] if busy else self.row
        self._update_subtitle()
        self.refresh()

    @property
    def cell(self) -> Cell | None:
        places, periods = self.places, self.periods
        if not places or not periods or self.data is None:
            return None
        place, start = places[self.row], periods[self.column]
        return Cell(place, start, period_end(start, self.grain), self.data.cells.get((place.code, start), {}))

    def count_at(self, code: str, start: date) -> int:
        """The engagements of one place in the period starting on `start` (0 when none)."""
        return sum(self.data.cells.get((code, start), {}).values()) if self.data else 0

    # Keys ------------------------------------------------------------------------------

    def action_move(self, rows: int, columns: int) -> None:
        self.row = max(0, min(self.row + rows, len(self.places) - 1))
        self.column = max(0, min(self.column + columns, len(self.periods) - 1))
        self.refresh()

    def action_edge(self, direction: int) -> None:
        self.column = 0 if direction < 0 else max(len(self.periods) - 1, 0)
        self.refresh()

    def action_choose(self) -> None:
        cell = self.cell
        if cell is not None:
            self.post_message(self.CellChosen(cell.place.code, cell.start, cell.end))

    def action_next_grain(self) -> None:
        """Weeks, then days, then months."""
        self.grain = GRAINS[(GRAINS.index(self.grain) + 1) % len(GRAINS)]
        self._update_subtitle()
        counted = self._counted.get(self.grain)
        if counted is not None:
            self.show(counted)
        else:
            self._count(self.grain, self._generation)

    def action_next_province(self, step: int) -> None:
        """Narrow the rows to one province, the next one each time, then all of them again."""
        choices: list[str | None] = [None, *(self.data.provinces if self.data else [])]
        self.province = choices[(choices.index(self.province) + step) % len(choices)]
        self.row = 0
        self._row0 = 0
        self._update_subtitle()
        self.refresh()

    def _update_subtitle(self) -> None:
        province = plain_line(self.province) if self.province else "all provinces"
        self.border_subtitle = Text(f"{GRAIN_NAMES[self.grain]} · {province} · w p enter")

    # Drawing ---------------------------------------------------------------------------

    def _scroll_into_view(self, visible_rows: int, visible_columns: int) -> None:
        if self.row < self._row0:
            self._row0 = self.row
        elif self.row >= self._row0 + visible_rows:
            self._row0 = self.row - visible_rows + 1
        if self.column < self._column0:
            self._column0 = self.column
        elif self.column >= self._column0 + visible_columns:
            self._column0 = self.column - visible_columns + 1
        self._row0 = max(0, min(self._row0, len(self.places) - visible_rows))
        self._column0 = max(0, min(self._column0, len(self.periods) - visible_columns))

    def render(self) -> Text:
        width, height = self.content_size
        places, periods = self.places, self.periods
        if self.data is None:
            return Text("Reading engagements…", style="dim")
        if not places or not periods:
            return Text("No engagements tagged yet." if not self.data.places else "No engagements here.", style="dim")
        label_width = min(max(len(short_place(place.name)) for place in places), LABEL_MAX) + 1
        cell_width = self._cell_width
        visible_columns = max(1, (width - label_width) // cell_width)
        visible_rows = max(1, height - HEADER_LINES - FOOTER_LINES)
        self._scroll_into_view(visible_rows, visible_columns)
        shown = periods[self._column0:self._column0 + visible_columns]
        lines = [*self._header(shown, label_width, cell_width)]
        for index in range(self._row0, min(self._row0 + visible_rows, len(places))):
            lines.append(self._row_line(places[index], index, shown, label_width, cell_width))
        lines.append(self._describe_cursor())
        lines.append(self._legend(places[self._row0:self._row0 + visible_rows], shown))
        return Text("\n", no_wrap=True, overflow="ellipsis").join(lines)

    def _header(self, shown: list[date], label_width: int, cell_width: int) -> list[Text]:
        style = self.get_component_rich_style("timeline--header")
        bottom = [" " * label_width]
        groups: list[tuple[int, tuple[str, ...]]] = []
        previous: date | None = None
        for index, start in enumerate(shown):
            if self.grain == "month":
                new_group = previous is None or start.year != previous.year
                names, below = (str(start.year),), MONTHS[start.month - 1]
            else:
                new_group = previous is None or start.month != previous.month
                names, below = (f"{MONTHS[start.month - 1]} {start.year}", MONTHS[start.month - 1]), str(start.day)
            if new_group:
                groups.append((label_width + index * cell_width, names))
            bottom.append(f"{below:>{cell_width - 1}} ")
            previous = start
        return [Text(_group_line(groups), style=style, no_wrap=True),
                Text("".join(bottom), style=style, no_wrap=True)]

    def _row_line(self, place: Place, index: int, shown: list[date], label_width: int, cell_width: int) -> Text:
        line = Text(no_wrap=True, overflow="ellipsis")
        label = short_place(place.name)
        label = label if len(label) < label_width else label[:label_width - 2] + "…"
        line.append(f"{label:<{label_width}}", style="bold" if index == self.row else "")
        empty_style = self.get_component_rich_style("timeline--empty")
        cursor_style = self.get_component_rich_style("timeline--cursor")
        for offset, start in enumerate(shown):
            counts = self.data.cells.get((place.code, start)) if self.data else None
            if counts:
                kind = dominant(counts)
                text = Text(f"{sum(counts.values()):>{cell_width - 2}}{type_glyph(kind)} ", style=type_colour(kind))
            else:
                text = Text(f"{EMPTY_MARK:>{cell_width - 2}}  ", style=empty_style)
            if index == self.row and self._column0 + offset == self.column:
                text.stylize(cursor_style)
            line.append_text(text)
        return line

    def _describe_cursor(self) -> Text:
        cell = self.cell
        if cell is None:
            return Text("")
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f"{plain_line(cell.place.name)} · {date_range(cell.start, cell.end)}: ", style="bold")
        total = sum(cell.counts.values())
        text.append(f"{total} engagement{'s' if total != 1 else ''}")
        parts = sorted(cell.counts.items(), key=lambda item: (-item[1], severity(item[0])))
        if parts:
            text.append(" (" + ", ".join(f"{short_label(kind)} {count}" for kind, count in parts) + ")")
        return text

    def _legend(self, places: list[Place], shown: list[date]) -> Text:
        """The letters of the dominant types on screen, most severe first."""
        kinds = {
            dominant(counts)
            for place in places
            for start in shown
            if (counts := self.data.cells.get((place.code, start)) if self.data else None)
        }
        text = Text(no_wrap=True, overflow="ellipsis")
        for kind in sorted(kinds, key=severity):
            text.append(type_glyph(kind), style=f"bold {type_colour(kind)}")
            text.append(f" {short_label(kind)}  ", style="dim")
        return text
