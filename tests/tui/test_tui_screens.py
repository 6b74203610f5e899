"""Help, the command palette, the status bar, remapped keys, and a failing worker."""

import os
from datetime import timedelta
from pathlib import Path

from sqlalchemy import Engine

from storage.articles import get_article
from storage.feeds import add_feed, record_poll
from storage.models import utcnow
from tests.tui.tui_support import fill, messages, palette_offers, until
from tui.screens.help import HelpScreen
from tui.widgets.status_bar import OFFLINE_MESSAGE



def status_text(app) -> str:
    return app.status_bar.render().plain


def record(engine: Engine, feed_id: int, error: str | None = None) -> None:
    record_poll(engine, feed_id, status="error" if error else "ok",
                next_poll_at=utcnow() + timedelta(minutes=10), error=error)


async def test_help_opens_with_f1_or_question_mark_and_closes_with_escape(make_desk, engine: Engine):
    fill(engine, ["Satu"])
    app = make_desk()
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one("#help-table").content
        titles = [str(cell) for cell in table.columns[0]._cells]
        keys = [str(cell) for cell in table.columns[0]._cells]
        ids = [str(cell) for cell in table.columns[2]._cells]
        assert keys[ids.index("app.help")] == "f1, ?"
        assert keys[ids.index("feed.cursor_down")] == "j, ↓"
        whats = [str(cell) for cell in table.columns[1]._cells]
        assert whats[ids.index("desk.pane_3")] == "Go to Actors (3)", "the pane as its border names it"
        assert {"Desk", "Incoming feed", "Reader"} <= set(titles)
        assert {"feed.cursor_down", "feed.open", "app.quit", "app.help", "reader.back"} <= set(ids)
        syntax = app.screen.query_one("#help-search").content
        written = [str(cell) for cell in syntax.columns[0]._cells]
        assert {"polres*", "kapol", '"unjuk rasa"', "since:7d  until:2025-12-07", "is:review"} <= set(written)
        meanings = dict(zip(written, (str(cell) for cell in syntax.columns[1]._cells)))
        assert "notice (pre_protest_coordination)" in meanings["type:escort"], "every type a newcomer can type"
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert app.screen is app.desk


async def test_status_bar_counts_failing_feeds_and_says_when_all_fail(make_desk, engine: Engine):
    good = add_feed(engine, "https://baik.test/feed.xml", title="Baik")
    bad = add_feed(engine, "https://rusak.test/feed.xml", title="Rusak")
    record(engine, good.id)
    record(engine, bad.id, error="connection refused")
    app = make_desk()
    async with app.run_test(size=(160, 30)) as pilot:
        await until(pilot, lambda: app.status_bar.health is not None)
        text = status_text(app)
        assert "1 ok" in text and "1 failing" in text
        assert OFFLINE_MESSAGE not in text
        assert "last poll: never" not in text
        assert " WIB" in text, "the last poll's clock names the desk's zone"
        assert "new above: 0" in text, "arrivals are counted as rows above the cursor, not as unread"

        record(engine, good.id, error="timed out")
        app.status_bar.load_health()
        await until(pilot, lambda: app.status_bar.health.failing == 2)
        assert OFFLINE_MESSAGE in status_text(app)


async def test_palette_marks_the_selected_article_read(make_desk, engine: Engine, wait_for_workers):
    fill(engine, ["Satu"])
    app = make_desk()
    async with app.run_test(size=(140, 40)) as pilot:
        await until(pilot, lambda: app.current_article is not None)
        chosen = app.current_article.id
        await pilot.press("ctrl+p")
        await pilot.press(*"mark article read")
        await until(pilot, lambda: palette_offers(app, "Mark article read"))
        await pilot.press("enter")
        await until(pilot, lambda: app.current_article.is_read)
        await wait_for_workers(app)
        assert get_article(engine, chosen).article.is_read


async def test_palette_toggles_the_theme(make_desk, engine: Engine):
    app = make_desk()
    async with app.run_test(size=(140, 40)) as pilot:
        assert app.current_theme.dark
        await pilot.press("ctrl+p", *"toggle dark")
        await until(pilot, lambda: palette_offers(app, "Toggle dark/light theme"))
        await pilot.press("enter")
        await until(pilot, lambda: not app.current_theme.dark)


async def test_the_palette_offers_one_help_the_one_escape_closes(make_desk, engine: Engine):
    """"Show keys" and Textual's "Keys" stood side by side; "Keys" opened a panel escape does not close."""
    app = make_desk()
    async with app.run_test(size=(140, 40)) as pilot:
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Keys" not in titles and "Screenshot" in titles
        await pilot.press("ctrl+p", *"keys")
        await until(pilot, lambda: palette_offers(app, "Show keys"))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.press("escape")
        assert app.screen is app.desk


async def test_keys_remap_by_binding_id(make_desk, engine: Engine):
    fill(engine, ["Satu", "Dua", "Tiga"])
    app = make_desk(keymap={"feed.cursor_down": "n", "app.help": "f2"})
    async with app.run_test(size=(140, 40)) as pilot:
        await until(pilot, lambda: app.current_article is not None)
        await pilot.press("n")
        assert app.feed_list.cursor == 1
        await pilot.press("j")
        assert app.feed_list.cursor == 1, "the old key no longer moves"
        await pilot.press("f2")
        assert isinstance(app.screen, HelpScreen)


class BrokenSource:
    def count(self) -> int:
        raise RuntimeError("disk unreadable")

    def page(self, limit, before=None, **_where):
        raise RuntimeError("disk unreadable")

    def after(self, after_id):
        return []


async def test_a_failing_worker_is_reported_and_the_desk_keeps_running(make_desk, engine: Engine):
    fill(engine, ["Satu"])
    app = make_desk()
    async with app.run_test(size=(140, 40)) as pilot:
        await until(pilot, lambda: app.current_article is not None)
        app.feed_list.source = BrokenSource()
        app.feed_list.restart()
        await until(pilot, lambda: any("disk unreadable" in message for message in messages(app)))
        assert app.is_running
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)


async def test_a_screenshot_is_saved_where_there_is_no_downloads_folder(make_desk, engine: Engine):
    """Textual saves in ~/Downloads and said only "Failed to save screenshot" on a machine without one."""
    fill(engine, ["Satu"])
    downloads = Path(os.environ["HOME"]) / "Downloads"
    assert not downloads.exists()
    app = make_desk()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("ctrl+p", *"screenshot")
        await until(pilot, lambda: palette_offers(app, "Screenshot"))
        await pilot.press("enter")
        await until(pilot, lambda: any("creenshot" in message for message in messages(app)),
                    describe=lambda: messages(app))
        notes = messages(app)
        assert not any("Failed" in note for note in notes), notes
        saved = list((Path(os.environ["XDG_DATA_HOME"]) / "pantau" / "screenshots").glob("*.svg"))
        assert len(saved) == 1 and "<svg" in saved[0].read_text()
        downloads.mkdir()
        await pilot.press("ctrl+p", *"screenshot")
        await until(pilot, lambda: palette_offers(app, "Screenshot"))
        await pilot.press("enter")
        await until(pilot, lambda: list(downloads.glob("*.svg")), describe=lambda: notes)
