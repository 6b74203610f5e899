"""Article rows: storing what the poller found, and reading pages of it back by key."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, func, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, select

from storage.models import Article, Feed


@dataclass(frozen=True)
class NewArticle:
    """An article as the fetchers hand it to storage."""

    guid: str
    url: str
    title: str
    published_at: datetime | None
    summary: str
    body: str
    extraction_status: str
    content_hash: str
    author: str | None = None


@dataclass(frozen=True)
class ArticleRow:
    """The few columns a list row needs, so paging never loads article bodies."""

    id: int
    title: str
    source: str
    published_at: datetime | None
    is_read: bool
    is_starred: bool


@dataclass(frozen=True)
class ArticleView:
    """An article with its feed's name, for the reader."""

    article: Article
    source: str


def known_guids(engine: Engine, feed_id: int, guids: list[str]) -> set[str]:
    """Which of `guids` are already stored for this feed, so their pages are not fetched again."""
    if not guids:
        return set()
    query = select(Article.guid).where(Article.feed_id == feed_id, col(Article.guid).in_(guids))
    with Session(engine) as session:
        return set(session.exec(query))


def add_articles(engine: Engine, feed_id: int, articles: list[NewArticle]) -> int:
    """Insert the articles that are not stored yet and return how many were new.

    Articles arrive oldest first so that ids follow arrival order; a guid already stored
    for the feed (by this process or another) is skipped by the database itself.
    """
    if not articles:
        return 0
    rows = [{"feed_id": feed_id, **article.__dict__} for article in articles]
    insert = pg_insert if engine.dialect.name == "postgresql" else sqlite_insert
    statement = insert(Article).values(rows).on_conflict_do_nothing(
        index_elements=["feed_id", "guid"]
    )
    with Session(engine) as session:
        result = session.execute(statement)
        session.commit()
        return max(result.rowcount, 0)


def _rows_query():
    return select(
        Article.id,
        Article.title,
        Feed.title,
        Article.published_at,
        Article.is_read,
        Article.is_starred,
    ).join(Feed, col(Feed.id) == col(Article.feed_id))


def _as_rows(result) -> list[ArticleRow]:
    return [ArticleRow(*row) for row in result]


def newest_articles(engine: Engine, limit: int, before_id: int | None = None) -> list[ArticleRow]:
    """A page of the incoming feed, newest arrival first, starting below `before_id`."""
    query = _rows_query().order_by(col(Article.id).desc()).limit(limit)
    if before_id is not None:
        query = query.where(col(Article.id) < before_id)
    with Session(engine) as session:
        return _as_rows(session.exec(query))


def articles_after(engine: Engine, after_id: int) -> list[ArticleRow]:
    """Articles that arrived after `after_id`, newest first: what a live list adds at its top."""
    query = _rows_query().where(col(Article.id) > after_id).order_by(col(Article.id).desc())
    with Session(engine) as session:
        return _as_rows(session.exec(query))


def article_count(engine: Engine) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(Article)).one()


def get_article(engine: Engine, article_id: int) -> ArticleView | None:
    query = (
        select(Article, Feed.title)
        .join(Feed, col(Feed.id) == col(Article.feed_id))
        .where(Article.id == article_id)
    )
    with Session(engine) as session:
        found = session.exec(query).first()
        return ArticleView(article=found[0], source=found[1]) if found else None


def set_read(engine: Engine, article_id: int, read: bool = True) -> None:
    with Session(engine) as session:
        article = session.get(Article, article_id)
        if article is not None and article.is_read != read:
            article.is_read = read
            session.add(article)
            session.commit()


def search_ids(engine: Engine, fts_query: str, limit: int = 200) -> list[int]:
    """Article ids matching an FTS5 query over title and body, best match first."""
    statement = text(
        "SELECT rowid FROM article_fts WHERE article_fts MATCH :query ORDER BY rank LIMIT :limit"
    )
    with Session(engine) as session:
        return [row[0] for row in session.execute(statement, {"query": fts_query, "limit": limit})]
