"""Engine set-up: SQLite in WAL mode with a busy timeout, and the FTS5 index kept in step."""

from sqlalchemy import Engine, event, text
from sqlmodel import SQLModel, create_engine

from storage import models, tag_models  # noqa: F401  (registers the tables on SQLModel.metadata)

BUSY_TIMEOUT_MS = 10_000

FTS_DDL = (
    """CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5(
        title, body, content='article', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER IF NOT EXISTS article_fts_insert AFTER INSERT ON article BEGIN
        INSERT INTO article_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
    """CREATE TRIGGER IF NOT EXISTS article_fts_delete AFTER DELETE ON article BEGIN
        INSERT INTO article_fts(article_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
    END""",
    """CREATE TRIGGER IF NOT EXISTS article_fts_update AFTER UPDATE OF title, body ON article BEGIN
        INSERT INTO article_fts(article_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO article_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
)


def _tune_sqlite(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for `url`, its tables created on first use."""
    is_sqlite = url.startswith("sqlite")
    connect_args = {"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000} if is_sqlite else {}
    engine = create_engine(url, connect_args=connect_args)
    if is_sqlite:
        event.listen(engine, "connect", _tune_sqlite)
    create_schema(engine)
    return engine


def create_schema(engine: Engine) -> None:
    """Create every table and the search index if they are missing."""
    SQLModel.metadata.create_all(engine)
    if engine.dialect.name == "sqlite":
        with engine.begin() as connection:
            for statement in FTS_DDL:
                connection.execute(text(statement))
