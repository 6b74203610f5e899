"""What every `pantau` command shares: user-facing errors and opening the database.

A database that cannot be used (damaged, read-only, on a full disk, from a newer Pantau) is
turned into one or two lines that say what is wrong and what to do; the details go to the log.
"""

import logging
import os
import shutil
from datetime import date, datetime
from pathlib import Path

import click
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from storage.engine import connect_engine, make_engine
from storage.schema import HEAD_REVISION, SchemaError, current_revision
from storage.search_parser import QuerySyntaxError, date_of
from tui.config import Settings, zone_named

log = logging.getLogger(__name__)

LOW_SPACE_BYTES = 1024 * 1024
"""Below this much free space, a failed SQLite write is put down to a full disk."""


class DeskError(click.ClickException):
    """A failure worded for the user; the details go to the log."""


def open_engine(settings: Settings, *, writes: bool = True) -> Engine:
    """The settings' database, or a DeskError that says which database could not be opened, why, and what to do.

    A SQLite file that cannot be written is opened read-only when the command only reads
    (`writes=False`); a command that writes is refused with a message instead.
    """
    path = sqlite_path(settings.db_url)
    if path is not None and path.is_file() and not writable(path):
        if writes:
            raise DeskError(f"the database {path} is read-only: make it (and its directory) writable, "
                            f"or copy it elsewhere with `pantau db copy {path} NEW.db`")
        return open_read_only(path)
    try:
        return make_engine(settings.db_url)
    except SQLAlchemyError as error:
        log.exception("cannot open database %s", settings.db_url)
        raise DeskError(database_problem(error, settings.db_url)) from error


def open_read_only(path: Path, *, schema_must_match: bool = True) -> Engine:
    """A read-only engine on a SQLite file; for use, its schema must be this Pantau's (nothing can be upgraded)."""
    url = f"sqlite:///file:{path}?mode=ro&uri=true" + ("" if os.access(path.parent, os.W_OK) else "&immutable=1")
    engine = connect_engine(url)
    try:
        revision = current_revision(engine)
    except SQLAlchemyError as error:
        log.exception("cannot open database %s read-only", path)
        raise DeskError(database_problem(error, str(path))) from error
    if schema_must_match and revision != HEAD_REVISION:
        raise DeskError(f"the database {path} is read-only and its schema ({revision or 'none'}) is not this "
                        f"Pantau's ({HEAD_REVISION}): make it writable so Pantau can upgrade it")
    return engine


def is_read_only(engine: Engine) -> bool:
    return engine.url.query.get("mode") == "ro"


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (None for other backends and for in-memory databases)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database.removeprefix("file:"))


def writable(path: Path) -> bool:
    """SQLite in WAL mode writes beside the file (-wal, -shm), so the directory must be writable too."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def database_problem(error: BaseException, url: str) -> str:
    """One or two lines for a database error: what is wrong with the database at `url` and what to do."""
    if isinstance(error, SchemaError):
        return f"cannot use the database {url}: {error}"
    reason = str(getattr(error, "orig", None) or error).strip()
    lowered = reason.lower()
    path = sqlite_path(url)
    where = str(path) if path else make_url(url).render_as_string(hide_password=True)
    if "file is not a database" in lowered or "malformed" in lowered:
        return (f"the database {where} is damaged ({reason}): restore it from a backup, or move it aside and "
                "Pantau starts a new one; `pantau doctor` checks a database")
    if "disk is full" in lowered or (path is not None and "i/o error" in lowered and _low_on_space(path)):
        return (f"disk full: no space left for the database {where}; free some space and try again "
                "(what was stored before is intact)")
    if "readonly" in lowered or "read-only" in lowered:
        return f"the database {where} is read-only: make it (and its directory) writable"
    if "unable to open database file" in lowered:
        return f"cannot open the database {where}: check that its directory exists and is writable"
    return f"cannot open the database {where}: {reason}"


def _low_on_space(path: Path) -> bool:
    directory = path.parent if path.parent.is_dir() else Path.cwd()
    try:
        return shutil.disk_usage(directory).free < LOW_SPACE_BYTES
    except OSError:
        return False


def today(ctx: click.Context) -> date:
    """Today in the configured time zone."""
    return datetime.now(zone_named(ctx.find_object(Settings).timezone)).date()


def day_option(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    """A click callback: a day as search reads it (2025-12-01, or 7d / 2w / 3m / 1y back from today in the configured zone)."""
    if value is None:
        return None
    try:
        return date_of(value.strip(), today(ctx))
    except QuerySyntaxError as error:
        raise click.BadParameter(error.message, param_hint=f"--{param.name}") from error
