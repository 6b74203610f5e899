"""Snapshots of the desk (pytest-textual-snapshot): main screen at two sizes, the timeline, Feeds and Help.

Plain `def` tests, as the plugin wants. Everything shown is fixed: the hand-tagged desk of
desk_corpus, the desk's time zone from the settings fixture, the clock of the most-named list,
and the subtitle (which would show the temporary database path). Blink is off (conftest).
Regenerate with `pytest tests/tui/test_tui_snapshots.py --snapshot-update` and read the SVGs.
"""

from datetime import datetime, timezone

import pytest

from tests.tui.desk_corpus import fill_tagged_desk
from tests.tui.tui_support import until

CLOCK = datetime(2025, 11, 6, tzinfo=timezone.utc)


@pytest.fixture
def desk(make_desk, engine):
    fill_tagged_desk(engine)
    app = make_desk()
    app.actors.clock = lambda: CLOCK
    return app


def settled(*keys: str):
    """Wait until every pane shows its data, then press `keys`."""

    async def run_before(pilot) -> None:
        app = pilot.app
        app.sub_title = "pantau.db"
        await until(pilot, lambda: (
            app.feed_list.current is not None
            and app.reader.article_id == app.feed_list.current.id
            and app.timeline.data is not None
            and app.actors.article_loaded
            and len(app.actors.top) > 0
        ))
        await pilot.press(*keys)
        await pilot.pause()

    return run_before


def test_main_screen(desk, snap_compare):
    assert snap_compare(desk, terminal_size=(160, 45), run_before=settled())


def test_main_screen_small_terminal(desk, snap_compare):
    assert snap_compare(desk, terminal_size=(80, 24), run_before=settled())


def test_main_screen_on_an_article_with_actors(desk, snap_compare):
    assert snap_compare(desk, terminal_size=(160, 45), run_before=settled("j", "j", "j"))


def test_timeline_maximised_with_a_cell_chosen(desk, snap_compare):
    assert snap_compare(desk, terminal_size=(120, 30), run_before=settled("alt+4", "z", "left"))


def test_timeline_by_month_for_one_province(desk, snap_compare):
    async def run_before(pilot) -> None:
        await settled("alt+4", "p")(pilot)
        await pilot.press("w", "w")
        await until(pilot, lambda: pilot.app.timeline.data.grain == "month")
        await pilot.pause()

    assert snap_compare(desk, terminal_size=(160, 45), run_before=run_before)


def test_feeds_screen(desk, snap_compare):
    assert snap_compare(desk, terminal_size=(160, 45), run_before=settled("f"))


def test_help_screen(desk, snap_compare):
    assert snap_compare(desk, terminal_size=(160, 45), run_before=settled("f1"))


def test_search_bar_focused_with_text_typed(desk, snap_compare):
    """The bar keeps its one row while it has focus: the label, the query typed so far and the cursor."""

    async def run_before(pilot) -> None:
        await settled("slash", *"serang")(pilot)
        await until(pilot, lambda: pilot.app.search.filter_text == "serang" and pilot.app.search_bar.input.has_focus)
        await until(pilot, lambda: str(pilot.app.search_bar.count.content) not in ("", "(…)"))
        await pilot.pause()

    assert snap_compare(desk, terminal_size=(160, 45), run_before=run_before)


def test_key_strip_of_the_timeline_at_80_columns(desk, snap_compare):
    """The strip follows the focused pane and fits 80 columns (test_main_screen_small_terminal: the feed's)."""
    assert snap_compare(desk, terminal_size=(80, 24), run_before=settled("alt+4"))


def filtered(query: str):
    """Settled, then the feed filtered by `query` and its count shown."""

    async def run_before(pilot) -> None:
        await settled()(pilot)
        pilot.app.search.apply(query)
        await until(pilot, lambda: pilot.app.search.filter_text == query and pilot.app.feed_list.current is not None)
        await until(pilot, lambda: str(pilot.app.search_bar.count.content) not in ("", "(…)"))
        await until(pilot, lambda: pilot.app.reader.article_id == pilot.app.feed_list.current.id)
        await pilot.pause()

    return run_before


def test_unread_view(desk, engine, snap_compare):
    from storage.articles import set_read

    for article_id in (1, 3):
        set_read(engine, article_id, True)
    assert snap_compare(desk, terminal_size=(160, 45), run_before=filtered("is:unread"))


def test_review_view(desk, engine, snap_compare):
    """The tagger's uncertain engagements (`is:review`): two articles re-tagged below the confidence it stands by."""
    from storage.tags import replace_auto_tags
    from tests.support.tagged import tags_of
    from tests.tui.desk_corpus import ARTICLES, TAGGER, engagement

    for article_id in (2, 4):
        _title, kind, place, day, actors = ARTICLES[article_id - 1]
        uncertain = {**engagement(kind, place, day), "confidence": 0.3}
        replace_auto_tags(engine, article_id, tags_of({"actors": actors, "places": [], "engagements": [uncertain]},
                                                      TAGGER))
    assert snap_compare(desk, terminal_size=(160, 45), run_before=filtered("is:review"))
