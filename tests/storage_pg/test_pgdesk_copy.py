"""`pantau db copy`: a whole desk to the other backend and back, every row equal, ids kept."""

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, select, text
from sqlmodel import SQLModel

from sqlalchemy.exc import IntegrityError

from storage.actors import merge_actors
from storage.articles import NewArticle, add_articles, search_ids
from storage.copy import CopyError, copy_database, table_counts
from storage.engine import make_engine
from storage.feeds import add_feed
from storage.manual_tags import PlaceChoice, set_kabupaten, set_type
from storage.notify import ChangeWatcher
from storage.timeline import GRAINS, kept_counts, recounted
from storage.tags import replace_auto_tags
from tests.backends import database_url, postgres_database
from tests.support.tagged import tags_of
from tui.cli import main

OTHER = {"sqlite": "postgres", "postgres": "sqlite"}


def every_row(engine: Engine) -> dict[str, list[dict]]:
    with engine.connect() as connection:
        return {
            table.name: [dict(row) for row in connection.execute(
                select(table).order_by(*table.primary_key.columns)).mappings()]
            for table in SQLModel.metadata.sorted_tables
        }


def backend_of(engine: Engine) -> str:
    return "postgres" if engine.dialect.name == "postgresql" else "sqlite"


def test_copy_to_the_other_backend_and_back_keeps_every_row(demo_desk, tmp_path: Path):
    original = every_row(demo_desk.engine)
    there_backend = OTHER[backend_of(demo_desk.engine)]
    with database_url(there_backend, tmp_path, "there") as there_url, \
            database_url(backend_of(demo_desk.engine), tmp_path, "back") as back_url:
        there, back = make_engine(there_url), make_engine(back_url)
        counts = copy_database(demo_desk.engine, there)
        assert counts == table_counts(demo_desk.engine) == table_counts(there)
        assert every_row(there) == original
        copy_database(there, back)
        assert every_row(back) == original
        for query in ("buruh", '"unjuk rasa"', "polisi NOT demo"):
            assert set(search_ids(there, query)) == set(search_ids(demo_desk.engine, query)) == set(search_ids(back, query))
        assert {name for name, rows in counts.items() if rows} >= {
            "feed", "article", "articlelink", "storyband", "actor", "actormention", "placetag", "engagement"}
        there.dispose(), back.dispose()


def test_copied_desk_keeps_growing_after_the_highest_id(backend, tmp_path: Path):
    with database_url(OTHER[backend], tmp_path, "source") as source_url, database_url(backend, tmp_path) as url:
        source, target = make_engine(source_url), make_engine(url)
        feed = add_feed(source, "http://example.test/feed")
        add_articles(source, feed.id, [NewArticle(f"g{n}", "", f"t{n}", None, "", "isi", "ok", "") for n in range(5)])
        copy_database(source, target)
        assert add_articles(target, feed.id, [NewArticle("g9", "", "t9", None, "", "baru", "ok", "")]) == 1
        assert add_feed(target, "http://example.test/other").id == feed.id + 1
        assert search_ids(target, "baru") == [6]
        source.dispose(), target.dispose()


def test_an_actor_merged_into_a_later_one_survives_the_copy(backend, tmp_path: Path):
    police = {"kind": "police", "position": None, "rank": None, "organisation": None, "unit": None, "spans": []}
    with database_url(OTHER[backend], tmp_path, "source") as source_url, database_url(backend, tmp_path) as url:
        source, target = make_engine(source_url), make_engine(url)
        feed = add_feed(source, "http://example.test/feed")
        add_articles(source, feed.id, [NewArticle("g", "", "t", None, "", "isi", "ok", "")])
        officers = [{**police, "name": "Asep"}, {**police, "name": "Budi Santoso"}]
        replace_auto_tags(source, 1, tags_of({"actors": officers}, "t1"))
        merge_actors(source, 2, 1)
        copy_database(source, target)
        assert every_row(target)["actor"] == every_row(source)["actor"]
        assert [a["merged_into_id"] for a in every_row(target)["actor"]] == [2, None]
        source.dispose(), target.dispose()


def test_copy_refuses_a_target_with_data(backend_engine, tmp_path: Path):
    add_feed(backend_engine, "http://example.test/feed")
    with database_url("sqlite", tmp_path, "source") as source_url:
        source = make_engine(source_url)
        add_feed(source, "http://example.test/other")
        with pytest.raises(CopyError, match="not empty: feed"):
            copy_database(source, backend_engine)
        source.dispose()


def test_db_copy_command(demo_desk, tmp_path: Path):
    with database_url(OTHER[backend_of(demo_desk.engine)], tmp_path, "copy") as url:
        result = CliRunner().invoke(main, ["db", "copy", demo_desk.url, url])
        assert result.exit_code == 0, result.output
        articles = table_counts(demo_desk.engine)["article"]
        assert f"article {articles}" in result.output
        again = CliRunner().invoke(main, ["db", "copy", demo_desk.url, url])
        assert again.exit_code != 0 and "not empty" in again.output


def _pg_schema(engine: Engine) -> tuple[set, set, set]:
    """(indexes, constraints, enabled triggers) of a PostgreSQL desk, as definitions."""
    with engine.connect() as connection:
        indexes = set(connection.exec_driver_sql("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'"))
        constraints = set(connection.exec_driver_sql(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint"
            " WHERE connamespace = 'public'::regnamespace"))
        triggers = set(connection.exec_driver_sql(
            "SELECT tgrelid::regclass::text, tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'O'"))
    return indexes, constraints, triggers


def test_a_bulk_copy_into_postgres_ends_with_the_schema_counts_and_triggers_of_a_fresh_desk(demo_desk, tmp_path: Path):
    """The copy sets indexes, foreign keys and triggers aside while it loads: afterwards they are all back as
    the migrations made them, the timeline's kept counts equal a recount, and the desk works as any other."""
    if backend_of(demo_desk.engine) != "sqlite":
        pytest.skip("a copy into PostgreSQL starts from SQLite")
    with postgres_database() as url, postgres_database() as fresh_url:
        target, fresh = make_engine(url), make_engine(fresh_url)
        copy_database(demo_desk.engine, target)
        assert _pg_schema(target) == _pg_schema(fresh)
        for grain in GRAINS:
            assert kept_counts(target, grain) == recounted(target, grain) == kept_counts(demo_desk.engine, grain)
            assert kept_counts(target, grain)
        article_id = every_row(target)["engagement"][0]["article_id"]
        with ChangeWatcher(target) as watcher:
            set_type(target, article_id, "strike", "analyst")
            set_kabupaten(target, article_id, PlaceChoice("32.15", "Kabupaten Karawang", "Jawa Barat"), "analyst")
            assert {change.table for change in watcher.wait(2.0)} & {"engagement", "placetag"}
        for grain in GRAINS:
            assert kept_counts(target, grain) == recounted(target, grain)
        with pytest.raises(IntegrityError, match="foreign key"), target.begin() as connection:
            connection.exec_driver_sql("INSERT INTO articletag (article_id, tag, created_by, created_at) VALUES (999999, 'x', 'a', now())")
        target.dispose(), fresh.dispose()


@pytest.mark.parametrize("demo_desk", ["sqlite"], indirect=True)
def test_a_desk_copied_into_postgres_is_vacuumed(demo_desk, tmp_path: Path):
    """Every page of the copied tables marked all-visible, as the search's index-only scans want them."""
    with database_url("postgres", tmp_path, "vacuumed") as url:
        there = make_engine(url)
        copy_database(demo_desk.engine, there)
        with there.connect() as connection:
            pages = {name: connection.execute(text(
                "SELECT relpages, relallvisible FROM pg_class WHERE relname = :name"), {"name": name}).one()
                for name in ("article", "placetag", "engagement", "actormention", "timeline_count")}
        there.dispose()
    assert all(marked == pages for pages, marked in pages.values()) and all(p for p, _ in pages.values()), pages
