"""Alembic environment: always run from storage.schema with an open connection, never from alembic.ini."""

from alembic import context

from storage.migrate import compare_type, include_object, lock_for_migration
from sqlmodel import SQLModel

connection = context.config.attributes["connection"]
lock_for_migration(connection)
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    include_object=include_object,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=compare_type,
)
with context.begin_transaction():
    context.run_migrations()
