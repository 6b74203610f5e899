"""The Feeds screen: `f` opens a health table of every feed; add, remove and re-enable from it."""

from datetime import datetime, timedelta, timezone

from textual.widgets import DataTable, Input, Label, Static

from demo.server import DemoServer
from storage.feeds import add_feed, get_feed, list_feeds
from storage.fetch_state import OfflinePoll, PollRecord, record_offline, record_polls
from tests.tui.tui_support import messages, until
from tui.screens.confirm import ConfirmScreen
from tui.screens.feeds import FeedsScreen


def table_text(app) -> list[list[str]]:
    table = app.screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(index)] for index in range(table.row_count)]


def seed_health(engine) -> tuple[int, int, int]:
    healthy = add_feed(engine, "https://sehat.test/feed.xml", title="Kabar [b]Sehat[/b]")
    broken = add_feed(engine, "https://rusak.test/feed.xml", title="Rusak")
    gone = add_feed(engine, "https://hilang.test/feed.xml", title="Hilang")
    soon = datetime.now(timezone.utc) + timedelta(minutes=10)
    record_polls(engine, [
        PollRecord(healthy.id, "ok", soon),
        PollRecord(broken.id, "failed", soon, error="DNS lookup failed for host rusak.test"),
        PollRecord(gone.id, "gone", soon, error="HTTP 410 Gone: the site removed this feed", mute=True),
    ])
    return healthy.id, broken.id, gone.id


async def test_f_opens_the_health_table_and_escape_closes_it(engine, make_desk):
    healthy, broken, gone = seed_health(engine)
    app = make_desk()
    async with app.run_test() as pilot:
        await pilot.press("f")
        await until(pilot, lambda: isinstance(app.screen, FeedsScreen) and app.screen.query_one(DataTable).row_count == 3)
        rows = {row[0]: row for row in table_text(app)}
        assert rows[str(healthy)][1:5] == ["feed", "ok", "Kabar [b]Sehat[/b]", "0"]
        assert rows[str(broken)][2] == "failed" and rows[str(broken)][4] == "1"
        assert rows[str(broken)][7] == "DNS lookup failed for host rusak.test"
        assert rows[str(gone)][2] == "muted (gone)" and rows[str(gone)][6] == "—"
        assert rows[str(healthy)][6] != "—"
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, FeedsScreen))


async def test_the_summary_counts_failing_feeds_as_the_status_bar_does(engine, make_desk):
    """A site added offline: the desk's status bar said "1 failing", the Feeds screen "0 failing"."""
    seed_health(engine)
    away = add_feed(engine, "https://contoh.test/", title="Contoh")
    soon = datetime.now(timezone.utc) + timedelta(minutes=10)
    record_offline(engine, [OfflinePoll(away.id, "offline: DNS lookup failed for host contoh.test", soon)])
    assert get_feed(engine, away.id).consecutive_failures == 0
    app = make_desk()
    async with app.run_test(size=(160, 30)) as pilot:
        await until(pilot, lambda: app.status_bar.health is not None)
        await pilot.press("f")
        await until(pilot, lambda: isinstance(app.screen, FeedsScreen) and app.screen.query_one(DataTable).row_count == 4)
        summary = str(app.screen.query_one("#feeds-summary", Static).render())
        assert summary.startswith("4 sources, 3 failing"), summary
        assert app.status_bar.health.failing == 3, "the screen and the bar agree"


async def test_at_80_columns_the_summary_and_the_add_hint_are_read_whole(engine, make_desk):
    """At 80x24 the summary stopped at "… 0 with pages failing extraction" (its keys cut off) and the add
    field's hint at "… enter looks for its sources and"."""
    seed_health(engine)
    app = make_desk()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f")
        await until(pilot, lambda: isinstance(app.screen, FeedsScreen) and app.screen.query_one(DataTable).row_count == 3)
        summary = app.screen.query_one("#feeds-summary", Static)
        await until(pilot, lambda: "escape back" in str(summary.render()))
        assert summary.size.height == 2, "wrapped onto a second row, not cut"
        await pilot.press("a")
        field = app.screen.query_one("#feeds-add", Input)
        await until(pilot, lambda: field.has_focus)
        assert len(field.placeholder) <= field.content_size.width, field.placeholder
        await pilot.press(*"portalbanten.net")
        assert field.value == "portalbanten.net"


async def test_feed_titles_are_shown_as_plain_text_not_markup(engine, make_desk):
    seed_health(engine)
    app = make_desk()
    async with app.run_test() as pilot:
        await pilot.press("f")
        await until(pilot, lambda: isinstance(app.screen, FeedsScreen) and app.screen.query_one(DataTable).row_count == 3)
        table = app.screen.query_one(DataTable)
        rendered = table.get_row_at(0)[3]
        assert rendered.plain == "Kabar [b]Sehat[/b]" and not rendered.spans


async def test_re_enable_unmutes_and_remove_disables(engine, make_desk, wait_for_workers):
    _, _, gone = seed_health(engine)
    app = make_desk()
    async with app.run_test() as pilot:
        await pilot.press("f")
        screen = app.screen
        await until(pilot, lambda: screen.query_one(DataTable).row_count == 3)
        table = screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index(str(gone)))
        await pilot.press("e")
        await until(pilot, lambda: not get_feed(engine, gone).muted)
        await until(pilot, lambda: table_text(app)[table.get_row_index(str(gone))][2] == "gone")
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("n")
        await wait_for_workers(app)
        assert app.screen is screen and get_feed(engine, gone).enabled, "no: nothing removed"
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert f"source {gone}," in str(app.screen.query_one(Label).render())
        await pilot.press("y")
        await until(pilot, lambda: not get_feed(engine, gone).enabled)
        await until(pilot, lambda: table_text(app)[table.get_row_index(str(gone))][2] == "removed")
        await wait_for_workers(app)


async def test_a_feed_is_added_from_the_screen(engine, make_desk):
    app = make_desk()
    async with app.run_test() as pilot:
        await pilot.press("f")
        await until(pilot, lambda: isinstance(app.screen, FeedsScreen))
        await pilot.press("a")
        field = app.screen.query_one("#feeds-add", Input)
        assert field.has_focus
        field.value = "https://baru.test/rss"
        await pilot.press("enter")
        await until(pilot, lambda: [feed.url for feed in list_feeds(engine)] == ["https://baru.test/rss"])
        await until(pilot, lambda: app.screen.query_one(DataTable).row_count == 1)
        assert table_text(app)[0][1:3] == ["site", "unconfirmed"]
        assert "could not be reached" in str(app.screen.query_one("#feeds-discovery", Static).render())


async def test_the_cursor_goes_to_the_source_just_added(engine, make_desk):
    """A newcomer adds a site and presses d to take it off again: the cursor was still on the first source."""
    seed_health(engine)
    app = make_desk()
    async with app.run_test() as pilot:
        await pilot.press("f")
        await until(pilot, lambda: isinstance(app.screen, FeedsScreen) and app.screen.query_one(DataTable).row_count == 3)
        await pilot.press("a", *"contoh.test", "enter")
        table = app.screen.query_one(DataTable)
        await until(pilot, lambda: table.row_count == 4)
        await until(pilot, lambda: table_text(app)[table.cursor_row][3] == "https://contoh.test/")
        await pilot.press("home")
        assert table.cursor_row == 0
        await pilot.press("end")
        assert table.cursor_row == 3, "end goes to the last source, not sideways"


async def test_slash_on_the_feeds_screen_searches_on_the_desk(engine, make_desk):
    """The Feeds screen's footer offers '/ Search'; it did nothing there, and what was typed after it was lost."""
    seed_health(engine)
    app = make_desk()
    async with app.run_test() as pilot:
        await pilot.press("f")
        await until(pilot, lambda: isinstance(app.screen, FeedsScreen))
        await pilot.press("slash", *"buruh")
        assert app.screen is app.desk
        assert app.focused.id == "search-input" and app.focused.value == "buruh"


async def test_a_bad_address_is_refused_with_a_message(engine, make_desk):
    app = make_desk()
    async with app.run_test() as pilot:
        await pilot.press("f")
        await until(pilot, lambda: isinstance(app.screen, FeedsScreen))
        await pilot.press("a")
        app.screen.query_one("#feeds-add", Input).value = "ftp://salah.test/feed"
        await pilot.press("enter")
        await until(pilot, lambda: any("only http:// and https://" in message for message in messages(app)))
        assert list_feeds(engine) == []


async def test_a_site_without_a_feed_is_found_and_added_as_its_listing_page(engine, make_desk, wait_for_workers):
    with DemoServer(initial=3, release_every_s=3600) as server:
        app = make_desk()
        async with app.run_test() as pilot:
            await pilot.press("f")
            await until(pilot, lambda: isinstance(app.screen, FeedsScreen))
            await pilot.press("a")
            await pilot.press(*server.base_url.removeprefix("http://"), *"/warta-lebak/")
            await pilot.press("enter")
            await until(pilot, lambda: [feed.kind for feed in list_feeds(engine)] == ["listing"], timeout_s=30)
            await until(pilot, lambda: app.screen.query_one(DataTable).row_count == 1)
            report = str(app.screen.query_one("#feeds-discovery", Static).render())
            assert "Picked: listing" in report and "2 article links on the page" in report
            assert table_text(app)[0][1:3] == ["listing", "unconfirmed"]
            await pilot.press("escape")
            assert isinstance(app.screen, FeedsScreen) and not app.screen.query_one("#feeds-discovery").has_class("open")
            await wait_for_workers(app)


async def test_pages_failing_extraction_name_the_site_rule_to_look_at(engine, make_desk):
    source = add_feed(engine, "https://www.kilas24news.com/feeds/posts/default", title="Kilas24News")
    soon = datetime.now(timezone.utc) + timedelta(minutes=10)
    record_polls(engine, [PollRecord(source.id, "ok", soon, pages_failed=4,
                                     extraction_error="https://www.kilas24news.com/2025/12/x.html: failed: no article text")])
    app = make_desk()
    async with app.run_test(size=(220, 30)) as pilot:
        await pilot.press("f")
        await until(pilot, lambda: isinstance(app.screen, FeedsScreen) and app.screen.query_one(DataTable).row_count == 1)
        warning = table_text(app)[0][7]
        assert warning.startswith("4 pages in a row gave no article text (has the site's layout changed?)")
        assert "look at the [[site]] rule for kilas24news.com in seeds/site_rules.toml" in warning
        assert "1 with pages failing extraction" in str(app.screen.query_one("#feeds-summary", Static).render())
