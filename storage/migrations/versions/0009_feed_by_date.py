"""Feed by publication: an index on each article's date (its publication, else when it was fetched) and id.

The incoming feed is read newest first by that date a page at a time; with this index a page is a
short range of the index, not a sort of every article. Made by hand: the models do not describe
expression indexes (storage.migrate leaves it out of model comparisons).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 10:00:00.000000
"""

from alembic import op
from sqlalchemy import text


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_article_dated', 'article', [text('coalesce(published_at, fetched_at)'), 'id'])


def downgrade() -> None:
    op.drop_index('ix_article_dated', table_name='article')
