"""Export from the desk: the palette's "Export…" asks for a format, filters and a file, then writes it.

The rows are `pantau export`'s own: `storage.exports.engagement_records` and `write_export`, with
the same filters. The file is written off the event loop in a thread worker, to a temporary file
beside the target that is renamed over it only when complete, so a failed or cancelled export
leaves nothing half-written. Filters start from the desk's search filter where it has them.
"""

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
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
from textual.widgets import Button, Input, Label, ProgressBar, Select
from textual.worker import Worker, WorkerState, get_current_worker

from core.vocabulary import type_named, type_names
from storage.exports import FORMATS, EngagementRecord, ExportFilter, engagement_records, write_export_file
from tagging.gazetteer import unknown_kabkota
from tui.screens.form_fields import FormError, day_field, fields_from_search, listed, target_file

log = logging.getLogger(__name__)

PROGRESS_EVERY = 100
"""Rows between two progress messages: enough to move the bar, few enough not to flood the loop."""
FIELDS = ("since", "until", "kab", "type")


class ExportCancelled(Exception):
    """The analyst closed the screen while the file was being written."""


@dataclass(frozen=True)
class ExportRequest:
    fmt: str
    filters: ExportFilter
    path: Path


# Without Textual: the form's values, the default file, the writing -------------------------------


def default_path(fmt: str, today: date, directory: Path | None = None) -> Path:
    """pantau-acled-<day>.csv, pantau-engagements-<day>.csv or .jsonl, in the documents folder (else here)."""
    if directory is None:
        documents = user_documents_path()
        directory = documents if documents.is_dir() else Path.cwd()
    stem = "pantau-acled" if fmt == "acled-csv" else "pantau-engagements"
    return directory / f"{stem}-{today.isoformat()}.{'jsonl' if fmt == 'jsonl' else 'csv'}"


def read_request(fmt: str, since: str, until: str, kab: str, types: str, path: str) -> ExportRequest:
    """The form's values as an export; raises FormError saying which field is wrong and why."""
    if fmt not in FORMATS:
        raise FormError(f"choose a format: {', '.join(FORMATS)}")
    first, last = day_field(since, "since"), day_field(until, "until")
    if first and last and first > last:
        raise FormError(f"'since' ({first}) is after 'until' ({last})")
    named = {name: type_named(name) for name in listed(types)}
    unknown = [name for name, type_id in named.items() if type_id is None]
    if unknown:
        raise FormError(f"no engagement type {', '.join(unknown)}; the types are {type_names()}")
    type_ids = tuple(named.values())
    places = tuple(listed(kab))
    unknown_place = unknown_kabkota(places)
    if unknown_place:
        raise FormError(unknown_place)
    return ExportRequest(fmt, ExportFilter(first, last, places, type_ids), target_file(path))


def export_to_file(engine: Engine, request: ExportRequest,
                   on_progress: Callable[[int, int], None] = lambda done, total: None) -> int:
    """Write the export to `request.path` and return its row count; blocking, for a thread.

    `write_export_file` writes it whole or not at all: on any failure (ExportCancelled raised by
    `on_progress` too) the target is left as it was.
    """
    records = list(engagement_records(engine, request.filters))
    count = write_export_file(_reporting(records, on_progress), request.fmt, request.path)
    on_progress(count, len(records))
    return count


def _reporting(records: list[EngagementRecord], on_progress: Callable[[int, int], None]) -> Iterator[EngagementRecord]:
    for done, record in enumerate(records):
        if done % PROGRESS_EVERY == 0:
            on_progress(done, len(records))
        yield record


# The screen -----------------------------------------------------------------------------------


class ExportProgress(Message):
    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        self.total = total

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, ExportProgress)


class ExportScreen(ModalScreen[tuple[Path, int] | None]):
    """Format, filters and file; enter or ctrl+s exports, escape closes (and stops an export under way).

    Dismissed with (path, rows) once the file is written, with None when cancelled.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
        Binding("ctrl+s", "export", "Export", id="export.export"),
    ]

    DEFAULT_CSS = """
    ExportScreen {
        align: center middle;
        & > Vertical {
            width: 84;
            max-width: 100%;
            height: auto;
            max-height: 100%;
            overflow-y: auto;
            border: round $accent;
            border-title-align: center;
            background: $surface;
            padding: 0 1;
        }
        & Horizontal { height: auto; }
        & Horizontal > Input { width: 1fr; }
        & Horizontal > Input:first-child { margin: 0 1 0 0; }
        & Label { width: 100%; }
        & .export-label { color: $text-muted; margin: 1 0 0 0; }
        & .export-hint { color: $text-muted; }
        & #export-error { color: $text-error; }
        & #export-progress { display: none; margin: 1 0 0 0; }
        & #export-progress.running { display: block; }
        & #export-buttons { margin: 1 0 0 0; }
        & #export-buttons > Button { margin: 0 2 0 0; }
    }
    """

    def __init__(self, engine: Engine, search_filter: str = "", today: date | None = None,
                 directory: Path | None = None) -> None:
        super().__init__()
        self.engine = engine
        self.today = today or date.today()
        self.directory = directory
        self.search_filter = search_filter
        self.prefill = fields_from_search(search_filter, self.today) if search_filter else {}
        self._fmt = FORMATS[0]
        self._target = Path()

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Export engagements"
            yield Label("Format", classes="export-label")
            yield Select([(fmt, fmt) for fmt in FORMATS], value=self._fmt, allow_blank=False, compact=True,
                         id="export-format")
            yield Label("Events from … to … (YYYY-MM-DD, empty: no limit)", classes="export-label")
            with Horizontal():
                yield Input(self.prefill.get("since", ""), placeholder="since", id="export-since", compact=True)
                yield Input(self.prefill.get("until", ""), placeholder="until", id="export-until", compact=True)
            yield Label("Kabupaten/kota and engagement types (comma-separated, empty: all)", classes="export-label")
            with Horizontal():
                yield Input(self.prefill.get("kab", ""), placeholder="kab: 36.04, serang …", id="export-kab", compact=True)
                yield Input(self.prefill.get("type", ""), placeholder="type: protest, strike …", id="export-type", compact=True)
            yield Label("File", classes="export-label")
            yield Input(str(default_path(self._fmt, self.today, self.directory)), id="export-path", compact=True)
            if self.search_filter:
                yield Label(Text(f"Filters taken from the search filter “{self.search_filter}”; "
                                 "its words and other filters do not apply to engagements."), classes="export-hint")
            yield ProgressBar(total=None, show_eta=False, id="export-progress")
            yield Label("", id="export-error")
            with Horizontal(id="export-buttons"):
                yield Button("Export", variant="primary", id="export-run", compact=True)
                yield Button("Cancel", id="export-cancel", compact=True)
            yield Label(Text("enter or ctrl+s exports · escape cancels"), classes="export-hint")

    def on_mount(self) -> None:
        """The form starts at its first field, as it reads: started at the file, the last field, tab went on to the
        Export button, and dates typed after a tab were lost (enter then exported everything)."""
        self.query_one("#export-since", Input).focus()

    @on(Select.Changed, "#export-format")
    def _format_changed(self, event: Select.Changed) -> None:
        """A file name still at its default follows the format (.csv or .jsonl)."""
        path = self.query_one("#export-path", Input)
        if path.value == str(default_path(self._fmt, self.today, self.directory)):
            path.value = str(default_path(str(event.value), self.today, self.directory))
        self._fmt = str(event.value)

    @on(Input.Submitted)
    @on(Button.Pressed, "#export-run")
    def action_export(self) -> None:
        if self._exporting:
            return
        values = {name: self.query_one(f"#export-{name}", Input).value for name in (*FIELDS, "path")}
        try:
            request = read_request(self._fmt, values["since"], values["until"], values["kab"], values["type"],
                                   values["path"])
        except FormError as error:
            self._show_error(str(error))
            return
        self._show_error("")
        self._target = request.path
        self._set_running(True)
        self._write(request)

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        """Close; an export under way stops at its next row and removes its unfinished file."""
        self.workers.cancel_group(self, "export")
        self.dismiss(None)

    @property
    def _exporting(self) -> bool:
        return any(worker.group == "export" and not worker.is_finished for worker in self.workers)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False, description="Exporting engagements")
    def _write(self, request: ExportRequest) -> tuple[Path, int]:
        worker = get_current_worker()

        def on_progress(done: int, total: int) -> None:
            if worker.is_cancelled:
                raise ExportCancelled
            self.post_message(ExportProgress(done, total))

        return request.path, export_to_file(self.engine, request, on_progress)

    def on_export_progress(self, message: ExportProgress) -> None:
        self.query_one("#export-progress", ProgressBar).update(total=max(message.total, 1), progress=message.done)

    @on(Worker.StateChanged)
    def _finished(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "export":
            return
        if event.state == WorkerState.SUCCESS:
            path, count = event.worker.result
            log.info("exported %d engagements to %s", count, path)
            self.app.notify(f"Exported {count} engagement{'s' if count != 1 else ''} to {path}", title="Export",
                            markup=False, timeout=8)
            self.dismiss((path, count))
        elif event.state == WorkerState.ERROR:
            self._set_running(False)
            self._show_error(_failure(event.worker.error, self._target))
            log.warning("export failed: %s", event.worker.error)

    def _set_running(self, running: bool) -> None:
        self.query_one("#export-progress", ProgressBar).set_class(running, "running")
        for widget in self.query("Input, Select, #export-run"):
            widget.disabled = running

    def _show_error(self, text: str) -> None:
        if text:
            log.warning("export refused: %s", text)
        self.query_one("#export-error", Label).update(Text(text))


def _failure(error: BaseException | None, path: Path) -> str:
    """What went wrong, in words: the file, or the database."""
    if isinstance(error, OSError):
        return f"cannot write {path}: {error.strerror or error}"
    if isinstance(error, SQLAlchemyError):
        return f"cannot read the engagements from the database: {getattr(error, 'orig', None) or error}"
    return f"the export failed: {error}"

