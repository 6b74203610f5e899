"""The indexes of migration 0014 end in `source` too: which row is in force is read from the index as well.

A search keeps a place or an engagement the tagger found only where no analyst placed or coded the article by hand
(storage.search.current_places, storage.timeline.current_engagements), which reads each row's source: with 0014's
indexes every matching row was still read for it (6,600 rows for `kab:36` at 1,000,000 articles, 20 ms).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06 18:30:00.000000
"""

from alembic import op


revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

INDEXES = {
    'placetag': {'ix_placetag_code': ['code'], 'ix_placetag_level_name': ['level', 'name'],
                 'ix_placetag_province': ['province']},
    'engagement': {'ix_engagement_type': ['type'], 'ix_engagement_kabupaten_kota': ['kabupaten_kota'],
                   'ix_engagement_province': ['province']},
}


def _remake(with_source: bool) -> None:
    for table, indexes in INDEXES.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name, columns in indexes.items():
                batch_op.drop_index(name)
                batch_op.create_index(name, [*columns, 'article_id', *(['source'] if with_source else [])],
                                      unique=False)


def upgrade() -> None:
    _remake(with_source=True)


def downgrade() -> None:
    _remake(with_source=False)
