"""Many small feeds with an article page behind every entry, served from 127.0.0.1 for crash tests.

Feeds are small (a few entries each) so a poll commits article batches steadily from its first
second on: a kill at any moment finds some feeds stored and others in flight. Feeds publish new
entries when told, so a poller restarted many times always has something new to ingest. Pages use the demo
Blogger template, with words drawn per page so that no two pages are near-duplicates.
"""

import random
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from functools import cache
from html import escape

from demo.sites import load_corpus, render_blogger_page
from tests.support.local_server import LocalServer

BASE_DATE = datetime(2025, 11, 3, 1, 0, tzinfo=timezone.utc)


@cache
def _vocabulary() -> tuple[str, ...]:
    return tuple(word for article in load_corpus() for paragraph in article.paragraphs for word in paragraph.split())


def _title(feed: int, item: int) -> str:
    return f"Buruh dan polisi bertemu di kawasan industri {feed}-{item}"


def _page(feed: int, item: int, url: str) -> str:
    rng = random.Random(feed * 1000 + item)
    words = _vocabulary()
    paragraphs = [" ".join(rng.choice(words) for _ in range(rng.randint(30, 50))).capitalize() + "." for _ in range(5)]
    return render_blogger_page(_title(feed, item), paragraphs, BASE_DATE + timedelta(hours=item), url=url)


def _feed(feed: int, links: list[str], base_url: str) -> str:
    items = "".join(
        f"<item><title>{escape(_title(feed, item))}</title><link>{link}</link><guid>{link}</guid>"
        f"<pubDate>{format_datetime(BASE_DATE + timedelta(hours=item))}</pubDate>"
        f"<description>Ringkasan berita {feed}-{item}.</description></item>"
        for item, link in reversed(list(enumerate(links)))
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Situs uji {feed}</title><link>{base_url}/f/{feed}/</link><description>uji</description>"
        f"{items}</channel></rss>"
    )


class ServedFeeds:
    """Feeds on `server` that publish as a site does: each starts with some entries, and `publish`
    adds more (newest first in the feed, as sites list them)."""

    def __init__(self, server: LocalServer, feeds: int, items: int) -> None:
        self.server = server
        self.shown = [0] * feeds
        self.feed_urls = [server.url(f"/f/{feed}/feed.xml") for feed in range(feeds)]
        for feed in range(feeds):
            self.publish(feed, items)

    @property
    def article_urls(self) -> set[str]:
        """Every article link the feeds show now."""
        return {self._link(feed, item) for feed, shown in enumerate(self.shown) for item in range(shown)}

    def publish(self, feed: int, count: int = 1) -> None:
        """`count` new entries on `feed`, their pages served from now on."""
        for item in range(self.shown[feed], self.shown[feed] + count):
            link = self._link(feed, item)
            self.server.route(link.removeprefix(self.server.base_url), body=_page(feed, item, link),
                              content_type="text/html; charset=utf-8")
        self.shown[feed] += count
        links = [self._link(feed, item) for item in range(self.shown[feed])]
        self.server.route(f"/f/{feed}/feed.xml", body=_feed(feed, links, self.server.base_url),
                          content_type="application/rss+xml")

    def _link(self, feed: int, item: int) -> str:
        return self.server.url(f"/f/{feed}/a/{item}.html")


def serve_feeds(server: LocalServer, feeds: int, items: int) -> ServedFeeds:
    """Route `feeds` RSS feeds of `items` entries each, and their pages, on `server`."""
    return ServedFeeds(server, feeds, items)
