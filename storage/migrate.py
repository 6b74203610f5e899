"""Running the alembic migrations (storage/migrations): create, upgrade or adopt a desk's schema.

Only loaded when a database is not at this Pantau's schema (storage.schema checks that without
alembic), so an ordinary start does not pay for importing alembic.
"""

import logging
from functools import cache
from importlib.resources import files

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, Integer, inspect
from sqlmodel import SQLModel

from storage import models  # noqa: F401  (registers the tables on SQLModel.metadata)
from storage.engine import vacuum_and_analyse
from storage.schema import SchemaError, current_revision
from storage.timeline_counts import HAND_MADE_TABLES

log = logging.getLogger(__name__)

BASELINE = "0001"
MIGRATION_LOCK = 7_303_640_817
"""PostgreSQL advisory lock key, so two apps starting at once do not both migrate."""
HAND_MADE_OBJECTS = ("article_fts", "ix_article_search", "search_document", "ix_article_dated", "ix_article_story_copies",
                     *HAND_MADE_TABLES)
"""Tables, columns and indexes made by hand in the migrations (full text and PostgreSQL's stored search document,
the feed's date order, story copies, the timeline's kept counts); the models do not describe them."""


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(files("storage") / "migrations"))
    return config


@cache
def _scripts() -> ScriptDirectory:
    """The migration scripts, read from disk once per process."""
    return ScriptDirectory.from_config(alembic_config())


def scripted_head() -> str:
    """The newest revision among the migration scripts (storage.schema.HEAD_REVISION must equal it)."""
    return _scripts().get_current_head()


def known_revisions() -> set[str]:
    return {script.revision for script in _scripts().walk_revisions()}


def include_object(obj, name: str | None, type_: str, _reflected: bool, _compare_to) -> bool:
    """Leave the hand-made objects (FTS5 tables, GIN index, timeline counts) out of model comparisons."""
    return not (name or "").startswith(HAND_MADE_OBJECTS)


def compare_type(context, _inspected_column, _metadata_column, inspected_type, metadata_type) -> bool | None:
    """SQLite stores every integer alike: INTEGER and BIGINT columns are the same there."""
    if context.dialect.name == "sqlite" and isinstance(inspected_type, Integer) and isinstance(metadata_type, Integer):
        return False
    return None


def lock_for_migration(connection: Connection) -> None:
    """Hold the database's migration lock for this transaction (the SQLite write lock; an advisory lock on PostgreSQL)."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    elif connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply the migrations up to `revision` in one transaction."""
    with engine.connect() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        connection.commit()


def model_differences(engine: Engine) -> list:
    """What separates the database from the models (alembic's autogenerate diff); empty when they agree."""
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": include_object, "compare_type": compare_type})
        return compare_metadata(context, SQLModel.metadata)


def migrate_to_head(engine: Engine) -> None:
    """Create, upgrade or adopt the schema so this Pantau can use the database, or raise SchemaError."""
    current = current_revision(engine)
    if current is not None and current not in known_revisions():
        raise SchemaError(
            f"this database was upgraded by a newer Pantau (schema {current}; this one knows up to "
            f"{scripted_head()}): install the newer Pantau to open it"
        )
    if current is None and _has_tables(engine):
        _adopt(engine)
    if current != scripted_head():
        upgrade(engine)
        if current is not None and engine.dialect.name == "postgresql":
            log.info("vacuuming and analysing the upgraded desk")
            vacuum_and_analyse(engine)


def _has_tables(engine: Engine) -> bool:
    return bool(set(inspect(engine).get_table_names()) & set(SQLModel.metadata.tables))


def _adopt(engine: Engine) -> None:
    """Mark a database made by `create_all` (before migrations) as the schema it holds.

    `create_all` builds the models of the Pantau that ran it; a desk equal to this Pantau's models
    is at the head revision (stamping the baseline would make the later revisions create tables
    that are there already).
    """
    differences = model_differences(engine)
    if differences:
        raise SchemaError(
            f"this database was made by an early Pantau without migrations and differs from schema {BASELINE} "
            f"in {len(differences)} ways (first: {differences[0]}): copy it with `pantau db copy` from that version"
        )
    with engine.connect() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.stamp(config, "head")
        connection.commit()
    log.info("adopted a database made before migrations as schema %s", scripted_head())
