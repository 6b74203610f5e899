"""Telling open apps that the desk changed, without them re-reading tables.

On PostgreSQL, triggers NOTIFY channel `pantau_changes` when an article is stored and when a tag
(actor mention, place, engagement; free tags and not-relevant marks since migration 0006) is
added, changed or removed; a watcher LISTENs on a connection
of its own, so apps on other machines see a write as soon as it commits. On SQLite, a watcher asks
`PRAGMA data_version` on a connection of its own, which changes whenever another connection
commits: a cheap query, no table read.
"""

import json
import time
from dataclasses import dataclass

from sqlalchemy import Engine

CHANNEL = "pantau_changes"
TAG_TABLES = ("actormention", "placetag", "engagement")
SQLITE_CHECK_S = 0.05
DRAIN_S = 0.02

PG_NOTIFY_DDL = (
    f"""CREATE OR REPLACE FUNCTION pantau_notify() RETURNS trigger AS $$
    DECLARE
        changed json := CASE WHEN TG_OP = 'DELETE' THEN row_to_json(OLD) ELSE row_to_json(NEW) END;
    BEGIN
        PERFORM pg_notify('{CHANNEL}', json_build_object(
            'table', TG_TABLE_NAME, 'op', TG_OP,
            'article_id', CASE WHEN TG_TABLE_NAME = 'article' THEN changed->>'id' ELSE changed->>'article_id' END
        )::text);
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    "CREATE OR REPLACE TRIGGER article_notify AFTER INSERT ON article FOR EACH ROW EXECUTE FUNCTION pantau_notify()",
    *(
        f"CREATE OR REPLACE TRIGGER {table}_notify AFTER INSERT OR UPDATE OR DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION pantau_notify()"
        for table in TAG_TABLES
    ),
)


@dataclass(frozen=True)
class Change:
    """One change another connection committed. SQLite cannot say what changed: table is "*"."""

    table: str
    op: str
    article_id: int | None = None


ANYTHING = Change("*", "COMMIT")


class ChangeWatcher:
    """Waits for other connections' commits to the desk's database, on a connection of its own.

    Use one watcher per thread (the app: one in a thread worker), and close it when done:

        with ChangeWatcher(engine) as watcher:
            while running:
                changes = watcher.wait(timeout_s=1.0)   # [] when nothing happened
    """

    def __init__(self, engine: Engine) -> None:
        self._postgres = engine.dialect.name == "postgresql"
        record = engine.raw_connection()
        self._connection = record.driver_connection
        record.detach()
        if self._postgres:
            self._connection.autocommit = True
            self._connection.execute(f"LISTEN {CHANNEL}")
        else:
            self._version = self._data_version()

    def wait(self, timeout_s: float) -> list[Change]:
        """The changes committed since the last call, waiting up to `timeout_s` for the first one."""
        return self._wait_postgres(timeout_s) if self._postgres else self._wait_sqlite(timeout_s)

    def poll(self) -> list[Change]:
        """The changes committed since the last call, without waiting."""
        return self.wait(0)

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> "ChangeWatcher":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _wait_postgres(self, timeout_s: float) -> list[Change]:
        notices = list(self._connection.notifies(timeout=max(timeout_s, DRAIN_S), stop_after=1))
        if notices:
            notices += list(self._connection.notifies(timeout=DRAIN_S))
        return [_change(notice.payload) for notice in notices]

    def _wait_sqlite(self, timeout_s: float) -> list[Change]:
        deadline = time.monotonic() + timeout_s
        while True:
            version = self._data_version()
            if version != self._version:
                self._version = version
                return [ANYTHING]
            if time.monotonic() >= deadline:
                return []
            time.sleep(min(SQLITE_CHECK_S, max(0.0, deadline - time.monotonic())))

    def _data_version(self) -> int:
        cursor = self._connection.execute("PRAGMA data_version")
        try:
            return cursor.fetchone()[0]
        finally:
            cursor.close()


def _change(payload: str) -> Change:
    data = json.loads(payload)
    article_id = data.get("article_id")
    return Change(data["table"], data["op"], int(article_id) if article_id is not None else None)
