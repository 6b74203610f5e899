"""The database schema version, and what every start runs: `ensure_schema`.

An empty database is created by the migrations, an older one is upgraded, one made before
migrations existed (by `create_all`) is adopted when it matches the baseline, and one made by a
newer Pantau is refused with a message that says so (storage.migrate does that work). A database
already at HEAD_REVISION, the ordinary start, is checked with one query and no alembic.
"""

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import SQLAlchemyError

HEAD_REVISION = "0017"
"""The newest migration in storage/migrations/versions; a test keeps the two equal."""


class SchemaError(SQLAlchemyError):
    """A database whose schema this Pantau cannot use, worded for the user."""


def current_revision(engine: Engine) -> str | None:
    """The schema revision alembic stamped on the database; None for a database it never touched."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def ensure_schema(engine: Engine) -> None:
    """Create, upgrade or adopt the schema so this Pantau can use the database, or raise SchemaError."""
    if current_revision(engine) == HEAD_REVISION:
        return
    from storage.migrate import migrate_to_head  # alembic is loaded only when there is work for it

    migrate_to_head(engine)
