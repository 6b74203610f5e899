"""`pantau feeds`: the feed list with its health, and managing it from the command line."""

import sys
from datetime import datetime, timezone, tzinfo
from pathlib import Path

import click
from sqlalchemy import Engine

from core.plain_text import plain_line
from fetchers.opml import FeedListEntry, OpmlError, default_feeds, read_opml, write_opml
from storage.feeds import (
    add_feed,
    disable_feed,
    enable_feed,
    enabled_feeds,
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
            add_feed(engine, entry.url, title=entry.title, site=entry.site)


def _when(moment: datetime | None, zone: tzinfo) -> str:
    """Day, time and zone name in the configured zone (WIB by default), as the desk shows them; Pantau stores UTC."""
    if moment is None:
        return "never"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")


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
    """A feed in three lines at most: health, address, and the last error worded for a person."""
    lines = [
        f"{feed.id:>4}  {_state(feed):<13} fails={feed.consecutive_failures:<3} "
        f"polled={_when(feed.last_polled_at, zone):<21} next={_when(feed.next_poll_at, zone) if feed.enabled else '-':<21} "
        f"{plain_line(feed.title or feed.url)}",
        f"      {plain_line(feed.url)}",
    ]
    if feed.last_error:
        lines.append(f"      last error: {plain_line(feed.last_error)}")
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
@click.argument("url")
@click.option("--title", default="", help="A name for the feed (default: the feed's own title).")
@click.pass_obj
def feeds_add(settings: Settings, url: str, title: str) -> None:
    """Add a feed by its address."""
    if not url.startswith(("http://", "https://")):
        raise DeskError(f"not a feed address: {url!r} (only http:// and https:// are accepted)")
    feed = add_feed(open_engine(settings), url, title=title)
    click.echo(f"Added feed {feed.id}: {plain_line(feed.url)}")


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
            add_feed(engine, entry.url, title=entry.title, site=entry.site)
    click.echo(f"Imported {len(entries)} feeds from {opml_file}")


@feeds.command("export")
@click.argument("opml_file", type=click.Path(dir_okay=False, path_type=Path), required=False)
@click.pass_obj
def feeds_export(settings: Settings, opml_file: Path | None) -> None:
    """Write the enabled feeds as OPML 2.0 (to standard output without a file)."""
    entries = [FeedListEntry(*(plain_line(part, None) for part in (f.url, f.title, f.site)))
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
