"""Manual tagging: free tags, articles marked not relevant, and the audit log of manual changes.

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-28 07:57:35.334907
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0003'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('articletag',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('tag', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('article_id', 'tag', name='uq_articletag_article_tag')
    )
    with op.batch_alter_table('articletag', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_articletag_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_articletag_tag'), ['tag'], unique=False)

    op.create_table('notrelevant',
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id')
    )
    op.create_table('tagaudit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('action', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('field', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('old_value', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('new_value', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('undo', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('reverted_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('tagaudit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tagaudit_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_tagaudit_created_by'), ['created_by'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('tagaudit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tagaudit_created_by'))
        batch_op.drop_index(batch_op.f('ix_tagaudit_article_id'))

    op.drop_table('tagaudit')
    op.drop_table('notrelevant')
    with op.batch_alter_table('articletag', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_articletag_tag'))
        batch_op.drop_index(batch_op.f('ix_articletag_article_id'))

    op.drop_table('articletag')
