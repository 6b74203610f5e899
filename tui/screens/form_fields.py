"""What the export and brief forms share: reading a date, a list and a file name typed by the analyst, and the
fields a search filter implies. No Textual here; each raises FormError worded for the analyst."""

import re
from datetime import date
from pathlib import Path

from storage.search_parser import QuerySyntaxError, date_of, parse_query

class FormError(ValueError):
    """A field of a form that cannot be used, worded for the analyst."""


def fields_from_search(query_text: str, today: date, wanted: tuple[str, ...] = ("since", "until", "kab", "type")) -> dict[str, str]:
    """The `wanted` fields a search filter implies, as text: of its since/until, kab, prov and type filters.

    Only filters that must hold take part (alone, or `OR`ed with their own kind); words and other
    filters have no meaning for engagements and are left out.
    """
    found: dict[str, list[str]] = {name: [] for name in wanted}
    try:
        query = parse_query(query_text)
    except QuerySyntaxError:
        return {}
    for group in query.groups:
        kinds = {term.kind for term in group}
        if len(kinds) != 1 or any(term.negated for term in group) or not kinds <= set(wanted):
            continue
        kind = kinds.pop()
        if kind in ("since", "until"):
            if len(group) == 1:
                found[kind] = [date_of(group[0].value, today).isoformat()]
        else:
            found[kind].extend(term.value for term in group)
    return {name: ", ".join(values) for name, values in found.items() if values}


def day_field(text: str, name: str) -> date | None:
    """A YYYY-MM-DD field, None when empty."""
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else _bad_day(text, name)
    except ValueError:
        return _bad_day(text, name)


def _bad_day(text: str, name: str) -> date:
    raise FormError(f"'{name}': {text!r} is not a date; write it as YYYY-MM-DD, e.g. 2025-12-01")


def listed(text: str) -> list[str]:
    """The comma-separated values of a field."""
    return [part.strip() for part in text.split(",") if part.strip()]


def target_file(text: str) -> Path:
    """The file a form will write: a name in a folder that exists."""
    if not text.strip():
        raise FormError("give the file to write")
    path = Path(text.strip()).expanduser().absolute()
    try:
        is_folder, has_folder = path.is_dir(), path.parent.is_dir()
    except OSError as error:  # a name the file system refuses outright, say too long
        raise FormError(f"cannot write {path}: {error.strerror}") from error
    if is_folder:
        raise FormError(f"{path} is a folder: give a file name in it")
    if not has_folder:
        raise FormError(f"cannot write {path}: there is no folder {path.parent}")
    return path
