"""One log file per user, in the platform log directory, for everything the screen should not show."""

import logging
from pathlib import Path

from storage.locations import log_dir


def log_file() -> Path:
    """pantau.log in the platform log directory: the path shown to the user on errors."""
    return log_dir() / "pantau.log"


def setup_logging(level: int = logging.INFO) -> Path:
    """Send Pantau's log records to the log file and return its path."""
    path = log_file()
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(level)
    for noisy in ("httpx", "httpcore", "trafilatura", "htmldate", "courlan"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return path
