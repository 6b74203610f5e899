"""The desk's database on the command line: `pantau export`, and `pantau db upgrade | copy`."""

import sys
from datetime import date
from pathlib import Path

import click

from storage.exports import FORMATS, ExportFilter, engagement_records, write_export
from tui.cli_common import open_engine
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
