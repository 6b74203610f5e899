"""The event date, set by hand: the day as the news writes it ("22/10/2025", "22/10", "2025-10-22").

A day without a year is the latest such day up to the article's publication, as the tagger reads one
("22/10" in a paper of February 2026 is 22 October 2025); an empty field says the date is unknown.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from tui.widgets.plain_input import PlainInput

DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$")
ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


@dataclass(frozen=True)
class EventDateAnswer:
    """What the analyst set: a day, or None for "no date known"."""

    day: date | None


def parse_event_date(text: str, published: datetime | None) -> date | None:
    """The day written in `text` (day first, as Indonesian news writes it; or ISO), None for an empty field.

    Raises ValueError with a message for the analyst when it is no day.
    """
    text = text.strip()
    if not text:
        return None
    iso, local = ISO.match(text), DAY_MONTH_YEAR.match(text)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
    elif local:
        day, month = int(local.group(1)), int(local.group(2))
        written = local.group(3)
        if written is None and published is None:
            raise ValueError("the article has no publication date to take the year from: write the year too")
        if written is None:
            return _latest_up_to(day, month, published.date(), text)
        year = int(written) + (2000 if len(written) == 2 else 0)
    else:
        raise ValueError(f"{text!r} is not a day: write it as 22/10/2025, 22/10 or 2025-10-22")
    try:
        return date(year, month, day)
    except ValueError as error:
        raise ValueError(f"{text!r} is not a day of the calendar ({error})") from error


def _latest_up_to(day: int, month: int, published: date, text: str) -> date:
    """The day and month in the publication's year, or the year before when that is after publication."""
    for year in (published.year, published.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= published:
            return candidate
    raise ValueError(f"{text!r} is not a day of the calendar up to the article's publication")


class EventDateScreen(ModalScreen[EventDateAnswer | None]):
    """One field, prefilled with the date the article has; enter saves, escape cancels."""

    DEFAULT_CSS = """
    EventDateScreen { align: center middle; }
    EventDateScreen > Vertical { width: 70; height: auto; border: round $accent; padding: 0 1; background: $panel; }
    EventDateScreen Label { width: 1fr; }
    EventDateScreen .hint { color: $text-muted; }
    EventDateScreen #event-date-error { color: $text-error; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="event_date.cancel"),
    ]

    def __init__(self, current: date | None, published: datetime | None) -> None:
        super().__init__()
        self.current = current
        self.published = published

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Event date"
            yield Label("The day the engagement took place:")
            yield PlainInput(value=f"{self.current:%d/%m/%Y}" if self.current else "", id="event-date",
                             placeholder="22/10/2025, 22/10 (the latest up to publication) or 2025-10-22")
            yield Label("", id="event-date-error")
            yield Label(Text("enter saves · empty: no date known · escape cancels"), classes="hint")

    @on(Input.Submitted, "#event-date")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            day = parse_event_date(event.value, self.published)
        except ValueError as error:
            self.query_one("#event-date-error", Label).update(Text(str(error)))
            return
        self.dismiss(EventDateAnswer(day))

    def action_cancel(self) -> None:
        self.dismiss(None)
