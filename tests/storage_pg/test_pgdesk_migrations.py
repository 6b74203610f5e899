"""Migrations: they build exactly the models on both backends, keep data, adopt pre-migration desks,
and a desk made by a newer Pantau is refused with a message that says so."""

from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from click.testing import CliRunner
from sqlalchemy import text
from sqlmodel import SQLModel

from storage.articles import NewArticle, add_articles, article_count, search_ids
from storage.engine import connect_engine, make_engine
from storage.feeds import add_feed
from storage.fulltext import SQLITE_SEARCH_DDL
from storage.migrate import alembic_config, migrate_to_head, model_differences, upgrade
from storage.schema import HEAD_REVISION, SchemaError, current_revision
from tui.cli import main


def test_migrations_build_exactly_the_models(backend_url):
    """Fails whenever a model changes without a migration that makes the same change."""
    engine = connect_engine(backend_url)
    upgrade(engine)
    assert model_differences(engine) == []
    assert current_revision(engine) == HEAD_REVISION
    engine.dispose()


def test_every_revision_keeps_the_rows_of_the_one_before(backend_url):
    engine = connect_engine(backend_url)
    revisions = [script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()][::-1]
    upgrade(engine, revisions[0])
    with engine.begin() as connection:  # the feed row as the baseline knew it: the model has grown since
        connection.execute(text(
            "INSERT INTO feed (url, title, site, consecutive_failures, last_status, enabled, created_at, "
            "ignore_http_cache, muted, failure_weight, last_polled_at) VALUES ('http://example.test/feed', '', '', 0, "
            "'ok', true, '2025-11-01 00:00:00', false, false, 0, '2025-11-02 00:00:00')"))
    add_articles(engine, 1, [NewArticle("g1", "", "Buruh dan polisi", None, "", "dialog serikat", "ok", "")])
    for revision in revisions[1:] + ["head"]:
        upgrade(engine, revision)
        assert article_count(engine) == 1
    assert search_ids(engine, "serikat") == [1]
    with engine.connect() as connection:
        kind, answered = connection.execute(text("SELECT kind, last_ok_at FROM feed")).one()
    assert kind == "feed" and answered is not None
    engine.dispose()


def test_downgrade_to_nothing_and_up_again(backend_url):
    engine = make_engine(backend_url)
    with engine.connect() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
        connection.commit()
    assert current_revision(engine) is None
    upgrade(engine)
    assert model_differences(engine) == []
    engine.dispose()


def old_desk(tmp_path: Path, drop_column: str | None = None) -> str:
    """A SQLite desk as Pantau made it before migrations: create_all, the FTS DDL, no alembic_version."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = connect_engine(url)
    SQLModel.metadata.create_all(engine)
    with engine.begin() as connection:
        for statement in SQLITE_SEARCH_DDL:
            connection.execute(text(statement))
    feed = add_feed(engine, "http://example.test/feed")
    add_articles(engine, feed.id, [NewArticle("g1", "", "Lama", None, "", "ngariung buruh", "ok", "")])
    if drop_column:
        with engine.begin() as connection:
            connection.execute(text(f"ALTER TABLE feed DROP COLUMN {drop_column}"))
    engine.dispose()
    return url


def test_a_desk_made_before_migrations_is_adopted_with_its_data(tmp_path: Path):
    url = old_desk(tmp_path)
    engine = make_engine(url)
    assert current_revision(engine) == HEAD_REVISION
    assert article_count(engine) == 1 and search_ids(engine, "ngariung") == [1]
    engine.dispose()


def test_a_pre_migration_desk_that_differs_is_refused(tmp_path: Path):
    url = old_desk(tmp_path, drop_column="lease_owner")
    with pytest.raises(SchemaError, match="without migrations and differs"):
        make_engine(url)


def test_a_desk_from_a_newer_pantau_is_refused(backend_url):
    make_engine(backend_url).dispose()
    engine = connect_engine(backend_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(SchemaError, match="upgraded by a newer Pantau"):
        make_engine(backend_url)
    result = CliRunner().invoke(main, ["--db", backend_url, "feeds"])
    assert result.exit_code == 1
    assert "newer Pantau (schema 9999; this one knows up to" in result.output
    assert "Traceback" not in result.output


def test_db_upgrade_command(backend_url):
    first = CliRunner().invoke(main, ["--db", backend_url, "db", "upgrade"])
    assert first.exit_code == 0, first.output
    assert f"from schema (empty) to {HEAD_REVISION}" in first.output
    again = CliRunner().invoke(main, ["--db", backend_url, "db", "upgrade"])
    assert f"already at schema {HEAD_REVISION}" in again.output


def test_engagements_stored_before_0008_get_the_acled_coding_of_their_types(backend_url):
    """What `pantau export` computed from the types before the tagger's coding was stored, so an old desk's
    export reads the same rows after the upgrade."""
    engine = connect_engine(backend_url)
    upgrade(engine, "0007")
    feed = add_feed(engine, "http://example.test/feed")
    add_articles(engine, feed.id, [NewArticle("g1", "", "Buruh dan polisi", None, "", "dialog serikat", "ok", "")])
    with engine.begin() as connection:
        for type_id, secondary in (("arrest", '["protest"]'), ("arrest", "[]"), ("dialogue", "[]")):
            connection.execute(text(
                "INSERT INTO engagement (article_id, type, secondary_types, year_inferred, police_actors, labour_actors,"
                " other_actors, evidence, source, created_at) VALUES (1, :type, :secondary, false, '[]', '[]', '[]',"
                " '', 'auto', CURRENT_TIMESTAMP)"), {"type": type_id, "secondary": secondary})
    upgrade(engine)
    with engine.connect() as connection:
        coded = connection.execute(text(
            "SELECT type, acled_event_type, acled_sub_event_type, triggers, weekday_conflict FROM engagement ORDER BY id"
        )).all()
    assert [tuple(row) for row in coded] == [
        ("arrest", "Protests", "Protest with intervention", "[]", False),
        ("arrest", "Strategic developments", "Arrests", "[]", False),
        ("dialogue", None, None, "[]", False),
    ]
    engine.dispose()


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
def test_an_upgraded_postgres_desk_is_vacuumed(backend_url):
    """Rows a migration rewrote leave dead versions that index-only scans read until a vacuum marks the pages."""
    engine = connect_engine(backend_url)
    upgrade(engine, "0015")
    add_feed(engine, "http://example.test/feed")
    add_articles(engine, 1, [NewArticle("g1", "", "Buruh dan polisi", None, "", "dialog serikat", "ok", "")])
    visible = "SELECT relallvisible FROM pg_class WHERE relname = 'article'"
    with engine.connect() as connection:
        assert connection.execute(text(visible)).scalar() == 0
    migrate_to_head(engine)
    with engine.connect() as connection:
        assert connection.execute(text(visible)).scalar() > 0
    engine.dispose()
