"""Live desk: what another connection (a `pantau poll` process, another machine's desk) commits shows up on its own."""

from dataclasses import replace
from datetime import date

import pytest

from storage.articles import add_articles
from storage.engine import make_engine
from storage.tags import replace_auto_tags
from tests.backends import database_url
from tests.support.tagged import tags_of
from tests.tui.desk_corpus import CONDRO, SERANG, engagement, fill_tagged_desk
from tests.tui.tui_support import article, fill, until
from tui.app import PantauApp

DEC_1 = date(2025, 12, 1)


@pytest.fixture
def other_engine(db_url):
    """A second engine on the same database: another process, as far as SQLite can tell."""
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


async def test_articles_stored_elsewhere_slide_in_while_the_cursor_stays(make_desk, engine, other_engine):
    feed_id = fill(engine, ["Satu", "Dua", "Tiga"])
    app = make_desk()
    async with app.run_test(size=(160, 45)) as pilot:
        feed = app.feed_list
        await until(pilot, lambda: feed.current is not None)
        await pilot.press("j")
        chosen = feed.current.id
        add_articles(other_engine, feed_id, [article(10, "Empat"), article(11, "Lima")])
        await until(pilot, lambda: feed.total == 5, describe=lambda: f"{feed.total} rows")
        assert feed.current.id == chosen
        assert [feed.row_at(n).title for n in range(2)] == ["Lima", "Empat"]
        await until(pilot, lambda: app.status_bar.new_count == 2)  # the count reaches the bar by message


async def test_tags_stored_elsewhere_refresh_the_actors_and_the_timeline(make_desk, engine, other_engine):
    fill_tagged_desk(engine)
    app = make_desk()
    async with app.run_test(size=(160, 45)) as pilot:
        await until(pilot, lambda: app.feed_list.current is not None and app.timeline.data is not None)
        selected = app.feed_list.current.id
        assert selected == 7 and app.actors.mentions == []
        before = app.timeline.count_at("36.04", DEC_1)
        tags = {"actors": [CONDRO], "places": [], "engagements": [engagement("protest", SERANG, "2025-12-02")]}
        replace_auto_tags(other_engine, 5, tags_of(tags, "uji-2"))
        replace_auto_tags(other_engine, selected, tags_of({"actors": [CONDRO]}, "uji-2"))
        await until(pilot, lambda: app.timeline.count_at("36.04", DEC_1) == before + 1,
                    describe=lambda: app.timeline.data.cells)
        await until(pilot, lambda: [m.name for m in app.actors.mentions] == ["Condro Sasongko"])
        await until(pilot, lambda: [m.name for m in app.reader.tagging.mentions] == ["Condro Sasongko"])
        assert app.feed_list.current.id == selected


async def test_a_watched_term_highlights_the_article_and_rings_the_bell(make_desk, engine, other_engine):
    feed_id = fill(engine, ["Satu"])
    app = make_desk(watch_terms=("ricuh", "mogok"), watch_bell=True)
    bells = []
    app.bell = lambda: bells.append(True)
    async with app.run_test(size=(160, 45)) as pilot:
        feed = app.feed_list
        await until(pilot, lambda: feed.current is not None)
        add_articles(other_engine, feed_id, [article(10, "Aksi di Serang RICUH"), article(11, "Rapat biasa")])
        await until(pilot, lambda: feed.total == 3 and feed.watched)
        assert feed.watched == {feed.row_at(1).id}
        assert feed.row_at(1).title == "Aksi di Serang RICUH"
        assert bells == [True]


async def test_without_the_bell_setting_a_watched_article_is_only_highlighted(make_desk, engine, other_engine):
    feed_id = fill(engine, ["Satu"])
    app = make_desk(watch_terms=("mogok",))
    bells = []
    app.bell = lambda: bells.append(True)
    async with app.run_test(size=(160, 45)) as pilot:
        feed = app.feed_list
        await until(pilot, lambda: feed.current is not None)
        add_articles(other_engine, feed_id, [replace(article(10, "Rapat serikat"), summary="Buruh ancam mogok.")])
        await until(pilot, lambda: feed.watched)
        assert bells == []


async def test_articles_stored_by_another_desk_on_postgresql_arrive(tmp_path, settings):
    with database_url("postgres", tmp_path) as url:
        engine, other = make_engine(url), make_engine(url)
        try:
            feed_id = fill(engine, ["Satu", "Dua"])
            app = PantauApp(engine, replace(settings, db_url=url), poll=False)
            async with app.run_test(size=(160, 45)) as pilot:
                feed = app.feed_list
                await until(pilot, lambda: feed.current is not None)
                chosen = feed.current.id
                add_articles(other, feed_id, [article(10, "Tiga")])
                await until(pilot, lambda: feed.total == 3, describe=lambda: f"{feed.total} rows")
                assert feed.current.id == chosen and feed.row_at(0).title == "Tiga"
        finally:
            engine.dispose()
            other.dispose()
