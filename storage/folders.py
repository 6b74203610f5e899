"""Folders: the whole feed, the starred articles and every saved search, each with how many articles it holds
and how many of them are unread, as newsreaders show their feeds and folders."""

from dataclasses import dataclass
from datetime import timezone, tzinfo

from sqlalchemy import ColumnElement, Engine, func, select
from sqlmodel import Session, col

from storage.manual_tags import relevant
from storage.models import Article
from storage.saved_searches import saved_searches
from storage.search import SearchSource
from storage.search_parser import QuerySyntaxError, parse_query

BUILT_IN = (("All articles", ""), ("Starred", "is:starred"))
"""Folders every desk has: (name, query); the empty query is the whole feed."""


@dataclass(frozen=True)
class Folder:
    """A named query and its counts now; `problem` says why a saved query no longer parses (counts are 0)."""

    name: str
    query: str
    total: int
    unread: int
    saved: bool
    problem: str = ""


def folders(engine: Engine, zone: tzinfo = timezone.utc) -> list[Folder]:
    """The built-in folders, then every saved search by name, counted now."""
    named = [(name, query, False) for name, query in BUILT_IN]
    named += [(saved.name, saved.query, True) for saved in saved_searches(engine)]
    return [_counted(engine, zone, name, query, saved) for name, query, saved in named]


def _counted(engine: Engine, zone: tzinfo, name: str, query: str, saved: bool) -> Folder:
    if not query:
        return Folder(name, query, *_counts(engine, relevant()), saved)
    try:
        matching = SearchSource(engine, parse_query(query), zone).matching()
    except QuerySyntaxError as error:
        return Folder(name, query, 0, 0, saved, error.message)
    return Folder(name, query, *_counts(engine, matching), saved)


def _counts(engine: Engine, matching: ColumnElement[bool]) -> tuple[int, int]:
    """(articles, unread articles) meeting `matching`, in one query."""
    unread = func.count().filter(col(Article.is_read).is_(False))
    with Session(engine) as session:
        total, unread_count = session.execute(select(func.count(), unread).select_from(Article).where(matching)).one()
    return total, unread_count
