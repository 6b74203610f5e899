"""One log file per user, in the platform log directory, for everything the screen should not show.

When that directory cannot be written (a read-only home, a full disk), the log goes to a file in
the system's temporary directory instead, and the user is told once where it went.
"""

import getpass
import logging
import tempfile
from pathlib import Path

import click

from core.locations import log_dir

_active: Path | None = None
"""The file this run logs to, once `setup_logging` has found one."""


def log_file() -> Path:
    """The log file to name in error messages: the one in use, else pantau.log in the platform log directory."""
    if _active is not None:
        return _active
    try:
        return log_dir() / "pantau.log"
    except OSError:
        return _fallback_file()


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send Pantau's log records to the log file and return its path (None when no file could be opened)."""
    global _active
    handler, _active = _open_handler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(level)
    for noisy in ("httpx", "httpcore", "trafilatura", "htmldate", "courlan"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return _active


def _fallback_file() -> Path:
    return Path(tempfile.gettempdir()) / f"pantau-{getpass.getuser()}.log"


def _open_handler() -> tuple[logging.Handler, Path | None]:
    """A handler on the platform log file, else on the fallback file, else one that drops records."""
    try:
        path = log_dir() / "pantau.log"
        return logging.FileHandler(path, encoding="utf-8"), path
    except OSError as error:
        reason = f"{error.strerror or error}: {error.filename or ''}".rstrip(": ")
    fallback = _fallback_file()
    try:
        handler = logging.FileHandler(fallback, encoding="utf-8")
    except OSError:
        click.echo(f"Warning: cannot write a log file ({reason}); errors will not be logged.", err=True)
        return logging.NullHandler(), None
    click.echo(f"Warning: cannot write the log in the platform log directory ({reason}); logging to {fallback}.",
               err=True)
    return handler, fallback
