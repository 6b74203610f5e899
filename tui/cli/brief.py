"""`pantau brief`: the weekly brief as one self-contained HTML page (or Markdown for a `.md` name)."""

from datetime import date
from pathlib import Path

import click

from brief.content import BriefFilter
from brief.files import STEPS, BriefRequest, write_brief
from brief.period import Period, PeriodError, between, iso_week
from tagging.gazetteer import unknown_kabkota
from tui.cli.common import day_option, open_engine, today
from tui.config import Settings


def _names(option: str, values: tuple[str, ...]) -> tuple[str, ...]:
    if any(not value.strip() for value in values):
        raise click.BadParameter("needs a code or a name, as in 36 or Banten, 36.04 or serang", param_hint=option)
    return tuple(value.strip() for value in values)


def _period(week: str | None, since: date | None, until: date | None, now: date) -> Period:
    try:
        if week is not None:
            if since or until:
                raise click.UsageError("give either --week or --since/--until, not both")
            return iso_week(week)
        return between(since, until, now)
    except PeriodError as error:
        raise click.BadParameter(str(error), param_hint="--week" if week is not None else "--since/--until") from error


@click.command()
@click.option("--week", metavar="YYYY-Www", help="One ISO week, e.g. 2025-W48 (default: last complete week).")
@click.option("--since", callback=day_option, metavar="DATE", help="First day: 2025-11-24, or 30d / 2w / 3m / 1y ago (default: seven days before --until).")
@click.option("--until", callback=day_option, metavar="DATE", help="Last day, written as --since (default: today).")
@click.option("--province", "provinces", multiple=True, metavar="CODE|NAME", help="Only this province: 36 or Banten. Repeatable.")
@click.option("--kab", "kabupaten", multiple=True, metavar="CODE|NAME",
              help="Only this kabupaten/kota: a code (36.04), a full name, or a bare name for both (serang). Repeatable.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="The file to write; a .md name writes Markdown (default: pantau-brief-<period>.html here).")
@click.pass_context
def brief(ctx: click.Context, week: str | None, since: date | None, until: date | None, provinces: tuple[str, ...],
          kabupaten: tuple[str, ...], output: Path | None) -> None:
    """Write the brief of a period: counts by type and kabupaten/kota against the period before, charts, and every engagement with its sources."""
    period = _period(week, since, until, today(ctx))
    filters = BriefFilter(_names("--province", provinces), _names("--kab", kabupaten))
    unknown_place = unknown_kabkota(filters.kabupaten)
    if unknown_place:
        raise click.BadParameter(unknown_place, param_hint="--kab")
    path = output or Path(f"pantau-brief-{period.slug}.html")
    if not path.absolute().parent.is_dir():
        raise click.BadParameter(f"cannot write {path}: there is no folder {path.absolute().parent}", param_hint="--output")
    engine = open_engine(ctx.find_object(Settings), writes=False)

    def progress(step: int, label: str) -> None:
        if step < len(STEPS):
            click.echo(f"[{step + 1}/{len(STEPS)}] {label}…", err=True)

    written = write_brief(engine, BriefRequest(period, filters, path), progress)
    count = written.total.total
    click.echo(f"Wrote the brief of {period.label} ({count} engagement{'s' if count != 1 else ''}) to {path.absolute()}")
