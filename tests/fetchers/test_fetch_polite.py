"""Issue 3 politeness and health against the local server: redirects that move a feed (or not),
410, Retry-After, unchanged 200s, per-feed User-Agent and caching switch, advised intervals,
wrong charsets and leases shared between pollers."""

from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest

from fetchers.poller import poll_feeds
from fetchers.schedule import MAX_ADVISED_S
from storage.feeds import add_feed, due_feeds, enable_feed, get_feed, set_feed_options
from storage.fetch_state import claim_feeds
from tests.fetchers.conftest import Item, Site, rss
from tests.fetchers.test_fetch_poller import stored_articles


@pytest.fixture
def site(local_server) -> Site:
    site = Site(local_server)
    site.add_item(1)
    site.publish()
    return site


def redirect(server, path: str, to: str, status: int) -> None:
    server.route(path, status=status, headers={"Location": to})


def seconds_until_next_poll(feed) -> float:
    return (feed.next_poll_at - feed.last_polled_at).total_seconds()


@pytest.mark.parametrize("statuses", [(301,), (308,), (301, 308)])
async def test_all_permanent_redirects_move_the_feed(engine, site, local_server, statuses):
    hops = [f"/old-{n}.xml" for n in range(len(statuses))] + ["/site/feed.xml"]
    for (path, target), status in zip(zip(hops, hops[1:]), statuses):
        redirect(local_server, path, target, status)
    feed = add_feed(engine, local_server.url(hops[0]))
    summary = await poll_feeds(engine, [feed])
    assert summary.new_articles == 1
    moved = get_feed(engine, feed.id)
    assert moved.url == site.feed_url and moved.last_error is None
    await poll_feeds(engine, [moved])
    assert local_server.hits(hops[0]) == 1 and local_server.hits("/site/feed.xml") == 2


@pytest.mark.parametrize("statuses", [(302,), (307,), (301, 302), (302, 301)])
async def test_a_temporary_hop_keeps_the_address(engine, site, local_server, statuses):
    hops = [f"/tmp-{n}.xml" for n in range(len(statuses))] + ["/site/feed.xml"]
    for (path, target), status in zip(zip(hops, hops[1:]), statuses):
        redirect(local_server, path, target, status)
    feed = add_feed(engine, local_server.url(hops[0]))
    summary = await poll_feeds(engine, [feed])
    assert summary.new_articles == 1
    assert get_feed(engine, feed.id).url == local_server.url(hops[0])


async def test_a_move_onto_an_address_already_polled_keeps_both_and_says_so(engine, site, local_server):
    redirect(local_server, "/old.xml", "/site/feed.xml", 301)
    existing = add_feed(engine, site.feed_url)
    feed = add_feed(engine, local_server.url("/old.xml"))
    await poll_feeds(engine, [feed])
    stored = get_feed(engine, feed.id)
    assert stored.url == local_server.url("/old.xml")
    assert stored.last_error == f"moved permanently to {site.feed_url}, which is already feed {existing.id}"


async def test_redirect_loop_is_a_worded_failure(engine, local_server):
    redirect(local_server, "/loop.xml", "/loop.xml", 301)
    feed = add_feed(engine, local_server.url("/loop.xml"))
    summary = await poll_feeds(engine, [feed])
    assert summary.failed == 1
    stored = get_feed(engine, feed.id)
    assert stored.last_error == "more than 5 redirects (a redirect loop?)"
    assert stored.url == local_server.url("/loop.xml")
    assert local_server.hits("/loop.xml") == 6


async def test_410_mutes_the_feed_visibly_until_re_enabled(engine, site, local_server):
    local_server.route("/gone.xml", status=410)
    gone = add_feed(engine, local_server.url("/gone.xml"))
    summary = await poll_feeds(engine, [gone, add_feed(engine, site.feed_url)])
    assert (summary.failed, summary.new_articles) == (1, 1)
    stored = get_feed(engine, gone.id)
    assert stored.muted and stored.enabled and stored.last_status == "gone"
    assert stored.last_error == "HTTP 410 Gone: the site removed this feed; muted until you re-enable it"
    later = datetime.now(timezone.utc) + timedelta(days=30)
    assert gone.id not in [feed.id for feed in due_feeds(engine, now=later)]
    enable_feed(engine, str(gone.id))
    revived = get_feed(engine, gone.id)
    assert not revived.muted and revived.consecutive_failures == 0
    assert gone.id in [feed.id for feed in due_feeds(engine)]


async def test_a_feed_that_keeps_failing_stays_scheduled(engine, local_server):
    local_server.route("/broken.xml", status=404)
    feed = add_feed(engine, local_server.url("/broken.xml"))
    for _ in range(30):
        await poll_feeds(engine, [get_feed(engine, feed.id)], poll_interval_s=1200)
    stored = get_feed(engine, feed.id)
    assert stored.consecutive_failures == 30 and stored.enabled and not stored.muted
    assert 6 * 3600 <= seconds_until_next_poll(stored) <= 6 * 3600 + 60
    assert feed.id in [f.id for f in due_feeds(engine, now=stored.next_poll_at + timedelta(seconds=1))]


@pytest.mark.parametrize("status", [429, 503])
async def test_retry_after_seconds_is_honoured(engine, local_server, status):
    local_server.route("/busy.xml", status=status, headers={"Retry-After": "3600"})
    feed = add_feed(engine, local_server.url("/busy.xml"))
    await poll_feeds(engine, [feed], poll_interval_s=60)
    stored = get_feed(engine, feed.id)
    assert stored.last_error.startswith(f"HTTP {status}")
    assert stored.failure_weight == 0.5
    assert 3600 <= seconds_until_next_poll(stored) <= 3600 + 7


async def test_retry_after_http_date_is_honoured(engine, local_server):
    when = datetime.now(timezone.utc) + timedelta(hours=2)
    local_server.route("/busy.xml", status=503, headers={"Retry-After": format_datetime(when, usegmt=True)})
    feed = add_feed(engine, local_server.url("/busy.xml"))
    await poll_feeds(engine, [feed], poll_interval_s=60)
    assert 7000 <= seconds_until_next_poll(get_feed(engine, feed.id)) <= 7200 + 7


async def test_200_with_unchanged_etag_is_not_modified(engine, site, local_server):
    local_server.update("/site/feed.xml", headers={"ETag": '"tetap"'})
    feed = add_feed(engine, site.feed_url)
    await poll_feeds(engine, [feed])
    site.add_item(2)
    site.publish(headers={"ETag": '"tetap"'})
    summary = await poll_feeds(engine, [get_feed(engine, feed.id)])
    assert (summary.not_modified, summary.new_articles) == (1, 0)
    assert local_server.hits(site.page_path(2)) == 0


async def test_200_with_unchanged_body_is_not_modified(engine, site, local_server):
    feed = add_feed(engine, site.feed_url)
    await poll_feeds(engine, [feed])
    summary = await poll_feeds(engine, [get_feed(engine, feed.id)])
    assert (summary.not_modified, summary.new_articles) == (1, 0)
    assert get_feed(engine, feed.id).last_status == "not modified"
    site.add_item(2)
    site.publish()
    assert (await poll_feeds(engine, [get_feed(engine, feed.id)])).new_articles == 1


async def test_ignoring_http_caching_sends_no_validators_and_distrusts_the_etag(engine, site, local_server):
    site.publish(etag='"v1"', last_modified="Mon, 03 Nov 2025 08:00:00 GMT")
    feed = add_feed(engine, site.feed_url)
    await poll_feeds(engine, [feed])
    set_feed_options(engine, feed.id, ignore_http_cache=True)
    site.add_item(2)
    site.publish(headers={"ETag": '"v1"'})  # the server lies: new items under the old ETag
    summary = await poll_feeds(engine, [get_feed(engine, feed.id)])
    assert summary.new_articles == 1
    second = local_server.requests_for("/site/feed.xml")[1].headers
    assert "if-none-match" not in second and "if-modified-since" not in second


async def test_per_feed_user_agent_reaches_feed_and_pages(engine, site, local_server):
    feed = add_feed(engine, site.feed_url)
    set_feed_options(engine, feed.id, user_agent="Mozilla/5.0 (Pantau desk)")
    await poll_feeds(engine, [get_feed(engine, feed.id)])
    assert local_server.requests_for("/site/feed.xml")[0].headers["user-agent"] == "Mozilla/5.0 (Pantau desk)"
    assert local_server.requests_for(site.page_path(1))[0].headers["user-agent"] == "Mozilla/5.0 (Pantau desk)"


@pytest.mark.parametrize(
    ("extra_channel", "headers", "expected_s"),
    [
        ("<ttl>30</ttl>", {}, 1800),
        ("<ttl>1440</ttl>", {}, MAX_ADVISED_S),
        ("", {"Cache-Control": "public, max-age=900"}, 900),
        ("<ttl>1</ttl>", {}, 600),
    ],
)
async def test_the_feed_may_lengthen_its_interval_within_a_clamp(
    engine, local_server, extra_channel, headers, expected_s
):
    site = Site(local_server, prefix="/ttl")
    site.add_item(1)
    local_server.route(
        "/ttl/feed.xml", body=rss(site.items, extra_channel=extra_channel), content_type="application/rss+xml",
        headers=headers,
    )
    feed = add_feed(engine, site.feed_url)
    await poll_feeds(engine, [feed], poll_interval_s=600)
    delay = seconds_until_next_poll(get_feed(engine, feed.id))
    assert expected_s <= delay <= expected_s + 61


async def test_wrong_charset_declared_still_reads_the_text(engine, local_server):
    site = Site(local_server, prefix="/cs")
    title = "Aksi “damai” buruh – Rp 5 juta"
    site.items.append(Item(title=title, link=local_server.url("/cs/berita/1.html"), guid="cs-1"))
    feed_body = rss(site.items).encode("utf-8")
    local_server.route("/cs/feed.xml", body=feed_body, content_type="application/rss+xml; charset=iso-8859-1")
    page = f"<html><body><article><h1>x</h1><p>{title}. " + "Isi berita yang cukup panjang. " * 20 + "</p></article>"
    local_server.route("/cs/berita/1.html", body=page.encode("utf-8"), content_type="text/html; charset=iso-8859-1")
    await poll_feeds(engine, [add_feed(engine, site.feed_url)])
    [article] = stored_articles(engine)
    assert article.title == title
    assert article.body.startswith(title)


async def test_a_feed_leased_by_another_poller_is_left_alone(engine, site, local_server):
    feed = add_feed(engine, site.feed_url)
    assert claim_feeds(engine, [feed.id], "the-app", lease_s=60) == {feed.id}
    assert due_feeds(engine) == []
    summary = await poll_feeds(engine, [feed], owner="pantau-poll")
    assert summary.polled == 0 and local_server.hits("/site/feed.xml") == 0


async def test_an_expired_lease_is_taken_over_and_released_after_the_poll(engine, site):
    feed = add_feed(engine, site.feed_url)
    claim_feeds(engine, [feed.id], "crashed-poller", lease_s=-1)
    summary = await poll_feeds(engine, [feed], owner="pantau-poll")
    assert summary.new_articles == 1
    stored = get_feed(engine, feed.id)
    assert (stored.lease_owner, stored.lease_until) == (None, None)
    assert claim_feeds(engine, [feed.id], "the-app", lease_s=60) == {feed.id}
