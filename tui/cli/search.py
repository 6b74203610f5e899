"""`pantau search`: the desk's quick search on the command line, where a newcomer looks for it first."""

from datetime import datetime, tzinfo

import click

from core.moments import local_time
from core.plain_text import plain_line
from storage.feed_order import PUBLISHED
from storage.search import SearchSource
from storage.search_parser import QuerySyntaxError, parse_query
from tui.cli.common import open_engine
from tui.config import Settings, zone_named
from tui.search_hints import unknown_place


@click.command(context_settings={"ignore_unknown_options": True})  # `buruh -polisi` excludes, is no option
@click.argument("words", nargs=-1, required=True, metavar="QUERY...")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True,
              help="How many of the articles found to list.")
@click.pass_obj
def search(settings: Settings, words: tuple[str, ...], limit: int) -> None:
    """List the articles a query finds, newest first: the desk's search (`/`) with its syntax — words,
    '"unjuk rasa"', OR, -word, kab:serang, type:escort, since:7d, is:review (README, "Search syntax")."""
    text = " ".join(words)
    try:
        query = parse_query(text)
    except QuerySyntaxError as error:
        raise click.BadParameter(error.message, param_hint="QUERY") from error
    zone = zone_named(settings.timezone)
    source = SearchSource(open_engine(settings, writes=False), query, zone)
    for row in source.page(limit, order=PUBLISHED):
        click.echo(f"{_day(row.dated_at, zone)}  {plain_line(row.source)[:20]:<20}  {plain_line(row.title)}")
    total = source.count()
    if total == 0:
        unknown = unknown_place(text)
        click.echo(f"No article matches {text!r}{': ' + unknown if unknown else '.'}")
    else:
        shown = min(total, limit)
        click.echo(f"{total} article{'s' if total != 1 else ''} match{'es' if total == 1 else ''}"
                   f"{f'; the newest {shown} shown (--limit)' if shown < total else ''}.")


def _day(moment: datetime | None, zone: tzinfo) -> str:
    """The day in the desk's time zone; SQLite hands datetimes back naive, and Pantau stores UTC."""
    if moment is None:
        return "undated    "
    return f"{local_time(moment, zone):%d %b %Y}"
