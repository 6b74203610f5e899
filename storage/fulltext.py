"""Full-text search over article title and body, one query language on both backends.

Queries are written in SQLite FTS5 syntax (terms, "phrases", OR, AND, NOT, prefix*, brackets).
SQLite runs them as they are against the FTS5 table; on PostgreSQL `fts5_to_tsquery` turns them
into a `to_tsquery('simple', ...)` over a stored document and its GIN index, so the same query finds the same
articles on both.
"""

import re

from sqlalchemy import Connection, Engine, TextClause, bindparam, text

SQLITE_SEARCH_DDL = (
    """CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5(
        title, body, content='article', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER IF NOT EXISTS article_fts_insert AFTER INSERT ON article BEGIN
        INSERT INTO article_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
    """CREATE TRIGGER IF NOT EXISTS article_fts_delete AFTER DELETE ON article BEGIN
        INSERT INTO article_fts(article_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
    END""",
    """CREATE TRIGGER IF NOT EXISTS article_fts_update AFTER UPDATE OF title, body ON article BEGIN
        INSERT INTO article_fts(article_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO article_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
)

PG_BASELINE_SEARCH_DDL = (
    "CREATE INDEX IF NOT EXISTS ix_article_search ON article USING gin "
    "((to_tsvector('simple'::regconfig, article.title || ' ' || article.body)))",
)
"""The search index as the baseline migration made it: on the expression, replaced by migration 0013."""

PG_DOCUMENT = "article.search_document"
"""Each article's `to_tsvector('simple', title || ' ' || body)`, stored when the article is (migration 0013): the
GIN index is on it, and rows the index cannot settle alone (phrases, negations) are checked against it, not
parsed again."""

PG_SEARCH_DDL = (
    "CREATE INDEX IF NOT EXISTS ix_article_search ON article USING gin (search_document)",
)

SQLITE_REBUILD = "INSERT INTO article_fts(article_fts) VALUES ('rebuild')"

SQLITE_WORDS_DDL = ("CREATE VIRTUAL TABLE IF NOT EXISTS temp.article_fts_words "
                    "USING fts5vocab(main, article_fts, 'instance')")
"""The index's own words, a row for each place a word is written: made on every SQLite connection (storage.engine) as
a temporary table, so nothing is stored and a read-only database has it too. Rows by instance, not a row per word: a
word's row counts its articles, which read the word's whole list (18 ms for `buruh`, in half of 1,000,000
articles), where its first instance is read at once."""

_TOKEN = re.compile(r'"[^"]*"\*?|\(|\)|[^\s()"]+')
_WORD = re.compile(r"\w+")
_OPERATORS = {"OR": "|", "AND": "&", "NOT": "& !"}


class SearchSyntaxError(ValueError):
    """A query that neither backend can run, worded for the analyst."""


def fts5_to_tsquery(query: str) -> str:
    """The `to_tsquery('simple', ...)` text for an FTS5 query: implicit AND, phrases as `<->`."""
    parts: list[str] = []
    for token in _TOKEN.findall(query):
        if token in _OPERATORS:
            if not parts or parts[-1] in ("(", "&", "|", "& !"):
                raise SearchSyntaxError(f"{token} needs a term before it: {query!r}")
            parts.append(_OPERATORS[token])
            continue
        operand = "(" if token == "(" else ")" if token == ")" else _operand(token)
        if operand is None:
            continue
        if operand != ")" and parts and parts[-1] not in ("(", "&", "|", "& !"):
            parts.append("&")
        parts.append(operand)
    if not parts or parts[-1] in ("&", "|", "& !"):
        raise SearchSyntaxError(f"nothing to search for in {query!r}")
    return " ".join(parts)


def _operand(token: str) -> str | None:
    """A word, a "phrase", or either ending in `*` (its last word a prefix: `"polres ko"*`)."""
    prefix = token.endswith("*")
    words = [word.lower() for word in _WORD.findall(token)]
    if not words:
        return None
    lexemes = [f"'{word}'" for word in words]
    if prefix:
        lexemes[-1] += ":*"
    return lexemes[0] if len(lexemes) == 1 else "(" + " <-> ".join(lexemes) + ")"


def matches(dialect_name: str, query: str) -> TextClause:
    """A WHERE clause on `article` for an FTS5 query, for building larger searches on either backend."""
    if dialect_name == "postgresql":
        clause = f"{PG_DOCUMENT} @@ to_tsquery('simple'::regconfig, :fts_query)"
        return text(clause).bindparams(fts_query=fts5_to_tsquery(query))
    clause = "article.id IN (SELECT rowid FROM article_fts WHERE article_fts MATCH :fts_query)"
    return text(clause).bindparams(fts_query=query)


def pg_checks(query: str) -> TextClause:
    """PostgreSQL: the stored document matches an FTS5 query, written as the function the `@@` operator calls, so the
    planner checks it in each article read and never asks the index for it (see storage.search `_pg_probe`)."""
    clause = f"ts_match_vq({PG_DOCUMENT}, to_tsquery('simple'::regconfig, :fts_query))"
    return text(clause).bindparams(bindparam("fts_query", value=fts5_to_tsquery(query), unique=True))


def index_matches(query: str) -> TextClause:
    """SQLite only: MATCH on the FTS5 table itself, for searches that read the index before the articles.

    The bind name is unique, so several can sit in one statement.
    """
    return text("article_fts MATCH :fts_query").bindparams(bindparam("fts_query", value=query, unique=True))


def has_match(connection: Connection, dialect_name: str, query: str) -> bool:
    """Whether any article matches an FTS5 query: the index answers from its first entry.

    On PostgreSQL a word its statistics list as common is there (`pg_word_shares`). Otherwise the index must be
    read: for one row the planner would rather scan the articles until one matches, which for a word no article has
    (a word half typed, `bur`) reads every article. Its scans other than from the index are turned off for the rest
    of the caller's transaction (SET LOCAL), which the caller ends. (Read from the index, a common word would cost
    its whole list of articles: 125 ms for a word in half of 1,000,000.)"""
    if dialect_name == "postgresql":
        words = _WORD.findall(query)
        if len(words) == 1 and not query.endswith("*") and words[0].lower() in pg_word_shares(connection):
            return True
        connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
        connection.exec_driver_sql("SET LOCAL enable_indexscan = off")
        statement = text(f"SELECT 1 FROM article WHERE {PG_DOCUMENT} @@ to_tsquery('simple'::regconfig, :query) LIMIT 1")
        return connection.execute(statement, {"query": fts5_to_tsquery(query)}).first() is not None
    statement = text("SELECT 1 FROM article_fts WHERE article_fts MATCH :query LIMIT 1")
    return connection.execute(statement, {"query": query}).first() is not None


def pg_word_shares(connection: Connection) -> dict[str, float]:
    """PostgreSQL: the share of articles holding each of the most common words of the stored documents, as ANALYZE
    last sampled them (pg_stats). A word not listed is rarer than every listed one. Empty before the first ANALYZE."""
    row = connection.exec_driver_sql(
        "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats"
        " WHERE schemaname = current_schema() AND tablename = 'article' AND attname = 'search_document'").first()
    if row is None or row[0] is None:
        return {}
    return dict(zip(row[0], row[1]))


def pg_share(shares: dict[str, float], text: str, prefix: bool) -> float:
    """At most the share of articles that hold `text` (a word or a phrase; its last word only the start of a word
    with `prefix`), by `pg_word_shares`: its rarest word's share, 0 for a word rarer than any listed."""
    words = [word.lower() for word in _WORD.findall(text)]

    def share(word: str, starts: bool) -> float:
        if starts:
            return min(1.0, sum(value for listed, value in shares.items() if listed.startswith(word)))
        return shares.get(word, 0.0)

    return min((share(word, prefix and n == len(words) - 1) for n, word in enumerate(words)), default=1.0)


def words_starting(connection: Connection, prefix: str, limit: int) -> list[str] | None:
    """SQLite: the words of the index that start with `prefix` (lower case, as the index keeps them), or None
    when more than `limit` do. Each is read from its first instance, skipping to the next word after it (a word
    followed by \\x01 sorts after it and before any longer word: the index keeps letters and digits only)."""
    after = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    statement = text("SELECT term FROM temp.article_fts_words WHERE term >= :start AND term < :after LIMIT 1")
    words: list[str] = []
    start = prefix
    while len(words) <= limit:
        word = connection.execute(statement, {"start": start, "after": after}).scalar()
        if word is None:
            return words
        words.append(word)
        start = word + "\x01"
    return None


def search_ids(engine: Engine, fts_query: str, limit: int = 200) -> list[int]:
    """Article ids matching an FTS5 query over title and body, best match first."""
    if engine.dialect.name == "postgresql":
        statement = text(
            f"SELECT id FROM article WHERE {PG_DOCUMENT} @@ to_tsquery('simple'::regconfig, :query)"
            f" ORDER BY ts_rank({PG_DOCUMENT}, to_tsquery('simple'::regconfig, :query)) DESC, id LIMIT :limit"
        )
        parameters = {"query": fts5_to_tsquery(fts_query), "limit": limit}
    else:
        statement = text("SELECT rowid FROM article_fts WHERE article_fts MATCH :query ORDER BY rank LIMIT :limit")
        parameters = {"query": fts_query, "limit": limit}
    with engine.connect() as connection:
        return [row[0] for row in connection.execute(statement, parameters)]


def rebuild_index(engine: Engine) -> None:
    """Re-read every article into the SQLite FTS5 table (after a bulk copy); PostgreSQL's index needs nothing."""
    if engine.dialect.name == "sqlite":
        with engine.begin() as connection:
            connection.execute(text(SQLITE_REBUILD))
