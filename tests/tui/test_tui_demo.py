"""The demo desk keeps its database between runs, says it is a demo, and says so inside the app when it opened
because no feed could be reached."""

import socket
from urllib.parse import urlsplit

from sqlmodel import Session, select

from storage.articles import article_count
from storage.feeds import list_feeds
from storage.manual_tags import article_tagging, set_type
from storage.models import Article
from tests.tui.tui_support import until
from demo.hidden_sources import HIDDEN_SITES, load_hidden_articles
from tui.config import Settings
from tui.demo import OFFLINE_NOTICE, demo_desk

RELEASE_NEVER_S = 3600.0
FIRST_RELEASE = 12 + len(load_hidden_articles()) - len(HIDDEN_SITES)
"""Six articles of each feed site are out when a new demo starts, and all but the newest of the three others."""


def polled_everything(app, count: int) -> bool:
    feeds = list_feeds(app.engine)
    return all(feed.last_polled_at is not None for feed in feeds) and article_count(app.engine) >= count


async def run_demo(app, count: int = FIRST_RELEASE) -> None:
    async with app.run_test(size=(160, 45)) as pilot:
        await until(pilot, lambda: polled_everything(app, count), timeout_s=60,
                    describe=lambda: (article_count(app.engine), [feed.last_error for feed in list_feeds(app.engine)]))
        await until(pilot, lambda: app.feed_list.total >= count)
        await until(pilot, lambda: app.status_bar.polling is None)


def guids(engine) -> list[str]:
    with Session(engine) as session:
        return sorted(session.exec(select(Article.guid)))


async def test_the_demo_keeps_what_was_tagged_for_the_next_demo(tmp_path):
    """`make run` without network recreated the demo database on every start: tags, stars and saved searches
    were gone with no warning."""
    settings = Settings(user_name="penguji")
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    with demo_desk(settings, RELEASE_NEVER_S, db_url=url) as app:
        await run_demo(app)
        first_guids = guids(app.engine)
        tagged = app.feed_list.current.id
    set_type(app.engine, tagged, "strike", "penguji")
    with demo_desk(settings, RELEASE_NEVER_S, db_url=url) as app:
        await run_demo(app)
        assert guids(app.engine) == first_guids, "nothing stored twice, nothing lost"
        assert article_tagging(app.engine, tagged).engagement_type == "strike"


async def test_a_kept_demo_on_another_port_stores_nothing_twice(tmp_path):
    """Except what Warta Lebak's front page brought: a listing page's entries are known by their addresses,
    and the demo site's addresses change with its port (a real site's do not)."""
    settings = Settings(user_name="penguji")
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    with demo_desk(settings, RELEASE_NEVER_S, db_url=url) as app:
        await run_demo(app)
        first_guids = guids(app.engine)
    old_port = urlsplit(list_feeds(app.engine)[0].url).port
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", old_port))
        taken.listen()
        with demo_desk(settings, RELEASE_NEVER_S, db_url=url) as app:
            await run_demo(app)
            assert {urlsplit(feed.url).port for feed in list_feeds(app.engine)} != {old_port}
            assert len(list_feeds(app.engine)) == 5
            again = guids(app.engine)
            assert [guid for guid in again if "/warta-lebak/" not in guid] == \
                [guid for guid in first_guids if "/warta-lebak/" not in guid]


async def test_the_demo_says_it_is_one_and_fresh_starts_over(tmp_path):
    settings = Settings(user_name="penguji")
    with demo_desk(settings, RELEASE_NEVER_S) as app:
        assert app.title == "Pantau DEMO" and "fictional news" in app.sub_title
        await run_demo(app)
    assert article_count(app.engine) == FIRST_RELEASE
    with demo_desk(settings, RELEASE_NEVER_S, fresh=True) as app:
        assert article_count(app.engine) == 0
        assert list_feeds(app.engine) != []


async def test_the_offline_fallback_says_so_inside_the_app(tmp_path):
    """The notice was printed before the app took the screen, so nobody saw it."""
    with demo_desk(Settings(user_name="penguji"), RELEASE_NEVER_S, offline=True,
                   db_url=f"sqlite:///{tmp_path / 'demo.db'}") as app:
        async with app.run_test(size=(160, 45), notifications=True) as pilot:
            await pilot.pause()
            assert [note.message for note in app._notifications] == [OFFLINE_NOTICE]
            await until(pilot, lambda: bool(app.screen.query("Toast")), describe=lambda: "no toast on screen")
            await until(pilot, lambda: app.status_bar.polling is None and app.feed_list.total > 0, timeout_s=60)
