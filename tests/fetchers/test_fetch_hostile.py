"""Hostile feeds and pages through the real pipeline: local HTTP server → poll → tag → a SQLite file.

Each case first polls a well-behaved version of the hostile site (two articles stored), then
serves the payload and polls it in one cycle with a healthy feed. Every case must finish within
a bound, word what happened on the feed (or the article), store the healthy feed's articles, and
lose nothing stored before.
"""

import time
import zlib
from dataclasses import replace
from datetime import datetime, timezone

import pytest
from sqlmodel import Session, select

from fetchers.http import FetchLimits
from fetchers.pipeline import run_cycle
from storage.feeds import add_feed, get_feed
from storage.models import Article
from tests.fetchers.conftest import BASE_DATE, Item, Site, rss

DEADLINE_S = 2.0
LIMITS = FetchLimits(deadline_s=DEADLINE_S)
BOUND_S = 40.0  # a cycle with every fix in place takes a few seconds; unbounded cases took minutes
RSS_TYPE = "application/rss+xml; charset=utf-8"
PASSWD_LINE = "root:x:0:0"


def stored(engine, feed_id: int) -> list[Article]:
    with Session(engine) as session:
        return list(session.exec(select(Article).where(Article.feed_id == feed_id).order_by(Article.id)))


def all_text(engine) -> str:
    with Session(engine) as session:
        return "\n".join(f"{a.title}\n{a.summary}\n{a.body}" for a in session.exec(select(Article)))


def gzip_bomb(inflated_bytes: int) -> bytes:
    """A gzip stream of zeros that inflates to `inflated_bytes`, built without holding them."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"\0" * (1 << 20)
    parts = [packer.compress(block) for _ in range(inflated_bytes >> 20)]
    return b"".join(parts) + packer.flush()


def feed_document(items: str, prolog: str = "", encoding: str = "UTF-8") -> str:
    return (
        f'<?xml version="1.0" encoding="{encoding}"?>\n{prolog}'
        '<rss version="2.0"><channel><title>Situs bermusuhan</title><link>http://contoh.example/</link>'
        f"{items}</channel></rss>"
    )


class Desk:
    """A hostile site with two articles already stored, and a healthy site not polled yet."""

    def __init__(self, engine, server) -> None:
        self.engine, self.server = engine, server
        self.hostile = Site(server, prefix="/hostile")
        for number in (1, 2):
            self.hostile.add_item(number)
        self.hostile.publish()
        self.healthy = Site(server, prefix="/healthy")
        for number in (1, 2, 3):
            self.healthy.add_item(number)
        self.healthy.publish()
        self.hostile_feed = add_feed(engine, self.hostile.feed_url)
        self.healthy_feed = add_feed(engine, self.healthy.feed_url)
        self.before: list[tuple[int, str, str]] = []

    async def store_before(self) -> None:
        await run_cycle(self.engine, [get_feed(self.engine, self.hostile_feed.id)], limits=LIMITS)
        self.before = [(a.id, a.title, a.body) for a in stored(self.engine, self.hostile_feed.id)]
        assert len(self.before) == 2

    async def hostile_cycle(self, bound_s: float = BOUND_S):
        """Poll both feeds in one cycle; check the bound, the healthy feed and what was stored before."""
        feeds = [get_feed(self.engine, self.hostile_feed.id), get_feed(self.engine, self.healthy_feed.id)]
        started = time.monotonic()
        await run_cycle(self.engine, feeds, limits=LIMITS)
        elapsed = time.monotonic() - started
        assert elapsed < bound_s, f"the cycle took {elapsed:.1f} s"
        healthy = stored(self.engine, self.healthy_feed.id)
        assert len(healthy) == 3 and all(article.extraction_status == "ok" for article in healthy)
        after = {a.id: (a.id, a.title, a.body) for a in stored(self.engine, self.hostile_feed.id)}
        assert all(after.get(row[0]) == row for row in self.before)
        return get_feed(self.engine, self.hostile_feed.id)

    def serve_feed(self, body: str | bytes, **route) -> None:
        route.setdefault("content_type", RSS_TYPE)
        self.server.route("/hostile/feed.xml", body=body, **route)

    def serve_page(self, number: int, **route) -> Item:
        """A new entry in the hostile feed whose page is the payload."""
        item = self.hostile.add_item(number, with_page=False, description=f"Ringkasan umpan nomor {number}.")
        self.server.route(self.hostile.page_path(number), **route)
        self.hostile.publish()
        return item


@pytest.fixture
async def desk(engine, local_server) -> Desk:
    desk = Desk(engine, local_server)
    await desk.store_before()
    return desk


LAUGHS = "".join(
    f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10}">' for n in range(1, 10)
)
BILLION_LAUGHS = feed_document(
    "<item><title>&lol9;</title><link>http://contoh.example/1</link></item>",
    f'<!DOCTYPE rss [<!ENTITY lol0 "lol">{LAUGHS}]>',
)


def external_entity(target: str) -> str:
    return feed_document(
        "<item><title>Bocor &xxe;</title><link>http://contoh.example/1</link><description>&xxe;</description></item>",
        f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "{target}">]>',
    )


async def test_billion_laughs_is_refused_with_its_name(desk):
    desk.serve_feed(BILLION_LAUGHS)
    feed = await desk.hostile_cycle()
    assert feed.last_status == "failed"
    assert feed.last_error == (
        'refused: the feed declares entity &lol1; built from other entities (an entity-expansion bomb, "billion laughs")'
    )


async def test_external_file_entity_is_never_read(desk):
    desk.serve_feed(external_entity("file:///etc/passwd"))
    feed = await desk.hostile_cycle()
    assert feed.last_error == (
        "refused: the feed declares an external entity &xxe; (file:///etc/passwd); "
        "Pantau never reads files or addresses named inside a feed"
    )
    assert PASSWD_LINE not in all_text(desk.engine)


async def test_external_http_entity_is_never_fetched(desk, local_server):
    local_server.route("/secret", body="rahasia")
    desk.serve_feed(external_entity(local_server.url("/secret")))
    feed = await desk.hostile_cycle()
    assert "refused: the feed declares an external entity &xxe;" in feed.last_error
    assert local_server.hits("/secret") == 0


async def test_deeply_nested_elements_are_refused(desk):
    depth = 100_000
    desk.serve_feed(feed_document("<item><title>t</title><description>" + "<x>" * depth + "</x>" * depth
                                  + "</description></item>"))
    feed = await desk.hostile_cycle()
    assert feed.last_error == "refused: the feed nests elements more than 64 levels deep"


async def test_deeply_nested_html_inside_cdata_is_refused_by_its_tag_count(desk):
    depth = 100_000
    html = "<div>" * depth + "teks" + "</div>" * depth
    desk.serve_feed(feed_document(f"<item><title>t</title><description><![CDATA[{html}]]></description></item>"))
    feed = await desk.hostile_cycle()
    assert feed.last_error == "refused: the feed carries more than 40,000 tags before its first entry ends"


async def test_a_feed_heavy_with_markup_is_cut_at_an_entry(desk):
    content = "<p>Buruh <b>berdialog</b> dengan <i>polisi</i>.</p>" * 100  # 600 tags an entry
    items = "".join(f"<item><guid>m{n}</guid><title>{n}</title><description><![CDATA[{content}]]></description></item>"
                    for n in range(100))
    desk.serve_feed(feed_document(items))
    feed = await desk.hostile_cycle()
    kept = len(stored(desk.engine, feed.id)) - 2
    assert 60 < kept < 70
    assert feed.last_error == f"the feed carries more than 40,000 tags; only its first {kept} entries were read"


async def test_a_feed_that_never_ends_times_out_at_the_deadline(desk):
    desk.serve_feed(feed_document("<item><title>t</title>"), drip_s=0.05)
    feed = await desk.hostile_cycle(bound_s=BOUND_S)
    assert feed.last_error == "timed out after 2 s"


async def test_a_gzip_bomb_feed_is_cut_off_while_inflating(desk, local_server):
    desk.serve_feed(gzip_bomb(64 << 20), headers={"Content-Encoding": "gzip"})
    feed = await desk.hostile_cycle()
    assert feed.last_error == "body larger than 5 MiB"
    assert local_server.requests_for("/hostile/feed.xml")[-1].headers["accept-encoding"].startswith("gzip")


async def test_a_feed_of_100000_entries_reads_only_the_newest(desk, local_server):
    items = "".join(f"<item><guid>g{n}</guid><title>{n}</title></item>" for n in range(100_000))
    desk.serve_feed(feed_document(items))
    feed = await desk.hostile_cycle()
    assert feed.last_status == "ok" and feed.consecutive_failures == 0
    assert feed.last_error == "the feed lists 100,000 entries; only the newest 200 were read"
    titles = [article.title for article in stored(desk.engine, feed.id)][2:]
    assert sorted(titles, key=int) == [str(n) for n in range(200)]


async def test_invalid_utf8_is_read_and_said(desk):
    desk.serve_feed(feed_document("<item><title>Buruh \udcff aksi</title><link>http://contoh.example/u</link>"
                                  "<description>ringkasan</description></item>").encode("utf-8", "surrogateescape"))
    feed = await desk.hostile_cycle()
    assert feed.last_status == "ok"
    assert feed.last_error == (
        "document declared as utf-8, but parsed as windows-1252: some characters may be wrong"
    )
    assert stored(desk.engine, feed.id)[-1].title == "Buruh ÿ aksi"


async def test_a_lying_charset_is_read_as_the_utf8_it_is(desk):
    document = feed_document("<item><title>Kapolsek Sérang menemui buruh</title><link>http://contoh.example/c</link>"
                             "<description>ringkasan</description></item>", encoding="ISO-8859-1")
    desk.serve_feed(document.encode("utf-8"), content_type="application/rss+xml; charset=iso-8859-1")
    feed = await desk.hostile_cycle()
    assert feed.last_error == "the feed declares iso-8859-1 but is UTF-8; read as UTF-8"
    assert stored(desk.engine, feed.id)[-1].title == "Kapolsek Sérang menemui buruh"


async def test_duplicate_guids_store_each_article_once(desk):
    for number in (3, 4, 5):
        desk.hostile.add_item(number, guid="sama")
    desk.hostile.publish()
    feed = await desk.hostile_cycle()
    assert feed.last_error == "2 entries have the GUID of another entry"
    await run_cycle(desk.engine, [get_feed(desk.engine, feed.id)], limits=LIMITS)
    urls = [article.url for article in stored(desk.engine, feed.id)]
    assert len(urls) == len(set(urls)) == 5


@pytest.mark.parametrize(
    "date",
    ["Mon, 01 Jan 0001 00:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "Sat, 01 Jan 99999 00:00:00 GMT",
     "Mon, 01 Jan 1900 00:00:00 GMT"],
)
async def test_impossible_dates_fall_back_to_the_page_date(desk, date):
    item = desk.hostile.add_item(3)
    desk.hostile.items[0] = replace(item, published=None, extra=f"<pubDate>{date}</pubDate>")
    desk.hostile.publish()
    feed = await desk.hostile_cycle()
    article = stored(desk.engine, feed.id)[-1]
    assert article.published_at == datetime(2025, 11, 6, 8, 0, tzinfo=timezone.utc) == BASE_DATE.replace(day=6)
    assert feed.last_error in (None, "1 entry has an impossible date, ignored")


async def test_entries_without_title_or_link_are_stored_and_said(desk):
    desk.hostile.items[0] = replace(desk.hostile.add_item(3), title="")
    desk.hostile.items.insert(0, Item(title="", link="", guid="tanpa-tautan", description="Hanya ringkasan."))
    desk.hostile.publish()
    feed = await desk.hostile_cycle()
    untitled_page, no_link = stored(desk.engine, feed.id)[2:]
    assert untitled_page.title == "Buruh dan polisi berdialog di Serang, hari ke-3"  # the page's own title
    assert (no_link.title, no_link.body) == ("(untitled)", "Hanya ringkasan.")
    assert no_link.extraction_status == "fallback: the entry has no link; kept the feed's content"


async def test_a_50_mb_page_is_refused_and_the_feed_text_kept(desk):
    desk.serve_page(3, body=b"<html><body>" + b"<p>kata</p>" * (50 * 1024 * 1024 // 11), content_type="text/html")
    feed = await desk.hostile_cycle()
    article = stored(desk.engine, feed.id)[-1]
    assert article.extraction_status == (
        "fallback: the page could not be fetched (body larger than 10 MiB); kept the feed's content"
    )
    assert article.body == "Ringkasan umpan nomor 3."


async def test_a_gzip_bomb_page_is_cut_off_while_inflating(desk):
    desk.serve_page(3, body=gzip_bomb(64 << 20), headers={"Content-Encoding": "gzip"}, content_type="text/html")
    feed = await desk.hostile_cycle()
    assert "body larger than 10 MiB" in stored(desk.engine, feed.id)[-1].extraction_status


async def test_a_page_that_never_ends_times_out(desk):
    desk.serve_page(3, body="<html><body><p>awal", drip_s=0.05, content_type="text/html")
    feed = await desk.hostile_cycle()
    assert stored(desk.engine, feed.id)[-1].extraction_status == (
        "fallback: the page could not be fetched (timed out after 2 s); kept the feed's content"
    )


async def test_a_page_of_endless_tags_is_read_only_up_to_the_tag_cap(desk):
    paragraphs = "".join(f"<p>Paragraf nomor {n} tentang buruh dan polisi di Serang.</p>" for n in range(100_000))
    desk.serve_page(3, body=f"<html><body><article>{paragraphs}</article></body></html>", content_type="text/html")
    feed = await desk.hostile_cycle()
    article = stored(desk.engine, feed.id)[-1]
    assert article.extraction_status == (
        "partial: the page has more than 20,000 tags; only the text before them was read"
    )
    assert article.body.startswith("Paragraf nomor 0 ") and "Paragraf nomor 99999 " not in article.body


async def test_a_page_with_an_external_entity_never_shows_the_file(desk):
    page = ('<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><html><body><article>'
            + "<p>Buruh berdialog dengan polisi di Serang &xxe; hari ini, kata koordinator aksi.</p>" * 5
            + "</article></body></html>")
    desk.serve_page(3, body=page, content_type="text/html")
    await desk.hostile_cycle()
    assert PASSWD_LINE not in all_text(desk.engine)


async def test_nul_characters_are_dropped_before_storing(desk):
    document = feed_document("<item><title>Buruh\x00 aksi</title><link>http://contoh.example/n</link>"
                             "<description>satu\x00 dua</description></item>")
    desk.serve_feed(document.encode("utf-8"))
    feed = await desk.hostile_cycle()
    article = stored(desk.engine, feed.id)[-1]
    assert (article.title, article.summary) == ("Buruh aksi", "satu dua")
    assert "\x00" not in all_text(desk.engine)
