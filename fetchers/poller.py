"""The poller: feeds in, articles stored, each feed's health recorded — without blocking the event loop.

Network I/O runs on one `httpx.AsyncClient` under a global and a per-host limit. The blocking
steps run elsewhere: feedparser and SQLAlchemy through `asyncio.to_thread`, extraction in a
pool sized to the machine's cores. A failing feed never stops the others; a cycle in which
every feed fails with a network error is reported as offline and held against no feed.
"""

import asyncio
import hashlib
import logging
import os
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urlsplit

import httpx
from sqlalchemy import Engine

from fetchers.errors import FailureKind, FetchError
from fetchers.extract import Extracted, decode_page, extract_article
from fetchers.feeds import FeedEntry, parse_feed_async
from fetchers.http import FetchLimits, Validators, fetch, make_client
from fetchers.schedule import next_poll_at
from fetchers.site_rules import load_rules
from fetchers.text import html_to_text
from storage.articles import NewArticle, add_articles, known_guids
from storage.feeds import due_feeds, record_poll
from storage.fetch_state import OfflinePoll, record_offline
from storage.models import Feed

log = logging.getLogger(__name__)

STATUS_OK = "ok"
STATUS_NOT_MODIFIED = "not modified"
STATUS_FAILED = "failed"
STATUS_OFFLINE = "offline"
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
HTML_TYPES = frozenset({"", "text/html", "application/xhtml+xml", "text/plain"})
SUMMARY_CHARS = 300
ProgressCallback = Callable[[int, int], None]

_extract_pool: ThreadPoolExecutor | None = None


@dataclass
class PollSummary:
    """What one cycle did, for the status bar and `pantau poll --once`."""

    polled: int = 0
    not_modified: int = 0
    failed: int = 0
    new_articles: int = 0
    offline: bool = False


@dataclass(frozen=True)
class _Outcome:
    feed: Feed
    new_articles: int = 0
    not_modified: bool = False
    error: FetchError | None = None


class HostLimiter:
    """At most `concurrency` requests in flight, and at most `per_host` to any one host.

    The host slot is taken first, so requests queued for a busy host never hold global
    slots that requests to other hosts could use.
    """

    def __init__(self, concurrency: int, per_host: int) -> None:
        self._global = asyncio.Semaphore(concurrency)
        self._per_host = per_host
        self._hosts: dict[str, asyncio.Semaphore] = {}

    @asynccontextmanager
    async def slot(self, url: str):
        host = (urlsplit(url).hostname or "").lower()
        host_slot = self._hosts.setdefault(host, asyncio.Semaphore(self._per_host))
        async with host_slot, self._global:
            yield


@dataclass(frozen=True)
class _Cycle:
    """What every feed task of one poll cycle shares."""

    engine: Engine
    client: httpx.AsyncClient
    limiter: HostLimiter
    limits: FetchLimits
    pool: Executor
    interval_s: int


def extract_pool() -> ThreadPoolExecutor:
    """The shared extraction pool, one worker per core, created on first use."""
    global _extract_pool
    if _extract_pool is None:
        _extract_pool = ThreadPoolExecutor(max_workers=os.cpu_count() or 2, thread_name_prefix="pantau-extract")
    return _extract_pool


async def poll_due(engine: Engine, client: httpx.AsyncClient | None = None, **options) -> PollSummary:
    """Poll the enabled feeds whose next poll time has come; options as for `poll_feeds`."""
    feeds = await asyncio.to_thread(due_feeds, engine)
    return await poll_feeds(engine, feeds, client, **options)


async def poll_feeds(
    engine: Engine,
    feeds: list[Feed],
    client: httpx.AsyncClient | None = None,
    *,
    poll_interval_s: int = 600,
    concurrency: int = 20,
    per_host: int = 2,
    limits: FetchLimits = FetchLimits(),
    on_progress: ProgressCallback | None = None,
    pool: Executor | None = None,
) -> PollSummary:
    """Poll `feeds` once: fetch, parse, fetch and extract new entries' pages, store, record health."""
    if not feeds:
        return PollSummary()
    async with _client(client, limits) as http:
        cycle = _Cycle(
            engine, http, HostLimiter(concurrency, per_host), limits, pool or extract_pool(), poll_interval_s
        )
        outcomes = await _run_all(cycle, feeds, on_progress)
    offline = all(outcome.error is not None and outcome.error.network for outcome in outcomes)
    await _record_network_failures(cycle, outcomes, offline)
    return PollSummary(
        polled=len(outcomes),
        not_modified=sum(outcome.not_modified for outcome in outcomes),
        failed=sum(outcome.error is not None for outcome in outcomes),
        new_articles=sum(outcome.new_articles for outcome in outcomes),
        offline=offline,
    )


@asynccontextmanager
async def _client(client: httpx.AsyncClient | None, limits: FetchLimits):
    if client is not None:
        yield client
        return
    async with make_client(limits) as own:
        yield own


async def _run_all(cycle: _Cycle, feeds: list[Feed], on_progress: ProgressCallback | None) -> list[_Outcome]:
    total, done = len(feeds), 0
    if on_progress:
        on_progress(0, total)

    async def run(feed: Feed) -> _Outcome:
        nonlocal done
        outcome = await _poll_feed(cycle, feed)
        done += 1
        if on_progress:
            on_progress(done, total)
        return outcome

    return list(await asyncio.gather(*(run(feed) for feed in feeds)))


async def _poll_feed(cycle: _Cycle, feed: Feed) -> _Outcome:
    """One feed, start to finish; every failure becomes an outcome, never an exception."""
    try:
        return await _fetch_and_store(cycle, feed)
    except FetchError as error:
        outcome = _Outcome(feed, error=error)
    except Exception as error:  # noqa: BLE001  (one broken feed must not stop the cycle)
        log.exception("polling %s failed unexpectedly", feed.url)
        outcome = _Outcome(feed, error=FetchError(FailureKind.INTERNAL, f"internal error: {error!r} (see the log)"))
    if not outcome.error.network:
        await _record_failure(cycle, outcome)
    return outcome


async def _fetch_and_store(cycle: _Cycle, feed: Feed) -> _Outcome:
    async with cycle.limiter.slot(feed.url):
        fetched = await fetch(
            cycle.client,
            feed.url,
            max_bytes=cycle.limits.feed_max_bytes,
            validators=Validators(feed.etag, feed.last_modified),
            limits=cycle.limits,
            headers={"Accept": FEED_ACCEPT},
        )
    if fetched.not_modified:
        await _record_success(cycle, feed, STATUS_NOT_MODIFIED, fetched.validators)
        return _Outcome(feed, not_modified=True)
    parsed = await parse_feed_async(fetched.body, feed.url, fetched.headers.get("content-type", ""))
    entries = await _new_entries(cycle.engine, feed, parsed.entries)
    articles = await asyncio.gather(*(_article(cycle, entry) for entry in entries))
    added = await asyncio.to_thread(add_articles, cycle.engine, feed.id, _oldest_first(articles))
    await _record_success(cycle, feed, STATUS_OK, fetched.validators, title=parsed.title, site=parsed.site)
    return _Outcome(feed, new_articles=added)


async def _new_entries(engine: Engine, feed: Feed, entries: list[FeedEntry]) -> list[FeedEntry]:
    known = await asyncio.to_thread(known_guids, engine, feed.id, [entry.guid for entry in entries])
    return [entry for entry in entries if entry.guid not in known]


async def _article(cycle: _Cycle, entry: FeedEntry) -> NewArticle:
    """Fetch the entry's page and build the article in the pool; page trouble only means fallback."""
    body, content_type, page_url, problem = b"", "", entry.link, ""
    try:
        async with cycle.limiter.slot(entry.link):
            page = await fetch(cycle.client, entry.link, max_bytes=cycle.limits.page_max_bytes, limits=cycle.limits)
        body, content_type, page_url = page.body, page.headers.get("content-type", ""), page.url
        if page.media_type not in HTML_TYPES:
            body, problem = b"", f"the page is {page.media_type}, not HTML"
    except FetchError as error:
        problem = f"the page could not be fetched ({error.message})" if entry.link else "the entry has no link"
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(cycle.pool, build_article, entry, body, content_type, page_url, problem)


def build_article(entry: FeedEntry, page: bytes, content_type: str, page_url: str, problem: str = "") -> NewArticle:
    """The article to store: the page's extracted text, else the feed's own content, with a status
    saying which and why. Blocking and free of I/O, so it can run in any worker pool."""
    extracted = extract_article(decode_page(page, content_type), page_url) if page else None
    feed_text = load_rules().clean(html_to_text(entry.content) or entry.summary, entry.link)
    text, status = _choose_text(extracted, feed_text, problem)
    return NewArticle(
        guid=entry.guid,
        url=entry.link,
        title=entry.title or (extracted.title if extracted else None) or entry.link,
        published_at=entry.published or (extracted.published if extracted else None),
        summary=entry.summary or _lead(text),
        body=text,
        extraction_status=status,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        author=(extracted.author if extracted else None) or entry.author,
    )


def _choose_text(extracted: Extracted | None, feed_text: str, problem: str) -> tuple[str, str]:
    """Prefer the page; keep the feed's content when the page failed or gave clearly less."""
    if extracted is not None:
        if extracted.ok and len(extracted.text) * 2 >= len(feed_text):
            return extracted.text, extracted.status
        if extracted.ok:
            problem = f"the page gave less text than the feed ({len(extracted.text)} vs {len(feed_text)} characters)"
        else:
            problem = extracted.status.removeprefix("failed: ")
    if feed_text:
        return feed_text, f"fallback: {problem}; kept the feed's content"
    return "", f"failed: {problem}; the feed has no content either"


def _lead(text: str) -> str:
    first = text.split("\n", 1)[0]
    return first if len(first) <= SUMMARY_CHARS else first[:SUMMARY_CHARS].rsplit(" ", 1)[0] + "…"


def _oldest_first(articles: list[NewArticle]) -> list[NewArticle]:
    """Dated articles by date; undated ones last, in reverse feed order (feeds list newest first)."""
    undated_last = datetime.max.replace(tzinfo=timezone.utc)
    return sorted(reversed(articles), key=lambda article: article.published_at or undated_last)


def _next_poll(cycle: _Cycle, feed: Feed, error: FetchError | None = None) -> datetime:
    interval = feed.poll_interval_s or cycle.interval_s
    now = datetime.now(timezone.utc)
    if error is None:
        return next_poll_at(now, interval)
    return next_poll_at(now, interval, failures=feed.consecutive_failures + 1, retry_after_s=error.retry_after_s)


async def _record_success(
    cycle: _Cycle, feed: Feed, status: str, validators: Validators, title: str = "", site: str = ""
) -> None:
    await asyncio.to_thread(
        record_poll,
        cycle.engine,
        feed.id,
        status=status,
        next_poll_at=_next_poll(cycle, feed),
        etag=validators.etag,
        last_modified=validators.last_modified,
        title=title or None,
        site=site or None,
    )


async def _record_failure(cycle: _Cycle, outcome: _Outcome) -> None:
    try:
        await asyncio.to_thread(
            record_poll,
            cycle.engine,
            outcome.feed.id,
            status=STATUS_FAILED,
            error=outcome.error.message,
            next_poll_at=_next_poll(cycle, outcome.feed, outcome.error),
        )
    except Exception:  # noqa: BLE001  (the cycle goes on; the feed is simply due again)
        log.exception("could not record the failure of %s", outcome.feed.url)


async def _record_network_failures(cycle: _Cycle, outcomes: list[_Outcome], offline: bool) -> None:
    """Network failures wait for the end of the cycle: only then is it known whether we were offline."""
    failed = [outcome for outcome in outcomes if outcome.error is not None and outcome.error.network]
    if not offline:
        for outcome in failed:
            await _record_failure(cycle, outcome)
        return
    polls = [
        OfflinePoll(outcome.feed.id, f"offline: {outcome.error.message}", _next_poll(cycle, outcome.feed))
        for outcome in failed
    ]
    await asyncio.to_thread(record_offline, cycle.engine, polls, STATUS_OFFLINE)
