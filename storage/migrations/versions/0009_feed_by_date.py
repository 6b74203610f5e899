"""Feed by publication: an index on each article's date (its publication, else when it was fetched) and id,
and one on the articles that are later copies of a story.

The incoming feed is read newest first by that date a page at a time; with this index a page is a
short range of the index, not a sort of every article. It lists a story once: counting the copies it
leaves out reads the few rows of the partial index, not every article. Made by hand: the models do not describe
expression indexes (storage.migrate leaves it out of model comparisons), and SQLAlchemy cannot reflect
one, so a later migration that rebuilds `article` in batch mode on SQLite must create it again.

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


COPIES = text('story_id != id')


def upgrade() -> None:
    op.create_index('ix_article_dated', 'article', [text('coalesce(published_at, fetched_at)'), 'id'])
    op.create_index('ix_article_story_copies', 'article', ['story_id'], sqlite_where=COPIES, postgresql_where=COPIES)


def downgrade() -> None:
    op.drop_index('ix_article_story_copies', table_name='article')
    op.drop_index('ix_article_dated', table_name='article')
