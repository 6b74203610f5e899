"""The desk's four panes: focus keys, maximising, the actors pane and the timeline pane, on a hand-tagged desk."""

from datetime import date, datetime, timedelta, timezone

import pytest
from textual.app import App, ComposeResult

from storage.tags import MentionView
from storage.timeline import Place, Timeline
from tests.tui.desk_corpus import fill_tagged_desk
from tests.tui.tui_support import until
from tui.widgets.actors_pane import ActorsPane, mention_line
from tui.widgets.timeline import TimelinePane

DEC_1 = date(2025, 12, 1)
END_OF_NOVEMBER = datetime(2025, 11, 30, tzinfo=timezone.utc)


@pytest.fixture
def tagged(engine):
    return fill_tagged_desk(engine)


def option_lines(actors: ActorsPane) -> list[str]:
    """What the pane shows, and what it holds below its fold."""
    shown = [line.rstrip() for line in actors.render().plain.splitlines()]
    assert shown == actors.plain_lines[:actors.content_size.height]
    return actors.plain_lines


def timeline_lines(timeline: TimelinePane) -> list[str]:
    return timeline.render().plain.splitlines()


async def started(pilot, app):
    await until(pilot, lambda: app.feed_list.current is not None and app.timeline.data is not None,
                describe=lambda: f"feed at {app.feed_list.current}, timeline {app.timeline.data}")


async def select_article(pilot, app, article_id: int) -> None:
    await until(pilot, lambda: app.feed_list.current is not None)
    app.feed_list.focus()
    await pilot.press("home")
    for _ in range(app.feed_list.total):
        if app.feed_list.current.id == article_id:
            return
        await pilot.press("j")
    raise AssertionError(f"article {article_id} is not in the feed")


async def test_tab_and_alt_digits_go_round_the_four_panes(make_desk, tagged):
    app = make_desk()
    async with app.run_test(size=(160, 45)) as pilot:
        await started(pilot, app)
        desk = app.desk
        assert app.focused is desk.feed
        for pane in (desk.reader, desk.actors, desk.timeline):
            await pilot.press("tab")
            assert app.focused is pane
        await pilot.press("shift+tab")
        assert app.focused is desk.actors
        for key, pane in (("alt+1", desk.feed), ("alt+4", desk.timeline), ("alt+2", desk.reader),
                          ("alt+3", desk.actors)):
            await pilot.press(key)
            assert app.focused is pane, key
        await pilot.press("cent_sign")  # alt+4 as xterm and tmux send it (ESC 4)
        assert app.focused is desk.timeline
        assert [pane.border_title for pane in desk.panes] == ["1 Incoming", "2 Reader", "3 Actors", "4 Timeline"]


async def test_the_focused_pane_is_outlined(make_desk, tagged):
    app = make_desk()
    async with app.run_test(size=(160, 45)) as pilot:
        await started(pilot, app)
        await pilot.press("alt+4")
        await pilot.pause()
        timeline, feed = app.desk.timeline, app.desk.feed
        assert timeline.styles.border_top[0] == "heavy" and feed.styles.border_top[0] == "round"
        assert timeline.styles.border_top[1] != feed.styles.border_top[1]


async def test_z_maximises_the_focused_pane_and_restores_it(make_desk, tagged):
    app = make_desk()
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot, app)
        screen = app.desk
        await pilot.press("alt+4")
        await pilot.press("z")
        await pilot.pause()
        assert screen.maximized is screen.timeline
        assert screen.timeline.outer_size.width == 80
        assert not screen.feed.is_on_screen
        await pilot.press("alt+1")
        assert screen.maximized is screen.feed and app.focused is screen.feed
        await pilot.press("z")
        await pilot.pause()
        assert screen.maximized is None
        assert screen.timeline.is_on_screen


async def test_enter_in_a_maximised_pane_never_leaves_focus_on_a_hidden_one(make_desk, tagged):
    """Enter on a cell of the maximised timeline filters the feed: the feed takes the maximised place with
    the focus, so the next digit tags an article on screen; enter there opens the reader the same way."""
    app = make_desk()
    async with app.run_test(size=(160, 45)) as pilot:
        await started(pilot, app)
        screen = app.desk
        await pilot.press("alt+4", "z", "enter")
        await until(pilot, lambda: app.search.filter_text.startswith("kab:"))
        await pilot.pause()
        assert app.focused is screen.feed
        assert screen.maximized is screen.feed
        assert screen.feed.is_on_screen
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is screen.reader and screen.maximized is screen.reader
        await pilot.press("slash")
        await pilot.pause()
        assert app.search_bar.is_on_screen, "the search bar shows over a maximised pane"
        assert app.search_bar.region.y == 1 and screen.reader.region.y > 1, "above it, under the title"
        await pilot.press("escape")
        await until(pilot, lambda: app.focused is screen.feed)
        assert screen.maximized is screen.feed, "escape backs out of the bar; z alone restores the desk"
        await pilot.press("ctrl+l")
        await until(pilot, lambda: not app.search.filter_text and not app.search_bar.display)
        await pilot.press("z")
        await pilot.pause()
        assert screen.maximized is None and not app.search_bar.display
        assert screen.feed.region.y == 1, "the panes start under the title"


async def test_the_actors_pane_lists_the_selected_articles_actors(make_desk, tagged):
    app = make_desk()
    async with app.run_test(size=(160, 45)) as pilot:
        await started(pilot, app)
        await select_article(pilot, app, 3)
        await until(pilot, lambda: [m.name for m in app.actors.mentions] == ["Condro Sasongko", "Ridwan Saputra"],
                    describe=lambda: option_lines(app.actors))
        lines = option_lines(app.actors)
        assert lines[0] == "On this article"
        assert lines[1] == "police   Kapolres AKBP Condro Sasongko · Polres Serang"
        assert lines[2] == "labour   Ketua Ridwan Saputra · SPN"
        await select_article(pilot, app, 5)
        await until(pilot, lambda: "no actors tagged" in option_lines(app.actors),
                    describe=lambda: option_lines(app.actors))


async def test_most_named_actors_of_the_last_7_or_30_days(make_desk, tagged):
    """Measured from now, or from the newest article when it is older than the period (the demo's news is
    old, and "last 7 days" showed nobody)."""
    app = make_desk()
    app.actors.clock = lambda: END_OF_NOVEMBER
    async with app.run_test(size=(160, 45)) as pilot:
        await started(pilot, app)
        await until(pilot, lambda: "Most named, 7 days to 03 Nov 2025" in option_lines(app.actors),
                    describe=lambda: option_lines(app.actors))
        assert len(app.actors.top) == 3, "the newest article is older than 7 days: the 7 days up to it"
        await pilot.press("alt+3", "w")
        await until(pilot, lambda: len(app.actors.top) == 3, describe=lambda: option_lines(app.actors))
        lines = option_lines(app.actors)
        heading = lines.index("Most named, last 30 days")
        assert [line.split()[0] for line in lines[heading + 1:]] == ["3", "2", "1"]
        assert "Condro Sasongko" in lines[heading + 1] and "KSPSI" in lines[heading + 2]
        await pilot.press("w")
        await until(pilot, lambda: "Most named, 7 days to 03 Nov 2025" in option_lines(app.actors))


async def test_enter_on_an_actor_filters_the_feed_to_the_articles_naming_it(make_desk, tagged):
    app = make_desk()
    app.actors.clock = lambda: END_OF_NOVEMBER
    async with app.run_test(size=(160, 45)) as pilot:
        await started(pilot, app)
        await select_article(pilot, app, 3)
        await until(pilot, lambda: len(app.actors.mentions) == 2)
        await pilot.press("alt+3")
        assert app.actors.chosen_name == "Condro Sasongko"
        await pilot.press("enter")
        await until(pilot, lambda: app.feed_list.total == 3 and app.feed_list.current is not None,
                    describe=lambda: f"{app.feed_list.total} rows")
        assert app.search_bar.input.value == 'actor:"Condro Sasongko"'
        assert {app.feed_list.row_at(n).id for n in range(3)} == {1, 2, 3}
        assert app.focused is app.feed_list


async def test_the_timeline_counts_engagements_per_kabupaten_and_week(make_desk, tagged):
    app = make_desk()
    async with app.run_test(size=(160, 45)) as pilot:
        await started(pilot, app)
        timeline = app.timeline
        assert [place.name for place in timeline.places] == ["Kabupaten Serang", "Kota Serang", "Kabupaten Bekasi"]
        assert timeline.count_at("36.04", DEC_1) == 2
        assert timeline.count_at("36.04", date(2025, 12, 8)) == 1
        assert timeline.count_at("36.73", DEC_1) == 1
        assert timeline.count_at("36.71", DEC_1) == 0
        lines = timeline_lines(timeline)
        assert lines[0].strip() == "Nov 2025        Dec 2025"
        assert lines[1].split() == ["3", "10", "17", "24", "1", "8"]
        serang = next(line for line in lines if line.startswith("Kab. Serang"))
        assert serang.split()[2:] == ["·", "·", "·", "·", "2X", "1P"]  # clash wins the tie: more severe
        kota = next(line for line in lines if line.startswith("Kota Serang"))
        assert kota.split()[2:] == ["·", "·", "·", "·", "1M", "·"]  # the analyst's mediation, not the protest
        bekasi = next(line for line in lines if line.startswith("Kab. Bekasi"))
        assert bekasi.split()[2:] == ["1T", "·", "·", "·", "1S", "·"]
        assert lines[-1].split() == ["X", "clash", "P", "protest", "S", "strike", "M", "mediation", "T", "dialogue"]
        assert lines[-2] == "Kabupaten Serang · 8–14 Dec 2025: 1 engagement (protest 1)"
        assert timeline.border_subtitle.startswith("weeks · all provinces")


async def test_w_switches_to_days_then_months_keeping_the_date_under_the_cursor(make_desk, tagged):
    app = make_desk()
    async with app.run_test(size=(160, 45)) as pilot:
        await started(pilot, app)
        timeline = app.timeline
        await pilot.press("alt+4", "left")
        assert timeline.cell.start == DEC_1
        await pilot.press("w")
        await until(pilot, lambda: timeline.data.grain == "day")
        assert timeline.cell.start == DEC_1 and timeline.cell.end == DEC_1
        assert timeline.count_at("36.04", DEC_1) == 1 and timeline.count_at("36.04", date(2025, 12, 3)) == 1
        assert timeline.border_subtitle.startswith("days")
        await pilot.press("w")
        await until(pilot, lambda: timeline.data.grain == "month")
        assert timeline.cell.start == DEC_1 and timeline.cell.end == date(2025, 12, 31)
        assert timeline.count_at("36.04", DEC_1) == 3
        assert timeline_lines(timeline)[1].split() == ["Nov", "Dec"]
        await pilot.press("w")
        await until(pilot, lambda: timeline.data.grain == "week")
        assert timeline.cell.start == DEC_1


async def test_p_narrows_the_rows_to_one_province_at_a_time(make_desk, tagged):
    app = make_desk()
    async with app.run_test(size=(160, 45)) as pilot:
        await started(pilot, app)
        timeline = app.timeline
        await pilot.press("alt+4", "p")
        assert timeline.province == "Banten"
        assert [place.code for place in timeline.places] == ["36.04", "36.73"]
        assert not any(line.startswith("Kab. Bekasi") for line in timeline_lines(timeline))
        await pilot.press("p")
        assert [place.code for place in timeline.places] == ["32.16"]
        assert "Jawa Barat" in timeline.border_subtitle
        await pilot.press("p")
        assert timeline.province is None and len(timeline.places) == 3
        await pilot.press("P")
        assert timeline.province == "Jawa Barat"


async def test_enter_on_a_cell_filters_the_feed_to_that_place_and_week(make_desk, tagged):
    app = make_desk()
    async with app.run_test(size=(160, 45)) as pilot:
        await started(pilot, app)
        await pilot.press("alt+4", "left", "enter")
        assert app.search_bar.input.value == "kab:36.04 since:2025-12-01 until:2025-12-07"
        await until(pilot, lambda: app.feed_list.current is not None and app.feed_list.total < 6,
                    describe=lambda: f"{app.feed_list.total} rows")
        shown = {app.feed_list.row_at(n).id for n in range(app.feed_list.total)}
        assert shown == {1, 2}  # the protest of 1 Dec and the clash of 3 Dec: the two engagements of the cell


async def test_an_empty_desk_says_so_in_the_panes(make_desk):
    app = make_desk()
    async with app.run_test(size=(160, 45)) as pilot:
        await until(pilot, lambda: app.timeline.data is not None)
        assert timeline_lines(app.timeline) == ["No engagements tagged yet."]
        await pilot.press("alt+4", "enter", "left", "w", "p")
        assert "no article selected" in option_lines(app.actors)


def test_an_actor_named_only_by_its_post_says_the_post_once():
    """The demo's 'Gubernur' with no name read 'govt     Gubernur Gubernur' in the actors pane."""
    def line(name: str, position: str | None, rank: str | None = None, unit: str | None = None) -> str:
        return mention_line(MentionView(1, "government", name, rank, position, None, unit, [], "auto")).plain

    assert line("", "Gubernur") == "govt     Gubernur"
    assert line("", "Kapolsek", unit="Polsek Bojonegara") == "govt     Kapolsek Polsek Bojonegara"
    assert line("Andra Soni", "Gubernur") == "govt     Gubernur Andra Soni"


async def test_the_timeline_opens_on_a_cell_with_engagements():
    """The demo's timeline opened on its first row's empty cell of the latest week ("Kabupaten Lebak ·
    16–22 Feb 2026: 0 engagements"): enter there filtered the feed to nothing."""
    lebak, serang = Place("36.02", "Kabupaten Lebak", "Banten"), Place("36.04", "Kabupaten Serang", "Banten")
    weeks = [date(2026, 2, 9), date(2026, 2, 16)]
    counts = Timeline("week", [lebak, serang], weeks,
                      {("36.02", weeks[0]): {"mediation": 1}, ("36.04", weeks[1]): {"mediation": 1}})

    class OnePane(App):
        def compose(self) -> ComposeResult:
            yield TimelinePane()

    async with OnePane().run_test() as pilot:
        pane = pilot.app.query_one(TimelinePane)
        pane.show(counts)
        assert (pane.cell.place, pane.cell.start) == (serang, weeks[1])
        pane.action_move(-1, 0)
        pane.show(counts)
        assert pane.cell.place == lebak, "new counts keep the cell the analyst moved to"



async def test_month_names_above_the_timeline_never_run_together():
    """Scrolled so that two weeks of September show, the header read "Sep 2025Oct 2025": a month with too few
    columns for its name and year now shows its name alone."""
    serang = Place("36.04", "Kabupaten Serang", "Banten")
    weeks = [date(2025, 9, 22), date(2025, 9, 29), *(date(2025, 10, 6) + timedelta(weeks=n) for n in range(6))]

    class OnePane(App):
        def compose(self) -> ComposeResult:
            yield TimelinePane()

    async with OnePane().run_test(size=(60, 10)) as pilot:
        pane = pilot.app.query_one(TimelinePane)
        pane.show(Timeline("week", [serang], weeks, {("36.04", weeks[-1]): {"mediation": 1}}))
        header = timeline_lines(pane)[0]
        assert header.split() == ["Sep", "Oct", "2025", "Nov", "2025"], header
        assert header.index("Oct") - header.index("Sep") == 8, "each name stays over its first column"
