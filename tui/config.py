"""Settings: defaults, then the TOML file in the platform config directory, then PANTAU_* variables.

Command-line flags are applied last by `tui.cli`, so each layer overrides the one before.
"""

import getpass
import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from platformdirs import user_config_path

from storage.locations import APP_NAME, as_db_url, default_db_url


@dataclass(frozen=True)
class Settings:
    """Everything a user can configure."""

    db_url: str = field(default_factory=default_db_url)
    poll_interval_s: int = 600
    user_name: str = field(default_factory=getpass.getuser)
    theme: str = "textual-dark"
    timezone: str = "Asia/Jakarta"
    watch_terms: tuple[str, ...] = ("bentrok", "ricuh", "mogok", "diamankan")
    watch_bell: bool = False
    keymap: dict[str, str] = field(default_factory=dict)


def config_path() -> Path:
    """PANTAU_CONFIG, else config.toml in the platform config directory."""
    named = os.environ.get("PANTAU_CONFIG")
    return Path(named) if named else user_config_path(APP_NAME) / "config.toml"


def load_settings(path: Path | None = None) -> Settings:
    """Read the config file (if any) and the environment into Settings."""
    path = path or config_path()
    values: dict = {}
    if path.is_file():
        with path.open("rb") as handle:
            values.update(tomllib.load(handle))
    values.update(_from_environment())
    known = {f.name for f in fields(Settings)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise ValueError(f"{path}: unknown settings {', '.join(unknown)}")
    if "watch_terms" in values:
        values["watch_terms"] = tuple(values["watch_terms"])
    return replace(Settings(), **values)


def _from_environment() -> dict:
    environment = {
        "db_url": os.environ.get("PANTAU_DB"),
        "poll_interval_s": os.environ.get("PANTAU_POLL_INTERVAL"),
        "user_name": os.environ.get("PANTAU_USER"),
        "theme": os.environ.get("PANTAU_THEME"),
    }
    values = {key: value for key, value in environment.items() if value}
    if "db_url" in values:
        values["db_url"] = as_db_url(values["db_url"])
    if "poll_interval_s" in values:
        values["poll_interval_s"] = int(values["poll_interval_s"])
    return values
