"""The desk's database on the command line: `pantau export`, `pantau doctor`, and
`pantau db upgrade | copy | rebuild-search | remove-orphans`."""

import asyncio
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import click
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from core.locations import as_db_url
from core.vocabulary import type_named, type_names
from fetchers.errors import FetchError
from fetchers.http import FEED_MAX_BYTES, FetchLimits, fetch, make_client
from storage.copy import CopyError, copy_database
from storage.doctor import Finding, Health, check_database, check_stored_feed_health, rebuild_search, remove_orphans
from storage.engine import connect_engine
from storage.exports import FORMATS, ExportFilter, engagement_records, write_export, write_export_file
from storage.feeds import enabled_feeds
from storage.schema import current_revision
from tagging.gazetteer import unknown_kabkota
from tui.cli.common import (DeskError, database_problem, day_option, open_engine, open_read_only, sqlite_path,
                             writable)
from tui.config import Settings


@click.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="acled-csv", show_default=True,
              help="acled-csv: ACLED's columns; csv and jsonl: every field Pantau keeps.")
@click.option("--since", callback=day_option, metavar="DATE", help="Events on or after this day: 2025-12-01, or 30d, 2w, 3m, 1y ago.")
@click.option("--until", callback=day_option, metavar="DATE", help="Events on or before this day: 2025-12-31, or 7d ago.")
@click.option("--kab", "kabupaten", multiple=True, metavar="CODE|NAME",
              help="Only this kabupaten/kota: a code (36.04), a full name, or a bare name for both (serang). Repeatable.")
@click.option("--type", "types", multiple=True, metavar="TYPE", help="Only this engagement type (protest, dialogue, ...). Repeatable.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file (default: standard output).")
@click.pass_obj
def export(settings: Settings, fmt: str, since: date | None, until: date | None, kabupaten: tuple[str, ...],
           types: tuple[str, ...], output: Path | None) -> None:
    """Export the coded engagements, one row per engagement."""
    if any(not name.strip() for name in kabupaten):
        raise click.BadParameter("--kab needs a code or a name, as in 36.04 or serang", param_hint="--kab")
    unknown_place = unknown_kabkota(kabupaten)
    if unknown_place:
        raise click.BadParameter(unknown_place, param_hint="--kab")
    named = {name: type_named(name) for name in types}
    unknown = [name for name, type_id in named.items() if type_id is None]
    if unknown:
        raise click.BadParameter(f"no engagement type {unknown[0]!r}; the types are {type_names()}", param_hint="--type")
    types = tuple(named.values())
    places = tuple(" ".join(name.split()) for name in kabupaten)
    filters = ExportFilter(since=since, until=until, kabupaten=places, types=types)
    records = engagement_records(open_engine(settings, writes=False), filters)
    if output is None:
        write_export(records, fmt, sys.stdout)
        return
    count = write_export_file(records, fmt, output)
    click.echo(f"Wrote {count} engagements to {output}", err=True)


@click.group()
def db() -> None:
    """The desk's database: copy it, upgrade its schema, repair its search index or orphan rows."""


@db.command("upgrade")
@click.pass_obj
def db_upgrade(settings: Settings) -> None:
    """Bring the database's schema up to this Pantau's (Pantau also does this when it opens a database)."""
    engine = connect_engine(settings.db_url)
    try:
        before = current_revision(engine)
    except SQLAlchemyError as error:
        raise DeskError(database_problem(error, settings.db_url)) from error
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
    source_path = sqlite_path(as_db_url(source))
    if source_path is not None and not source_path.is_file():
        raise DeskError(f"there is no database at {source_path}")
    source_engine = open_engine(replace(settings, db_url=as_db_url(source)), writes=False)
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


@db.command("rebuild-search")
@click.pass_obj
def db_rebuild_search(settings: Settings) -> None:
    """Rebuild the full-text search index from the stored articles, and recount the timeline (when `pantau doctor`
    says either is out of step). Shows its progress; one transaction, so an interrupted rebuild changes nothing."""
    with click.progressbar(length=1, label="Rebuilding the search index", file=sys.stderr, show_pos=True) as bar:
        def on_progress(done: int, total: int) -> None:
            bar.length = max(total, 1)
            bar.update(done - bar.pos)

        rebuild_search(open_engine(settings), on_progress)
    click.echo("Rebuilt the search index and recounted the timeline.")


@db.command("remove-orphans")
@click.pass_obj
def db_remove_orphans(settings: Settings) -> None:
    """Repair rows that point at missing rows: tags and links of deleted articles go, articles of a lost feed stay."""
    repaired = remove_orphans(open_engine(settings))
    if not repaired:
        click.echo("No orphan rows.")
        return
    click.echo("Repaired " + ", ".join(f"{where} {count}" for where, count in repaired.items()))


FEED_CHECK_LIMITS = FetchLimits(connect_timeout_s=3.0, deadline_s=8.0)
FEED_CHECK_CONCURRENCY = 10
_MARKS = {Health.OK: "ok  ", Health.WARNING: "warn", Health.PROBLEM: "FAIL"}


@click.command()
@click.option("--offline", is_flag=True, help="Skip the network check of the feeds; report their stored health only.")
@click.pass_obj
def doctor(settings: Settings, offline: bool) -> None:
    """Check the database (integrity, schema, search index, orphan rows) and the feeds, and say what to do.

    Exits with status 1 when something needs repair.
    """
    engine = _engine_for_checks(settings)
    findings = check_database(engine, lambda check: click.echo(f"checking {check}…", err=True))
    if all(finding.check != "integrity" or finding.health is Health.OK for finding in findings):
        findings.append(check_stored_feed_health(engine))
        if not offline:
            findings.append(_check_feeds_online([feed.url for feed in enabled_feeds(engine)]))
    for finding in findings:
        click.echo(f"{_MARKS[finding.health]}  {finding.check:<15} {finding.message}")
        if finding.remedy and finding.health is not Health.OK:
            click.echo(f"{'':<21}→ {finding.remedy}")
    problems = sum(finding.health is Health.PROBLEM for finding in findings)
    if problems:
        click.echo(f"{problems} problem{'s' if problems > 1 else ''} found.", err=True)
        raise click.exceptions.Exit(1)
    click.echo("No problems found.")


def _engine_for_checks(settings: Settings) -> Engine:
    """The database as it is: not created, not upgraded, read-only when it cannot be written."""
    path = sqlite_path(settings.db_url)
    if path is not None and not path.is_file():
        raise DeskError(f"there is no database at {path}: Pantau creates one when it first opens")
    if path is not None and not writable(path):
        return open_read_only(path, schema_must_match=False)
    try:
        return connect_engine(settings.db_url)
    except SQLAlchemyError as error:
        raise DeskError(database_problem(error, settings.db_url)) from error


def _check_feeds_online(urls: list[str]) -> Finding:
    """GET every enabled feed once, with short timeouts, through the poller's own client."""
    if not urls:
        return Finding("feeds (online)", Health.WARNING, "no enabled feed to check", "`pantau feeds add URL`")
    failures = asyncio.run(_failures(urls))
    answered = len(urls) - len(failures)
    message = f"{answered} of {len(urls)} feeds answered"
    if answered == 0:
        return Finding("feeds (online)", Health.PROBLEM, f"{message}: is this machine offline? (first: {failures[0]})",
                       "check the network connection; the desk still opens and shows what is stored")
    if failures:
        return Finding("feeds (online)", Health.WARNING, f"{message}; failing: " + "; ".join(failures[:5]),
                       "`pantau feeds` shows each feed's history; remove feeds that stay dead")
    return Finding("feeds (online)", Health.OK, message)


async def _failures(urls: list[str]) -> list[str]:
    gate = asyncio.Semaphore(FEED_CHECK_CONCURRENCY)
    async with make_client(FEED_CHECK_LIMITS, max_connections=FEED_CHECK_CONCURRENCY) as client:
        async def failure(url: str) -> str | None:
            async with gate:
                try:
                    await fetch(client, url, max_bytes=FEED_MAX_BYTES, limits=FEED_CHECK_LIMITS)
                except FetchError as error:
                    return f"{url}: {error.message}"
            return None

        results = await asyncio.gather(*(failure(url) for url in urls))
    return [result for result in results if result]
