"""Discovery on the demo sites, served on 127.0.0.1: each site kind found, added and polled through the real pipeline."""

import pytest
from click.testing import CliRunner
from sqlmodel import Session, select

from demo.hidden_sources import KEPALA, WARTA
from demo.server import DemoServer
from fetchers.discovery import MAX_REQUESTS, discover
from fetchers.http import FetchLimits, make_client
from fetchers.pipeline import run_cycle
from core.vocabulary import SourceKind
from storage.feeds import add_feed, get_feed, list_feeds
from storage.models import Article, ArticleLink
from tui.cli import main


@pytest.fixture(scope="module")
def demo():
    with DemoServer(initial=3, release_every_s=3600) as server:
        yield server


async def found(address: str):
    async with make_client() as client:
        return await discover(client, address)


def articles(engine) -> list[Article]:
    with Session(engine) as session:
        return list(session.exec(select(Article).order_by(Article.id)))


@pytest.mark.parametrize(
    ("site", "kind", "path", "how"),
    [
        ("/kilas-banten/", "feed", "/kilas-banten/feeds/posts/default", "<link rel=alternate>"),
        ("/portal-priangan/", "feed", "/portal-priangan/feed/", "<link rel=alternate>"),
        ("/warta-lebak/", "listing", "/warta-lebak/", "the page itself"),
        ("/kabar-karawang/", "feed", "/kabar-karawang/rss/kabar-terkini.xml", "listed in a sitemap index"),
        ("/suara-cilegon/", "feed", "/suara-cilegon/data/rss-terbaru.xml", "<link rel=alternate>"),
    ],
)
async def test_discovery_finds_each_demo_sites_source(demo, site, kind, path, how):
    discovery = await found(demo.base_url + site)
    assert (discovery.picked.kind, discovery.picked.url, discovery.picked.how) == (kind, demo.base_url + path, how)
    assert discovery.report()[-1] == f"Picked: {kind} {demo.base_url + path} ({how})"


async def test_the_sitemap_sites_news_sitemap_is_found_and_the_feed_preferred(demo):
    discovery = await found(demo.base_url + "/kabar-karawang/")
    outcomes = {tried.url.removeprefix(demo.base_url): tried for tried in discovery.tried}
    assert outcomes["/robots.txt"].outcome == "names 1 sitemap(s) of this site"
    assert outcomes["/kabar-karawang/sitemap-news.xml"].kind == SourceKind.SITEMAP
    assert outcomes["/kabar-karawang/feed/"].outcome == "HTTP 404 Not Found"
    assert "titles and summaries only" in discovery.picked.outcome


async def test_a_site_without_feed_or_sitemap_looks_at_robots_and_the_usual_names_only_under_itself(demo):
    discovery = await found(demo.base_url + "/warta-lebak/")
    tried = [item.url.removeprefix(demo.base_url) for item in discovery.tried]
    assert "/kabar-karawang/sitemap.xml" not in tried
    assert "/warta-lebak/sitemap-news.xml" in tried and "/warta-lebak/feeds/posts/default" in tried
    assert discovery.picked.outcome == "2 article links on the page"


def test_feeds_add_adds_what_discovery_picked_and_dry_run_adds_nothing(demo, tmp_path):
    runner = CliRunner()
    db = ["--db", str(tmp_path / "desk.db")]
    dry = runner.invoke(main, [*db, "feeds", "add", "--dry-run", demo.base_url + "/warta-lebak/"])
    assert dry.exit_code == 0, dry.output
    assert "Picked: listing" in dry.output and "Dry run: nothing added." in dry.output
    for site in ("/kilas-banten/", "/portal-priangan/", "/warta-lebak/", "/kabar-karawang/", "/suara-cilegon/"):
        added = runner.invoke(main, [*db, "feeds", "add", demo.base_url + site])
        assert added.exit_code == 0 and "Added " in added.output, added.output
    listed = runner.invoke(main, [*db, "feeds"]).output
    assert listed.count("      feed     ") == 4 and listed.count("      listing  ") == 1


def test_feeds_add_without_a_network_adds_an_unconfirmed_site(tmp_path):
    runner = CliRunner()
    db = ["--db", str(tmp_path / "desk.db")]
    added = runner.invoke(main, [*db, "feeds", "add", "127.0.0.1:9"])
    assert added.exit_code == 0, added.output
    assert "Added site 1, unconfirmed" in added.output and "connection refused" in added.output
    listed = runner.invoke(main, [*db, "feeds"]).output
    assert "site     https://127.0.0.1:9/" in listed and "unconfirmed: has not answered yet" in listed
    dry = runner.invoke(main, [*db, "feeds", "add", "--dry-run", "127.0.0.2:9"])
    assert dry.exit_code == 1 and "nothing added" in dry.output


async def test_each_demo_source_polls_through_the_real_pipeline(engine, demo):
    for url, kind, name in demo.sources:
        add_feed(engine, url, title=name, kind=kind)
    news = add_feed(engine, demo.base_url + "/kabar-karawang/sitemap-news.xml", kind=SourceKind.SITEMAP)
    summary = await run_cycle(engine, list_feeds(engine))
    assert summary.failed == 0, [feed.last_error for feed in list_feeds(engine)]
    stored = [article.url for article in articles(engine)]
    assert len(stored) == len(set(stored)), "the news sitemap's articles are the feed's: linked, not stored again"
    for article in demo.hidden_released():
        assert demo.page_url(article) in stored
    with Session(engine) as session:
        linked = session.exec(select(ArticleLink).where(ArticleLink.feed_id == news.id)).all()
    assert len(linked) == sum(article.site == "peta" for article in demo.hidden_released())
    assert all(article.tagger_version for article in articles(engine))
    warta = next(feed for feed in list_feeds(engine) if feed.kind == "listing")
    before = len(articles(engine))
    new = next(article for article in iter(demo.release_hidden, None) if article.site == WARTA.key)
    again = await run_cycle(engine, [get_feed(engine, warta.id)])
    assert again.new_articles == 1 and len(articles(engine)) == before + 1
    assert articles(engine)[-1].url == demo.page_url(new) and articles(engine)[-1].extraction_status == "ok"
    assert not any("?page=" in url or "/tag/" in url or "/penulis/" in url for url in (a.url for a in articles(engine)))
    unchanged = await run_cycle(engine, [get_feed(engine, warta.id)])
    assert (unchanged.not_modified, unchanged.new_articles) == (1, 0)


async def test_a_site_of_the_default_list_is_resolved_at_its_first_poll(engine, demo):
    site = add_feed(engine, demo.base_url + KEPALA.prefix + "/", title="Suara Cilegon", kind=SourceKind.SITE,
                    platform="custom CMS")
    summary = await run_cycle(engine, [site])
    assert summary.failed == 0 and summary.new_articles >= 2
    row = get_feed(engine, site.id)
    assert (row.kind, row.url) == ("feed", demo.base_url + KEPALA.prefix + "/data/rss-terbaru.xml")
    assert row.last_ok_at is not None and row.platform == "custom CMS"
    assert row.last_error.startswith("found by discovery: feed (<link rel=alternate>)")


async def test_an_unreachable_site_stays_unresolved_and_offline(engine):
    site = add_feed(engine, "http://127.0.0.1:9/", kind=SourceKind.SITE)
    summary = await run_cycle(engine, [site])
    assert summary.offline
    row = get_feed(engine, site.id)
    assert (row.kind, row.last_status, row.consecutive_failures, row.last_ok_at) == ("site", "offline", 0, None)


async def test_a_site_with_nothing_to_watch_fails_with_what_was_tried(engine, local_server):
    local_server.route("/kosong/", body="<html><head><title>x</title></head><body><p>Halo</p></body></html>",
                       content_type="text/html")
    site = add_feed(engine, local_server.url("/kosong/"), kind=SourceKind.SITE)
    await run_cycle(engine, [site])
    row = get_feed(engine, site.id)
    assert (row.kind, row.last_status, row.consecutive_failures) == ("site", "failed", 1)
    assert row.last_error == f"discovery found no feed, news sitemap or page of article links at {local_server.url('/kosong/')}"


async def test_discovery_fetches_through_the_bounded_client(local_server):
    links = "".join(f'<link rel="alternate" type="application/rss+xml" href="/f{n}.xml">' for n in range(50))
    local_server.route("/besar/", body=f"<html><head>{links}</head><body></body></html>", content_type="text/html")
    local_server.route("/f0.xml", body=b"<rss>" + b"x" * 5000, content_type="application/rss+xml")
    local_server.route("/robots.txt", body="Sitemap: /besar/peta.xml\n", content_type="text/plain", delay_s=2)
    async with make_client() as client:
        discovery = await discover(client, local_server.url("/besar/"),
                                   limits=FetchLimits(feed_max_bytes=1024, deadline_s=0.5))
    outcomes = {tried.url.removeprefix(local_server.base_url): tried.outcome for tried in discovery.tried}
    assert outcomes["/f0.xml"] == "body larger than 1 KiB"
    assert outcomes["/robots.txt"] == "timed out after 0.5 s"
    assert len(local_server.requests) <= MAX_REQUESTS and discovery.picked is None



async def test_a_site_whose_source_is_already_watched_is_retired_not_polled_twice(engine, demo):
    feed = add_feed(engine, demo.base_url + KEPALA.prefix + "/data/rss-terbaru.xml")
    site = add_feed(engine, demo.base_url + KEPALA.prefix + "/", kind=SourceKind.SITE)
    await run_cycle(engine, [feed])
    await run_cycle(engine, [site])
    row = get_feed(engine, site.id)
    assert (row.kind, row.enabled) == ("site", False)
    assert row.last_error == f"discovery found {feed.url}, which is already source {feed.id}: this one is no longer polled"
    assert len({article.url for article in articles(engine)}) == len(articles(engine))
