"""`pantau doctor`'s database checks, and the repairs it points to.

Each check returns a `Finding`: what was looked at, whether it is healthy, what was found, and
what to do about it. The checks only read; `rebuild_search` (the search index and the timeline's
counts) and `remove_orphans` are the repairs.
They open the database without upgrading it (`connect_engine`), so a database from a newer
Pantau is diagnosed instead of refused.
"""

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Column, Connection, Engine, Table, func, insert, select, text, update
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import SQLModel

from storage import fulltext, timeline_counts
from storage.feeds import list_feeds
from storage.migrate import known_revisions
from storage.schema import HEAD_REVISION, current_revision
from storage.timeline import GRAINS, kept_counts, recounted

SAMPLE = 20
"""How many row ids a finding names, and how many articles the search-index probe looks up."""


class Health(StrEnum):
    OK = "ok"
    WARNING = "warning"
    PROBLEM = "problem"


@dataclass(frozen=True)
class Finding:
    """One check's result, worded for the user: `remedy` says what to do when it is not OK."""

    check: str
    health: Health
    message: str
    remedy: str = ""


def check_database(engine: Engine, on_check: Callable[[str], None] | None = None) -> list[Finding]:
    """Every database check, in the order a repair should follow: pages, schema, search index, timeline counts,
    orphans; `on_check` is told each check's name as it starts (at 1,000,000 articles some take a while).

    A check that cannot run (the database is too damaged) becomes a PROBLEM finding of its own.
    """
    findings = []
    for check in (check_integrity, check_schema, check_search_index, check_timeline_counts, check_orphans):
        if on_check is not None:
            on_check(check.__name__.removeprefix("check_").replace("_", " "))
        try:
            findings.append(check(engine))
        except SQLAlchemyError as error:
            reason = getattr(error, "orig", None) or error
            findings.append(Finding(check.__name__.removeprefix("check_").replace("_", " "), Health.PROBLEM,
                                    f"could not be checked: {reason}",
                                    "restore the database from a backup, or copy what is readable with `pantau db copy`"))
            if check is check_integrity:
                break  # the file itself cannot be read: every other check would fail the same way
    return findings


def check_integrity(engine: Engine) -> Finding:
    """SQLite's PRAGMA integrity_check; on PostgreSQL, that every table can be read through."""
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            rows = [row[0] for row in connection.exec_driver_sql("PRAGMA integrity_check(20)")]
            if rows == ["ok"]:
                return Finding("integrity", Health.OK, "SQLite integrity check passed")
            return Finding("integrity", Health.PROBLEM, "SQLite integrity check failed: " + "; ".join(rows[:5]),
                           "stop Pantau, keep a copy of the file, then `pantau db copy` it into a new database "
                           "(or restore a backup)")
        for table in _tables(connection):
            connection.execute(select(func.count()).select_from(table))
        return Finding("integrity", Health.OK, "every table reads through (for page checks run pg_amcheck)")


def check_schema(engine: Engine) -> Finding:
    """The database's migration revision against this Pantau's."""
    current, head = current_revision(engine), HEAD_REVISION
    known = known_revisions()
    if current == head:
        return Finding("schema", Health.OK, f"schema {current}, as this Pantau expects")
    if current is None:
        return Finding("schema", Health.PROBLEM, "the database has no schema revision (empty, or made before migrations)",
                       "run `pantau db upgrade`")
    if current not in known:
        return Finding("schema", Health.PROBLEM, f"schema {current} comes from a newer Pantau (this one knows up to {head})",
                       "install the newer Pantau to use this database")
    return Finding("schema", Health.WARNING, f"schema {current} is older than this Pantau's {head}",
                   "run `pantau db upgrade` (Pantau also upgrades when it opens the database)")


def check_search_index(engine: Engine) -> Finding:
    """The full-text index holds every article and nothing else (SQLite's FTS5 table; PostgreSQL's GIN index)."""
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            return _check_gin_index(connection)
        return _check_fts5(connection)


REBUILD_REMEDY = "run `pantau db rebuild-search`"


def check_timeline_counts(engine: Engine) -> Finding:
    """The timeline's kept counts (storage.timeline_counts) against a recount from the engagement rows, every grain."""
    with engine.connect() as connection:
        if not connection.dialect.has_table(connection, "timeline_count"):
            return Finding("timeline counts", Health.WARNING, "this schema keeps no timeline counts yet",
                           "run `pantau db upgrade`")
    wrong = [grain for grain in GRAINS if kept_counts(engine, grain) != recounted(engine, grain)]
    if wrong:
        return Finding("timeline counts", Health.PROBLEM,
                       f"the timeline's kept counts differ from a recount ({', '.join(wrong)})",
                       REBUILD_REMEDY + " (it recounts the timeline too)")
    return Finding("timeline counts", Health.OK, "the timeline's kept counts equal a recount, every grain")


def _check_fts5(connection: Connection) -> Finding:
    articles = connection.exec_driver_sql("SELECT count(*) FROM article").scalar_one()
    indexed = connection.exec_driver_sql("SELECT count(*) FROM article_fts_docsize").scalar_one()
    missing = _ids(connection, "SELECT id FROM article WHERE id NOT IN (SELECT id FROM article_fts_docsize)")
    extra = _ids(connection, "SELECT id FROM article_fts_docsize WHERE id NOT IN (SELECT id FROM article)")
    if missing or extra:
        parts = [f"{articles} articles, {indexed} indexed"]
        if missing:
            parts.append(f"not indexed: {_listed(missing)}")
        if extra:
            parts.append(f"indexed but gone: {_listed(extra)}")
        return Finding("search index", Health.PROBLEM, "the search index is out of step: " + "; ".join(parts),
                       REBUILD_REMEDY)
    try:
        connection.exec_driver_sql("INSERT INTO article_fts(article_fts, rank) VALUES ('integrity-check', 1)")
    except SQLAlchemyError as error:
        reason = str(getattr(error, "orig", error))
        if "readonly" in reason:  # FTS5 runs its check as a write: a read-only file gets the counts only
            return Finding("search index", Health.OK, f"all {articles} articles indexed (read-only: text not compared)")
        return Finding("search index", Health.PROBLEM, f"the search index does not match the articles' text ({reason})",
                       REBUILD_REMEDY)
    finally:
        connection.rollback()
    return Finding("search index", Health.OK, f"all {articles} articles indexed, index matches their text")


def _check_gin_index(connection: Connection) -> Finding:
    valid = connection.execute(text(
        "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = :name"
    ), {"name": "ix_article_search"}).scalar_one_or_none()
    if valid is None:
        return Finding("search index", Health.PROBLEM, "the search index ix_article_search is missing", REBUILD_REMEDY)
    if not valid:
        return Finding("search index", Health.PROBLEM, "the search index ix_article_search is invalid", REBUILD_REMEDY)
    return Finding("search index", Health.OK, "the GIN search index is present and valid")


def check_orphans(engine: Engine) -> Finding:
    """Rows whose reference points at a row that is not there (tags of a deleted article, articles of a lost feed)."""
    with engine.connect() as connection:
        counts = {f"{column.table.name}.{column.name}": count
                  for column, target in _references(connection) if (count := _orphan_count(connection, column, target))}
    if not counts:
        return Finding("orphans", Health.OK, "every reference points at a stored row")
    listed = ", ".join(f"{where} {count}" for where, count in counts.items())
    return Finding("orphans", Health.PROBLEM, f"rows point at missing rows: {listed}",
                   "run `pantau db remove-orphans` (removes tags, mentions and links of missing articles; "
                   "keeps articles, under a placeholder feed)")


def check_stored_feed_health(engine: Engine) -> Finding:
    """How the enabled feeds fared at their last poll: answering, failing, muted, never polled."""
    feeds = [feed for feed in list_feeds(engine) if feed.enabled]
    muted = [feed for feed in feeds if feed.muted]
    failing = [feed for feed in feeds if not feed.muted and feed.last_polled_at is not None and feed.last_error]
    pending = [feed for feed in feeds if feed.last_polled_at is None]
    ok = len(feeds) - len(muted) - len(failing) - len(pending)
    message = f"{len(feeds)} enabled feeds: {ok} ok, {len(failing)} failing, {len(muted)} muted, {len(pending)} never polled"
    if not failing and not muted:
        return Finding("feeds (stored)", Health.OK, message)
    named = ", ".join(f"{feed.id} ({feed.last_error})" for feed in (failing + muted)[:5])
    return Finding("feeds (stored)", Health.WARNING, f"{message}; e.g. {named}",
                   "`pantau feeds` shows each feed's last error; `pantau feeds remove ID` stops polling a dead one")


REBUILD_BATCH = 10_000
"""Articles read into the SQLite index between two progress reports."""


def rebuild_search(engine: Engine, on_progress: Callable[[int, int], None] | None = None) -> None:
    """Rebuild the full-text index from the articles (REINDEX on PostgreSQL; on SQLite emptied, then the articles
    read in by batches, `on_progress(done, total)` after each), and recount the timeline: one transaction."""
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            for statement in fulltext.PG_SEARCH_DDL:
                connection.exec_driver_sql(statement)
            connection.exec_driver_sql("REINDEX INDEX ix_article_search")
        else:
            _refill_fts5(connection, on_progress)
        timeline_counts.refill(connection)


def _refill_fts5(connection: Connection, on_progress: Callable[[int, int], None] | None) -> None:
    total = connection.exec_driver_sql("SELECT count(*) FROM article").scalar_one()
    connection.exec_driver_sql("INSERT INTO article_fts(article_fts) VALUES ('delete-all')")
    done, after = 0, 0
    while True:
        last = connection.exec_driver_sql(
            f"SELECT max(id) FROM (SELECT id FROM article WHERE id > {after} ORDER BY id LIMIT {REBUILD_BATCH})"
        ).scalar_one()
        if last is None:
            break
        done += connection.exec_driver_sql(
            f"INSERT INTO article_fts(rowid, title, body) SELECT id, title, body FROM article"
            f" WHERE id > {after} AND id <= {last}").rowcount
        after = last
        if on_progress is not None:
            on_progress(done, total)


def remove_orphans(engine: Engine) -> dict[str, int]:
    """Repair every dangling reference in one transaction; returns how many rows each column had.

    Articles of a missing feed are kept under a disabled placeholder feed (nothing stored is lost);
    a nullable reference is cleared; any other row pointing at nothing is deleted.
    """
    repaired: dict[str, int] = {}
    with engine.begin() as connection:
        for column, target in _references(connection):
            count = _orphan_count(connection, column, target)
            if not count:
                continue
            repaired[f"{column.table.name}.{column.name}"] = count
            _repair(connection, column, target)
    return repaired


def _repair(connection: Connection, column: Column, target: Column) -> None:
    table = column.table
    dangling = column.not_in(select(target))
    if table.name == "article" and column.name == "feed_id":
        for feed_id in connection.execute(select(column).where(dangling).distinct()).scalars():
            connection.execute(insert(target.table).values(
                id=feed_id, url=f"pantau:lost-feed/{feed_id}", title=f"(lost feed {feed_id})", enabled=False))
    elif column.nullable:
        connection.execute(update(table).where(dangling).values({column.name: None}))
    else:
        connection.execute(table.delete().where(column.is_not(None), dangling))


def _tables(connection: Connection) -> list[Table]:
    """The model tables that exist in this database (an old schema may lack a newer one)."""
    present = set(connection.dialect.get_table_names(connection))
    return [table for table in SQLModel.metadata.sorted_tables if table.name in present]


def _references(connection: Connection) -> list[tuple[Column, Column]]:
    """(referring column, referred column) of every foreign key between tables this database has."""
    tables = {table.name for table in _tables(connection)}
    pairs = []
    for table in _tables(connection):
        for key in table.foreign_keys:
            if key.column.table.name in tables:
                pairs.append((key.parent, key.column))
    return pairs


def _orphan_count(connection: Connection, column: Column, target: Column) -> int:
    dangling = column.is_not(None) & column.not_in(select(target))
    return connection.execute(select(func.count()).select_from(column.table).where(dangling)).scalar_one()


def _ids(connection: Connection, query: str) -> list[int]:
    return list(connection.exec_driver_sql(f"{query} ORDER BY 1 LIMIT {SAMPLE + 1}").scalars())


def _listed(ids: list[int]) -> str:
    shown = ", ".join(str(article_id) for article_id in ids[:SAMPLE])
    return shown + (", ..." if len(ids) > SAMPLE else "")

