"""`--db` after a command's name as well as before it: `pantau retag --db X` means `pantau --db X retag`.

Newcomers type the option after the command, as most tools take it; click only knows it where it was declared.
`DeskGroup` gives every command the same option through `with_db_option` instead of each module declaring it:
one help text, one meaning, and a command added later has it too.
"""

from dataclasses import replace

import click

from core.locations import as_db_url
from tui.config import Settings

DB_METAVAR = "PATH|URL"
DB_HELP = "Database file or URL (default: PANTAU_DB, else the platform data directory)."


class DeskDbOption(click.Option):
    """`--db` after a command's name; a class of its own so the command tree can tell it from a command's options."""

    def __init__(self, *, listed: bool) -> None:
        super().__init__(["--db"], metavar=DB_METAVAR, help=DB_HELP, hidden=not listed, expose_value=False,
                         is_eager=True, callback=_db_named)


def with_db_option(command: click.Command, path: str, unlisted: frozenset[str]) -> click.Command:
    """Give `command` (named `path`, as in "db copy") and a group's commands below it `--db`, unless it declares
    its own (`pantau learn`). Idempotent: click asks for a command each time it is named or listed.

    A command of `unlisted` accepts the option without listing it in its help: it does not read the desk's
    database (`pantau tag`), and `pantau --db X tag` was always accepted and ignored.
    """
    if not any(param.name == "db" for param in command.params):
        command.params.append(DeskDbOption(listed=path not in unlisted))
    if isinstance(command, click.Group):
        for name, subcommand in command.commands.items():
            with_db_option(subcommand, f"{path} {name}", unlisted)
    return command


def _db_named(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    """The settings of this command and of the commands above it now name `value`: the later --db wins, and an
    error `pantau` words for the user names the database that was used. Eager, so the other options' callbacks
    (a --since read in the configured zone) already see these settings."""
    if value is None:
        return
    named = replace(ctx.find_object(Settings), db_url=as_db_url(value))
    context: click.Context | None = ctx
    while context is not None:
        context.obj = named
        context = context.parent
