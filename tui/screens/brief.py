"""The brief from the desk: the palette's "Brief…" asks for a period, places and a file, then writes it.

The brief is `pantau brief`'s own (`brief.files.write_brief`), written off the event loop in a thread
worker that reports each step, whole or not at all. The period and places start from the desk's search
filter (since:/until:, prov:, kab:); without dates, the last complete week.
"""

import logging
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import ClassVar

from platformdirs import user_documents_path
from rich.text import Text
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, ProgressBar
from textual.worker import Worker, WorkerState, get_current_worker

from brief.content import BriefFilter
from brief.files import STEPS, BriefRequest, write_brief
from brief.period import Period, PeriodError, between, iso_week, last_week
from storage.actor_stats import latest_dated
from tagging.gazetteer import unknown_kabkota
from tui.screens.form_fields import FormError, day_field, fields_from_search, listed, target_file

log = logging.getLogger(__name__)

FIELDS = ("week", "since", "until", "prov", "kab")


class BriefCancelled(Exception):
    """The analyst closed the screen while the brief was being written."""


@dataclass(frozen=True)
class BriefWritten:
    path: Path
    period_label: str
    engagements: int


# Without Textual: the form's values and the default file ---------------------------------------


def default_brief_path(today: date, directory: Path | None = None) -> Path:
    """pantau-brief-<day>.html in the documents folder (else here)."""
    if directory is None:
        documents = user_documents_path()
        directory = documents if documents.is_dir() else Path.cwd()
    return directory / f"pantau-brief-{today.isoformat()}.html"


def newest_news_week(today: date, newest: date | None) -> str | None:
    """The week of the newest article when it is older than last week (a demo of old news, a desk whose
    feeds went quiet), so the brief does not open on a week with nothing in it; else None."""
    if newest is None or newest >= last_week(today).first:
        return None
    monday = newest - timedelta(days=newest.weekday())
    return Period(monday, monday + timedelta(days=6)).iso_week


def prefill(search_filter: str, today: date) -> dict[str, str]:
    """The form's first values: the search filter's dates and places, else last week."""
    found = fields_from_search(search_filter, today, ("since", "until", "prov", "kab")) if search_filter else {}
    if "since" not in found and "until" not in found:
        found["week"] = last_week(today).iso_week or ""
    return found


def read_brief_request(values: dict[str, str], path: str, today: date) -> BriefRequest:
    """The form's values (FIELDS) as a brief to write; raises FormError saying which field is wrong and why."""
    try:
        if values["week"].strip():
            if values["since"].strip() or values["until"].strip():
                raise FormError("give a week or since/until, not both")
            period = iso_week(values["week"])
        else:
            period = between(day_field(values["since"], "since"), day_field(values["until"], "until"), today)
    except PeriodError as error:
        raise FormError(str(error)) from error
    places = tuple(listed(values["kab"]))
    unknown_place = unknown_kabkota(places)
    if unknown_place:
        raise FormError(unknown_place)
    return BriefRequest(period, BriefFilter(tuple(listed(values["prov"])), places), target_file(path))


# The screen -----------------------------------------------------------------------------------


class BriefProgress(Message):
    def __init__(self, step: int, label: str) -> None:
        super().__init__()
        self.step = step
        self.label = label

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, BriefProgress)


class BriefScreen(ModalScreen[BriefWritten | None]):
    """Period, places and file; enter or ctrl+s writes, escape closes (and stops a brief under way).

    Dismissed with what was written, or None when cancelled.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="brief.cancel"),
        Binding("ctrl+s", "write", "Write", id="brief.write"),
    ]

    DEFAULT_CSS = """
    BriefScreen {
        align: center middle;
        & > Vertical {
            width: 84; max-width: 100%; height: auto; max-height: 100%; overflow-y: auto;
            border: round $accent; border-title-align: center; background: $surface; padding: 0 1;
        }
        & Horizontal { height: auto; }
        & Horizontal > Input { width: 1fr; margin: 0 1 0 0; }
        & Horizontal > Input:last-child { margin: 0; }
        & Label { width: 100%; }
        & .brief-label { color: $text-muted; margin: 1 0 0 0; }
        & .brief-hint { color: $text-muted; }
        & #brief-newest { display: none; }
        & #brief-newest.shown { display: block; }
        & #brief-error { color: $text-error; }
        & #brief-progress, #brief-step { display: none; }
        & .running #brief-progress, .running #brief-step { display: block; }
        & #brief-progress { margin: 1 0 0 0; }
        & #brief-buttons { margin: 1 0 0 0; }
        & #brief-buttons > Button { margin: 0 2 0 0; }
    }
    """

    def __init__(self, engine: Engine, search_filter: str = "", today: date | None = None,
                 directory: Path | None = None) -> None:
        super().__init__()
        self.engine = engine
        self.today = today or date.today()
        self.search_filter = search_filter
        self.prefill = prefill(search_filter, self.today)
        self.default_path = default_brief_path(self.today, directory)
        self._target = Path()

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Write the brief"
            yield Label("An ISO week (2025-W48), or from … to … (YYYY-MM-DD; no end: today)", classes="brief-label")
            with Horizontal():
                for name in ("week", "since", "until"):
                    yield Input(self.prefill.get(name, ""), placeholder=name, id=f"brief-{name}", compact=True)
            yield Label("", id="brief-newest", classes="brief-hint")
            yield Label("Provinces and kabupaten/kota (comma-separated, empty: all)", classes="brief-label")
            with Horizontal():
                yield Input(self.prefill.get("prov", ""), placeholder="prov: 36, Banten …", id="brief-prov", compact=True)
                yield Input(self.prefill.get("kab", ""), placeholder="kab: 36.04, serang …", id="brief-kab", compact=True)
            yield Label("File (.html; a .md name writes Markdown)", classes="brief-label")
            yield Input(str(self.default_path), id="brief-path", compact=True)
            if self.search_filter:
                yield Label(Text(f"Taken from the search filter “{self.search_filter}”: its dates and places only."),
                            classes="brief-hint")
            yield ProgressBar(total=len(STEPS), show_eta=False, id="brief-progress")
            yield Label("", id="brief-step", classes="brief-hint")
            yield Label("", id="brief-error")
            with Horizontal(id="brief-buttons"):
                yield Button("Write", variant="primary", id="brief-run", compact=True)
                yield Button("Cancel", id="brief-cancel", compact=True)
            yield Label(Text("enter or ctrl+s writes · escape cancels"), classes="brief-hint")

    def on_mount(self) -> None:
        self.query_one("#brief-path", Input).focus()
        if "week" in self.prefill:
            self._offer_newest_week()

    @work(thread=True, group="brief-week", exit_on_error=False, description="Finding the newest article")
    def _offer_newest_week(self) -> None:
        newest = latest_dated(self.engine)
        week = newest_news_week(self.today, newest.date() if newest else None)
        if week is not None and newest is not None:
            self.app.call_from_thread(self._show_newest_week, week, f"{newest:%d %b %Y}")

    def _show_newest_week(self, week: str, newest: str) -> None:
        """Only over the week the form opened with: what the analyst typed stays."""
        field = self.query_one("#brief-week", Input)
        if field.value == self.prefill["week"]:
            field.value = week
            hint = self.query_one("#brief-newest", Label)
            hint.update(Text(f"The newest article is of {newest}: its week, as last week has no news."))
            hint.add_class("shown")

    @on(Input.Submitted)
    @on(Button.Pressed, "#brief-run")
    def action_write(self) -> None:
        if self._writing:
            return
        values = {name: self.query_one(f"#brief-{name}", Input).value for name in FIELDS}
        try:
            request = read_brief_request(values, self.query_one("#brief-path", Input).value, self.today)
        except FormError as error:
            self._show_error(str(error))
            return
        self._show_error("")
        self._target = request.path
        self._set_running(True)
        self._write(request)

    @on(Button.Pressed, "#brief-cancel")
    def action_cancel(self) -> None:
        """Close; a brief under way stops at its next step and leaves no file."""
        self.workers.cancel_group(self, "brief")
        self.dismiss(None)

    @property
    def _writing(self) -> bool:
        return any(worker.group == "brief" and not worker.is_finished for worker in self.workers)

    @work(thread=True, exclusive=True, group="brief", exit_on_error=False, description="Writing the brief")
    def _write(self, request: BriefRequest) -> BriefWritten:
        worker = get_current_worker()

        def on_progress(step: int, label: str) -> None:
            if worker.is_cancelled:
                raise BriefCancelled
            self.post_message(BriefProgress(step, label))

        written = write_brief(self.engine, request, on_progress)
        return BriefWritten(request.path, request.period.label, written.total.total)

    def on_brief_progress(self, message: BriefProgress) -> None:
        self.query_one("#brief-progress", ProgressBar).update(progress=message.step)
        self.query_one("#brief-step", Label).update(Text(f"{message.label}…"))

    @on(Worker.StateChanged)
    def _finished(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "brief":
            return
        if event.state == WorkerState.SUCCESS:
            written: BriefWritten = event.worker.result
            log.info("wrote the brief of %s to %s", written.period_label, written.path)
            count = written.engagements
            self.app.notify(f"Brief of {written.period_label} ({count} engagement{'s' if count != 1 else ''}) "
                            f"written to {written.path}", title="Brief", markup=False, timeout=10)
            self.dismiss(written)
        elif event.state == WorkerState.ERROR:
            self._set_running(False)
            self._show_error(_failure(event.worker.error, self._target))
            log.warning("brief failed: %s", event.worker.error)

    def _set_running(self, running: bool) -> None:
        self.query_one(Vertical).set_class(running, "running")
        for widget in self.query("Input, #brief-run"):
            widget.disabled = running

    def _show_error(self, text: str) -> None:
        if text:
            log.warning("brief refused: %s", text)
        self.query_one("#brief-error", Label).update(Text(text))


def _failure(error: BaseException | None, path: Path) -> str:
    """What went wrong, in words: the file, or the database."""
    if isinstance(error, OSError):
        return f"cannot write {path}: {error.strerror or error}"
    if isinstance(error, SQLAlchemyError):
        return f"cannot read the engagements from the database: {getattr(error, 'orig', None) or error}"
    return f"the brief failed: {error}"
