"""A terminal smaller than 80×24 gets a notice instead of a cut-off desk, and the desk comes back on resize."""

from textual.widgets import Static

from tests.tui.tui_support import fill, until
from tui.screens.main import MainScreen
from tui.screens.too_small import TooSmallScreen


def _notice(app) -> str:
    return str(app.screen.query_one("#too-small", Static).render())


async def test_small_terminal_shows_the_notice_and_recovers_on_resize(engine, make_desk, wait_for_workers):
    fill(engine, ["Buruh dan polisi berdialog di Serang"])
    app = make_desk()
    async with app.run_test(size=(60, 20)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, TooSmallScreen))
        assert "at least 80×24" in _notice(app) and "60×20" in _notice(app)

        await pilot.resize_terminal(79, 30)
        await until(pilot, lambda: "79×30" in _notice(app))
        assert isinstance(app.screen, TooSmallScreen)

        await pilot.resize_terminal(100, 30)
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await until(pilot, lambda: app.feed_list.total == 1 and app.feed_list.row_at(0) is not None)
        await wait_for_workers(app)
        assert app.feed_list.row_at(0).title.startswith("Buruh dan polisi")

        await pilot.resize_terminal(80, 23)
        await until(pilot, lambda: isinstance(app.screen, TooSmallScreen))
        assert len([screen for screen in app.screen_stack if isinstance(screen, TooSmallScreen)]) == 1


async def test_quit_works_on_the_notice(make_desk):
    app = make_desk()
    async with app.run_test(size=(40, 10)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, TooSmallScreen))
        await pilot.press("ctrl+q")
        await until(pilot, lambda: app.return_code is not None)


async def test_exactly_80_by_24_is_the_desk(make_desk):
    app = make_desk()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
