"""The app's own poller against a local HTTP server: feed → poller → SQLite → the panes."""

from email.utils import format_datetime
from html import escape

from sqlalchemy import Engine

from storage.feeds import add_feed
from tests.support.local_server import LocalServer
from tests.tui.tui_support import BASE_TIME, until
from tui.widgets.status_bar import OFFLINE_MESSAGE

PARAGRAPH = (
    "Serang — Ratusan buruh pabrik sepatu berkumpul di depan kantor Disnaker untuk menyampaikan "
    "aspirasi tentang upah, dan Kapolsek setempat mengajak perwakilan serikat berdialog di aula kecamatan."
)


def publish(server: LocalServer, numbers: list[int]) -> None:
    """Serve an RSS feed with one item per number, and a page for each item."""
    items = []
    for number in numbers:
        title = f"Bagian {number}: dialog buruh dan polisi di Serang"
        path = f"/berita/{number}.html"
        server.route(
            path,
            content_type="text/html; charset=utf-8",
            body=(
                f"<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'><title>{escape(title)}</title></head>"
                f"<body><article><h1>{escape(title)}</h1><p>{PARAGRAPH} Bagian {number}.</p>"
                f"<p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article></body></html>"
            ),
        )
        items.append(
            f"<item><title>{escape(title)}</title><link>{server.url(path)}</link>"
            f"<guid isPermaLink='false'>uji-{number}</guid>"
            f"<pubDate>{format_datetime(BASE_TIME)}</pubDate><description>Ringkasan {number}</description></item>"
        )
    server.route(
        "/feed.xml",
        content_type="application/rss+xml; charset=utf-8",
        body=(
            "<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'><channel><title>Kabar Uji</title>"
            f"<link>{server.base_url}/</link><description>uji</description>{''.join(reversed(items))}</channel></rss>"
        ),
    )


def lines(app) -> list[str]:
    feed = app.feed_list
    return [feed.render_line(y).text for y in range(feed.scrollable_content_region.height)]


async def test_the_app_polls_stores_and_shows_new_articles(make_desk, engine: Engine, local_server: LocalServer):
    publish(local_server, [1])
    add_feed(engine, local_server.url("/feed.xml"), title="Kabar Uji", poll_interval_s=1)
    app = make_desk(poll=True, poll_interval_s=0.5)
    async with app.run_test(size=(160, 40)) as pilot:
        await until(pilot, lambda: any("Bagian 1" in line for line in lines(app)))
        await until(pilot, lambda: app.reader.article_id is not None)
        assert "Bagian 1." in app.reader.parts["body"].plain
        await until(pilot, lambda: app.status_bar.health is not None and app.status_bar.health.ok == 1)
        assert OFFLINE_MESSAGE not in app.status_bar.render().plain

        await pilot.press("j")
        publish(local_server, [1, 2])
        await until(pilot, lambda: app.feed_list.total == 2)
        assert "Bagian 2" in lines(app)[0]


async def test_capital_r_polls_at_once_when_polling_is_off(make_desk, engine: Engine, local_server: LocalServer):
    publish(local_server, [7])
    add_feed(engine, local_server.url("/feed.xml"), title="Kabar Uji")
    app = make_desk(poll=False)
    async with app.run_test(size=(160, 40)) as pilot:
        await until(pilot, lambda: app.feed_list.started and app.status_bar.health is not None)
        assert not app.polling.busy, "the first page is painted, where polling would start"
        assert local_server.hits("/feed.xml") == 0
        await pilot.press("R")
        await until(pilot, lambda: any("Bagian 7" in line for line in lines(app)))
        assert local_server.hits("/feed.xml") == 1


async def test_unreachable_feeds_say_offline_and_the_desk_stays_up(make_desk, engine: Engine):
    with LocalServer() as server:
        dead = server.url("/feed.xml")
    add_feed(engine, dead, title="Mati")
    app = make_desk(poll=True, poll_interval_s=30)
    async with app.run_test(size=(160, 40)) as pilot:
        await until(pilot, lambda: OFFLINE_MESSAGE in app.status_bar.render().plain)
        await until(pilot, lambda: "1 failing" in app.status_bar.render().plain)
        await pilot.press("j", "k", "f1")
        assert app.is_running
