"""The feed opens on a database of 100,000 articles and pages in the rows the user scrolls to."""

import sqlite3
from pathlib import Path

from sqlalchemy import Engine

from storage.articles import article_count
from storage.feeds import add_feed
from tests.tui.tui_support import fill_many, messages, until
from tui.widgets.feed_list import MAX_CACHED_PAGES, PAGE_SIZE

ROWS = 100_000


def state(app) -> str:
    feed = app.feed_list
    return (
        f"cursor={feed.cursor} scroll_y={feed.scroll_offset.y} max={feed.max_scroll_y} "
        f"height={feed.scrollable_content_region.height} pages held={feed.pages_held} "
        f"workers={list(app.workers)} notes={messages(app)}"
    )


async def test_hundred_thousand_rows_open_and_scroll(make_desk, engine: Engine, tmp_path: Path):
    feed = add_feed(engine, "https://massal.test/feed.xml", title="Massal")
    fill_many(tmp_path / "pantau.db", feed.id, ROWS)
    assert article_count(engine) == ROWS
    app = make_desk()
    async with app.run_test(size=(140, 40)) as pilot:
        feed_list = app.feed_list
        await until(pilot, lambda: feed_list.current is not None)
        await until(pilot, lambda: feed_list.total == ROWS, describe=lambda: state(app))  # the count follows the first page
        assert feed_list.current.title == f"Artikel massal {ROWS - 1}"
        assert f"Artikel massal {ROWS - 2}" in feed_list.render_line(1).text

        await pilot.press("end")
        await until(pilot, lambda: feed_list.current is not None, describe=lambda: state(app))
        assert feed_list.cursor == ROWS - 1
        assert feed_list.current.title == "Artikel massal 0"
        assert "Artikel massal 0" in feed_list.render_line(feed_list.cursor - feed_list.scroll_offset.y).text
        assert feed_list.pages_held <= MAX_CACHED_PAGES, "only a few pages stay in memory"

        await pilot.press("home", "pagedown")
        await until(pilot, lambda: feed_list.current is not None)
        assert feed_list.current.title == f"Artikel massal {ROWS - 1 - feed_list.cursor}"
        feed_list.scroll_to(y=PAGE_SIZE * 250 + 7, animate=False)
        await until(pilot, lambda: feed_list.row_at(PAGE_SIZE * 250 + 7) is not None)
        assert feed_list.row_at(PAGE_SIZE * 250 + 7).title == f"Artikel massal {ROWS - 1 - PAGE_SIZE * 250 - 7}"


async def test_ids_with_gaps_are_read_right(make_desk, engine: Engine, tmp_path: Path):
    """Deleted rows leave holes in the ids: a page far down is read at its offset, the next below its key."""
    feed = add_feed(engine, "https://massal.test/feed.xml", title="Massal")
    fill_many(tmp_path / "pantau.db", feed.id, 5_000)
    with sqlite3.connect(tmp_path / "pantau.db") as connection:
        connection.execute("DELETE FROM article WHERE id % 7 = 0")
    remaining = article_count(engine)
    app = make_desk()
    async with app.run_test(size=(140, 40)) as pilot:
        feed_list = app.feed_list
        await until(pilot, lambda: feed_list.current is not None)
        await until(pilot, lambda: feed_list.total == remaining, describe=lambda: state(app))  # counted after
        await pilot.press("end")
        await until(pilot, lambda: feed_list.current is not None, describe=lambda: state(app))
        assert feed_list.current.title == "Artikel massal 0"
        await pilot.press("k")
        assert feed_list.current.title == "Artikel massal 1"
        middle = remaining // 2
        feed_list.scroll_to(y=middle, animate=False)
        await until(pilot, lambda: feed_list.row_at(middle) is not None)
        numbers = [n for n in range(5_000) if (n + 1) % 7]
        assert feed_list.row_at(middle).title == f"Artikel massal {numbers[::-1][middle]}"


def test_the_desk_starts_without_the_fetchers():
    """httpx, feedparser and trafilatura take longer to import than the desk takes to paint its feed: the app
    loads them in its first poll, in a thread, and never on start."""
    import subprocess
    import sys

    probe = "import sys, tui.app; print(sorted(m for m in ('fetchers.pipeline', 'trafilatura', 'feedparser', 'httpx') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.stdout.strip() == "[]"


async def test_a_row_hidden_far_down_keeps_the_cursor_in_place(make_desk, engine: Engine, tmp_path: Path):
    """The feed is read again after `x`, its first page before its count: the cursor waits for the count."""
    feed = add_feed(engine, "https://massal.test/feed.xml", title="Massal")
    fill_many(tmp_path / "pantau.db", feed.id, 1_000)
    app = make_desk()
    async with app.run_test(size=(140, 40)) as pilot:
        feed_list = app.feed_list
        await until(pilot, lambda: feed_list.current is not None and feed_list.total == 1_000)
        feed_list.focus()
        feed_list.scroll_to(y=440, animate=False)
        feed_list.move_cursor(450)
        await until(pilot, lambda: feed_list.current is not None, describe=lambda: state(app))
        below = feed_list.row_at(451).title
        await pilot.press("x")
        await until(pilot, lambda: feed_list.total == 999 and feed_list.current is not None, describe=lambda: state(app))
        assert feed_list.cursor == 450 and feed_list.current.title == below
