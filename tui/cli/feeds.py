"""`pantau feeds`: the feed list with its health, and managing it from the command line."""

import asyncio
import sys
from datetime import datetime, timezone, tzinfo
from pathlib import Path

import click
from sqlalchemy import Engine

from core.moments import local_time
from core.plain_text import plain_line
from core.vocabulary import SOURCE_KINDS, SourceKind
from fetchers.site_rules import extraction_warning
from fetchers.opml import FeedListEntry, OpmlError, default_feeds, read_opml, write_opml
from storage.feeds import (
    add_feed,
    disable_feed,
    enable_feed,
    enabled_feeds,
    feed_at,
    feed_count,
    list_feeds,
    set_feed_options,
)
from storage.models import Feed
from tui.cli.common import DeskError, open_engine
from tui.config import Settings, zone_named


def seed_default_feeds(engine: Engine) -> None:
    """On a brand-new database, start from the regional feeds shipped in seeds/feeds.opml."""
    if feed_count(engine) == 0:
        for entry in default_feeds():
            add_feed(engine, entry.url, title=entry.title, site=entry.site, kind=entry.kind, platform=entry.platform)


def _when(moment: datetime | None, zone: tzinfo) -> str:
    """Day, time and zone name in the configured zone (WIB by default), as the desk shows them; Pantau stores UTC."""
    if moment is None:
        return "never"
    return local_time(moment, zone).strftime("%Y-%m-%d %H:%M %Z")


def display_zone(settings: Settings) -> tzinfo:
    """The configured time zone; an unknown name is said on standard error, and times are shown in UTC."""
    zone = zone_named(settings.timezone)
    if zone is timezone.utc and settings.timezone not in ("UTC", "Etc/UTC"):
        click.echo(f"Unknown time zone {settings.timezone!r} in the configuration; showing UTC.", err=True)
    return zone


def _state(feed: Feed) -> str:
    if not feed.enabled:
        return "disabled"
    return "muted" if feed.muted else feed.last_status


def _found(feed: Feed | None, url_or_id: str) -> Feed:
    if feed is None:
        raise DeskError(f"no feed matches {url_or_id!r}: `pantau feeds` lists them")
    return feed


def _health_lines(feed: Feed, zone: tzinfo) -> str:
    """A source in four lines at most: health, kind and address with whether it ever answered, the last
    error worded for a person, and pages that keep failing extraction."""
    answered = f"answered {_when(feed.last_ok_at, zone)}" if feed.last_ok_at else "unconfirmed: has not answered yet"
    platform = f"{plain_line(feed.platform)} (believed), " if feed.platform else ""
    lines = [
        f"{feed.id:>4}  {_state(feed):<13} fails={feed.consecutive_failures:<3} "
        f"polled={_when(feed.last_polled_at, zone):<21} next={_when(feed.next_poll_at, zone) if feed.enabled else '-':<21} "
        f"{plain_line(feed.title or feed.url)}",
        f"      {feed.kind:<8} {plain_line(feed.url)}  ({platform}{answered})",
    ]
    if feed.last_error:
        lines.append(f"      last error: {plain_line(feed.last_error)}")
    if (warning := extraction_warning(feed)) is not None:
        lines.append(f"      {warning}")
    return "\n".join(lines)


@click.group(invoke_without_command=True)
@click.pass_context
def feeds(ctx: click.Context) -> None:
    """List the feeds with their health, or manage them."""
    if ctx.invoked_subcommand is None:
        engine = open_engine(ctx.obj)
        seed_default_feeds(engine)
        zone = display_zone(ctx.obj)
        for feed in list_feeds(engine):
            click.echo(_health_lines(feed, zone))


@feeds.command("add")
@click.argument("address")
@click.option("--title", default="", help="A name for the source (default: its own title).")
@click.option("--kind", type=click.Choice(SOURCE_KINDS),
              help="Take the address as this kind of source as it is, without looking (no network).")
@click.option("--dry-run", is_flag=True, help="Only say what discovery finds; add nothing.")
@click.pass_obj
def feeds_add(settings: Settings, address: str, title: str, kind: str | None, dry_run: bool) -> None:
    """Add a site (portalbanten.net) or an address: discovery finds its feed, news sitemap or listing page."""
    from fetchers.discovery import site_address  # the fetchers load only when a source is added (start-up time)
    from fetchers.errors import FetchError

    try:
        url = site_address(address)
    except FetchError as error:
        raise DeskError(error.message) from error
    engine = None if dry_run else open_engine(settings)
    if kind:
        feed = add_feed(engine, url, title=title, kind=kind) if engine else None
        click.echo(f"Added {kind} {feed.id}: {plain_line(url)}" if feed else f"Dry run: would add {kind} {plain_line(url)}")
        return
    click.echo(f"Looking for the sources of {plain_line(url)} …", err=True)
    try:
        discovery = asyncio.run(_discover(address))
    except FetchError as error:
        if dry_run or not error.network:
            raise DeskError(f"could not look at {url}: {error.message}; nothing added") from error
        feed = add_feed(engine, url, title=title, kind=SourceKind.SITE)
        click.echo(f"Added site {feed.id}, unconfirmed: {plain_line(url)} could not be reached "
                   f"({plain_line(error.message)}); its sources are looked for again at its first poll")
        return
    picked = discovery.picked
    feed = known = None
    if picked is not None and not dry_run:
        known = feed_at(engine, picked.url)
        feed = add_feed(engine, picked.url, title=title, site=discovery.address, kind=picked.kind)
    for line in discovery.report():
        click.echo(plain_line(line))
    if picked is None:
        raise DeskError(f"nothing to watch at {url}; nothing added (--kind listing takes a page of links as it is)")
    if feed is None:
        click.echo("Dry run: nothing added.")
    else:
        done = f"Already watched as source {feed.id}" if known else f"Added {picked.kind} {feed.id}"
        click.echo(f"{done}: {plain_line(feed.url)}")


async def _discover(address: str):
    from fetchers.discovery import discover
    from fetchers.http import make_client

    async with make_client() as client:
        return await discover(client, address)


@feeds.command("remove")
@click.argument("url_or_id")
@click.pass_obj
def feeds_remove(settings: Settings, url_or_id: str) -> None:
    """Stop polling a feed (by address or number); its articles are kept."""
    feed = _found(disable_feed(open_engine(settings), url_or_id), url_or_id)
    click.echo(f"Feed {feed.id} will no longer be polled; its articles are kept: {plain_line(feed.url)}")


@feeds.command("import")
@click.argument("opml_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_obj
def feeds_import(settings: Settings, opml_file: Path) -> None:
    """Add every feed listed in an OPML file."""
    try:
        entries = read_opml(opml_file)
    except OpmlError as error:
        raise DeskError(str(error)) from error
    engine = open_engine(settings)
    with click.progressbar(entries, label="Importing feeds", file=sys.stderr) as bar:
        for entry in bar:
            add_feed(engine, entry.url, title=entry.title, site=entry.site, kind=entry.kind, platform=entry.platform)
    click.echo(f"Imported {len(entries)} feeds from {opml_file}")


@feeds.command("export")
@click.argument("opml_file", type=click.Path(dir_okay=False, path_type=Path), required=False)
@click.pass_obj
def feeds_export(settings: Settings, opml_file: Path | None) -> None:
    """Write the enabled feeds as OPML 2.0 (to standard output without a file)."""
    entries = [FeedListEntry(*(plain_line(part, None) for part in (f.url, f.title, f.site)), kind=f.kind,
                             platform=plain_line(f.platform, None) if f.platform else None)
               for f in enabled_feeds(open_engine(settings))]
    document = write_opml(entries)
    if opml_file is None:
        click.echo(document, nl=False)
    else:
        opml_file.write_text(document, encoding="utf-8")
        click.echo(f"Wrote {len(entries)} feeds to {opml_file}")


@feeds.command("enable")
@click.argument("url_or_id")
@click.pass_obj
def feeds_enable(settings: Settings, url_or_id: str) -> None:
    """Poll a feed again (after `remove` or a 410 Gone), due at once, failures forgotten."""
    feed = _found(enable_feed(open_engine(settings), url_or_id), url_or_id)
    click.echo(f"Feed {feed.id} will be polled again: {plain_line(feed.url)}")


@feeds.command("set")
@click.argument("feed_id", type=int)
@click.option("--interval", "interval_s", type=click.IntRange(min=0), help="Seconds between polls (0: the global interval).")
@click.option("--user-agent", help="A User-Agent for this feed only (empty: Pantau's own).")
@click.option("--ignore-cache/--use-cache", default=None, help="Ignore the server's ETag/Last-Modified (for servers that lie).")
@click.pass_obj
def feeds_set(settings: Settings, feed_id: int, interval_s: int | None, user_agent: str | None, ignore_cache: bool | None) -> None:
    """Per-feed options: its own poll interval, User-Agent, or ignoring HTTP caching."""
    if user_agent and not user_agent.isprintable():
        raise click.BadParameter("a User-Agent cannot hold control characters (line breaks, tabs)",
                                 param_hint="--user-agent")
    feed = set_feed_options(
        open_engine(settings), feed_id, poll_interval_s=interval_s, user_agent=user_agent, ignore_http_cache=ignore_cache
    )
    if feed is None:
        raise DeskError(f"no feed {feed_id}: `pantau feeds` lists them")
    click.echo(
        f"Feed {feed.id}: interval {feed.poll_interval_s or settings.poll_interval_s} s, "
        f"user agent {plain_line(feed.user_agent) or 'Pantau'}, HTTP caching {'ignored' if feed.ignore_http_cache else 'used'}"
    )
