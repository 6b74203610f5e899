"""One cycle of the whole pipeline: poll the feeds, then tag what arrived."""

import asyncio
from collections.abc import Callable

import httpx
from sqlalchemy import Engine

from fetchers.poller import PollSummary, poll_due, poll_feeds
from fetchers.tag_step import tag_pending
from storage.models import Feed
from storage.tags import TaggingBacklog


async def run_cycle(
    engine: Engine,
    feeds: list[Feed] | None = None,
    client: httpx.AsyncClient | None = None,
    *,
    on_backlog: Callable[[TaggingBacklog], None] | None = None,
    on_tagged: Callable[[int], None] | None = None,
    **options,
) -> PollSummary:
    """Poll `feeds` (every due feed when None), then tag every article not tagged yet.

    Tagging covers earlier leftovers too (say, articles stored while the tagger was older), so
    the app and `pantau poll` both keep every stored article tagged without a separate pass; after
    a tagger upgrade that is every article, so `on_backlog` and `on_tagged` (from a thread) let the
    caller show it (`fetchers.tag_step.tag_pending`).
    """
    if feeds is None:
        summary = await poll_due(engine, client, **options)
    else:
        summary = await poll_feeds(engine, feeds, client, **options)
    await asyncio.to_thread(tag_pending, engine, on_tagged, on_backlog)
    return summary
