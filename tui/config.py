"""Settings: defaults, then the TOML file in the platform config directory, then PANTAU_* variables.

Command-line flags are applied last by `tui.cli`, so each layer overrides the one before.
"""

import getpass
import os
import tomllib
import typing
from dataclasses import dataclass, field, fields
from datetime import timezone
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from platformdirs import user_config_path

from core.locations import APP_NAME, as_db_url, default_db_url
from core.vocabulary import engagement_types

SORTS = ("published", "arrival")
"""The feed's orders (storage.feed_order), the default first."""
TYPE_KEYS = 9
DEFAULT_TYPE_KEYS = ("clash", "dispersal", "arrest", "blockade", "strike", "protest_security", "mediation",
                     "legal_complaint", "dialogue")
"""What keys 1–9 set unless `type_keys` in the config says otherwise: the nine types coded most often in the
labelled corpus of real articles, most severe first as the taxonomy orders them. Fixed, so muscle memory holds
across sessions and desks; `e` picks any of the 16."""


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
    type_keys: tuple[str, ...] = DEFAULT_TYPE_KEYS
    sort: str = "published"


def zone_named(name: str) -> ZoneInfo | timezone:
    """The configured time zone, or UTC when this machine does not know the name (the caller says so)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return timezone.utc


def config_path() -> Path:
    """PANTAU_CONFIG, else config.toml in the platform config directory."""
    named = os.environ.get("PANTAU_CONFIG")
    return Path(named) if named else user_config_path(APP_NAME) / "config.toml"


class ConfigError(ValueError):
    """A configuration that cannot be used, worded for the user: which file or variable, and what to write."""


def load_settings(path: Path | None = None, db: str | None = None) -> Settings:
    """Read the config file (if any), the environment and `db` (the --db flag) into Settings.

    The default database (which creates the platform data directory) is only worked out when
    neither the file, the environment nor `db` names one, so `--db` works in a read-only home.
    """
    path = path or config_path()
    values = _from_file(path)
    values.update(_from_environment())
    if db:
        values["db_url"] = as_db_url(db)
    known = {f.name for f in fields(Settings)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise ConfigError(f"{path}: unknown settings {', '.join(unknown)}")
    _check_types(values, path)
    for name in ("watch_terms", "type_keys"):
        if name in values:
            values[name] = tuple(values[name])
    if "type_keys" in values:
        _check_type_keys(values["type_keys"], path)
    if values.get("sort", SORTS[0]) not in SORTS:
        raise ConfigError(f"{path}: `sort` is \"published\" (newest publication first) or \"arrival\" "
                          f"(newest stored first), not {values['sort']!r}")
    return Settings(**values)


def _from_file(path: Path) -> dict:
    if not path.is_file():
        return {}
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path} is not valid TOML ({error}): correct it or move it aside") from error
    except OSError as error:
        raise ConfigError(f"cannot read {path}: {error.strerror}") from error


def _check_types(values: dict, path: Path) -> None:
    """Each setting has the kind of value its default has: a wrong one is named before anything uses it."""
    for setting in fields(Settings):
        if setting.name not in values:
            continue
        value = values[setting.name]
        kind = typing.get_origin(setting.type) or setting.type
        accepted = (list, tuple) if kind is tuple else (kind,)
        if not isinstance(value, accepted) or (kind is int and isinstance(value, bool)):
            raise ConfigError(f"{path}: `{setting.name}` must be {_KIND_WORDS[kind]}, not {value!r}")
    if values.get("poll_interval_s", 1) <= 0:
        raise ConfigError(f"the poll interval must be a positive number of seconds (poll_interval_s in {path}, "
                          "or PANTAU_POLL_INTERVAL)")


def _check_type_keys(type_keys: tuple, path: Path) -> None:
    """One to nine different engagement type ids, for keys 1, 2, … in order."""
    known = list(engagement_types())
    unknown = [value for value in type_keys if value not in known]
    if unknown:
        raise ConfigError(f"{path}: `type_keys` names unknown types {', '.join(map(repr, unknown))}; "
                          f"the types are {', '.join(known)}")
    if not 1 <= len(type_keys) <= TYPE_KEYS or len(set(type_keys)) != len(type_keys):
        raise ConfigError(f"{path}: `type_keys` needs one to nine different types, for keys 1, 2, … in order")


_KIND_WORDS = {int: "a whole number", str: "a string", bool: "true or false", tuple: "a list of strings",
               dict: "a table"}


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
        try:
            values["poll_interval_s"] = int(values["poll_interval_s"])
        except ValueError as error:
            raise ConfigError(
                f"PANTAU_POLL_INTERVAL must be a whole number of seconds, not {values['poll_interval_s']!r}"
            ) from error
    return values
