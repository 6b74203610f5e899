"""Feed leases across pollers: a cycle longer than its lease keeps renewing it, so a second poller
sharing the database (the app, or another `pantau poll`) never fetches the same feed at the same time."""

import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone

import pytest

from fetchers.poller import poll_feeds
from storage.engine import make_engine
from storage.feeds import add_feed, get_feed
from storage.fetch_state import claim_feeds, renew_leases
from tests.backends import BACKENDS, database_url
from tests.fetchers.conftest import Site
from tests.support.waiting import until

LEASE_S = 1.5
PAGE_DELAY_S = 0.6


class FeedWatch:
    """Counts, per feed, the pollers working on it at once: from its feed request to its last page."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.started: dict[str, int] = {}
        self.pages_left: dict[str, int] = {}
        self.overlaps = 0

    def feed_requested(self, prefix: str, pages: int) -> None:
        with self._lock:
            if self.pages_left.get(prefix):
                self.overlaps += 1
            self.started[prefix] = self.started.get(prefix, 0) + 1
            self.pages_left[prefix] = self.pages_left.get(prefix, 0) + pages

    def page_served(self, prefix: str) -> None:
        with self._lock:
            self.pages_left[prefix] -= 1


@pytest.fixture
def slow_sites(local_server):
    """Two sites of three items whose pages take PAGE_DELAY_S each: one poll outlasts the lease."""
    watch = FeedWatch()
    sites = []
    for prefix in ("/satu", "/dua"):
        site = Site(local_server, prefix=prefix)
        for number in (1, 2, 3):
            site.add_item(number)
            page = local_server.routes[site.page_path(number)]
            local_server.route(site.page_path(number), handler=_counted_page(watch, prefix, page))
        site.publish()
        feed_route = local_server.routes[f"{prefix}/feed.xml"]
        local_server.route(f"{prefix}/feed.xml", handler=_counted_feed(watch, prefix, feed_route, len(site.items)))
        sites.append(site)
    return sites, watch


def _counted_feed(watch: FeedWatch, prefix: str, route, pages: int):
    def answer(_request):
        watch.feed_requested(prefix, pages)
        return route

    return answer


def _counted_page(watch: FeedWatch, prefix: str, route):
    def answer(_request):
        time.sleep(PAGE_DELAY_S)
        watch.page_served(prefix)
        return route

    return answer


async def test_a_cycle_longer_than_its_lease_keeps_its_feeds_from_a_second_poller(tmp_path, slow_sites):
    sites, watch = slow_sites
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    app_engine, poll_engine = make_engine(url), make_engine(url)
    feeds = [add_feed(app_engine, site.feed_url) for site in sites]
    options = {"concurrency": 1, "per_host": 1, "lease_s": LEASE_S}
    with ThreadPoolExecutor(2) as pool:
        first = asyncio.create_task(poll_feeds(app_engine, feeds, owner="the-app", pool=pool, **options))
        taken = await until(lambda: get_feed(app_engine, feeds[-1].id).lease_until, "the first poller's lease")
        await until(lambda: datetime.now(timezone.utc) > taken, "the lease first taken to run out, unless renewed")
        assert not first.done(), "the first poll must still be running when the second starts"
        second = await poll_feeds(poll_engine, feeds, owner="pantau-poll", pool=pool, **options)
        first = await first
    assert second.polled == 0
    assert first.polled == 2 and first.new_articles == 6
    assert watch.overlaps == 0 and watch.started == {"/satu": 1, "/dua": 1}
    assert all(get_feed(app_engine, feed.id).lease_owner is None for feed in feeds)


async def test_a_cancelled_cycle_gives_its_leases_back(engine, slow_sites):
    sites, _watch = slow_sites
    feeds = [add_feed(engine, site.feed_url) for site in sites]
    with ThreadPoolExecutor(2) as pool:
        task = asyncio.create_task(
            poll_feeds(engine, feeds, owner="the-app", pool=pool, concurrency=1, per_host=1, lease_s=LEASE_S)
        )
        await until(lambda: all(get_feed(engine, feed.id).lease_owner == "the-app" for feed in feeds),
                    "both feeds leased")
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    assert [get_feed(engine, feed.id).lease_owner for feed in feeds] == [None, None]
    assert claim_feeds(engine, [feed.id for feed in feeds], "pantau-poll", lease_s=60) == {feed.id for feed in feeds}


@pytest.mark.parametrize("backend", BACKENDS)
def test_renewing_extends_only_the_owners_own_leases(tmp_path, backend):
    with database_url(backend, tmp_path) as url:
        engine = make_engine(url)
        try:
            mine, taken = add_feed(engine, "http://127.0.0.1:9/a.xml"), add_feed(engine, "http://127.0.0.1:9/b.xml")
            claim_feeds(engine, [mine.id, taken.id], "the-app", lease_s=-1)
            assert claim_feeds(engine, [taken.id], "pantau-poll", lease_s=60) == {taken.id}
            assert renew_leases(engine, [mine.id, taken.id], "the-app", lease_s=60) == {mine.id}
            assert claim_feeds(engine, [mine.id], "pantau-poll", lease_s=60) == set()
            assert get_feed(engine, taken.id).lease_owner == "pantau-poll"
        finally:
            engine.dispose()
