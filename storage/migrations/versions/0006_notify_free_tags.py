"""Change notices for free tags and not-relevant marks, so other apps on PostgreSQL see them live.

The baseline's triggers announce articles, actor mentions, places and engagements; an analyst's
free tags (`articletag`) and not-relevant marks (`notrelevant`) came later and were only seen on
the next re-read. SQLite needs nothing: its watcher sees every commit.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28 11:20:00.000000
"""

from alembic import op


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

TABLES = ('articletag', 'notrelevant')


def upgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    for table in TABLES:
        op.execute(f"CREATE OR REPLACE TRIGGER {table}_notify AFTER INSERT OR UPDATE OR DELETE ON {table} "
                   "FOR EACH ROW EXECUTE FUNCTION pantau_notify()")


def downgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    for table in TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_notify ON {table}")
