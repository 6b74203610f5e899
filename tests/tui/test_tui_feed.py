"""The incoming feed and the reader, driven by keys against a real SQLite file."""

from dataclasses import replace
from datetime import datetime, timezone

from sqlalchemy import Engine

from storage.articles import NewArticle, add_articles, get_article
from storage.feeds import add_feed
from tests.tui.tui_support import article, fill, until
from tui.widgets.feed_list import FeedList


def visible_lines(feed: FeedList) -> list[str]:
    return [feed.render_line(y).text for y in range(feed.scrollable_content_region.height)]


def reader_text(app, part: str) -> str:
    """The text the reader shows as one of its parts (title, meta, link, tags, body)."""
    return app.reader.parts[part].plain


def reader_lines(app) -> list[str]:
    """The reader's lines as drawn now."""
    reader = app.reader
    return [reader.render_line(y).text.rstrip() for y in range(reader.scrollable_content_region.height)]


async def started(pilot) -> FeedList:
    feed = pilot.app.feed_list
    await until(pilot, lambda: feed.total > 0 and feed.current is not None)
    return feed


async def test_titles_appear_newest_first(make_desk, engine: Engine):
    fill(engine, ["Buruh Cilegon mogok", "Polisi jaga pabrik di Serang", "Audiensi di Polres Karawang"])
    app = make_desk()
    async with app.run_test(size=(140, 30)) as pilot:
        feed = await started(pilot)
        lines = visible_lines(feed)
        assert "Audiensi di Polres Karawang" in lines[0]
        assert "Polisi jaga pabrik di Serang" in lines[1]
        assert "Buruh Cilegon mogok" in lines[2]
        assert all("Warta Uji" in line for line in lines[:3])
        assert lines[0].lstrip().startswith("●"), "unread rows carry the marker"
        assert "● 03/11/25 Warta Uji" in lines[2], "an article of another year shows its date with the year"


async def test_j_and_k_move_and_the_reader_follows(make_desk, engine: Engine):
    fill(engine, [f"Judul {n}" for n in range(5)])
    app = make_desk()
    async with app.run_test(size=(140, 30)) as pilot:
        feed = await started(pilot)
        await until(pilot, lambda: reader_text(app, "title") == "Judul 4")
        await pilot.press("j", "j")
        assert feed.cursor == 2 and feed.current.title == "Judul 2"
        await until(pilot, lambda: reader_text(app, "title") == "Judul 2")
        assert "Isi berita nomor 2" in reader_text(app, "body")
        assert reader_text(app, "meta") == "Warta Uji · Monday 03 November 2025, 11:00 WIB", "04:00 UTC in Jakarta"
        assert reader_text(app, "link") == "https://warta-uji.test/berita/2"
        await pilot.pause()
        drawn = reader_lines(app)
        assert drawn[:4] == ["Judul 2", "", "Warta Uji · Monday 03 November 2025, 11:00 WIB",
                             "https://warta-uji.test/berita/2"]
        assert any("Isi berita nomor 2" in line for line in drawn)
        await pilot.press("k")
        await until(pilot, lambda: reader_text(app, "title") == "Judul 3")
        await pilot.press("down", "down", "up")
        assert feed.current.title == "Judul 2"
        await pilot.press("end")
        assert feed.current.title == "Judul 0"
        await pilot.press("k", "home")
        assert feed.cursor == 0


async def test_enter_marks_read_and_focuses_the_reader(make_desk, engine: Engine, wait_for_workers):
    fill(engine, ["Satu", "Dua"])
    app = make_desk()
    async with app.run_test(size=(140, 30)) as pilot:
        feed = await started(pilot)
        chosen = feed.current.id
        await pilot.press("enter")
        await wait_for_workers(app)
        assert get_article(engine, chosen).article.is_read
        assert not visible_lines(feed)[0].lstrip().startswith("●")
        assert app.focused is app.reader
        await pilot.press("escape")
        assert app.focused is feed
        await pilot.press("m")
        await wait_for_workers(app)
        assert not get_article(engine, chosen).article.is_read


async def test_new_rows_appear_on_top_and_the_cursor_stays_on_its_article(make_desk, engine: Engine):
    feed_id = fill(engine, [f"Lama {n}" for n in range(10)])
    app = make_desk()
    async with app.run_test(size=(140, 30)) as pilot:
        feed = await started(pilot)
        await pilot.press("j", "j")
        selected = feed.current
        add_articles(engine, feed_id, [article(100 + n, f"Baru {n}") for n in range(3)])
        await until(pilot, lambda: feed.total == 13)
        assert feed.current == selected and feed.cursor == 5
        lines = visible_lines(feed)
        assert "Baru 2" in lines[0] and "Baru 0" in lines[2] and "Lama 9" in lines[3]
        await until(pilot, lambda: app.status_bar.new_count == 3)
        await pilot.press("home")
        await until(pilot, lambda: app.status_bar.new_count == 0)


async def test_arrivals_keep_a_scrolled_view_in_place(make_desk, engine: Engine):
    feed_id = fill(engine, [f"Lama {n}" for n in range(300)])
    app = make_desk()
    async with app.run_test(size=(140, 30)) as pilot:
        feed = await started(pilot)
        for _ in range(3):
            await pilot.press("pagedown")
        await until(pilot, lambda: feed.scroll_offset.y > 0)
        top_before, selected = visible_lines(feed)[0], feed.current
        add_articles(engine, feed_id, [article(1000 + n, f"Baru {n}") for n in range(4)])
        await until(pilot, lambda: feed.total == 304)
        await pilot.pause()
        assert feed.current == selected
        assert visible_lines(feed)[0] == top_before


async def test_markup_in_feed_text_is_shown_literally(make_desk, engine: Engine):
    tricky = "[bold red]x[/] and [@click=app.quit]klik[/]"
    fill(engine, [tricky])
    app = make_desk()
    async with app.run_test(size=(140, 30)) as pilot:
        feed = await started(pilot)
        assert tricky in visible_lines(feed)[0]
        await until(pilot, lambda: reader_text(app, "title") == tricky)
        await pilot.click(FeedList, offset=(60, 0))
        assert app.is_running


LONG_TITLE = "Ribuan buruh pabrik sepatu di Kabupaten Tangerang mogok kerja dua hari menuntut upah dibayar penuh"


def dated(number: int, day: int, title: str) -> NewArticle:
    return replace(article(number, title), published_at=datetime(2025, 11, day, 3, tzinfo=timezone.utc))


async def test_the_feed_is_ordered_by_publication_and_s_switches_to_arrival(make_desk, engine: Engine):
    """Stored in the order a poll finds them, shown newest publication first; `S` shows them by arrival."""
    feed_id = add_feed(engine, "https://warta-uji.test/feed.xml", title="Warta Uji").id
    add_articles(engine, feed_id, [dated(1, 10, "Terbit 10 Nov"), dated(2, 2, "Terbit 2 Nov"),
                                   dated(3, 20, "Terbit 20 Nov")])
    app = make_desk()
    async with app.run_test(size=(140, 30)) as pilot:
        feed = await started(pilot)
        assert [feed.row_at(n).title for n in range(3)] == ["Terbit 20 Nov", "Terbit 10 Nov", "Terbit 2 Nov"]
        assert feed.border_subtitle == "by publication"
        await pilot.press("S")
        await until(pilot, lambda: feed.row_at(0) is not None and feed.row_at(0).title == "Terbit 20 Nov"
                    and feed.row_at(1) is not None and feed.row_at(1).title == "Terbit 2 Nov")
        assert feed.border_subtitle == "by arrival"
        add_articles(engine, feed_id, [dated(4, 1, "Datang terakhir, terbit 1 Nov")])
        await until(pilot, lambda: feed.total == 4)
        assert feed.row_at(0).title == "Datang terakhir, terbit 1 Nov", "arrivals go on top"
    app = make_desk(sort="arrival")
    async with app.run_test(size=(140, 30)) as pilot:
        feed = await started(pilot)
        assert [feed.row_at(n).title for n in range(2)] == ["Datang terakhir, terbit 1 Nov", "Terbit 20 Nov"]


async def test_the_title_gets_the_room_of_the_row(make_desk, engine: Engine):
    """At 160 columns titles got about 30 characters while the feed's name took 20; at 80, 12."""
    fill(engine, [LONG_TITLE], feed_title="Portal Berita Priangan Timur Raya")
    for size, room, source in (((160, 45), 40, "Portal Be…"), ((80, 24), 26, None)):
        app = make_desk()
        async with app.run_test(size=size) as pilot:
            feed = await started(pilot)
            line = visible_lines(feed)[0]
            shown = line[line.index("Ribuan"):].rstrip().rstrip("…")
            assert len(shown) >= room, (size, line)
            assert (source in line) if source else ("Portal" not in line), (size, line)


def sketched(number: int, title: str, signature: str) -> NewArticle:
    return replace(article(number, title), signature=signature, bands=(hash(signature) % 1000,))


async def test_a_story_from_several_outlets_shows_once_with_its_other_sources(make_desk, engine: Engine):
    same = "0000000a" * 16
    first = add_feed(engine, "https://warta-uji.test/feed.xml", title="Warta Uji").id
    second = add_feed(engine, "https://kabar-lain.test/feed.xml", title="Kabar Lain").id
    third = add_feed(engine, "https://suara-lain.test/feed.xml", title="Suara Lain").id
    add_articles(engine, first, [sketched(1, "Buruh mogok di Serang", same), sketched(2, "Cerita lain", "0000000b" * 16)])
    add_articles(engine, second, [sketched(3, "Buruh Serang mogok kerja", same)])
    add_articles(engine, third, [sketched(4, "Mogok buruh Serang hari kedua", same)])
    app = make_desk()
    async with app.run_test(size=(160, 45)) as pilot:
        feed = await started(pilot)
        await until(pilot, lambda: feed.total == 2 and any("+2 sources" in line for line in visible_lines(feed)),
                    describe=lambda: visible_lines(feed)[:3])
        titles = [feed.row_at(n).title for n in range(2)]
        assert titles == ["Cerita lain", "Buruh mogok di Serang"], "the story once, under its first article"
        add_articles(engine, second, [sketched(5, "Salinan yang datang kemudian", same)])
        add_articles(engine, first, [sketched(6, "Berita sesudahnya", "0000000c" * 16)])
        await until(pilot, lambda: feed.total == 3, describe=lambda: visible_lines(feed)[:4])
        titles = [feed.row_at(n).title for n in range(3)]
        assert "Salinan yang datang kemudian" not in titles, "a later copy of the story is not a new row"


async def test_arrivals_take_their_place_by_date_among_the_other_arrivals(make_desk, engine: Engine):
    """A new desk gets everything as arrivals: they must not stay in the order the polls found them."""
    feed_id = add_feed(engine, "https://warta-uji.test/feed.xml", title="Warta Uji").id
    app = make_desk()
    async with app.run_test(size=(140, 30)) as pilot:
        feed = app.feed_list
        await until(pilot, lambda: app.feed_list.started)
        add_articles(engine, feed_id, [dated(1, 10, "Terbit 10 Nov"), dated(2, 2, "Terbit 2 Nov")])
        await until(pilot, lambda: feed.total == 2)
        add_articles(engine, feed_id, [dated(3, 5, "Terbit 5 Nov"), dated(4, 20, "Terbit 20 Nov")])
        await until(pilot, lambda: feed.total == 4)
        assert [feed.row_at(n).title for n in range(4)] == ["Terbit 20 Nov", "Terbit 10 Nov", "Terbit 5 Nov",
                                                            "Terbit 2 Nov"]
        assert feed.current.title == "Terbit 10 Nov", "the cursor stays on the article it was on"
