"""Every field the tagger computes, stored: ACLED's coding of each engagement (with the sub-event the tagger
reads from the text, such as "Excessive force against protesters"), its trigger spans and notes, the place's
precision and the date's span and weekday conflict; how each place was decided and which is the article's
main place; each actor's faction, full name and confidence, and what each mention says (rank, position, titles).

Engagements stored before this revision get the ACLED coding of their types (`core.vocabulary.acled_coding`,
what `pantau export` computed until now), so an export reads the same rows as before; the fields only the
tagger knows fill in when the articles are tagged again.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 14:00:00.000000
"""

import json

import sqlalchemy as sa
import sqlmodel
from alembic import op

from core.vocabulary import acled_coding

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def _columns() -> dict[str, list[sa.Column]]:
    """New columns by table (new objects each call: a Column belongs to one table)."""
    text = sqlmodel.sql.sqltypes.AutoString
    return {
        'engagement': [
            sa.Column('weekday_conflict', sa.Boolean(), nullable=False, server_default=sa.false()),
            sa.Column('date_span_start', sa.Integer(), nullable=True),
            sa.Column('date_span_end', sa.Integer(), nullable=True),
            sa.Column('place_precision', sa.Integer(), nullable=True),
            sa.Column('triggers', text(), nullable=False, server_default='[]'),
            sa.Column('notes', text(), nullable=False, server_default='[]'),
            sa.Column('acled_disorder_type', text(), nullable=True),
            sa.Column('acled_event_type', text(), nullable=True),
            sa.Column('acled_sub_event_type', text(), nullable=True),
        ],
        'placetag': [
            sa.Column('basis', text(), nullable=True),
            sa.Column('confidence', sa.Float(), nullable=True),
            sa.Column('is_main', sa.Boolean(), nullable=False, server_default=sa.false()),
        ],
        'actor': [
            sa.Column('faction', text(), nullable=True),
            sa.Column('full_name', text(), nullable=True),
        ],
        'actormention': [
            sa.Column('mentions', text(), nullable=False, server_default='[]'),
            sa.Column('confidence', sa.Float(), nullable=True),
        ],
    }


def upgrade() -> None:
    for table, columns in _columns().items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in columns:
                batch_op.add_column(column)
    _code_stored_engagements()


def _code_stored_engagements() -> None:
    """ACLED's coding of every stored engagement from its types: one UPDATE per combination of types there is."""
    engagement = sa.table('engagement', sa.column('type'), sa.column('secondary_types'),
                          sa.column('acled_disorder_type'), sa.column('acled_event_type'),
                          sa.column('acled_sub_event_type'))
    connection = op.get_bind()
    combinations = connection.execute(sa.select(engagement.c.type, engagement.c.secondary_types).distinct()).all()
    for type_id, secondary in combinations:
        coding = acled_coding(type_id, json.loads(secondary or '[]'))
        if coding is not None:
            connection.execute(
                engagement.update()
                .where(engagement.c.type == type_id, engagement.c.secondary_types == secondary)
                .values(acled_disorder_type=coding.disorder_type, acled_event_type=coding.event_type,
                        acled_sub_event_type=coding.sub_event_type)
            )


def downgrade() -> None:
    for table, columns in _columns().items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in reversed(columns):
                batch_op.drop_column(column.name)
