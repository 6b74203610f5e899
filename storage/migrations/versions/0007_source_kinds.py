"""Sources that are no feed: each feed row says what its address serves (a feed, a listing page, a sitemap,
or a site discovery has not resolved yet), what platform the site is believed to run, when it last
answered, and how many of its article pages in a row failed extraction.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 12:30:00.000000
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('feed', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default='feed'))
        batch_op.add_column(sa.Column('platform', sqlmodel.sql.sqltypes.AutoString(), nullable=True))
        batch_op.add_column(sa.Column('last_ok_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('extraction_failures', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('extraction_error', sqlmodel.sql.sqltypes.AutoString(), nullable=True))
    op.execute("UPDATE feed SET last_ok_at = last_polled_at WHERE last_status IN ('ok', 'not modified')")


def downgrade() -> None:
    with op.batch_alter_table('feed', schema=None) as batch_op:
        for column in ('extraction_error', 'extraction_failures', 'last_ok_at', 'platform', 'kind'):
            batch_op.drop_column(column)
