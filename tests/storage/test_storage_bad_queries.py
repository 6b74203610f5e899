"""Malformed and hostile search queries: a worded QuerySyntaxError, or a harmless search; never SQL from user text.

Each query that parses is run on both backends while every statement is recorded: the statement
text never holds the user's words (they are bound parameters), every full-text expression is made
of quoted strings, plain barewords and Pantau's own operators, and the tables hold what they held.
"""

import re

import pytest
from sqlalchemy import event, func, select
from sqlmodel import SQLModel

from storage import fulltext
from storage.search import SearchSource
from storage.search_parser import MAX_QUERY_LENGTH, QuerySyntaxError, parse_query
from tests.tui.tui_support import fill

MALFORMED = {
    "since:yesterdayish": "is not a date",
    "until:2025-13-45": "is not a date",
    "until:9999-12-31": "out of range",
    "since:0001-01-01": "out of range",
    "since:9999y": "`9999y`",
    'buruh "unjuk rasa': "is never closed",
    '"; DROP TABLE article; --': "is never closed",
    "AND": "AND must stand between two terms",
    "OR": "OR must stand between two terms",
    "NOT": "NOT must stand before a word",
    "buruh OR": "OR must stand between two terms",
    "a OR OR b": "OR must stand between two terms",
    "*": "nothing to search for",
    "**": "nothing to search for",
    "()": "nothing to search for",
    '""': "nothing to search for",
    "-": "`-` must be followed by a word",
    "x" * 10_000: f"searches stop at {MAX_QUERY_LENGTH}",
    "kab:": "`kab:` needs a value",
    "title:buruh": "unknown filter `title:`",
    "is:deleted": "`is:deleted` is not known",
    "type:'; DROP TABLE engagement; --": "no engagement type",
}


@pytest.mark.parametrize("text", list(MALFORMED), ids=lambda text: text[:30])
def test_malformed_query_is_a_worded_error(text: str):
    with pytest.raises(QuerySyntaxError) as raised:
        parse_query(text)
    assert MALFORMED[text] in raised.value.message
    assert 0 <= raised.value.position <= len(text)


HOSTILE = [
    "' OR 1=1 --",
    "buruh' OR '1'='1",
    "1; DELETE FROM feed",
    "NEAR",
    "NEAR(buruh polisi)",
    "buruh NEAR polisi",
    "^buruh",
    "bu*ruh",
    "buruh*",
    "title:buruh OR body:polisi".replace("title:", "").replace("body:", ""),
    'feed:"%"',
    "kab:_",
    "actor:\"'); DROP TABLE actor; --\"",
    "tag:'; DROP TABLE articletag; --",
    '"unjuk rasa" -"; DELETE FROM article"',
    "-ojek buruh",
    "since:0d until:2199-12-31",
]


@pytest.fixture
def desk(engine):
    fill(engine, ["Buruh dan polisi berdialog di Serang", "Unjuk rasa buruh di Cilegon", "Ojek daring mogok"])
    return engine


def _counts(engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
                for table in SQLModel.metadata.sorted_tables}


@pytest.fixture
def fts_expressions(monkeypatch) -> list[str]:
    """Every full-text expression the search hands to storage.fulltext (MATCH on SQLite, on the article or
    on the index alone; to_tsquery on PostgreSQL)."""
    seen: list[str] = []
    matches, index_matches = fulltext.matches, fulltext.index_matches

    def recording(dialect_name: str, query: str):
        seen.append(query)
        return matches(dialect_name, query)

    def recording_index(query: str):
        seen.append(query)
        return index_matches(query)

    monkeypatch.setattr(fulltext, "matches", recording)
    monkeypatch.setattr(fulltext, "index_matches", recording_index)
    return seen


_SAFE_FTS_PART = re.compile(r'"(?:[^"]|"")*"\*?|[A-Za-z0-9_]+\*?|\b(?:AND|OR|NOT)\b|\(|\)')
"""Quoted strings (a prefix's `*` after the closing quote), barewords, operators and brackets: nothing else."""


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_query_runs_bound_and_quoted(desk, fts_expressions: list[str], text: str):
    statements: list[str] = []
    event.listen(desk, "before_cursor_execute", lambda _c, _cur, statement, *_rest: statements.append(statement))
    before = _counts(desk)
    source = SearchSource(desk, parse_query(text))
    assert source.count() >= 0
    source.page(50, None)
    assert _counts(desk) == before
    user_words = set(re.findall(r"[A-Za-z]{5,}", text)) - {"DELETE", "TABLE", "article", "actor", "articletag"}
    assert not any(word in statement for word in user_words for statement in statements)
    for expression in fts_expressions:
        rest = _SAFE_FTS_PART.sub(" ", expression)
        assert rest.strip() == "", f"unquoted FTS5 syntax in {expression!r}: {rest!r}"


def test_match_receives_user_words_quoted(desk, fts_expressions: list[str]):
    """The query ends in a word some article starts with: on PostgreSQL a typed word that starts none ends the
    search before any expression is made."""
    SearchSource(desk, parse_query("buruh' OR '1'='1 NEAR(x) unj")).count()
    quoted, typed = fts_expressions[-1].rsplit(" AND ", 1)
    assert quoted == '("buruh\'" OR "\'1\'=\'1") AND "NEAR(x)"'
    assert typed in ("unjuk", "unj*"), "SQLite reads the typed word as the words it starts, PostgreSQL as a prefix"
