"""The schema check every start runs without alembic, against the migration scripts themselves."""

from pathlib import Path

from sqlalchemy import text

from storage.engine import connect_engine, make_engine
from storage.migrate import scripted_head, upgrade
from storage.schema import HEAD_REVISION, current_revision


def test_head_revision_is_the_newest_migration_script():
    assert HEAD_REVISION == scripted_head()


def test_a_new_database_is_created_at_the_head(tmp_path: Path):
    engine = make_engine(f"sqlite:///{tmp_path / 'desk.db'}")
    assert current_revision(engine) == HEAD_REVISION


def test_an_older_database_is_upgraded_on_open(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    upgrade(connect_engine(url), "0001")
    assert current_revision(connect_engine(url)) == "0001"
    engine = make_engine(url)
    assert current_revision(engine) == HEAD_REVISION
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM savedsearch")).scalar() == 0


def test_a_database_alembic_never_touched_has_no_revision(tmp_path: Path):
    assert current_revision(connect_engine(f"sqlite:///{tmp_path / 'empty.db'}")) is None
