"""Where Pantau keeps its files when nobody says otherwise."""

import os
from pathlib import Path

from platformdirs import user_data_path, user_downloads_path, user_log_path

APP_NAME = "pantau"


def default_db_url() -> str:
    """The database named by PANTAU_DB, else a SQLite file in the platform data directory."""
    named = os.environ.get("PANTAU_DB")
    if named:
        return as_db_url(named)
    return as_db_url(str(user_data_path(APP_NAME) / "pantau.db"))


def as_db_url(path_or_url: str) -> str:
    """Accept either a SQLAlchemy URL or a plain file path, as `--db` does."""
    if "://" in path_or_url:
        return path_or_url
    path = Path(path_or_url).expanduser().resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def log_dir() -> Path:
    """The directory for Pantau's log file."""
    directory = user_log_path(APP_NAME)
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def demo_db_url(fresh: bool) -> str:
    """The demo desk's own database, beside the real one, kept between demos; emptied when `fresh`."""
    path = user_data_path(APP_NAME) / "demo.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    if fresh:
        for leftover in (path, path.with_name("demo.db-wal"), path.with_name("demo.db-shm")):
            leftover.unlink(missing_ok=True)
    return f"sqlite:///{path}"


def screenshot_dir() -> Path:
    """The platform's downloads folder when it exists, else `screenshots` in the data directory (created):
    a machine without ~/Downloads still gets its screenshots."""
    downloads = user_downloads_path()
    if downloads.is_dir():
        return downloads
    directory = user_data_path(APP_NAME) / "screenshots"
    directory.mkdir(parents=True, exist_ok=True)
    return directory
