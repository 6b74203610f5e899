"""Timeline index: the timeline's counting query reads engagements from this index alone.

The timeline groups every placed engagement by (kabupaten/kota, period, type); with this covering
index the database never visits the rows (their JSON and evidence texts), which took most of the
query's time at 100,000 articles. Numbered 0005 so a 0004 made at the same time keeps its number.

Revision ID: 0005
Revises: 0002
Create Date: 2026-11-28 11:00:00.000000
"""

from alembic import op


revision = '0005'
down_revision = '0002'
branch_labels = None
depends_on = None

COLUMNS = ['kabupaten_code', 'event_date', 'type', 'source', 'article_id', 'kabupaten_kota', 'province']


def upgrade() -> None:
    with op.batch_alter_table('engagement', schema=None) as batch_op:
        batch_op.create_index('ix_engagement_timeline', COLUMNS, unique=False)


def downgrade() -> None:
    with op.batch_alter_table('engagement', schema=None) as batch_op:
        batch_op.drop_index('ix_engagement_timeline')
