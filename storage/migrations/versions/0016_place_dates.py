"""Each place tag and engagement keeps its article's date (`dated_at`: its publication, else when it was fetched),
kept in step by triggers; the place and type indexes end in it.

A search by date led by a rare filter (`buruh kab:32.15 is:unread`: storage.search.SearchSource._candidates_page)
sorted the filter's articles newest first, and the date was read from each article's row: 6,604 rows for one
kabupaten at 1,000,000 articles (20-27 ms before anything was checked). With the date beside the place in the index
that ends the filter's list, the articles are sorted from the index alone.

The triggers copy the article's date into its place tags and engagements when they are stored or moved to another
article, and again into all of them when the article's dates change, so every write path (the pipeline's store and
re-tag, an analyst's coding, raw SQL) keeps it without knowing about it. Filling a desk of 1,000,000 articles and
remaking the indexes takes ~15 s.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06 21:00:00.000000
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None

TABLES = ('placetag', 'engagement')
DATED = "coalesce(published_at, fetched_at)"
INDEXES = {
    'placetag': {'ix_placetag_code': ['code'], 'ix_placetag_level_name': ['level', 'name'],
                 'ix_placetag_province': ['province']},
    'engagement': {'ix_engagement_type': ['type'], 'ix_engagement_kabupaten_kota': ['kabupaten_kota'],
                   'ix_engagement_province': ['province'], 'ix_engagement_kabupaten_code': ['kabupaten_code']},
}


def _sqlite_triggers() -> list[str]:
    """A row's date is set after it is stored (SQLite has no BEFORE trigger that can change the row), guarded so
    the trigger's own update does not fire it again."""
    statements = []
    for table in TABLES:
        article_date = f"(SELECT {DATED} FROM article WHERE article.id = NEW.article_id)"
        for event, name in (("INSERT", "insert"), ("UPDATE OF article_id, dated_at", "update")):
            statements.append(
                f"CREATE TRIGGER {table}_dated_{name} AFTER {event} ON {table} FOR EACH ROW"
                f" WHEN NEW.dated_at IS NOT {article_date}"
                f" BEGIN UPDATE {table} SET dated_at = {article_date} WHERE id = NEW.id; END")
    moved = "; ".join(f"UPDATE {table} SET dated_at = coalesce(NEW.published_at, NEW.fetched_at)"
                      f" WHERE article_id = NEW.id" for table in TABLES)
    statements.append(
        "CREATE TRIGGER article_dated_places AFTER UPDATE OF published_at, fetched_at ON article FOR EACH ROW"
        " WHEN coalesce(NEW.published_at, NEW.fetched_at) IS NOT coalesce(OLD.published_at, OLD.fetched_at)"
        f" BEGIN {moved}; END")
    return statements


def _postgresql_triggers() -> list[str]:
    statements = [
        f"""CREATE OR REPLACE FUNCTION place_dated() RETURNS trigger AS $$ BEGIN
            NEW.dated_at := (SELECT {DATED} FROM article WHERE article.id = NEW.article_id);
            RETURN NEW;
        END $$ LANGUAGE plpgsql""",
        f"""CREATE OR REPLACE FUNCTION article_dated_places() RETURNS trigger AS $$ BEGIN
            {' '.join(f'UPDATE {table} SET dated_at = coalesce(NEW.published_at, NEW.fetched_at)'
                      f' WHERE article_id = NEW.id;' for table in TABLES)}
            RETURN NULL;
        END $$ LANGUAGE plpgsql""",
        """CREATE TRIGGER article_dated_places AFTER UPDATE OF published_at, fetched_at ON article FOR EACH ROW
            WHEN (coalesce(NEW.published_at, NEW.fetched_at)
                  IS DISTINCT FROM coalesce(OLD.published_at, OLD.fetched_at))
            EXECUTE FUNCTION article_dated_places()""",
    ]
    statements += [f"""CREATE TRIGGER {table}_dated BEFORE INSERT OR UPDATE OF article_id, dated_at ON {table}
                       FOR EACH ROW EXECUTE FUNCTION place_dated()""" for table in TABLES]
    return statements


def _remake_indexes(with_date: bool) -> None:
    for table, indexes in INDEXES.items():
        for name, columns in indexes.items():
            op.drop_index(name, table_name=table)
            if name == 'ix_engagement_kabupaten_code' and not with_date:
                op.create_index(name, table, columns, unique=False)
                continue
            op.create_index(name, table, [*columns, 'article_id', 'source', *(['dated_at'] if with_date else [])],
                            unique=False)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in TABLES:
        op.add_column(table, sa.Column('dated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        op.execute(f"UPDATE {table} SET dated_at = (SELECT {DATED} FROM article WHERE article.id = {table}.article_id)")
    _remake_indexes(with_date=True)
    for statement in _postgresql_triggers() if dialect == "postgresql" else _sqlite_triggers():
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS article_dated_places ON article")
        for table in TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_dated ON {table}")
        op.execute("DROP FUNCTION IF EXISTS article_dated_places()")
        op.execute("DROP FUNCTION IF EXISTS place_dated()")
    else:
        op.execute("DROP TRIGGER IF EXISTS article_dated_places")
        for table in TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_dated_insert")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_dated_update")
    _remake_indexes(with_date=False)
    for table in TABLES:  # SQLite drops a column in place (3.35+): a batch copy of the table would drop its triggers
        op.execute(f"ALTER TABLE {table} DROP COLUMN dated_at")
