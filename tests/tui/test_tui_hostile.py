"""Hostile text on screen: markup, terminal escapes, controls, bidi and zero-width characters, a
100,000-character title, emoji and combining accents, stored in a real SQLite file and shown by the desk.

Every test reads what a widget or the whole screen draws (the strips whose text goes to the
terminal) and checks that no escape, control or invisible character is in it, that markup shows
as its own characters, and that the words around the escapes are still there.
"""

from datetime import datetime, timedelta, timezone

import pytest
from textual import events
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import DataTable

from core.plain_text import LINE_LIMIT, plain_line
from storage.articles import NewArticle, add_articles
from storage.feeds import add_feed, record_poll
from storage.manual_tags import add_tag
from storage.saved_searches import save_search
from storage.tags import replace_auto_tags
from tests.support.hostile_text import (
    BIDI,
    CSI,
    EMOJI,
    GONE_WORDS,
    HUGE_TITLE,
    KEPT_WORDS,
    MARKUP,
    OSC8,
    PAYLOADS,
    everything_hostile,
    unsafe_in,
)
from tests.support.tagged import tags_of
from tests.tui.tui_support import BASE_TIME, until
from tui.screens.feeds import FeedsScreen
from tui.screens.pickers import ActorEditor, FuzzyPicker

CLOCK = datetime(2025, 11, 6, tzinfo=timezone.utc)
FEED_NAME = f"{MARKUP} \x1b[31mWarta\x1b[0m \u202eJahat\u202c"
ACTOR_NAME = "\x1b[31mCondro\x1b[0m \u200bSasongko [@click=app.quit]"
PLACE_NAME = "Kabupaten \x1b[31m[b]Serang\u202e"
PROVINCE = "Banten [@click=app.quit]\x1b]0;judul palsu\x07"
TAG = "[bold]rusuh[/bold] \x1b[31mmerah \u202eterbalik"
SEARCH_NAME = "[@click=app.quit]Simpanan\x1b]0;judul\x07"
BODY = f"{CSI}\n\n{OSC8} Kapolres \u202eCondro Sasongko\u202c menemui buruh {EMOJI}.\r\n{BIDI}"
NAME_AT = BODY.index("Condro Sasongko")
HUGE_ID = len(PAYLOADS) + 1
NEWEST_ID = HUGE_ID + 1


def hostile_article(number: int, title: str, body: str, author: str | None = None) -> NewArticle:
    return NewArticle(
        guid=f"urn:jahat:{number}",
        url=f"https://warta-jahat.test/{number}\x1b]8;;https://lain.test\x07",
        title=title,
        published_at=BASE_TIME + timedelta(hours=number),
        summary=body,
        body=body,
        extraction_status="extracted",
        content_hash=f"hash-{number}",
        author=author,
    )


@pytest.fixture
def hostile(engine) -> int:
    """A feed with a hostile name; one article per payload, a 100,000-character title, and (newest, shown
    first) an article with every payload in its title, a tagged actor, a place and a tag that are hostile."""
    feed = add_feed(engine, "https://warta-jahat.test/feed.xml", title=FEED_NAME)
    articles = [hostile_article(number, f"{name} {payload}", f"Isi {name}: {payload}\n\nBaris kedua.", payload)
                for number, (name, payload) in enumerate(PAYLOADS.items(), start=1)]
    articles.append(hostile_article(HUGE_ID, HUGE_TITLE, "Isi pendek."))
    articles.append(hostile_article(NEWEST_ID, everything_hostile(), BODY, CSI))
    add_articles(engine, feed.id, articles)
    actor = {"kind": "police", "name": ACTOR_NAME, "rank": "\x1b[1mAKBP", "position": "[b]Kapolres[/b]",
             "unit": "Polres \u202eSerang", "spans": [[NAME_AT, NAME_AT + len("Condro Sasongko")]]}
    engagement = {"type": "protest", "date": "2025-11-05", "code": "36.04", "kabupaten_kota": PLACE_NAME,
                  "province": PROVINCE}
    replace_auto_tags(engine, NEWEST_ID, tags_of({"actors": [actor], "engagements": [engagement]}, "uji-1"))
    add_tag(engine, NEWEST_ID, TAG, "penguji")
    save_search(engine, SEARCH_NAME, "rusuh", "penguji")
    return feed.id


@pytest.fixture
def desk(make_desk, hostile):
    app = make_desk()
    app.actors.clock = lambda: CLOCK
    return app


def drawn(widget: Widget) -> str:
    """What the widget draws now, line by line, as the terminal would get it."""
    width, height = widget.outer_size
    return "\n".join(strip.text for strip in widget.render_lines(Region(0, 0, width, height)))


def screen_text(app) -> str:
    """Every character of the current screen, as the terminal would get it."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def assert_plain(text: str) -> None:
    assert unsafe_in(text) == [], text
    for gone in GONE_WORDS:
        assert gone not in text


async def settled(pilot, app) -> None:
    await until(pilot, lambda: (
        app.feed_list.current is not None
        and app.reader.article_id == app.feed_list.current.id
        and app.reader.tagging is not None
        and app.timeline.data is not None
        and app.actors.article_loaded
        and len(app.actors.top) > 0
        and app.feed_list.details_of(NEWEST_ID).kabupaten is not None
        and app.status_bar.health is not None
    ), describe=lambda: screen_text(app))
    await pilot.pause()


async def test_feed_rows_show_every_payload_as_text(desk):
    async with desk.run_test(size=(300, 50)) as pilot:
        await settled(pilot, desk)
        await pilot.press("z")  # the feed alone: rows wide enough for whole titles
        await pilot.pause()
        rows = drawn(desk.feed_list)
        assert_plain(rows)
        for name, words in KEPT_WORDS.items():
            line = next(line for line in rows.splitlines() if f" {name} " in line)
            for word in words:
                assert word in line, (name, word, line)
        assert plain_line(FEED_NAME)[:20] in rows
        assert_plain(screen_text(desk))


async def test_a_huge_title_is_cut_in_the_row_and_in_the_reader(desk):
    async with desk.run_test(size=(160, 45)) as pilot:
        await settled(pilot, desk)
        await pilot.press("j")
        await until(pilot, lambda: desk.reader.article_id == HUGE_ID)
        await pilot.pause()
        row = next(line for line in drawn(desk.feed_list).splitlines() if "Judul sangat panjang" in line)
        assert row.rstrip("│┃ ").endswith("AAAA…")
        title = desk.reader.parts["title"]
        assert len(title.plain) == LINE_LIMIT and title.plain.endswith("…")
        assert_plain(screen_text(desk))


async def test_the_reader_shows_title_meta_link_tags_and_body_as_text(desk):
    async with desk.run_test(size=(160, 45)) as pilot:
        await settled(pilot, desk)
        reader = desk.reader
        shown = drawn(reader)
        assert_plain(shown)
        parts = {name: text.plain for name, text in reader.parts.items()}
        for name, text in parts.items():
            assert_plain(text)
        words_shown = " ".join(line.strip("│┃ ") for line in shown.splitlines()).split()
        for name, text in parts.items():
            assert " ".join(text.split()) in " ".join(words_shown), (name, shown)
        title = parts["title"]
        for words in KEPT_WORDS.values():
            for word in words:
                assert word in title, word
        assert "[bold red]rusuh" in parts["meta"] and "merah" in parts["meta"]
        assert "lain.test" not in parts["link"] and "warta-jahat.test" in parts["link"]
        tags = parts["tags"]
        assert plain_line(TAG) in tags and "Kabupaten [b]Serang (36.04, Banten [@click=app.quit])" in tags
        assert "pranala Kapolres Condro Sasongko menemui buruh" in parts["body"]
        assert EMOJI in reader.body_text.plain and "\r" not in reader.body_text.plain


async def test_actor_highlights_land_on_the_name_after_escapes_are_removed(desk):
    async with desk.run_test(size=(160, 45)) as pilot:
        await settled(pilot, desk)
        body = desk.reader.body_text
        await until(pilot, lambda: desk.reader.body_text.spans != [])
        body = desk.reader.body_text
        assert [body.plain[span.start:span.end] for span in body.spans] == ["Condro Sasongko"]


async def test_a_click_on_markup_that_names_an_action_does_nothing(desk, monkeypatch):
    exits = []
    monkeypatch.setattr(desk, "exit", lambda *args, **kwargs: exits.append(args))
    async with desk.run_test(size=(160, 45)) as pilot:
        await settled(pilot, desk)
        reader = desk.reader
        lines = drawn(reader).splitlines()
        y = next(index for index, line in enumerate(lines) if "[@click=app.quit]keluar" in line)
        x = lines[y].index("keluar")
        await pilot.click(reader, offset=(x, y))
        await pilot.pause()
        assert exits == []
        assert "[@click=app.quit]keluar[/]" in reader.parts["title"].plain


async def test_the_actors_pane_and_the_timeline_show_names_as_text(desk):
    async with desk.run_test(size=(240, 45)) as pilot:
        await settled(pilot, desk)
        actors, timeline = drawn(desk.actors), drawn(desk.timeline)
        assert_plain(actors)
        assert_plain(timeline)
        assert "Condro Sasongko [@click=app.quit]" in actors
        assert "[b]Kapolres[/b] AKBP" in actors and "Polres Serang" in actors
        assert desk.actors.names[0] == "Condro Sasongko [@click=app.quit]"
        assert "Kab. [b]Serang" in timeline
        await pilot.press("alt+4", "p")  # one province: its name goes in the pane's border
        await pilot.pause()
        timeline = drawn(desk.timeline)
        assert_plain(timeline)
        assert "weeks · Banten [@click=app.quit] · w p enter" in timeline
        assert_plain(drawn(desk.status_bar))


async def test_search_results_and_the_search_bar_message_show_text(desk):
    async with desk.run_test(size=(160, 45)) as pilot:
        await settled(pilot, desk)
        desk.search.apply("rusuh")
        await until(pilot, lambda: desk.search.filter_text == "rusuh" and desk.feed_list.total == 2)
        await pilot.pause()
        rows = drawn(desk.feed_list)
        assert_plain(rows)
        assert "[bold red]rusuh[/bold red]" in rows
        desk.search.apply("type:\x1b[31m[b]rusuh\u202e")
        await pilot.pause()
        error = drawn(desk.search_bar.error)
        assert_plain(error)
        assert "no engagement type `[b]rusuh`" in error
        assert desk.search_bar.text == "type:[b]rusuh"
        assert_plain(screen_text(desk))


async def test_text_pasted_into_the_search_bar_is_plain(desk):
    async with desk.run_test(size=(160, 45)) as pilot:
        await settled(pilot, desk)
        await pilot.press("slash")
        desk.search_bar.input.post_message(events.Paste(f"{CSI} {BIDI}\nbaris kedua"))
        await until(pilot, lambda: "merah" in desk.search_bar.text)
        await pilot.press(*" buruh")
        assert desk.search_bar.text == "merah atas tebal gnp.exe nol isolasi bom buruh"
        assert_plain(screen_text(desk))


async def test_the_feeds_screen_shows_name_address_and_error_as_text(desk, engine, hostile):
    record_poll(engine, hostile, status="error", next_poll_at=datetime.now(timezone.utc),
                error=f"HTTP 500 {CSI} {MARKUP} {BIDI}")
    async with desk.run_test(size=(300, 45)) as pilot:
        await settled(pilot, desk)
        await pilot.press("f")
        await until(pilot, lambda: isinstance(desk.screen, FeedsScreen) and desk.screen.table.row_count == 1)
        await pilot.pause()
        table = drawn(desk.screen.query_one(DataTable))
        assert_plain(table)
        assert plain_line(FEED_NAME) in table
        assert "HTTP 500 merah atas tebal [bold red]rusuh[/bold red]" in table
        assert_plain(screen_text(desk))


async def test_pickers_show_known_tags_and_actors_as_text(desk):
    async with desk.run_test(size=(160, 45)) as pilot:
        await settled(pilot, desk)
        await pilot.press("t")
        await until(pilot, lambda: isinstance(desk.screen, FuzzyPicker))
        await pilot.pause()
        picker = screen_text(desk)
        assert_plain(picker)
        assert f"✓ {plain_line(TAG)}" in picker
        await pilot.press("escape")
        await pilot.press("a")
        await until(pilot, lambda: isinstance(desk.screen, ActorEditor))
        await pilot.pause()
        editor = screen_text(desk)
        assert_plain(editor)
        assert "Condro Sasongko [@click=app.quit] — police" in editor


async def test_a_tagging_notification_names_the_tag_as_text(desk):
    async with desk.run_test(size=(160, 45), notifications=True) as pilot:
        await settled(pilot, desk)
        await pilot.press("t")
        await until(pilot, lambda: isinstance(desk.screen, FuzzyPicker))
        await pilot.press("enter")  # the tag on the article comes first: choosing it takes it off
        await until(pilot, lambda: "Tag: removed" in screen_text(desk), describe=lambda: screen_text(desk))
        shown = screen_text(desk)
        assert_plain(shown)
        assert f"Tag: removed {plain_line(TAG)}" in shown


class BrokenSource:
    """A row source whose reading fails with a message that carries escapes and markup."""

    def count(self) -> int:
        raise ValueError(f"{CSI} {MARKUP}")

    page = after = lambda self, *args: self.count()


async def test_a_failure_notification_shows_its_message_as_text(desk, monkeypatch):
    exits = []
    monkeypatch.setattr(desk, "exit", lambda *args, **kwargs: exits.append(args))
    async with desk.run_test(size=(160, 45), notifications=True) as pilot:
        await settled(pilot, desk)
        desk.feed_list.source = BrokenSource()
        desk.feed_list.restart()
        await until(pilot, lambda: "failed" in screen_text(desk), describe=lambda: screen_text(desk))
        shown = screen_text(desk)
        assert_plain(shown)
        assert "merah" in shown and "[bold red]rusuh[/bold red]" in shown
        assert exits == []


async def test_palette_entries_built_from_data_show_it_as_text(desk):
    async with desk.run_test(size=(200, 45)) as pilot:
        await settled(pilot, desk)
        await pilot.press("ctrl+p")
        await until(pilot, lambda: "Re-poll this article's feed" in screen_text(desk),
                    describe=lambda: screen_text(desk))
        shown = screen_text(desk)
        assert_plain(shown)
        assert f"Poll {plain_line(FEED_NAME)}" in shown
        assert "Search: [@click=app.quit]Simpanan" in shown
        await pilot.press(*"simpanan")
        await until(pilot, lambda: "Re-poll this article's feed" not in screen_text(desk))
        assert "Search: [@click=app.quit]Simpanan" in screen_text(desk)


def test_main_screen_with_hostile_data(desk, snap_compare):
    async def run_before(pilot) -> None:
        pilot.app.sub_title = "pantau.db"
        await settled(pilot, pilot.app)

    assert snap_compare(desk, terminal_size=(160, 45), run_before=run_before)
