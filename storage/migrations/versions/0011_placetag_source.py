"""An index on who placed an article (`placetag.source`), as engagements have one.

Every search by place asks which articles an analyst placed by hand (storage.search.current_places): without
this index that list was a scan of every place tag, 30 ms at 1,000,000 articles, paid by each statement of a
search that reads its page in stretches.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 16:00:00.000000
"""

from alembic import op


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('placetag', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_placetag_source'), ['source'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('placetag', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_placetag_source'))
