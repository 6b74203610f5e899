"""The whole path: demo sites over real HTTP → poller → extraction → tagging → SQLite → the desk."""

import asyncio

from sqlalchemy import Engine

from demo.server import DemoServer
from demo.sites import load_corpus
from fetchers.pipeline import run_cycle
from storage.articles import article_count, feed_page, newest_articles
from storage.feed_order import PUBLISHED
from storage.feeds import add_feed, enabled_feeds
from storage.tags import article_engagements
from tests.tui.tui_support import until
from tui.app import PantauApp
from tui.config import Settings
from tui.demo import demo_app


def visible_feed_lines(app: PantauApp) -> list[str]:
    feed = app.feed_list
    return [feed.render_line(y).text for y in range(feed.scrollable_content_region.height)]


def add_demo_feeds(engine: Engine, server: DemoServer) -> None:
    for url, name in zip(server.feed_urls, server.site_names):
        add_feed(engine, url, title=name)


async def test_poll_extract_tag_store_and_show(engine: Engine, db_url: str):
    with DemoServer(initial=3, release_every_s=3600) as server:
        add_demo_feeds(engine, server)
        first = await run_cycle(engine, enabled_feeds(engine))
        assert first.failed == 0 and first.new_articles == 6
        again = await run_cycle(engine, enabled_feeds(engine))
        assert again.new_articles == 0 and again.not_modified == 2

    newest = feed_page(engine, PUBLISHED, limit=1)[0]
    corpus = {article.title: article for article in load_corpus()}
    expected = corpus[newest.title]
    assert any(article_engagements(engine, row.id) for row in newest_articles(engine, limit=6))

    app = PantauApp(engine, Settings(db_url=db_url), poll=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await until(pilot, lambda: any(newest.title[:20] in line for line in visible_feed_lines(app)))
        await until(pilot, lambda: app.reader.article_id == newest.id)
        body = app.reader.parts["body"].plain
        assert expected.paragraphs[0][:60] in body
        assert "masukkan script iklan disini" not in body


async def test_demo_desk_shows_ten_articles_within_thirty_seconds(tmp_path):
    with DemoServer(initial=3, release_every_s=0.5) as server:
        app = demo_app(Settings(), server, db_url=f"sqlite:///{tmp_path / 'demo.db'}")
        async with app.run_test(size=(160, 45)) as pilot:
            await until(pilot, lambda: app.feed_list.total >= 10, timeout_s=30)
            await until(pilot, lambda: app.reader.article_id is not None)
            assert article_count(app.engine) >= 10
            await asyncio.sleep(0)
