"""Write transactions that take SQLite's write lock up front.

A transaction that reads and then writes holds a read snapshot first; if another connection
commits in between, SQLite cannot upgrade it and fails at once with "database is locked",
without waiting for the busy timeout. `BEGIN IMMEDIATE` takes the write lock at the start and
waits its turn, so the poller's threads, the app and `pantau poll` can all write to one file.
"""

from sqlmodel import Session


def begin_write(session: Session) -> None:
    """Start `session`'s transaction holding the write lock (SQLite); other databases need nothing."""
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")
