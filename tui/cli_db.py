"""The desk's database on the command line: `pantau export`, and `pantau db upgrade | copy`."""

import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import click
from sqlalchemy.exc import SQLAlchemyError

from storage.copy import CopyError, copy_database
from storage.engine import connect_engine
from storage.exports import FORMATS, ExportFilter, engagement_records, write_export
from storage.locations import as_db_url
from storage.schema import current_revision
from tui.cli_common import DeskError, open_engine
from tui.config import Settings


def _day(_ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise click.BadParameter(f"not an ISO date (YYYY-MM-DD): {value!r}", param_hint=f"--{param.name}") from error


@click.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="acled-csv", show_default=True,
              help="acled-csv: ACLED's columns; csv and jsonl: every field Pantau keeps.")
@click.option("--since", callback=_day, metavar="YYYY-MM-DD", help="Events on or after this day.")
@click.option("--until", callback=_day, metavar="YYYY-MM-DD", help="Events on or before this day.")
@click.option("--kab", "kabupaten", multiple=True, metavar="CODE|NAME",
              help="Only this kabupaten/kota: a code (36.04), a full name, or a bare name for both (serang). Repeatable.")
@click.option("--type", "types", multiple=True, metavar="TYPE", help="Only this engagement type (protest, dialogue, ...). Repeatable.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file (default: standard output).")
@click.pass_obj
def export(settings: Settings, fmt: str, since: date | None, until: date | None, kabupaten: tuple[str, ...],
           types: tuple[str, ...], output: Path | None) -> None:
    """Export the coded engagements, one row per engagement."""
    filters = ExportFilter(since=since, until=until, kabupaten=kabupaten, types=types)
    records = engagement_records(open_engine(settings), filters)
    if output is None:
        write_export(records, fmt, sys.stdout)
        return
    with output.open("w", encoding="utf-8", newline="") as handle:
        count = write_export(records, fmt, handle)
    click.echo(f"Wrote {count} engagements to {output}", err=True)


@click.group()
def db() -> None:
    """The desk's database: copy it to another, or upgrade its schema."""


@db.command("upgrade")
@click.pass_obj
def db_upgrade(settings: Settings) -> None:
    """Bring the database's schema up to this Pantau's (Pantau also does this when it opens a database)."""
    engine = connect_engine(settings.db_url)
    try:
        before = current_revision(engine)
    except SQLAlchemyError as error:
        raise DeskError(f"cannot open the database {settings.db_url}: {getattr(error, 'orig', None) or error}") from error
    open_engine(settings)
    after = current_revision(engine)
    if before == after:
        click.echo(f"The database is already at schema {after}.")
    else:
        click.echo(f"Upgraded the database from schema {before or '(empty)'} to {after}.")


@db.command("copy")
@click.argument("source", metavar="SRC")
@click.argument("target", metavar="DST")
@click.pass_obj
def db_copy(settings: Settings, source: str, target: str) -> None:
    """Copy a whole desk (every article, tag and audit row, ids kept) into an empty database.

    SRC and DST are SQLite files or URLs, e.g. `pantau db copy ~/pantau.db postgresql://desk@host/pantau`.
    """
    source_engine = open_engine(replace(settings, db_url=as_db_url(source)))
    target_engine = open_engine(replace(settings, db_url=as_db_url(target)))
    with click.progressbar(length=1, label="Copying", file=sys.stderr, show_pos=True) as bar:
        def on_progress(table: str, done: int, total: int) -> None:
            bar.label = f"Copying {table:<14}"
            bar.length = max(total, 1)
            bar.pos = 0
            bar.update(done)

        try:
            counts = copy_database(source_engine, target_engine, on_progress)
        except CopyError as error:
            raise DeskError(f"cannot copy to {target}: {error}") from error
    click.echo(f"Copied {sum(counts.values())} rows in {len(counts)} tables: "
               + ", ".join(f"{name} {rows}" for name, rows in counts.items() if rows))
