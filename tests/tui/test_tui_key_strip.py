"""The key strip: the focused pane's keys that fit, most needed first, and `? all keys` at 160 and 80 columns."""

from sqlalchemy import Engine

from tests.tui.tui_support import fill, until


def strip(app) -> str:
    return app.desk.query_one("KeyStrip").plain


async def started(pilot) -> None:
    await until(pilot, lambda: pilot.app.feed_list.current is not None)
    await pilot.pause()


async def test_the_strip_fits_and_shows_the_keys_the_footer_cut_off(make_desk, engine: Engine):
    """Textual's footer stopped at "a Acto▏" at 160 columns: / ? x s K ctrl+z never showed."""
    fill(engine, ["Satu", "Dua"])
    for size, expected in (((160, 45), ["⏎ open", "n next unread", "/ search", "e type", "K kab/kota", "x hide",
                                        "s star", "^z undo", "? all keys"]),
                           ((80, 24), ["⏎ open", "/ search", "e type", "? all keys"])):
        app = make_desk()
        async with app.run_test(size=size) as pilot:
            await started(pilot)
            shown = strip(app)
            assert len(shown) <= size[0] - 2, shown
            for entry in expected:
                assert entry in shown, (size, entry, shown)
            assert shown.endswith("? all keys")
            assert "^l" not in shown, "clear filter only while a filter is applied"


async def test_the_strip_follows_the_focus_the_filter_and_the_keymap(make_desk, engine: Engine):
    fill(engine, ["Satu", "Dua"])
    app = make_desk(keymap={"tag.undo": "u"})
    async with app.run_test(size=(160, 45)) as pilot:
        await started(pilot)
        assert "u undo" in strip(app)
        await pilot.press("alt+4")
        await pilot.pause()
        shown = strip(app)
        assert "⏎ filter by cell" in shown and "w weeks/days/months" in shown and "e type" not in shown
        await pilot.press("alt+1", "slash")
        await pilot.pause()
        shown = strip(app)
        assert "esc back to list" in shown and "^s save search" in shown
        assert "/ search" not in shown and "e type" not in shown, "typed characters go to the bar"
        await pilot.press("S", "a", "t", "u", "escape")
        await until(pilot, lambda: app.search.filter_text == "Satu")
        await pilot.pause()
        assert "^l clear filter" in strip(app)
