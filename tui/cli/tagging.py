"""Extraction and tagging on the command line: `pantau extract`, `tag`, `retag` and `actors`.

Other tools and evaluations depend on these outputs; README.md documents them, keep them stable.
"""

import asyncio
import json
import sys
from datetime import datetime
from pathlib import Path

import click

from core.plain_text import json_safe, plain_block, plain_line
from core.vocabulary import ACTOR_KINDS
from fetchers.extract import Extracted, decode_page, extract_article
from fetchers.http import PAGE_MAX_BYTES, fetch, make_client
from fetchers.errors import FetchError
from fetchers.tag_step import tag_pending
from storage.actors import ActorEditError, list_actors, merge_actors, split_actor
from storage.articles import article_count
from storage.tags import articles_pending, forget_tagger_versions
from tagging import TAGGER_VERSION, tag_article
from tui.cli.common import DeskError, open_engine
from tui.config import Settings


def _read_page(source: str) -> tuple[str, str | None]:
    """The decoded HTML of a saved file or an address, and the address it came from."""
    if source.startswith(("http://", "https://")):
        try:
            fetched = asyncio.run(_download(source))
        except FetchError as error:
            raise DeskError(f"cannot fetch {source}: {error.message}") from error
        return decode_page(fetched.body, fetched.headers.get("content-type", "")), fetched.url
    try:
        return decode_page(Path(source).read_bytes()), None
    except OSError as error:
        raise DeskError(f"cannot read {source}: {error.strerror}") from error


async def _download(url: str):
    async with make_client() as client:
        return await fetch(client, url, max_bytes=PAGE_MAX_BYTES)


def _as_json(extracted: Extracted) -> dict:
    return {
        "title": extracted.title,
        "date": extracted.published.isoformat() if extracted.published else None,
        "author": extracted.author,
        "text": extracted.text,
        "status": extracted.status,
    }


@click.command()
@click.argument("source", metavar="FILE|URL")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object: title, date, author, text, status.")
def extract(source: str, as_json: bool) -> None:
    """Print the article extracted from a saved HTML page or an address, as the pipeline stores it."""
    html, url = _read_page(source)
    extracted = extract_article(html, url)
    if as_json:
        click.echo(json_safe(json.dumps(_as_json(extracted), ensure_ascii=False, indent=2)))
        return
    date = extracted.published.isoformat() if extracted.published else "unknown"
    title = plain_line(extracted.title, None) or "(no title)"
    click.echo(f"{title}\n{date} · {extracted.status}\n\n{plain_block(extracted.text)}")


def _parse_published(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError as error:
        raise click.BadParameter(f"not an ISO date or datetime: {value!r}", param_hint="--published") from error


@click.command()
@click.argument("source", metavar="[FILE|-]", default="-")
@click.option("--published", metavar="ISO-DATETIME", help="Publication time, to resolve dates without a year.")
@click.option("--html", "is_html", is_flag=True, help="The input is an HTML page: extract its text first.")
@click.option("--extended", is_flag=True,
              help="Every field the tagger computes and the desk stores (confidences, trigger spans, ACLED's coding).")
def tag(source: str, published: str | None, is_html: bool, extended: bool) -> None:
    """Print the tags of one article (places, actors, engagements) as one JSON object."""
    published_at = _parse_published(published)
    if source == "-" and sys.stdin.isatty():
        # `pantau tag` typed alone waited in silence: say what it waits for (on stderr, the JSON stays alone).
        click.echo("Reading the article from standard input: paste its text, then ctrl+d; or give a FILE.", err=True)
    raw = sys.stdin.buffer.read() if source == "-" else _read_bytes(source)
    title, text = "", raw.decode("utf-8", errors="replace")
    if is_html:
        extracted = extract_article(decode_page(raw), None)
        title, text = extracted.title or "", extracted.text
        published_at = published_at or extracted.published
        if not text.strip():
            click.echo(f"pantau tag: {extracted.status}, so there is nothing to tag "
                       "(without --html the input is read as plain text).", err=True)
    tags = tag_article(title, text, published_at)
    click.echo(json_safe(json.dumps(tags.to_json(extended), ensure_ascii=False, indent=2)))


def _read_bytes(source: str) -> bytes:
    try:
        return Path(source).read_bytes()
    except OSError as error:
        raise DeskError(f"cannot read {source}: {error.strerror}") from error


@click.command()
@click.option("--resume", is_flag=True,
              help="Go on with a re-tag that was interrupted: only the articles it had not re-tagged yet.")
@click.pass_obj
def retag(settings: Settings, resume: bool) -> None:
    """Re-run automatic tagging over every stored article; manual tags are never touched.

    Shows its progress; ctrl+c stops it between two articles (each is re-tagged in one transaction), and
    `pantau retag --resume` goes on from there.
    """
    engine = open_engine(settings)
    if resume:
        total = articles_pending(engine, TAGGER_VERSION)
    else:
        total = article_count(engine)
        forget_tagger_versions(engine)
    done = 0

    def progressed(tagged: int) -> None:
        nonlocal done
        done = tagged
        bar.update(tagged - bar.pos)

    with click.progressbar(length=total, label="Re-tagging articles", file=sys.stderr, show_pos=True) as bar:
        try:
            tagged = tag_pending(engine, on_progress=progressed)
        except KeyboardInterrupt:
            click.echo(f"\nInterrupted after re-tagging {done} of {total} articles: "
                       "`pantau retag --resume` goes on from there.", err=True)
            raise click.exceptions.Exit(130) from None
    click.echo(f"Re-tagged {tagged} of {total} articles")


@click.group(invoke_without_command=True)
@click.option("--kind", type=click.Choice(ACTOR_KINDS))
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.pass_context
def actors(ctx: click.Context, kind: str | None, limit: int) -> None:
    """List the most mentioned actors, or correct their identity (merge, split)."""
    if ctx.invoked_subcommand is None:
        entries = list_actors(open_engine(ctx.obj), kind, limit)
        if entries:  # the columns named: a newcomer read "69  government  6×  Gubernur" without knowing 69 is the id
            click.echo(f"{'id':>5}  {'kind':<10} {'named':>5}  name  post · unit · organisation")
        for entry in entries:
            actor = entry.actor
            parts = dict.fromkeys(part for part in (actor.position, actor.unit, actor.organisation)
                                  if part and part != actor.name)
            detail = plain_line(" · ".join(parts))
            name = plain_line(actor.name) or "(no name)"
            click.echo(f"{actor.id:>5}  {actor.kind:<10} {entry.mentions:>4}×  {name}  {detail}")


@actors.command("merge")
@click.argument("keep_id", type=int)
@click.argument("other_id", type=int)
@click.pass_obj
def actors_merge(settings: Settings, keep_id: int, other_id: int) -> None:
    """Fold actor OTHER_ID into KEEP_ID: one person under two spellings or ranks."""
    try:
        moved = merge_actors(open_engine(settings), keep_id, other_id)
    except ActorEditError as error:
        raise DeskError(str(error)) from error
    click.echo(f"Merged actor {other_id} into {keep_id} ({moved} mentions moved)")


@actors.command("split")
@click.argument("actor_id", type=int)
@click.option("--articles", "article_ids", required=True, help="Comma-separated article ids to move.")
@click.option("--name", required=True, help="The name of the new actor.")
@click.pass_obj
def actors_split(settings: Settings, actor_id: int, article_ids: str, name: str) -> None:
    """Move ACTOR_ID's mentions in some articles to a new actor: two people wrongly taken for one."""
    try:
        ids = [int(part) for part in article_ids.split(",") if part.strip()]
    except ValueError as error:
        raise click.BadParameter(f"article ids are numbers separated by commas, not {article_ids!r}",
                                 param_hint="--articles") from error
    try:
        created = split_actor(open_engine(settings), actor_id, ids, name)
    except ValueError as error:
        raise DeskError(str(error)) from error
    click.echo(f"Created actor {created.id} ({plain_line(created.name)}) from actor {actor_id}")
