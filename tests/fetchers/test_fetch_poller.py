"""The poller end to end: local HTTP server → fetch, parse, extract → a real SQLite file."""

import socket
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone

import pytest
from sqlmodel import Session, select

from fetchers import feeds as feeds_module
from fetchers.http import FetchLimits
from fetchers.poller import PollSummary, poll_due, poll_feeds
from storage.feeds import add_feed, get_feed
from storage.models import Article
from tests.fetchers.conftest import Site, article_paragraphs, rss


def stored_articles(engine, feed_id: int | None = None) -> list[Article]:
    with Session(engine) as session:
        query = select(Article).order_by(Article.id)
        if feed_id is not None:
            query = query.where(Article.feed_id == feed_id)
        return list(session.exec(query))


def feed_row(engine, url: str):
    return add_feed(engine, url)


@pytest.fixture
def site(local_server) -> Site:
    site = Site(local_server)
    for number in (1, 2, 3):
        site.add_item(number)
    site.publish(etag='"rev-1"', last_modified="Mon, 03 Nov 2025 08:00:00 GMT")
    return site


async def test_poll_stores_articles_with_extracted_page_text(engine, site):
    feed = feed_row(engine, site.feed_url)
    summary = await poll_feeds(engine, [feed])
    assert summary == PollSummary(polled=1, not_modified=0, failed=0, new_articles=3, offline=False)
    articles = stored_articles(engine)
    assert [article.title for article in articles] == [
        f"Buruh dan polisi berdialog di Serang, hari ke-{n}" for n in (1, 2, 3)
    ]
    first = articles[0]
    assert first.body.splitlines() == article_paragraphs(1)
    assert "Copyright" not in first.body and "Beranda" not in first.body
    assert first.extraction_status == "ok"
    assert first.summary == "Ringkasan berita nomor 1."
    assert first.published_at == datetime(2025, 11, 4, 8, 0, tzinfo=timezone.utc)
    assert first.url == site.server.url(site.page_path(1))
    assert len(first.content_hash) == 64
    stored_feed = get_feed(engine, feed.id)
    assert stored_feed.last_status == "ok" and stored_feed.last_error is None
    assert stored_feed.title == "Situs /site"
    assert stored_feed.etag == '"rev-1"'
    assert stored_feed.next_poll_at > datetime.now(timezone.utc) + timedelta(seconds=590)


async def test_repoll_adds_nothing_and_fetches_no_page_again(engine, site, local_server):
    feed = feed_row(engine, site.feed_url)
    await poll_feeds(engine, [feed])
    local_server.route("/site/feed.xml", body=rss(site.items, title="Judul baru"), content_type="application/rss+xml")
    summary = await poll_feeds(engine, [get_feed(engine, feed.id)])
    assert summary.new_articles == 0 and summary.not_modified == 0
    assert len(stored_articles(engine)) == 3
    assert local_server.hits(site.page_path(1)) == 1


async def test_new_item_on_repoll_is_the_only_page_fetched(engine, site, local_server):
    feed = feed_row(engine, site.feed_url)
    await poll_feeds(engine, [feed])
    site.add_item(4)
    site.publish()
    summary = await poll_feeds(engine, [get_feed(engine, feed.id)])
    assert summary.new_articles == 1
    assert [local_server.hits(site.page_path(n)) for n in (1, 2, 3, 4)] == [1, 1, 1, 1]
    assert stored_articles(engine)[-1].title.endswith("hari ke-4")


async def test_304_parses_nothing_and_sends_validators(engine, site, local_server, monkeypatch):
    feed = feed_row(engine, site.feed_url)
    await poll_feeds(engine, [feed])
    parses = []
    original = feeds_module.feedparser.parse
    monkeypatch.setattr(feeds_module.feedparser, "parse", lambda *a, **k: parses.append(1) or original(*a, **k))
    pages_before = sum(local_server.hits(site.page_path(n)) for n in (1, 2, 3))

    summary = await poll_feeds(engine, [get_feed(engine, feed.id)])

    assert summary == PollSummary(polled=1, not_modified=1, failed=0, new_articles=0, offline=False)
    assert parses == []
    assert sum(local_server.hits(site.page_path(n)) for n in (1, 2, 3)) == pages_before
    second = local_server.requests_for("/site/feed.xml")[1].headers
    assert second["accept"].startswith("application/rss+xml, application/atom+xml")
    assert second["if-none-match"] == '"rev-1"'
    assert second["if-modified-since"] == "Mon, 03 Nov 2025 08:00:00 GMT"
    stored_feed = get_feed(engine, feed.id)
    assert stored_feed.last_status == "not modified" and stored_feed.consecutive_failures == 0


async def test_last_modified_alone_is_sent_back(engine, local_server):
    site = Site(local_server, prefix="/lm")
    site.add_item(1)
    site.publish(last_modified="Tue, 04 Nov 2025 10:00:00 GMT")
    feed = feed_row(engine, site.feed_url)
    await poll_feeds(engine, [feed])
    summary = await poll_feeds(engine, [get_feed(engine, feed.id)])
    assert summary.not_modified == 1
    second = local_server.requests_for("/lm/feed.xml")[1].headers
    assert second["if-modified-since"] == "Tue, 04 Nov 2025 10:00:00 GMT"
    assert "if-none-match" not in second


async def test_page_404_falls_back_to_the_feed_content(engine, local_server):
    site = Site(local_server, prefix="/wp")
    site.add_item(1, with_page=False, content="<p>Isi lengkap dari feed, paragraf pertama.</p><p>Paragraf kedua.</p>")
    site.add_item(2, with_page=False, description="Hanya ringkasan dari feed.")
    site.publish()
    feed = feed_row(engine, site.feed_url)
    summary = await poll_feeds(engine, [feed])
    assert summary.new_articles == 2 and summary.failed == 0
    first, second = stored_articles(engine)
    assert first.body == "Isi lengkap dari feed, paragraf pertama.\nParagraf kedua."
    assert first.extraction_status == (
        "fallback: the page could not be fetched (HTTP 404 Not Found); kept the feed's content"
    )
    assert second.body == "Hanya ringkasan dari feed."
    assert second.extraction_status.startswith("fallback: ")


async def test_page_that_is_not_html_falls_back(engine, local_server):
    site = Site(local_server, prefix="/pdf")
    site.add_item(1, with_page=False, content="<p>Isi dari feed.</p>")
    local_server.route(site.page_path(1), body=b"%PDF-1.4", content_type="application/pdf")
    site.publish()
    await poll_feeds(engine, [feed_row(engine, site.feed_url)])
    [article] = stored_articles(engine)
    assert article.body == "Isi dari feed."
    assert article.extraction_status == "fallback: the page is application/pdf, not HTML; kept the feed's content"


@pytest.mark.parametrize(
    ("route", "message"),
    [
        ({"status": 404, "body": "hilang"}, "HTTP 404 Not Found"),
        ({"status": 500, "body": "rusak"}, "HTTP 500 Internal Server Error"),
        ({"body": "<!DOCTYPE html><html><body>Beranda</body></html>", "content_type": "text/html"},
         "feed is not XML: got text/html"),
        ({"body": b""}, "empty body"),
    ],
)
async def test_failing_feed_is_recorded_and_others_go_on(engine, site, local_server, route, message):
    local_server.route("/broken.xml", **route)
    broken = feed_row(engine, local_server.url("/broken.xml"))
    healthy = feed_row(engine, site.feed_url)
    summary = await poll_feeds(engine, [broken, healthy])
    assert summary == PollSummary(polled=2, not_modified=0, failed=1, new_articles=3, offline=False)
    stored = get_feed(engine, broken.id)
    assert (stored.last_status, stored.last_error, stored.consecutive_failures) == ("failed", message, 1)
    assert len(stored_articles(engine, healthy.id)) == 3
    assert get_feed(engine, healthy.id).last_error is None


@pytest.mark.parametrize(("status", "weight"), [(404, 3.0), (503, 1.5)])
async def test_failures_accumulate_and_back_off_soft_ones_less(engine, local_server, status, weight):
    local_server.route("/down.xml", status=status)
    feed = feed_row(engine, local_server.url("/down.xml"))
    for _ in range(3):
        await poll_feeds(engine, [get_feed(engine, feed.id)], poll_interval_s=60)
    stored = get_feed(engine, feed.id)
    assert (stored.consecutive_failures, stored.failure_weight) == (3, weight)
    delay = (stored.next_poll_at - stored.last_polled_at).total_seconds()
    assert 60 * weight <= delay <= 60 * weight + 7


async def test_success_resets_the_failure_count(engine, site, local_server):
    site.server.update("/site/feed.xml", status=500)
    feed = feed_row(engine, site.feed_url)
    await poll_feeds(engine, [feed])
    site.server.update("/site/feed.xml", status=200)
    await poll_feeds(engine, [get_feed(engine, feed.id)])
    stored = get_feed(engine, feed.id)
    assert (stored.consecutive_failures, stored.last_error, stored.last_status) == (0, None, "ok")


async def test_slow_feed_times_out_without_holding_up_the_others(engine, site, local_server):
    local_server.route("/slow.xml", body="<rss/>", delay_s=2)
    slow = feed_row(engine, local_server.url("/slow.xml"))
    healthy = feed_row(engine, site.feed_url)
    summary = await poll_feeds(engine, [slow, healthy], limits=FetchLimits(deadline_s=0.5))
    assert summary.failed == 1 and summary.new_articles == 3 and not summary.offline
    assert get_feed(engine, slow.id).last_error == "timed out after 0.5 s"


async def test_feed_over_the_cap_is_refused(engine, local_server):
    local_server.route("/huge.xml", body=b"<rss>" + b"x" * 4096, content_type="application/rss+xml")
    feed = feed_row(engine, local_server.url("/huge.xml"))
    summary = await poll_feeds(engine, [feed], limits=FetchLimits(feed_max_bytes=1024))
    assert summary.failed == 1
    assert get_feed(engine, feed.id).last_error == "body larger than 1 KiB"


async def test_gzipped_feed_and_pages_are_read(engine, local_server):
    site = Site(local_server, prefix="/gz")
    site.add_item(1)
    site.server.update(site.page_path(1), gzip=True)
    site.publish(gzip=True)
    summary = await poll_feeds(engine, [feed_row(engine, site.feed_url)])
    assert summary.new_articles == 1
    assert stored_articles(engine)[0].body.splitlines() == article_paragraphs(1)


async def test_ill_formed_feed_with_entries_is_polled(engine, local_server):
    site = Site(local_server, prefix="/bozo")
    site.add_item(1)
    body = (
        "<rss version='2.0'><channel><title>Kabar & Co</title><item><title>Polisi & buruh</title>"
        f"<link>{site.server.url(site.page_path(1))}</link></item></channel>"
    )
    local_server.route("/bozo/feed.xml", body=body, content_type="application/rss+xml")
    feed = feed_row(engine, site.feed_url)
    summary = await poll_feeds(engine, [feed])
    assert (summary.failed, summary.new_articles) == (0, 1)
    assert stored_articles(engine)[0].title == "Polisi & buruh"
    assert get_feed(engine, feed.id).last_status == "ok"


async def test_markup_in_titles_is_stored_as_plain_text(engine, local_server):
    site = Site(local_server, prefix="/markup")
    site.add_item(1, title="<b>Bentrok</b> buruh &amp; satpam di <i>Cikarang</i>")
    site.publish()
    await poll_feeds(engine, [feed_row(engine, site.feed_url)])
    assert stored_articles(engine)[0].title == "Bentrok buruh & satpam di Cikarang"


async def test_every_feed_unreachable_means_offline_and_counts_against_none(engine):
    ports = []
    for _ in range(2):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            ports.append(probe.getsockname()[1])
    feeds = [feed_row(engine, f"http://127.0.0.1:{port}/feed.xml") for port in ports]
    summary = await poll_feeds(engine, feeds, poll_interval_s=60)
    assert summary == PollSummary(polled=2, not_modified=0, failed=2, new_articles=0, offline=True)
    for feed in feeds:
        stored = get_feed(engine, feed.id)
        assert stored.consecutive_failures == 0
        assert stored.last_status == "offline"
        assert stored.last_error == "offline: connection refused by 127.0.0.1"
        assert stored.next_poll_at is not None


async def test_one_reachable_feed_means_not_offline(engine, site):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    dead = feed_row(engine, f"http://127.0.0.1:{port}/feed.xml")
    summary = await poll_feeds(engine, [dead, feed_row(engine, site.feed_url)])
    assert not summary.offline and summary.failed == 1
    stored = get_feed(engine, dead.id)
    assert (stored.last_status, stored.consecutive_failures) == ("failed", 1)


async def test_per_host_limit_is_respected(engine, local_server):
    site = Site(local_server, prefix="/many")
    for number in range(1, 9):
        site.add_item(number)
        site.server.update(site.page_path(number), delay_s=0.1)
    site.publish()
    summary = await poll_feeds(engine, [feed_row(engine, site.feed_url)], per_host=2)
    assert summary.new_articles == 8
    assert local_server.peak_in_flight == 2


async def test_progress_is_reported_per_feed(engine, site, local_server):
    local_server.route("/gone.xml", status=410)
    feeds = [feed_row(engine, site.feed_url), feed_row(engine, local_server.url("/gone.xml"))]
    progress: list[tuple[int, int]] = []
    await poll_feeds(engine, feeds, on_progress=lambda done, total: progress.append((done, total)))
    assert progress == [(0, 2), (1, 2), (2, 2)]


async def test_poll_due_polls_only_due_feeds(engine, site, local_server):
    local_server.route("/other.xml", status=404)
    due = feed_row(engine, site.feed_url)
    feed_row(engine, local_server.url("/other.xml"))
    first = await poll_due(engine)
    assert first.polled == 2
    assert get_feed(engine, due.id).next_poll_at is not None
    second = await poll_due(engine)
    assert second == PollSummary()
    assert local_server.hits("/site/feed.xml") == 1


async def test_no_feeds_is_an_empty_summary(engine):
    assert await poll_feeds(engine, []) == PollSummary()


async def test_blocking_steps_run_off_the_event_loop(engine, site, monkeypatch):
    """feedparser and trafilatura run in the pool (threads here) and every database call on the database
    thread, never on the loop."""
    from fetchers import poller

    calls: dict[str, int] = {}

    def spy(module, name: str, label: str) -> None:
        original = getattr(module, name)

        def record(*args, **kwargs):
            calls.setdefault(label, threading.get_ident())
            return original(*args, **kwargs)

        monkeypatch.setattr(module, name, record)

    spy(feeds_module.feedparser, "parse", "feedparser")
    spy(poller, "extract_article", "trafilatura")
    for name in ("classify_entries", "add_articles", "record_polls", "claim_feeds", "release_feeds"):
        spy(poller, name, name)
    with ThreadPoolExecutor(2) as pool:
        await poll_feeds(engine, [feed_row(engine, site.feed_url)], pool=pool)
    loop_thread = threading.get_ident()
    assert set(calls) == {
        "feedparser", "trafilatura", "classify_entries", "add_articles", "record_polls", "claim_feeds", "release_feeds"
    }
    assert loop_thread not in calls.values()


async def test_pages_waiting_for_extraction_stay_bounded(engine, local_server, monkeypatch):
    """With extraction far slower than the network, the poller fetches only a batch of pages ahead
    of the pool's few places instead of holding every page of the feed in memory; every article is stored."""
    from fetchers import poller

    site = Site(local_server, prefix="/big")
    for number in range(1, 81):
        site.add_item(number)
    site.publish()
    built: list[int] = []
    ahead: list[int] = []
    original = poller.build_articles

    def counting_build(jobs, language):
        pages_fetched = sum(local_server.hits(site.page_path(number)) for number in range(1, 81))
        ahead.append(pages_fetched - len(built))
        articles = original(jobs, language)
        built.extend(range(len(jobs)))
        return articles

    monkeypatch.setattr(poller, "build_articles", counting_build)
    monkeypatch.setattr(poller, "_pool_size", lambda: 1)
    with ThreadPoolExecutor(1) as pool:
        summary = await poll_feeds(engine, [feed_row(engine, site.feed_url)], pool=pool, per_host=20)
    bound = (poller.JOBS_AHEAD_PER_PROCESS + 1) * poller.PAGES_PER_JOB
    assert summary.new_articles == 80
    assert len(stored_articles(engine)) == 80
    assert max(ahead) <= bound < 80


async def test_a_slow_site_keeps_no_other_feed_waiting_for_the_pool(engine, local_server, monkeypatch):
    """A feed whose pages come slowly holds no place in the pool's queue while it fetches them:
    another feed's pages, fetched later but quickly, are extracted first."""
    from fetchers import poller

    slow = Site(local_server, prefix="/lambat")
    for number in range(1, 9):
        slow.add_item(number)
        local_server.update(slow.page_path(number), delay_s=0.3)
    slow.publish()
    fast = Site(local_server, prefix="/cepat")
    fast.add_item(1)
    fast.publish(delay_s=0.2)
    extracted: list[str] = []
    original = poller.build_articles

    def recording_build(jobs, language):
        extracted.append(jobs[0][0].link)
        return original(jobs, language)

    monkeypatch.setattr(poller, "build_articles", recording_build)
    monkeypatch.setattr(poller, "_pool_size", lambda: 1)
    monkeypatch.setattr(poller, "JOBS_AHEAD_PER_PROCESS", 1)
    feeds = [feed_row(engine, slow.feed_url), feed_row(engine, fast.feed_url)]
    with ThreadPoolExecutor(1) as pool:
        summary = await poll_feeds(engine, feeds, pool=pool, per_host=2)
    assert summary.new_articles == 9
    assert "/cepat/" in extracted[0] and all("/lambat/" in link for link in extracted[1:])
