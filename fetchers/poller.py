"""The poller: feeds in, articles stored, each feed's health recorded — without blocking the event loop.

Network I/O runs on one `httpx.AsyncClient` under a global and a per-host limit. The blocking
steps run elsewhere: SQLAlchemy on one database thread, feedparser and extraction in a pool of
processes, one per core, because both are pure Python and would hold the GIL the event loop
needs. A feed's pages go to the pool a few at a time, not one by one, so the pool's bookkeeping
(pickling, waking its threads) is paid per batch, and a feed fetches its next batch only once the
last one has a place in the pool's short queue, so pages waiting for the pool never pile up in
memory. A failing feed never stops the others; a cycle in which every feed fails with a network
error is reported as offline and held against no feed.

Before fetching, a cycle leases its feeds on their rows, so the app and a separate `pantau poll`
sharing one database never fetch the same feed at once; while the cycle runs it renews the
leases of the feeds it has not recorded yet, so a cycle longer than the lease keeps them.
"""

import asyncio
import dataclasses
import hashlib
import logging
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from functools import partial
from datetime import datetime, timezone
from urllib.parse import urlsplit

import httpx
from sqlalchemy import Engine

from core.vocabulary import FeedStatus, SourceKind
from fetchers.discovery import Discovery, discover
from fetchers.errors import FailureKind, FetchError
from fetchers.extract import Extracted, decode_page, extract_article
from fetchers.feeds import FeedEntry, ParsedFeed
from fetchers.http import Fetched, FetchLimits, Validators, fetch, make_client
from fetchers.schedule import cache_max_age_s, effective_interval, failure_weight, next_poll_at
from fetchers.site_rules import load_rules
from fetchers.sketch import bands, signature
from fetchers.sources import ACCEPT, parse_source
from fetchers.text import html_to_text
from storage.articles import NewArticle, add_articles, update_articles
from storage.feeds import due_feeds
from storage.fetch_state import (
    OfflinePoll,
    PollRecord,
    claim_feeds,
    lease_owner_name,
    record_offline,
    record_polls,
    release_dead_leases,
    release_feeds,
    renew_leases,
)
from storage.identity import EntryKey, Seen, classify_entries, link_to_stored
from storage.models import Feed

log = logging.getLogger(__name__)

HTML_TYPES = frozenset({"", "text/html", "application/xhtml+xml", "text/plain"})
SUMMARY_CHARS = 300
LEASE_S = 15 * 60
RECORD_BATCH = 200
FEEDS_PER_SLOT = 2
PAGES_PER_JOB = 8
JOBS_AHEAD_PER_PROCESS = 4
WARM_UP_PAGE = "<html><head><title>Pantau</title></head><body><article><p>Buruh dan polisi berdialog.</p></article></body></html>"
ProgressCallback = Callable[[int, int], None]

_extract_pool: Executor | None = None
_database = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pantau-db")


@dataclass
class PollSummary:
    """What one cycle did, for the status bar and `pantau poll --once`."""

    polled: int = 0
    not_modified: int = 0
    failed: int = 0
    new_articles: int = 0
    offline: bool = False


@dataclass(frozen=True)
class _Stored:
    """What storing one poll's entries did: articles added, and pages whose text was and was not extracted."""

    added: int = 0
    pages_extracted: int = 0
    pages_failed: int = 0
    extraction_error: str | None = None


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
        self.concurrency = concurrency
        self._global = asyncio.Semaphore(concurrency)
        self._per_host = per_host
        self._hosts: dict[str, asyncio.Semaphore] = {}

    @asynccontextmanager
    async def slot(self, url: str):
        host = (urlsplit(url).hostname or "").lower()
        host_slot = self._hosts.setdefault(host, asyncio.Semaphore(self._per_host))
        async with host_slot, self._global:
            yield


@dataclass
class _Leases:
    """The feed leases a cycle holds, renewed every third of the lease until each feed is recorded.

    Recording a feed releases its lease (`record_polls`); a lease that ran out anyway (the process
    was suspended, say) and went to another poller is dropped, and its feed is not started here.
    """

    engine: Engine
    owner: str
    lease_s: float
    held: set[int]

    async def keep(self) -> None:
        while self.held:
            await asyncio.sleep(self.lease_s / 3)
            asked = set(self.held)
            try:
                lost = asked - await _in_database(renew_leases, self.engine, list(asked), self.owner, self.lease_s)
            except Exception:  # noqa: BLE001  (a busy database now is no reason to stop renewing)
                log.warning("could not renew the feed leases; trying again", exc_info=True)
                continue
            if lost:
                log.warning("lost the lease on %d feed(s) to another poller; leaving them to it", len(lost))
                self.held -= lost

    def recorded(self, feed_ids: list[int]) -> None:
        self.held.difference_update(feed_ids)


@dataclass
class _Recorder:
    """Feed health written in batches: one transaction per `RECORD_BATCH` feeds, not one per feed."""

    engine: Engine
    owner: str
    leases: _Leases
    pending: list[PollRecord] = field(default_factory=list)

    async def add(self, record: PollRecord) -> None:
        self.pending.append(record)
        if len(self.pending) >= RECORD_BATCH:
            await self.flush()

    async def flush(self) -> None:
        records, self.pending = self.pending, []
        if records:
            await _in_database(record_polls, self.engine, records, self.owner)
            self.leases.recorded([record.feed_id for record in records])


@dataclass(frozen=True)
class _Cycle:
    """What every feed task of one poll cycle shares."""

    engine: Engine
    client: httpx.AsyncClient
    limiter: HostLimiter
    limits: FetchLimits
    pool: Executor
    interval_s: int
    recorder: _Recorder
    extraction_room: asyncio.Semaphore
    mark_unread_on_edit: bool = False


async def _in_database(function, *arguments):
    """Run a storage call on the poller's one database thread.

    One thread for every read and write of the process: SQLite takes one writer at a time
    anyway, and threads queueing on its lock only burn the GIL the event loop needs.
    """
    return await asyncio.get_running_loop().run_in_executor(_database, partial(function, *arguments))


def extract_pool() -> Executor:
    """The shared extraction pool: one process per core, started on first use.

    The forkserver start method never forks the (threaded) app itself.
    """
    global _extract_pool
    if _extract_pool is None:
        context = multiprocessing.get_context("forkserver")
        _extract_pool = ProcessPoolExecutor(max_workers=_pool_size(), mp_context=context, initializer=_prepare_worker)
    return _extract_pool


def _pool_size() -> int:
    return os.cpu_count() or 2


def _prepare_worker() -> None:
    """Load the site rules and run the extractor once in a new pool process, so its first real
    page does not wait for them in the middle of a poll."""
    extract_article(WARM_UP_PAGE)


def warm_extract_pool() -> None:
    """Start every process of the pool now, before a full-screen app takes over the terminal.

    multiprocessing hands sys.stderr's descriptor to its helper processes; under Textual that
    stream is a capture without a real descriptor, and starting them there fails. The pool starts
    a process only when no started one is idle, so as many jobs as processes are sent at once.
    """
    pool = extract_pool()
    for started in [pool.submit(int) for _ in range(_pool_size())]:
        started.result()


def _replace_broken_pool(broken: Executor) -> Executor:
    global _extract_pool
    if _extract_pool is broken:
        _extract_pool = None
    return extract_pool()


async def poll_due(engine: Engine, client: httpx.AsyncClient | None = None, **options) -> PollSummary:
    """Poll the enabled feeds whose next poll time has come; options as for `poll_feeds`.

    Feeds leased by a poller of this machine that was killed are due again at once.
    """
    await _in_database(release_dead_leases, engine)
    feeds = await _in_database(due_feeds, engine)
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
    mark_unread_on_edit: bool = False,
    owner: str | None = None,
    lease_s: float = LEASE_S,
) -> PollSummary:
    """Poll `feeds` once: fetch, parse, fetch and extract new entries' pages, store, record health.

    Feeds another poller holds a lease on are skipped (and not counted as polled).
    """
    if not feeds:
        return PollSummary()
    owner = owner or lease_owner_name()
    claimed = await _in_database(claim_feeds, engine, [feed.id for feed in feeds], owner, lease_s)
    feeds = [feed for feed in feeds if feed.id in claimed]
    if not feeds:
        return PollSummary()
    leases = _Leases(engine, owner, lease_s, set(claimed))
    recorder = _Recorder(engine, owner, leases)
    keeper = asyncio.create_task(leases.keep(), name="pantau-lease-keeper")
    try:
        async with _client(client, limits, concurrency) as http:
            cycle = _Cycle(
                engine,
                http,
                HostLimiter(concurrency, per_host),
                limits,
                pool or extract_pool(),
                poll_interval_s,
                recorder,
                asyncio.Semaphore(JOBS_AHEAD_PER_PROCESS * _pool_size()),
                mark_unread_on_edit,
            )
            outcomes = await _run_all(cycle, feeds, leases, on_progress)
        offline = bool(outcomes) and all(outcome.error is not None and outcome.error.network for outcome in outcomes)
        await _record_network_failures(cycle, outcomes, offline)
    finally:
        keeper.cancel()
        await recorder.flush()
        await _in_database(release_feeds, engine, [feed.id for feed in feeds], owner)
    return PollSummary(
        polled=len(outcomes),
        not_modified=sum(outcome.not_modified for outcome in outcomes),
        failed=sum(outcome.error is not None for outcome in outcomes),
        new_articles=sum(outcome.new_articles for outcome in outcomes),
        offline=offline,
    )


@asynccontextmanager
async def _client(client: httpx.AsyncClient | None, limits: FetchLimits, concurrency: int):
    """The caller's client, or one of our own with no more connections than requests in flight:
    httpcore checks every pooled connection on each request, so a bigger pool only costs time."""
    if client is not None:
        yield client
        return
    async with make_client(limits, max_connections=concurrency) as own:
        yield own


async def _run_all(
    cycle: _Cycle, feeds: list[Feed], leases: _Leases, on_progress: ProgressCallback | None
) -> list[_Outcome]:
    """Every feed of the cycle, at most `FEEDS_PER_SLOT` × the concurrency of them under way at once.

    Started all together, a thousand feeds would share the request slots round-robin and all
    finish near the end of a cold cycle; a bounded number in flight makes articles appear from
    the first seconds on and progress move steadily.
    """
    total, done = len(feeds), 0
    if on_progress:
        on_progress(0, total)
    in_flight = asyncio.Semaphore(cycle.limiter.concurrency * FEEDS_PER_SLOT)

    async def run(feed: Feed) -> _Outcome | None:
        nonlocal done
        async with in_flight:
            outcome = await _poll_feed(cycle, feed) if feed.id in leases.held else None
        done += 1
        if on_progress:
            on_progress(done, total)
        return outcome

    outcomes = await asyncio.gather(*(run(feed) for feed in feeds))
    return [outcome for outcome in outcomes if outcome is not None]


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
        await cycle.recorder.add(_failure_record(cycle, outcome))
    return outcome


def _request_headers(feed: Feed, accept: str | None = None) -> dict[str, str]:
    headers = {"Accept": accept} if accept else {}
    if feed.user_agent:
        headers["User-Agent"] = feed.user_agent
    return headers


async def _fetch_and_store(cycle: _Cycle, feed: Feed) -> _Outcome:
    discovery = None
    if feed.kind == SourceKind.SITE:
        discovery = await _discover_source(cycle, feed)
        picked = discovery.picked
        feed = feed.model_copy(update={"url": picked.url, "kind": picked.kind, "etag": None, "last_modified": None,
                                       "body_hash": None})
    async with cycle.limiter.slot(feed.url):
        fetched = await fetch(
            cycle.client,
            feed.url,
            max_bytes=cycle.limits.feed_max_bytes,
            validators=None if feed.ignore_http_cache else Validators(feed.etag, feed.last_modified),
            limits=cycle.limits,
            headers=_request_headers(feed, ACCEPT.get(feed.kind, ACCEPT[SourceKind.FEED])),
        )
    body_hash = hashlib.sha256(fetched.body).hexdigest() if not fetched.not_modified else None
    if fetched.not_modified or _unchanged(feed, fetched, body_hash):
        await cycle.recorder.add(_success_record(cycle, feed, fetched, FeedStatus.NOT_MODIFIED, body_hash=body_hash))
        return _Outcome(feed, not_modified=True)
    parsed = await _parse(cycle, feed.kind, fetched.body, feed.url, fetched.headers.get("content-type", ""))
    stored = await _store_entries(cycle, feed, parsed)
    record = _success_record(cycle, feed, fetched, FeedStatus.OK, parsed, body_hash, stored)
    if discovery is not None:
        notes = "; ".join(note for note in (discovery.summary, record.note) if note)
        record = dataclasses.replace(record, moved_to=record.moved_to or feed.url, kind=feed.kind, note=notes)
    await cycle.recorder.add(record)
    return _Outcome(feed, new_articles=stored.added)


async def _discover_source(cycle: _Cycle, feed: Feed) -> Discovery:
    """The source discovery picks for a site's address (a site of the default list, or one added offline);
    raises FetchError when it cannot reach the site or finds nothing usable there."""
    discovery = await discover(cycle.client, feed.url, limits=cycle.limits, headers=_request_headers(feed),
                               slot=cycle.limiter.slot)
    if discovery.picked is None:
        raise FetchError(FailureKind.NOT_FEED, discovery.summary)
    return discovery


def _unchanged(feed: Feed, fetched: Fetched, body_hash: str | None) -> bool:
    """A 200 that brings nothing new: the same ETag as last time (unless the feed's caching headers
    are ignored), or byte for byte the same body."""
    same_etag = not feed.ignore_http_cache and feed.etag is not None and fetched.validators.etag == feed.etag
    return same_etag or (body_hash is not None and body_hash == feed.body_hash)


@dataclass(frozen=True)
class _Refusal:
    """A FetchError raised in a pool process, carried back as plain fields (FetchError does not pickle)."""

    fields: dict

    @classmethod
    def of(cls, error: FetchError) -> "_Refusal":
        return cls({name.name: getattr(error, name.name) for name in dataclasses.fields(error)})


def parse_in_pool(kind: str, body: bytes, url: str, content_type: str) -> ParsedFeed | _Refusal:
    """`parse_source` for a pool process: a document that is not of its kind comes back as a _Refusal."""
    try:
        return parse_source(kind, body, url, content_type)
    except FetchError as error:
        return _Refusal.of(error)


async def _parse(cycle: _Cycle, kind: str, body: bytes, url: str, content_type: str) -> ParsedFeed:
    parsed = await _in_pool(cycle, parse_in_pool, kind, body, url, content_type)
    if isinstance(parsed, _Refusal):
        raise FetchError(**parsed.fields)
    return parsed


async def _in_pool(cycle: _Cycle, function, *arguments):
    """Run `function` in the extraction pool, once more in a fresh pool if a process died under it."""
    loop = asyncio.get_running_loop()
    try:
        return await loop.run_in_executor(cycle.pool, function, *arguments)
    except BrokenProcessPool:
        log.warning("the extraction pool broke; starting a new one")
        return await loop.run_in_executor(_replace_broken_pool(cycle.pool), function, *arguments)


async def _store_entries(cycle: _Cycle, feed: Feed, parsed: ParsedFeed) -> _Stored:
    """Store new entries, apply upstream edits, link entries another feed already brought."""
    keys = {entry.guid: EntryKey(entry.guid, entry.link_key or None, entry.entry_hash) for entry in parsed.entries}
    seen = await _in_database(classify_entries, cycle.engine, feed.id, list(keys.values()))
    elsewhere = [keys[guid] for guid, state in seen.items() if state == Seen.ELSEWHERE]
    fresh = [entry for entry in parsed.entries if seen.get(entry.guid) in (Seen.NEW, Seen.EDITED)]
    built = await _fetch_and_build(cycle, feed, fresh, parsed.language)
    new = [article for entry, (article, _) in zip(fresh, built) if seen[entry.guid] == Seen.NEW]
    edited = [article for entry, (article, _) in zip(fresh, built) if seen[entry.guid] == Seen.EDITED]
    added = await _in_database(_write_entries, cycle, feed.id, new, edited, elsewhere)
    failed = [article for article, extracted in built if extracted is False]
    return _Stored(
        added=added,
        pages_extracted=sum(extracted is True for _, extracted in built),
        pages_failed=len(failed),
        extraction_error=f"{failed[-1].url}: {failed[-1].extraction_status}" if failed else None,
    )


def _write_entries(
    cycle: _Cycle, feed_id: int, new: list[NewArticle], edited: list[NewArticle], elsewhere: list[EntryKey]
) -> int:
    added = add_articles(cycle.engine, feed_id, _oldest_first(new))
    if edited:
        update_articles(cycle.engine, feed_id, edited, mark_unread=cycle.mark_unread_on_edit)
    if elsewhere:
        link_to_stored(cycle.engine, feed_id, elsewhere)
    return added


async def _fetch_and_build(
    cycle: _Cycle, feed: Feed, entries: list[FeedEntry], language: str | None
) -> list[tuple[NewArticle, bool | None]]:
    """Fetch the entries' pages a batch at a time and build their articles in the pool.

    Pages arrive faster than the pool reads them. A fetched batch waits for one of the cycle's
    `extraction_room` places, which it holds until its extraction ends, and the feed fetches its
    next batch only once this one has a place: so at most a batch per feed in flight waits in
    memory besides the few in the pool, however large the pages (up to 10 MiB each). A batch
    takes its place only after its fetches, so a slow site never keeps other feeds' pages out.
    """
    extractions: list[asyncio.Task] = []
    try:
        for start in range(0, len(entries), PAGES_PER_JOB):
            batch = entries[start : start + PAGES_PER_JOB]
            pages = await asyncio.gather(*(_page(cycle, feed, entry) for entry in batch))
            jobs = [(entry, *page) for entry, page in zip(batch, pages)]
            await cycle.extraction_room.acquire()
            extraction = asyncio.create_task(_in_pool(cycle, build_articles, jobs, language))
            extraction.add_done_callback(lambda _: cycle.extraction_room.release())
            extractions.append(extraction)
        done = await asyncio.gather(*extractions)
    finally:
        for extraction in extractions:
            extraction.cancel()
    return [article for batch in done for article in batch]


async def _page(cycle: _Cycle, feed: Feed, entry: FeedEntry) -> tuple[bytes, str, str, str]:
    """The entry's page as (body, content type, final address, problem); page trouble only means
    falling back to the feed's content, with the problem saying why."""
    body, content_type, page_url, problem = b"", "", entry.link, ""
    try:
        async with cycle.limiter.slot(entry.link):
            page = await fetch(
                cycle.client,
                entry.link,
                max_bytes=cycle.limits.page_max_bytes,
                limits=cycle.limits,
                headers=_request_headers(feed),
            )
        body, content_type, page_url = page.body, page.headers.get("content-type", ""), page.url
        if page.media_type not in HTML_TYPES:
            body, problem = b"", f"the page is {page.media_type}, not HTML"
    except FetchError as error:
        problem = f"the page could not be fetched ({error.message})" if entry.link else "the entry has no link"
    return body, content_type, page_url, problem


def build_articles(
    jobs: list[tuple[FeedEntry, bytes, str, str, str]], language: str | None
) -> list[tuple[NewArticle, bool | None]]:
    """`build_article` for a batch of (entry, page, content type, page address, problem): one pool job.
    Each article comes with whether its page's text was extracted (None: there was no page to read), so a
    site whose pages stop giving text (its layout changed) shows on its feed."""
    built = []
    for entry, page, content_type, page_url, problem in jobs:
        extracted = _extracted(page, content_type, page_url)
        built.append((_article(entry, extracted, problem, language), extracted.ok if extracted else None))
    return built


def build_article(
    entry: FeedEntry, page: bytes, content_type: str, page_url: str, problem: str = "", language: str | None = None
) -> NewArticle:
    """The article to store: the page's extracted text, else the feed's own content, with a status
    saying which and why. Blocking and free of I/O, so it can run in any worker pool."""
    return _article(entry, _extracted(page, content_type, page_url), problem, language)


def _extracted(page: bytes, content_type: str, page_url: str) -> Extracted | None:
    return extract_article(decode_page(page, content_type), page_url) if page else None


def _article(entry: FeedEntry, extracted: Extracted | None, problem: str, language: str | None) -> NewArticle:
    feed_text = load_rules().clean(html_to_text(entry.content) or entry.summary, entry.link)
    text, status = _choose_text(extracted, feed_text, problem)
    sketch = signature(text)
    page_title = extracted.title if extracted else None
    return NewArticle(
        guid=entry.guid,
        url=entry.link,
        title=entry.title or page_title or entry.hint_title or entry.link or "(untitled)",
        published_at=entry.published or (extracted.published if extracted else None),
        summary=entry.summary or _lead(text),
        body=text,
        extraction_status=status,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        author=(extracted.author if extracted else None) or entry.author,
        link_key=entry.link_key or None,
        language=(extracted.language if extracted else None) or language,
        entry_hash=entry.entry_hash,
        signature=sketch,
        bands=bands(sketch),
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


def _advised_interval(feed: Feed, fetched: Fetched, parsed: ParsedFeed | None) -> int | None:
    """How long the feed asks to be left alone: its <ttl>/sy:updatePeriod or Cache-Control max-age."""
    advised = [cache_max_age_s(fetched.headers.get("cache-control"))]
    advised.append(parsed.ttl_s if parsed is not None else feed.advised_interval_s)
    known = [seconds for seconds in advised if seconds is not None]
    return max(known) if known else None


def _success_record(
    cycle: _Cycle,
    feed: Feed,
    fetched: Fetched,
    status: str,
    parsed: ParsedFeed | None = None,
    body_hash: str | None = None,
    stored: _Stored = _Stored(),
) -> PollRecord:
    advised = _advised_interval(feed, fetched, parsed)
    interval = effective_interval(feed.poll_interval_s or cycle.interval_s, advised)
    validators = fetched.validators
    return PollRecord(
        feed_id=feed.id,
        status=status,
        next_poll_at=next_poll_at(datetime.now(timezone.utc), interval),
        etag=validators.etag,
        last_modified=validators.last_modified,
        title=(parsed.title or None) if parsed else None,
        site=(parsed.site or None) if parsed else None,
        body_hash=body_hash,
        advised_interval_s=advised,
        moved_to=fetched.moved_permanently_to,
        note=parsed.note if parsed else None,
        pages_extracted=stored.pages_extracted,
        pages_failed=stored.pages_failed,
        extraction_error=stored.extraction_error,
    )


def _failure_record(cycle: _Cycle, outcome: _Outcome) -> PollRecord:
    feed, error = outcome.feed, outcome.error
    if error.status == 410:
        return PollRecord(
            feed_id=feed.id,
            status=FeedStatus.GONE,
            error="HTTP 410 Gone: the site removed this feed; muted until you re-enable it",
            next_poll_at=datetime.now(timezone.utc),
            mute=True,
        )
    weight = failure_weight(error.soft)
    interval = effective_interval(feed.poll_interval_s or cycle.interval_s, feed.advised_interval_s)
    return PollRecord(
        feed_id=feed.id,
        status=FeedStatus.FAILED,
        error=error.message,
        failure_weight=weight,
        next_poll_at=next_poll_at(
            datetime.now(timezone.utc),
            interval,
            failures=feed.failure_weight + weight,
            retry_after_s=error.retry_after_s,
        ),
    )


async def _record_network_failures(cycle: _Cycle, outcomes: list[_Outcome], offline: bool) -> None:
    """Network failures wait for the end of the cycle: only then is it known whether we were offline."""
    failed = [outcome for outcome in outcomes if outcome.error is not None and outcome.error.network]
    if not offline:
        for outcome in failed:
            await cycle.recorder.add(_failure_record(cycle, outcome))
        return
    now = datetime.now(timezone.utc)
    polls = [
        OfflinePoll(
            outcome.feed.id,
            f"offline: {outcome.error.message}",
            next_poll_at(now, outcome.feed.poll_interval_s or cycle.interval_s),
        )
        for outcome in failed
    ]
    await _in_database(record_offline, cycle.engine, polls)
