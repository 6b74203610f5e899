"""Engine set-up for both backends.

SQLite (the default, one desk on one machine): WAL mode with a busy timeout, and the FTS5 index
kept in step by triggers. PostgreSQL (a shared desk): psycopg 3, sessions in UTC, a GIN index
over the `simple` text-search configuration, and NOTIFY triggers for open apps (storage.notify).
"""

from sqlalchemy import Engine, event
from sqlalchemy.engine import make_url
from sqlmodel import create_engine

from storage.fulltext import SQLITE_WORDS_DDL
from storage.schema import ensure_schema

BUSY_TIMEOUT_MS = 10_000
PG_POOL_SIZE = 10
PG_OPTIONS = "-c timezone=UTC -c jit=off"
"""Every session in UTC, as Pantau stores moments; no JIT: the desk's statements read a page or a count, and
compiling one whose plan was misestimated cost 15-130 ms (bench/search.py at 1,000,000 articles)."""


def normalise_url(url: str) -> str:
    """`postgresql://` and `postgres://` URLs use the psycopg 3 driver; other URLs stay as given."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def is_postgres(url: str) -> bool:
    return make_url(normalise_url(url)).get_backend_name() == "postgresql"


def _tune_sqlite(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(SQLITE_WORDS_DDL)
    cursor.close()


def connect_engine(url: str) -> Engine:
    """An engine for `url` with the backend's settings, without touching the schema."""
    url = normalise_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _tune_sqlite)
        return engine
    if is_postgres(url):
        return create_engine(
            url,
            connect_args={"options": PG_OPTIONS, "application_name": "pantau"},
            pool_size=PG_POOL_SIZE,
            pool_pre_ping=True,
        )
    return create_engine(url)


def vacuum_and_analyse(engine: Engine) -> None:
    """PostgreSQL: VACUUM (ANALYZE) the whole desk, after a change of many rows at once (an upgrade that rewrites
    them, a bulk copy). Until autovacuum comes by, the pages those rows are on are not marked all-visible and the
    planner's statistics are old, so the index-only scans the search relies on read the tables as well: at 1,000,000
    articles `buruh kab:32.15 is:unread` took 230 ms after migration 0016 unvacuumed (131 vacuumed), and a fresh copy's
    `kab:36.04 since:…` 40 ms (18 vacuumed; 3.4 s to vacuum). SQLite keeps no row versions and needs nothing."""
    if engine.dialect.name != "postgresql":
        return
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("VACUUM (ANALYZE)")


def make_engine(url: str) -> Engine:
    """An engine for `url`, its schema created or upgraded by the migrations on first use.

    Raises storage.schema.SchemaError for a database made by a newer Pantau.
    """
    engine = connect_engine(url)
    ensure_schema(engine)
    return engine
