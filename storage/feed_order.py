"""The orders the incoming feed is read in, and how a page goes on where the one before ended.

By publication (the default): newest first by the article's own date, or by when it was fetched
when it has none, read from an index on that expression (migration 0009). By arrival: newest id
first, the order articles were stored in. Either way a page starts below the key of the last row
of the page before (keyset paging), or, for a page far down whose neighbours were never read, at an
offset; rows are always ordered by id after the date, so the key is unique.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, String, and_, func, literal, tuple_, type_coerce
from sqlmodel import col

from storage.models import Article

if TYPE_CHECKING:
    from storage.articles import ArticleRow

DATED = func.coalesce(col(Article.published_at), col(Article.fetched_at))
"""An article's date for ordering: its publication, else when it was fetched."""
DATED_KEY = type_coerce(DATED, String)
"""The same date as the database holds it, for page keys: SQLite keeps dates as text, not always written alike
(with microseconds or without), and a key must compare with the stored text exactly."""
DATED_INDEX = "ix_article_dated"


@dataclass(frozen=True)
class FeedOrder:
    """One order of the feed: its name in the settings, and whether the date leads the key."""

    name: str
    by_date: bool
    label: str

    def key_of(self, row: "ArticleRow") -> tuple:
        """Where `row` stands in this order: what the next page starts below."""
        return (row.dated_key, row.id) if self.by_date else (row.id,)

    def columns(self, ids: ColumnElement = col(Article.id), dated: ColumnElement = DATED) -> list[ColumnElement]:
        """The key's columns; `dated` may be a copy of the article's date kept elsewhere (a place tag's `dated_at`)."""
        return [dated, ids] if self.by_date else [ids]

    def newest_first(self, ids: ColumnElement = col(Article.id), dated: ColumnElement = DATED) -> list[ColumnElement]:
        return [column.desc() for column in self.columns(ids, dated)]

    def below(self, key: tuple, ids: ColumnElement = col(Article.id),
              dated: ColumnElement = DATED) -> ColumnElement[bool]:
        """Rows after `key` in this order (older)."""
        if not self.by_date:
            return ids < key[0]
        return and_(dated <= _dated(key), tuple_(*self.columns(ids, dated)) < _key(key))

    def from_(self, key: tuple, ids: ColumnElement = col(Article.id)) -> ColumnElement[bool]:
        """Rows at `key` or before it in this order (newer): with `below`, a stretch of the index."""
        if not self.by_date:
            return ids >= key[0]
        return and_(DATED >= _dated(key), tuple_(*self.columns(ids)) >= _key(key))


def _key(key: tuple) -> ColumnElement:
    if len(key) == 1:
        return literal(key[0])
    return tuple_(_dated(key), key[1])


def _dated(key: tuple) -> ColumnElement:
    """The key's date, beside the (date, id) pair it starts: SQLite reads a comparison of that pair on the index
    as a filter only, and would scan the index to its end (a million entries: 85 ms) for a stretch's lower bound;
    the date alone bounds the range it reads."""
    return literal(key[0], String if isinstance(key[0], str) else DATED.type)  # text on SQLite only


PUBLISHED = FeedOrder("published", True, "by publication")
ARRIVAL = FeedOrder("arrival", False, "by arrival")
ORDERS = {order.name: order for order in (PUBLISHED, ARRIVAL)}


def ordered_page(query, order: FeedOrder, limit: int, before: tuple | None = None, ceiling: int | None = None,
                 offset: int = 0, ids: ColumnElement = col(Article.id)):
    """`query` (a `rows_select`) cut to one page: articles stored up to `ceiling`, after `before` or from `offset`."""
    if ceiling is not None:
        query = query.where(ids <= ceiling)
    if before is not None:
        query = query.where(order.below(before, ids))
    query = query.order_by(*order.newest_first(ids)).limit(limit)
    return query.offset(offset) if offset else query
