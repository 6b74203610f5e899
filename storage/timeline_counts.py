"""The timeline's counts, kept in step by the database itself: engagements per kabupaten/kota × period × type.

Counting engagements afresh costs what the archive holds (0.8 s at 1,000,000 articles); the timeline
reads `timeline_count` instead, whose rows are as many as the cells it draws. Two tables, made by hand
like the search index (storage.migrate leaves them out of model comparisons, `pantau db copy` does not
copy them: the target's triggers count what it receives):

- `timeline_share`: what each article adds, one row per (article, grain, kabupaten/kota, period, type, names);
- `timeline_count`: the sum of the shares, one row per (grain, kabupaten/kota, period, type, names): a
  grain's rows are the cells the timeline draws at that grain (days, weeks, months).

Triggers on `engagement`, `notrelevant` and `article` (a publication date dates an engagement without
its own) recount the article they touched: take its share out of the counts, count its share again from
its rows as they now stand, and add it back. Every write path (the pipeline's store and re-tag, an
analyst's coding, a not-relevant mark, an undo, a deletion, raw SQL) keeps the counts exact without
knowing about them, and recounting an article is the same whichever of its rows changed last, so row
triggers fired in any order (PostgreSQL runs AFTER ROW triggers at the statement's end) end exact.

What counts is what the timeline always counted (storage.timeline.counted_engagements): placed
engagements in force (an analyst's coding supersedes the tagger's for that article) on articles not
marked not relevant, dated by their event date, else their article's publication day (UTC).
"""

from sqlalchemy import Connection

from storage.models import AUTO, MANUAL

GRAINS = ("week", "day", "month")
HAND_MADE_TABLES = ("timeline_count", "timeline_share")

_KEY = "grain, kabupaten_code, period_start, type, kabupaten_kota, province"


def _tables_ddl(dialect: str) -> tuple[str, ...]:
    """SQLite keeps the rows in key order (WITHOUT ROWID): a grain's counts are one range of the table."""
    clustered = " WITHOUT ROWID" if dialect == "sqlite" else ""
    return tuple(
        f"""CREATE TABLE {name} (
            {'article_id INTEGER NOT NULL, ' if name == 'timeline_share' else ''}grain VARCHAR NOT NULL,
            kabupaten_code VARCHAR NOT NULL, period_start DATE NOT NULL, type VARCHAR NOT NULL,
            kabupaten_kota VARCHAR NOT NULL, province VARCHAR NOT NULL, n INTEGER NOT NULL,
            PRIMARY KEY ({'article_id, ' if name == 'timeline_share' else ''}{_KEY})){clustered}"""
        for name in HAND_MADE_TABLES
    )


_PUBLISHED_DAY = {
    "sqlite": "(SELECT date(published_at) FROM article WHERE article.id = e.article_id)",
    "postgresql": "(SELECT (published_at AT TIME ZONE 'UTC')::date FROM article WHERE article.id = e.article_id)",
}
_PERIOD_START = {  # as storage.timeline.period_bucket writes them
    "sqlite": {"day": "{day}", "week": "date({day}, 'weekday 0', '-6 days')", "month": "strftime('%Y-%m-01', {day})"},
    "postgresql": {"day": "{day}", "week": "date_trunc('week', {day})::date", "month": "date_trunc('month', {day})::date"},
}


def _shares(dialect: str, where: str) -> str:
    """SELECT of the shares of the articles `where` picks among `engagement e`: the counted rows, grouped per
    period of each grain."""
    day = f"coalesce(e.event_date, {_PUBLISHED_DAY[dialect]})"
    selects = []
    for grain in GRAINS:
        period = _PERIOD_START[dialect][grain].format(day=day)
        key = f"e.kabupaten_code, {period}, e.type, coalesce(e.kabupaten_kota, ''), coalesce(e.province, '')"
        selects.append(f"""SELECT e.article_id, '{grain}', {key}, count(*) FROM engagement e
            WHERE {where} AND e.kabupaten_code IS NOT NULL AND {day} IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM notrelevant r WHERE r.article_id = e.article_id)
              AND NOT (e.source = '{AUTO}' AND EXISTS (
                  SELECT 1 FROM engagement m WHERE m.article_id = e.article_id AND m.source = '{MANUAL}'))
            GROUP BY e.article_id, {key}""")
    return " UNION ALL ".join(selects)


def _recount(dialect: str, article: str) -> list[str]:
    """The statements that recount one article (`article` is an SQL expression for its id)."""
    matches = " AND ".join(f"s.{name} = timeline_count.{name}" for name in _KEY.split(", "))
    return [
        f"""UPDATE timeline_count SET n = timeline_count.n - s.n FROM timeline_share s
            WHERE s.article_id = {article} AND {matches}""",
        f"""DELETE FROM timeline_count WHERE n = 0 AND ({_KEY}) IN (
            SELECT {_KEY} FROM timeline_share WHERE article_id = {article})""",
        f"DELETE FROM timeline_share WHERE article_id = {article}",
        f"INSERT INTO timeline_share (article_id, {_KEY}, n) {_shares(dialect, f'e.article_id = {article}')}",
        f"""INSERT INTO timeline_count ({_KEY}, n) SELECT {_KEY}, n FROM timeline_share WHERE article_id = {article}
            ON CONFLICT ({_KEY}) DO UPDATE SET n = timeline_count.n + excluded.n""",
    ]


_ENGAGEMENT_COLUMNS = "article_id, kabupaten_code, kabupaten_kota, province, event_date, type, source"
# (trigger name, event, the article it touches, condition)
_SQLITE_TRIGGERS = (
    ("timeline_engagement_insert", "INSERT ON engagement", "NEW.article_id", ""),
    ("timeline_engagement_delete", "DELETE ON engagement", "OLD.article_id", ""),
    ("timeline_engagement_update", f"UPDATE OF {_ENGAGEMENT_COLUMNS} ON engagement", "OLD.article_id", ""),
    ("timeline_engagement_moved", f"UPDATE OF {_ENGAGEMENT_COLUMNS} ON engagement", "NEW.article_id",
     "WHEN NEW.article_id IS NOT OLD.article_id"),
    ("timeline_notrelevant_insert", "INSERT ON notrelevant", "NEW.article_id", ""),
    ("timeline_notrelevant_delete", "DELETE ON notrelevant", "OLD.article_id", ""),
    ("timeline_notrelevant_moved", "UPDATE OF article_id ON notrelevant", "NEW.article_id",
     "WHEN NEW.article_id IS NOT OLD.article_id"),
    ("timeline_notrelevant_update", "UPDATE OF article_id ON notrelevant", "OLD.article_id",
     "WHEN NEW.article_id IS NOT OLD.article_id"),
    ("timeline_article_dated", "UPDATE OF published_at ON article", "NEW.id",
     "WHEN NEW.published_at IS NOT OLD.published_at"),
)
"""An article's deletion needs none: its engagements (foreign keys) and not-relevant mark (cascade) go first."""

SQLITE_DDL = _tables_ddl("sqlite") + tuple(
    f"CREATE TRIGGER IF NOT EXISTS {name} AFTER {event} FOR EACH ROW {condition} BEGIN "
    + "; ".join(_recount("sqlite", article)) + "; END"
    for name, event, article, condition in _SQLITE_TRIGGERS
)

PG_DDL = _tables_ddl("postgresql") + (
    "CREATE OR REPLACE FUNCTION timeline_recount(target bigint) RETURNS void AS $$ BEGIN "
    + "; ".join(_recount("postgresql", "target")) + "; END $$ LANGUAGE plpgsql",
    """CREATE OR REPLACE FUNCTION timeline_recount_row() RETURNS trigger AS $$ BEGIN
        IF TG_OP <> 'INSERT' THEN PERFORM timeline_recount(OLD.article_id); END IF;
        IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.article_id IS DISTINCT FROM OLD.article_id) THEN
            PERFORM timeline_recount(NEW.article_id);
        END IF;
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    """CREATE OR REPLACE FUNCTION timeline_recount_article() RETURNS trigger AS $$ BEGIN
        PERFORM timeline_recount(NEW.id);
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    f"""CREATE OR REPLACE TRIGGER timeline_engagement AFTER INSERT OR DELETE OR UPDATE OF {_ENGAGEMENT_COLUMNS}
        ON engagement FOR EACH ROW EXECUTE FUNCTION timeline_recount_row()""",
    """CREATE OR REPLACE TRIGGER timeline_notrelevant AFTER INSERT OR DELETE OR UPDATE OF article_id
        ON notrelevant FOR EACH ROW EXECUTE FUNCTION timeline_recount_row()""",
    """CREATE OR REPLACE TRIGGER timeline_article AFTER UPDATE OF published_at ON article FOR EACH ROW
        WHEN (NEW.published_at IS DISTINCT FROM OLD.published_at) EXECUTE FUNCTION timeline_recount_article()""",
)

PG_DROP = (
    "DROP TRIGGER IF EXISTS timeline_engagement ON engagement",
    "DROP TRIGGER IF EXISTS timeline_notrelevant ON notrelevant",
    "DROP TRIGGER IF EXISTS timeline_article ON article",
    "DROP FUNCTION IF EXISTS timeline_recount_row()",
    "DROP FUNCTION IF EXISTS timeline_recount_article()",
    "DROP FUNCTION IF EXISTS timeline_recount(bigint)",
)
SQLITE_DROP = tuple(f"DROP TRIGGER IF EXISTS {name}" for name, *_rest in _SQLITE_TRIGGERS)


def create_statements(dialect: str) -> tuple[str, ...]:
    """The tables, functions and triggers that keep the counts, for `dialect` ("sqlite" or "postgresql")."""
    return PG_DDL if dialect == "postgresql" else SQLITE_DDL


def drop_statements(dialect: str) -> tuple[str, ...]:
    triggers = PG_DROP if dialect == "postgresql" else SQLITE_DROP
    return triggers + tuple(f"DROP TABLE IF EXISTS {name}" for name in HAND_MADE_TABLES)


def refill(connection: Connection) -> None:
    """Count every article's share afresh in one pass (the migration's fill, and a repair): the caller commits."""
    dialect = connection.dialect.name
    connection.exec_driver_sql("DELETE FROM timeline_count")
    connection.exec_driver_sql("DELETE FROM timeline_share")
    connection.exec_driver_sql(f"INSERT INTO timeline_share (article_id, {_KEY}, n) {_shares(dialect, 'true')}")
    connection.exec_driver_sql(
        f"INSERT INTO timeline_count ({_KEY}, n) SELECT {_KEY}, sum(n) FROM timeline_share GROUP BY {_KEY}")
