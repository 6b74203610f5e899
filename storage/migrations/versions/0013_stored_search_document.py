"""PostgreSQL: each article's text-search document stored in a column (`search_document`), the GIN index on it.

The GIN index was on an expression, `to_tsvector('simple', title || ' ' || body)`, so every row the index could
not settle alone was re-read and its document worked out afresh from the whole text: a phrase (`"unjuk rasa"`,
positions the index does not keep), a negated word, and any check of rows reached another way (walking the date
index newest first). At 100,000 articles `buruh "unjuk rasa"` took 2 s for its first page and 13 s to count:
51,000 texts parsed again. A stored generated column is worked out once, when the article is stored or its title
or body change, and read back from then on (storage.fulltext.PG_DOCUMENT).

Adding the column rewrites the article table once and works out every document: minutes on a desk of a million
articles. SQLite is untouched (its FTS5 table keeps what it needs).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 18:20:00.000000
"""

from alembic import op

from storage.fulltext import PG_BASELINE_SEARCH_DDL

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

DOCUMENT = "to_tsvector('simple'::regconfig, title || ' ' || body)"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"ALTER TABLE article ADD COLUMN search_document tsvector GENERATED ALWAYS AS ({DOCUMENT}) STORED")
    op.execute("DROP INDEX IF EXISTS ix_article_search")
    op.execute("CREATE INDEX ix_article_search ON article USING gin (search_document)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_article_search")
    op.execute("ALTER TABLE article DROP COLUMN search_document")
    for statement in PG_BASELINE_SEARCH_DDL:
        op.execute(statement)
