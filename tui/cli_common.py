"""What every `pantau` command shares: user-facing errors and opening the database."""

import logging

import click
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from storage.engine import make_engine
from tui.config import Settings

log = logging.getLogger(__name__)


class DeskError(click.ClickException):
    """A failure worded for the user; the details go to the log."""


def open_engine(settings: Settings) -> Engine:
    """The settings' database, or a DeskError that says which database could not be opened and why."""
    try:
        return make_engine(settings.db_url)
    except SQLAlchemyError as error:
        log.exception("cannot open database %s", settings.db_url)
        reason = getattr(error, "orig", None) or error
        raise DeskError(f"cannot open the database {settings.db_url}: {reason}") from error
