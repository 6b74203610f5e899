"""Folders (`g`): the whole feed, the starred and each saved search with unread counts that follow the desk."""

from sqlalchemy import Engine

from storage.articles import set_read
from storage.saved_searches import save_search
from tests.tui.tui_support import fill, until
from tui.screens.folders import FoldersScreen

TITLES = ["Buruh Serang mogok", "Polisi jaga pabrik di Serang", "Konser di Bandung", "Audiensi di Karawang"]


async def test_folders_count_unread_live_and_enter_shows_one(make_desk, engine: Engine):
    fill(engine, TITLES)
    save_search(engine, "Pabrik", "mogok OR pabrik", "penguji")
    save_search(engine, "Rusak", '"tanpa tutup', "penguji")
    set_read(engine, 1, True)
    app = make_desk()
    async with app.run_test(size=(160, 45)) as pilot:
        await until(pilot, lambda: app.feed_list.current is not None)
        await pilot.press("g")
        assert isinstance(app.screen, FoldersScreen)
        folders = app.screen
        await until(pilot, lambda: len(folders.lines) == 4, describe=lambda: folders.lines)
        lines = folders.lines
        assert lines[0].split() == ["All", "articles", "3", "unread", "/", "4"]
        assert lines[1].split() == ["Starred", "0", "unread", "/", "0"]
        assert lines[2].split() == ["Pabrik", "1", "unread", "/", "2"]
        assert lines[3].startswith("Rusak") and "cannot search" in lines[3]
        set_read(engine, 2, True)
        await until(pilot, lambda: folders.lines[2].split()[1] == "0", describe=lambda: folders.lines)
        await pilot.press("down", "down", "enter")
        await until(pilot, lambda: app.search.filter_text == "mogok OR pabrik" and app.feed_list.total == 2)
        await pilot.press("g")
        await until(pilot, lambda: isinstance(app.screen, FoldersScreen) and len(app.screen.lines) == 4)
        await pilot.press("enter")
        await until(pilot, lambda: app.search.filter_text == "" and app.feed_list.total == 4)


async def test_a_long_saved_search_name_keeps_its_counts_on_its_row(make_desk, engine: Engine):
    """A 75-character name wrapped in the folder list and left "8 unread / 8" alone on the row below it."""
    fill(engine, TITLES)
    long_name = "Serang buruh yang sangat panjang namanya untuk diuji apakah terpotong atau tidak"
    save_search(engine, long_name, "mogok OR pabrik", "penguji")
    app = make_desk()
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.feed_list.current is not None)
        await pilot.press("g")
        folders = app.screen
        assert isinstance(folders, FoldersScreen)
        await until(pilot, lambda: len(folders.lines) == 3, describe=lambda: folders.lines)
        assert folders.lines[2].split()[-4:] == ["2", "unread", "/", "2"]
        options = folders.query_one("#folders")
        assert options.virtual_size.height == 3, "one row per folder"
        assert folders.lines[2].startswith(long_name[:39] + "…")
