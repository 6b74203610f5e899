"""The demo server: both feeds over real HTTP, pages behind them, 304s, timed release and a clean stop."""

import socket
from html import escape
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import feedparser
import httpx
import pytest

from demo.server import DemoServer, is_not_modified
from demo.sites import BLOGGER, WORDPRESS, FEED_MAX_ITEMS

WAIT_S = 20.0


def _entries(client: httpx.Client, url: str) -> list:
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed.entries


def _demo_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name.startswith("demo-")]


def test_server_names_its_two_sites_and_feeds(demo_server):
    assert demo_server.site_names == [BLOGGER.name, WORDPRESS.name]
    assert demo_server.base_url.startswith("http://127.0.0.1:")
    assert demo_server.feed_urls == [
        demo_server.base_url + "/kilas-banten/feeds/posts/default",
        demo_server.base_url + "/portal-priangan/feed/",
    ]


def test_both_feeds_parse_with_the_initial_articles_newest_first(demo_server, client):
    blogger = client.get(demo_server.feed_urls[0])
    wordpress = client.get(demo_server.feed_urls[1])
    assert blogger.headers["content-type"] == "application/atom+xml; charset=UTF-8"
    assert wordpress.headers["content-type"] == "application/rss+xml; charset=UTF-8"
    assert feedparser.parse(blogger.content).version == "atom10"
    assert feedparser.parse(wordpress.content).version == "rss20"
    for url, site in zip(demo_server.feed_urls, (BLOGGER, WORDPRESS)):
        released = [a for a in demo_server.released() if a.site == site.key]
        assert [entry.title for entry in _entries(client, url)] == [a.title for a in released[::-1]]
        assert len(released) == 6


def test_blogger_rss_view_lists_the_same_posts(demo_server, client):
    atom = _entries(client, demo_server.feed_urls[0])
    rss = _entries(client, demo_server.feed_urls[0] + "?alt=rss")
    assert [entry.link for entry in rss] == [entry.link for entry in atom]
    assert len(_entries(client, demo_server.feed_urls[0] + "?max-results=2")) == 2


def test_every_feed_link_resolves_to_its_page(demo_server, client):
    for url in demo_server.feed_urls:
        for entry in _entries(client, url):
            page = client.get(entry.link)
            assert page.status_code == 200, entry.link
            assert page.headers["content-type"] == "text/html; charset=UTF-8"
            assert page.headers["etag"] and page.headers["last-modified"]
            assert "<h1" in page.text


@pytest.mark.parametrize("which", ["blogger feed", "wordpress feed", "page"])
def test_conditional_gets_answer_304_until_something_changes(demo_server, client, which):
    url = {"blogger feed": demo_server.feed_urls[0], "wordpress feed": demo_server.feed_urls[1]}.get(which)
    url = url or demo_server.page_url(demo_server.released()[0])
    first = client.get(url)
    by_tag = client.get(url, headers={"If-None-Match": first.headers["etag"]})
    by_date = client.get(url, headers={"If-Modified-Since": first.headers["last-modified"]})
    assert (by_tag.status_code, by_date.status_code) == (304, 304)
    assert by_tag.content == b"" and by_tag.headers["etag"] == first.headers["etag"]
    stale = client.get(url, headers={"If-None-Match": '"stale"', "If-Modified-Since": first.headers["last-modified"]})
    assert stale.status_code == 200 and stale.content == first.content


def test_a_release_changes_the_feed_validators(demo_server, client):
    before = client.get(demo_server.feed_urls[0])
    released = demo_server.release_next()
    assert released is not None and released.site == "blogger"
    after = client.get(demo_server.feed_urls[0], headers={"If-None-Match": before.headers["etag"]})
    assert after.status_code == 200
    assert feedparser.parse(after.content).entries[0].title == released.title
    since = client.get(demo_server.feed_urls[0], headers={"If-Modified-Since": before.headers["last-modified"]})
    assert since.status_code == 200


def test_unreleased_pages_are_404_until_released(demo_server, client, corpus):
    pending = next(a for a in corpus if a not in demo_server.released())
    url = demo_server.page_url(pending)
    assert client.get(url).status_code == 404
    demo_server.release_all()
    assert client.get(url).status_code == 200
    assert demo_server.pending_count == 0 and len(demo_server.released()) == len(corpus)


def test_release_alternates_sites_in_published_order(demo_server):
    initial = demo_server.released()
    order = [demo_server.release_next() for _ in range(6)]
    assert [a.site for a in order] == ["blogger", "wordpress"] * 3
    for site in ("blogger", "wordpress"):
        mine = [a for a in order if a.site == site]
        assert mine == sorted(mine, key=lambda a: a.published)
        assert min(a.published for a in mine) > max(a.published for a in initial if a.site == site)


def test_feeds_hold_at_most_25_items(corpus, client):
    blogger = [a for a in corpus if a.site == "blogger"]
    extra = [replace(a, number=a.number + 500, slug=a.slug + "-lanjutan", published=a.published + timedelta(days=200)) for a in blogger]
    with DemoServer(initial=100, release_every_s=3600, articles=[*corpus, *extra]) as server:
        entries = _entries(client, server.feed_urls[0])
        assert len(entries) == FEED_MAX_ITEMS
        assert entries[0].title == extra[-1].title
        assert len(_entries(client, server.feed_urls[1])) == len([a for a in corpus if a.site == "wordpress"])


def test_articles_are_released_over_time_until_all_are_out(corpus, client):
    with DemoServer(initial=1, release_every_s=0.01) as server:
        assert len(_entries(client, server.feed_urls[0])) >= 1
        deadline = time.monotonic() + WAIT_S
        while server.pending_count and time.monotonic() < deadline:
            time.sleep(0.01)
        assert server.pending_count == 0
        total = sum(len(_entries(client, url)) for url in server.feed_urls)
        assert total == sum(min(FEED_MAX_ITEMS, sum(a.site == s for a in corpus)) for s in ("blogger", "wordpress"))


def test_head_redirects_and_unknown_paths(demo_server, client):
    head = client.head(demo_server.feed_urls[1])
    assert head.status_code == 200 and head.content == b"" and int(head.headers["content-length"]) > 1000
    bare = client.get(demo_server.feed_urls[1].rstrip("/"))
    assert bare.status_code == 301 and bare.headers["location"] == demo_server.feed_urls[1]
    article = next(a for a in demo_server.released() if a.site == "wordpress")
    page = demo_server.page_url(article)
    assert client.get(page.rstrip("/"), follow_redirects=True).url == page
    assert client.get(demo_server.base_url + "/kilas-banten/2099/01/tidak-ada.html").status_code == 404
    assert client.get(demo_server.site_urls[0]).status_code == 200
    assert escape(article.title) in client.get(demo_server.site_urls[1]).text


def test_requests_write_nothing_to_stderr(demo_server, client, capfd):
    for url in [*demo_server.feed_urls, demo_server.base_url + "/nope"]:
        client.get(url)
    assert capfd.readouterr().err == ""


def test_concurrent_requests_while_releasing_all_succeed(corpus):
    with DemoServer(initial=2, release_every_s=0.005) as server, httpx.Client(timeout=10.0) as http:
        urls = [url for _ in range(20) for url in server.feed_urls]
        with ThreadPoolExecutor(max_workers=8) as pool:
            responses = list(pool.map(http.get, urls))
        assert all(response.status_code == 200 for response in responses)
        assert all(feedparser.parse(response.content).entries for response in responses)


def test_stop_closes_keep_alive_connections_and_joins_its_threads(client):
    server = DemoServer()
    server.start()
    port = int(server.base_url.rsplit(":", 1)[1])
    assert client.get(server.feed_urls[0]).status_code == 200  # leaves a keep-alive connection open
    assert _demo_threads()
    server.stop()
    server.stop()
    assert not _demo_threads()
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    with pytest.raises(RuntimeError):
        server.base_url


def test_start_twice_and_bad_arguments_are_refused():
    with DemoServer() as server, pytest.raises(RuntimeError):
        server.start()
    with pytest.raises(ValueError):
        DemoServer(release_every_s=0)
    with pytest.raises(ValueError):
        DemoServer(initial=-1)


def test_if_none_match_wins_over_if_modified_since():
    modified = datetime(2025, 12, 8, 7, 25, tzinfo=timezone.utc)
    date = "Mon, 08 Dec 2025 07:25:00 GMT"
    assert is_not_modified('W/"a", "b"', None, '"b"', modified)
    assert is_not_modified("*", None, '"b"', modified)
    assert not is_not_modified('"a"', date, '"b"', modified)
    assert is_not_modified(None, date, '"b"', modified)
    assert not is_not_modified(None, "Mon, 08 Dec 2025 07:24:59 GMT", '"b"', modified)
    assert not is_not_modified(None, "not a date", '"b"', modified)
