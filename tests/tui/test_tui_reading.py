"""Reading as in newsboat and Miniflux: n/N to the next and previous unread, everything shown marked read,
o opens the article in the browser, y copies its link."""

import sqlite3
import webbrowser
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session, select

from storage.articles import set_read
from storage.feeds import add_feed
from storage.models import Article
from tests.tui.tui_support import fill, fill_many, messages, until
from tui.messages import FeedCounted
from tui.screens.confirm import ConfirmScreen

TITLES = [f"Berita {n}" for n in range(6)]


def unread_titles(engine: Engine) -> set[str]:
    with Session(engine) as session:
        return set(session.exec(select(Article.title).where(Article.is_read == False)))  # noqa: E712



async def test_n_and_capital_n_go_to_the_next_and_previous_unread(make_desk, engine: Engine):
    fill(engine, TITLES)
    for number in (4, 3, 1):
        set_read(engine, number + 1, True)
    app = make_desk()
    async with app.run_test(size=(140, 30)) as pilot:
        feed = app.feed_list
        await until(pilot, lambda: feed.current is not None)
        assert feed.current.title == "Berita 5"
        await pilot.press("n")
        assert feed.current.title == "Berita 2"
        await pilot.press("n")
        assert feed.current.title == "Berita 0"
        await pilot.press("n")
        assert feed.current.title == "Berita 0" and "No unread article below." in messages(app)
        await pilot.press("N")
        assert feed.current.title == "Berita 2"


async def test_n_in_the_reader_opens_the_next_unread_and_marks_it_read(make_desk, engine: Engine):
    fill(engine, TITLES)
    set_read(engine, 5, True)
    app = make_desk()
    async with app.run_test(size=(140, 30)) as pilot:
        feed = app.feed_list
        await until(pilot, lambda: feed.current is not None)
        await pilot.press("enter")
        assert app.focused is app.reader
        await pilot.press("n")
        assert feed.current.title == "Berita 3", "Berita 4 is read"
        await until(pilot, lambda: unread_titles(engine) == {"Berita 0", "Berita 1", "Berita 2"})
        await until(pilot, lambda: app.reader.parts["title"].plain == "Berita 3")


async def test_n_goes_on_through_pages_not_read_yet(make_desk, engine: Engine, tmp_path: Path):
    feed_row = add_feed(engine, "https://massal.test/feed.xml", title="Massal")
    fill_many(tmp_path / "pantau.db", feed_row.id, 1_500)
    with sqlite3.connect(tmp_path / "pantau.db") as connection:
        connection.execute("UPDATE article SET is_read = 1 WHERE title != 'Artikel massal 12'")
    app = make_desk()
    async with app.run_test(size=(140, 30)) as pilot:
        feed = app.feed_list
        await until(pilot, lambda: feed.current is not None)
        await pilot.press("n")
        await until(pilot, lambda: feed.current is not None and feed.current.title == "Artikel massal 12",
                    describe=lambda: (feed.cursor, feed.current))
        assert feed.cursor == 1_500 - 13


async def test_n_waits_for_the_count_when_the_first_page_has_no_unread(make_desk, engine: Engine, tmp_path: Path,
                                                                      monkeypatch):
    """On a large desk the count comes after the first page: `n` pressed before it goes on once it is known,
    instead of saying that nothing below is unread."""
    feed_row = add_feed(engine, "https://massal.test/feed.xml", title="Massal")
    fill_many(tmp_path / "pantau.db", feed_row.id, 1_500)
    with sqlite3.connect(tmp_path / "pantau.db") as connection:
        connection.execute("UPDATE article SET is_read = 1 WHERE title != 'Artikel massal 12'")
    held_back: list[FeedCounted] = []
    monkeypatch.setattr("tui.widgets.feed_list.FeedCounted", lambda generation, total: held_back.append(
        FeedCounted(generation, total)) or FeedCounted(-1, 0))
    app = make_desk()
    async with app.run_test(size=(140, 30)) as pilot:
        feed = app.feed_list
        await until(pilot, lambda: feed.current is not None and held_back)
        await pilot.press("n")
        await pilot.pause()
        assert not any("No unread" in message for message in messages(app))
        feed.post_message(held_back[0])
        await until(pilot, lambda: feed.current is not None and feed.current.title == "Artikel massal 12",
                    describe=lambda: (feed.cursor, feed.current, messages(app)))


async def test_capital_a_marks_every_article_shown_read_once_confirmed(make_desk, engine: Engine):
    fill(engine, TITLES)
    app = make_desk()
    async with app.run_test(size=(140, 30)) as pilot:
        feed = app.feed_list
        await until(pilot, lambda: feed.current is not None)
        app.search.apply('"Berita 1" OR "Berita 2"')
        await until(pilot, lambda: feed.total == 2)
        await pilot.press("A")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Mark the 2 articles matching" in app.screen.question
        await pilot.press("escape")
        assert len(unread_titles(engine)) == 6
        await pilot.press("A", "y")
        await until(pilot, lambda: unread_titles(engine) == {"Berita 0", "Berita 3", "Berita 4", "Berita 5"})
        await until(pilot, lambda: feed.current is not None and feed.current.is_read)
        await pilot.press("ctrl+l")
        await until(pilot, lambda: feed.total == 6)
        await pilot.press("A", "enter")
        await until(pilot, lambda: unread_titles(engine) == set())
        assert "4 articles marked read." in messages(app)


async def test_capital_a_on_one_article_says_one_article(make_desk, engine: Engine):
    """A filter showing one article asked "Mark the 1 articles matching tag:banjir read?"."""
    fill(engine, TITLES)
    app = make_desk()
    async with app.run_test(size=(140, 30)) as pilot:
        feed = app.feed_list
        await until(pilot, lambda: feed.current is not None)
        app.search.apply('"Berita 1"')
        await until(pilot, lambda: feed.total == 1)
        await pilot.press("A")
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.question == 'Mark the one article matching "Berita 1" read?'
        await pilot.press("y")
        await until(pilot, lambda: "Berita 1" not in unread_titles(engine))
        await until(pilot, lambda: "1 article marked read." in messages(app), describe=lambda: messages(app))


async def test_o_opens_the_article_in_the_browser_and_y_copies_its_link(make_desk, engine: Engine, monkeypatch):
    fill(engine, TITLES)
    opened: list[str] = []
    browser_found = [True]
    monkeypatch.setattr(webbrowser, "open", lambda url: opened.append(url) or browser_found[0])
    app = make_desk()
    async with app.run_test(size=(140, 30)) as pilot:
        feed = app.feed_list
        await until(pilot, lambda: app.current_view is not None)
        url = app.current_view.article.url
        await pilot.press("o")
        await until(pilot, lambda: opened == [url])
        await until(pilot, lambda: f"Opened in the browser: {url}" in messages(app))
        browser_found[0] = False
        app.reader.focus()
        await pilot.press("o")
        await until(pilot, lambda: any("No web browser found" in note for note in messages(app)))
        await pilot.press("y")
        assert app.clipboard == url and f"Link copied: {url}" in messages(app)
        assert feed.current.title == "Berita 5"
