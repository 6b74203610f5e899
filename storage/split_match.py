"""A costly full-text match read as two halves of the id range at once, each on its own SQLite connection.

A phrase or an excluded word makes FTS5 read whole word lists whatever the LIMIT: `buruh "unjuk rasa" -mogok` at
1,000,000 articles reads the lists of four words found in half to nearly all of them (~38 ms on one core). SQLite
lets go of Python's lock while it reads, so two connections read two halves of the ids side by side: ~20 ms on the
desk's two cores, and what one reading costs when the other core is busy. The halves are separate reads: an article
stored between them may be in one and not the other, as it may be between any two statements of a search.
"""

import os
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import Connection, Engine, TextClause, text

SPLIT_FROM = 200_000
"""Ids in the range before it is split: below, one reading costs a few ms and a thread's hand-over ~0.2 ms."""
PARTS = min(2, os.cpu_count() or 1)
"""Readings at once: two where the machine has two cores, one on a single core (nothing to gain there)."""
_HELPER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pantau-match")
"""Reads the upper halves; its thread starts with the first split match."""

_MATCHES = "SELECT rowid FROM article_fts WHERE article_fts MATCH :words{} LIMIT :wanted"
_WHOLE, _LOWER, _UPPER = (text(_MATCHES.format(bound)) for bound in ("", " AND rowid <= :middle", " AND rowid > :middle"))


def matching_ids(connection: Connection, words: str, highest: int, limit: int) -> list[int]:
    """The ids of up to `limit` articles whose text matches `words` (an FTS5 query), lowest first: read as two halves
    at once, below and above half of `highest` (the newest id), when that is SPLIT_FROM or more and there are PARTS
    cores; else in one reading on `connection`."""
    arguments = {"words": words, "wanted": limit, "middle": highest // 2}
    if PARTS < 2 or highest < SPLIT_FROM:
        return _read(connection, _WHOLE, arguments)
    upper = _HELPER.submit(_read_apart, connection.engine, arguments)
    lower = _read(connection, _LOWER, arguments)
    return (lower + upper.result())[:limit]


def _read(connection: Connection, statement: TextClause, arguments: dict) -> list[int]:
    return list(connection.execute(statement, arguments).scalars())


def _read_apart(engine: Engine, arguments: dict) -> list[int]:
    with engine.connect() as connection:
        return _read(connection, _UPPER, arguments)
