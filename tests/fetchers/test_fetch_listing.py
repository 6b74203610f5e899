"""Sources without a feed: a listing page and a news sitemap polled through the same pipeline as a feed."""

from datetime import datetime, timedelta, timezone
from html import escape

import pytest
from sqlmodel import Session, select

from fetchers.article_links import looks_like_article
from fetchers.poller import poll_feeds
from core.vocabulary import SourceKind
from storage.feeds import add_feed, get_feed
from storage.models import Article, ArticleLink
from tests.fetchers.conftest import BASE_DATE, Item, Site, article_page, article_paragraphs, rss

ARTICLES = {
    "/warta/post/kapolres-serang-ngopi-bareng-serikat-buruh": "Kapolres Serang ngopi bareng serikat buruh",
    "/warta/post/buruh-cikande-audiensi-di-mapolres": "Buruh Cikande audiensi di Mapolres",
    "/warta/post/mediasi-phk-pabrik-sepatu-di-balaraja": "Mediasi PHK pabrik sepatu di Balaraja",
}
NOT_ARTICLES = [
    "/warta/tag/buruh",
    "/warta/tag/unjuk-rasa-buruh-serang",
    "/warta/penulis/budi-santoso",
    "/warta/author/redaksi-warta/",
    "/warta/kategori/hukum-dan-kriminal/",
    "/warta/?page=2",
    "/warta/page/2/",
    "/warta/redaksi",
    "/warta/pedoman-media-siber",
    "/warta/kontak",
    "/warta/p/tentang-kami.html",
    "/warta/search?q=buruh+polisi+serang",
    "/warta/visi-misi",
    "/warta/wp-content/uploads/2025/12/foto-aksi-buruh.jpg",
]


def listing_page(links: dict[str, str], others: list[str], *, elsewhere: str = "") -> str:
    """A front page: article links (some twice, once as a picture), then every kind of non-article link."""
    items = "".join(
        f'<article><a href="{path}"><img src="/x.jpg"></a><h2><a href="{path}">{escape(title)}</a></h2></article>'
        for path, title in links.items()
    )
    furniture = "".join(f'<li><a href="{path}">{escape(path.strip("/").split("/")[-1])}</a></li>' for path in others)
    external = f'<a href="{elsewhere}">Berita di situs lain tentang buruh dan polisi</a>' if elsewhere else ""
    return (
        "<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'><title>Warta Contoh</title></head><body>"
        f"<nav><ul><li><a href='/warta/'>Beranda</a></li>{furniture}</ul></nav><main>{items}</main>"
        f"<aside>{external}<a href='#top'>ke atas</a><a href='mailto:redaksi@contoh.test'>surel</a></aside>"
        "</body></html>"
    )


def serve_articles(server, paths: list[str]) -> None:
    for number, path in enumerate(paths, start=1):
        title = ARTICLES.get(path, f"Berita nomor {number}")
        server.route(path, body=article_page(title, article_paragraphs(number), BASE_DATE + timedelta(days=number)),
                     content_type="text/html; charset=utf-8")


def serve_furniture(server) -> None:
    """Every non-article link answers with a readable page, so following one by mistake would store it."""
    for number, path in enumerate(NOT_ARTICLES, start=10):
        server.route(path.split("?")[0], body=article_page(f"Bukan berita {number}", article_paragraphs(number), BASE_DATE),
                     content_type="text/html; charset=utf-8")


def stored(engine) -> list[Article]:
    with Session(engine) as session:
        return list(session.exec(select(Article).order_by(Article.id)))


@pytest.fixture
def front_page(local_server):
    serve_articles(local_server, list(ARTICLES))
    serve_furniture(local_server)
    local_server.route("/warta/", body=listing_page(ARTICLES, NOT_ARTICLES), content_type="text/html; charset=utf-8",
                       etag='"front-1"')
    return local_server.url("/warta/")


def test_only_article_addresses_pass():
    assert all(looks_like_article("https://warta.example" + path) for path in ARTICLES)
    assert not any(looks_like_article("https://warta.example" + path) for path in NOT_ARTICLES)


async def test_listing_page_stores_its_articles_and_nothing_else(engine, local_server, front_page):
    source = add_feed(engine, front_page, kind=SourceKind.LISTING)
    summary = await poll_feeds(engine, [source])
    assert summary.new_articles == 3 and summary.failed == 0
    articles = stored(engine)
    assert sorted(article.url for article in articles) == sorted(local_server.url(path) for path in ARTICLES)
    assert sorted(article.title for article in articles) == sorted(ARTICLES.values())
    assert all(article.extraction_status == "ok" and article.body.startswith("Serang, Kabar Contoh") for article in articles)
    asked = {request.path for request in local_server.requests}
    assert asked.isdisjoint(NOT_ARTICLES)
    row = get_feed(engine, source.id)
    assert (row.kind, row.last_status, row.title, row.last_ok_at is not None) == ("listing", "ok", "Warta Contoh", True)


async def test_unchanged_listing_is_not_modified_and_a_new_link_is_the_only_page_fetched(engine, local_server, front_page):
    source = add_feed(engine, front_page, kind=SourceKind.LISTING)
    await poll_feeds(engine, [source])
    again = await poll_feeds(engine, [get_feed(engine, source.id)])
    assert (again.not_modified, again.new_articles) == (1, 0)
    assert local_server.requests_for("/warta/")[1].headers["if-none-match"] == '"front-1"'
    newer = {"/warta/post/polres-lebak-dan-spn-bedah-rumah-buruh": "Polres Lebak dan SPN bedah rumah buruh", **ARTICLES}
    serve_articles(local_server, list(newer))
    local_server.route("/warta/", body=listing_page(newer, NOT_ARTICLES), content_type="text/html; charset=utf-8",
                       etag='"front-2"')
    third = await poll_feeds(engine, [get_feed(engine, source.id)])
    assert third.new_articles == 1
    assert [local_server.hits(path) for path in newer] == [1, 1, 1, 1]
    assert len(stored(engine)) == 4


async def test_failing_listing_page_backs_off_and_recovers_like_a_feed(engine, local_server, front_page):
    local_server.update("/warta/", status=503)
    source = add_feed(engine, front_page, kind=SourceKind.LISTING)
    for _ in range(2):
        summary = await poll_feeds(engine, [get_feed(engine, source.id)], poll_interval_s=60)
        assert summary.failed == 1
    row = get_feed(engine, source.id)
    assert (row.last_status, row.consecutive_failures, row.failure_weight) == ("failed", 2, 1.0)
    assert row.last_error == "HTTP 503 Service Unavailable"
    assert (row.next_poll_at - row.last_polled_at).total_seconds() >= 60
    local_server.update("/warta/", status=200)
    await poll_feeds(engine, [get_feed(engine, source.id)])
    row = get_feed(engine, source.id)
    assert (row.last_status, row.consecutive_failures, row.failure_weight) == ("ok", 0, 0.0)
    assert len(stored(engine)) == 3


async def test_an_article_in_a_feed_and_on_a_listing_page_is_stored_once(engine, local_server, front_page):
    path = next(iter(ARTICLES))
    item = Item(title=ARTICLES[path], link=local_server.url(path), guid="tag:warta,2025:1", published=BASE_DATE)
    local_server.route("/warta/feed.xml", body=rss([item]), content_type="application/rss+xml")
    feed = add_feed(engine, local_server.url("/warta/feed.xml"))
    listing = add_feed(engine, front_page, kind=SourceKind.LISTING)
    await poll_feeds(engine, [feed])
    await poll_feeds(engine, [listing])
    assert len(stored(engine)) == 3
    assert local_server.hits(path) == 1
    with Session(engine) as session:
        links = session.exec(select(ArticleLink.feed_id).join(Article, Article.id == ArticleLink.article_id)
                             .where(Article.url == local_server.url(path))).all()
    assert sorted(links) == sorted([feed.id, listing.id])


async def test_a_link_to_another_site_is_not_followed(engine, local_server, front_page):
    local_server.route("/warta/", body=listing_page(ARTICLES, [], elsewhere="https://situs-lain.example/post/buruh-dan-polisi-bertemu"),
                       content_type="text/html; charset=utf-8")
    source = add_feed(engine, front_page, kind=SourceKind.LISTING)
    assert (await poll_feeds(engine, [source])).new_articles == 3
    assert not any("situs-lain" in article.url for article in stored(engine))


async def test_a_page_that_is_no_html_fails_the_listing(engine, local_server):
    local_server.route("/kosong/", body="hanya teks tanpa tanda apa pun", content_type="text/plain")
    source = add_feed(engine, local_server.url("/kosong/"), kind=SourceKind.LISTING)
    await poll_feeds(engine, [source])
    row = get_feed(engine, source.id)
    assert (row.last_status, row.last_error) == ("failed", "not an HTML page: no markup in it")


async def test_a_listing_without_article_links_says_so(engine, local_server):
    local_server.route("/sepi/", body=listing_page({}, NOT_ARTICLES), content_type="text/html")
    source = add_feed(engine, local_server.url("/sepi/"), kind=SourceKind.LISTING)
    await poll_feeds(engine, [source])
    row = get_feed(engine, source.id)
    assert row.last_status == "ok" and "no article links found on the page" in row.last_error


def news_sitemap(server, items: list[tuple[str, str, datetime]], *, extra: str = "") -> str:
    urls = "".join(
        f"<url><loc>{server.url(path)}</loc><news:news><news:publication><news:name>Warta</news:name>"
        f"<news:language>id</news:language></news:publication><news:publication_date>{when.isoformat()}"
        f"</news:publication_date><news:title>{escape(title)}</news:title></news:news></url>"
        for path, title, when in items
    )
    return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}{extra}</urlset>')


async def test_news_sitemap_entries_are_articles_with_their_dates(engine, local_server):
    paths = list(ARTICLES)
    serve_articles(local_server, paths)
    serve_furniture(local_server)
    items = [(path, f"Judul peta {number}", BASE_DATE + timedelta(hours=number)) for number, path in enumerate(paths)]
    static = f"<url><loc>{local_server.url('/warta/redaksi')}</loc></url><url><loc>{local_server.url('/warta/tag/buruh')}</loc></url>"
    local_server.route("/warta/news-sitemap.xml", body=news_sitemap(local_server, items, extra=static),
                       content_type="application/xml", etag='"map-1"')
    source = add_feed(engine, local_server.url("/warta/news-sitemap.xml"), kind=SourceKind.SITEMAP)
    assert (await poll_feeds(engine, [source])).new_articles == 3
    articles = {article.url: article for article in stored(engine)}
    assert set(articles) == {local_server.url(path) for path in paths}
    assert articles[local_server.url(paths[2])].published_at == BASE_DATE + timedelta(hours=2)
    assert articles[local_server.url(paths[0])].title == ARTICLES[paths[0]]
    assert local_server.hits("/warta/redaksi") == 0 and local_server.hits("/warta/tag/buruh") == 0
    again = await poll_feeds(engine, [get_feed(engine, source.id)])
    assert (again.not_modified, again.new_articles) == (1, 0)


async def test_sitemap_index_and_entity_tricks_are_refused_with_a_reason(engine, local_server):
    index = ('<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             f"<sitemap><loc>{local_server.url('/peta/post-sitemap.xml')}</loc></sitemap></sitemapindex>")
    bomb = ('<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&b;</loc></url></urlset>')
    local_server.route("/peta/index.xml", body=index, content_type="application/xml")
    local_server.route("/peta/bom.xml", body=bomb, content_type="application/xml")
    sources = [add_feed(engine, local_server.url(path), kind=SourceKind.SITEMAP) for path in ("/peta/index.xml", "/peta/bom.xml")]
    await poll_feeds(engine, sources)
    errors = [get_feed(engine, source.id).last_error for source in sources]
    assert errors[0].startswith("a sitemap index, not a sitemap of articles: add one of its sitemaps (")
    assert errors[1] == "refused: the sitemap declares entities; Pantau never expands them"


async def test_pages_that_stop_extracting_are_counted_until_one_extracts_again(engine, local_server, front_page):
    empty = "<!DOCTYPE html><html><head><title>x</title></head><body><div class='app'></div></body></html>"
    for path in ARTICLES:
        local_server.update(path, body=empty)
    source = add_feed(engine, front_page, kind=SourceKind.LISTING)
    await poll_feeds(engine, [source])
    row = get_feed(engine, source.id)
    assert row.extraction_failures == 3
    assert "no article text found in the page" in row.extraction_error
    fixed = {"/warta/post/polres-lebak-dan-spn-bedah-rumah-buruh": "Polres Lebak dan SPN bedah rumah buruh", **ARTICLES}
    serve_articles(local_server, list(fixed)[:1])
    local_server.route("/warta/", body=listing_page(fixed, []), content_type="text/html", etag='"front-2"')
    await poll_feeds(engine, [get_feed(engine, source.id)])
    row = get_feed(engine, source.id)
    assert (row.extraction_failures, row.extraction_error) == (0, None)


async def test_titles_only_feed_is_filled_from_the_article_page(engine, local_server):
    site = Site(local_server, prefix="/judul")
    site.add_item(1, description="")
    site.publish()
    feed = add_feed(engine, site.feed_url)
    await poll_feeds(engine, [feed])
    (article,) = stored(engine)
    assert article.body.splitlines() == article_paragraphs(1) and article.extraction_status == "ok"
    assert get_feed(engine, feed.id).extraction_failures == 0


def test_dates_in_the_future_of_a_sitemap_are_ignored():
    from fetchers.sitemap import read_sitemap

    later = datetime.now(timezone.utc) + timedelta(days=30)
    body = news_sitemap(type("S", (), {"url": staticmethod(lambda path: "https://warta.example" + path)}),
                        [("/warta/post/berita-dari-masa-depan-saja", "x", later)])
    (page,) = read_sitemap(body.encode()).pages
    assert page.published is None
