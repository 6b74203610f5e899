"""Timeline counts kept in step: `timeline_count` and `timeline_share`, their triggers, filled from what is stored.

The timeline read every placed engagement to count it (0.8 s at 1,000,000 articles); it now reads the
counts these tables keep (storage.timeline_counts says how). The statements are imported from
storage.timeline_counts; a later change to them needs a revision of its own.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 15:00:00.000000
"""

from alembic import op

from storage.timeline_counts import create_statements, drop_statements, refill


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    for statement in create_statements(bind.dialect.name):
        op.execute(statement)
    refill(bind)


def downgrade() -> None:
    for statement in drop_statements(op.get_bind().dialect.name):
        op.execute(statement)
