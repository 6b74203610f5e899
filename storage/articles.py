"""Article rows: storing what the poller found, and reading pages of it back by key."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, func, or_, text
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from storage.models import Article, ArticleLink, Feed, utcnow
from storage.stories import assign_story

ARTICLE_FIELDS = ("guid", "url", "title", "published_at", "summary", "body", "extraction_status",
                  "content_hash", "author", "link_key", "language", "signature")
EDITABLE_FIELDS = ("url", "title", "summary", "body", "extraction_status", "content_hash", "author", "language",
                   "signature")


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
    link_key: str | None = None
    language: str | None = None
    entry_hash: str = ""
    signature: str = ""
    bands: tuple[int, ...] = ()


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
    with Session(engine) as session:
        linked = session.exec(
            select(ArticleLink.guid).where(ArticleLink.feed_id == feed_id, col(ArticleLink.guid).in_(guids))
        )
        direct = session.exec(select(Article.guid).where(Article.feed_id == feed_id, col(Article.guid).in_(guids)))
        return set(linked) | set(direct)


def add_articles(engine: Engine, feed_id: int, articles: list[NewArticle]) -> int:
    """Store the articles that are not stored yet, link every one to this feed, and return how many were new.

    Articles arrive oldest first so that ids follow arrival order. An article already stored under
    the same guid for this feed, or under the same normalised link through any feed (by this process
    or another), is not stored twice: the feed only gets a link row to it. New articles join the
    story of a near-duplicate stored earlier.
    """
    if not articles:
        return 0
    try:
        return _add_articles(engine, feed_id, articles)
    except IntegrityError:
        # Another writer stored one of these links between our look-up and our insert; the
        # second attempt finds it and links to it instead.
        return _add_articles(engine, feed_id, articles)


def _add_articles(engine: Engine, feed_id: int, articles: list[NewArticle]) -> int:
    added = 0
    with Session(engine) as session:
        for new in articles:
            article = _stored(session, feed_id, new)
            if article is None:
                article = Article(feed_id=feed_id, **{name: getattr(new, name) for name in ARTICLE_FIELDS})
                session.add(article)
                session.flush()
                assign_story(session, article, new.bands)
                added += 1
            _link(session, article.id, feed_id, new)
        session.commit()
    return added


def update_articles(engine: Engine, feed_id: int, articles: list[NewArticle], *, mark_unread: bool = False) -> int:
    """Apply upstream edits in place: new text and title, same id, same published date.

    The article stays read if it was read, unless `mark_unread` asks for it to be shown again.
    """
    updated = 0
    with Session(engine) as session:
        for new in articles:
            article = _stored(session, feed_id, new)
            if article is None:
                continue
            for name in EDITABLE_FIELDS:
                setattr(article, name, getattr(new, name))
            article.published_at = article.published_at or new.published_at
            article.updated_at = utcnow()
            if mark_unread:
                article.is_read = False
            session.add(article)
            _link(session, article.id, feed_id, new)
            updated += 1
        session.commit()
    return updated


def _stored(session: Session, feed_id: int, new: NewArticle) -> Article | None:
    linked = session.exec(
        select(Article)
        .join(ArticleLink, col(ArticleLink.article_id) == col(Article.id))
        .where(ArticleLink.feed_id == feed_id, ArticleLink.guid == new.guid)
    ).first()
    if linked is not None:
        return linked
    same = [(col(Article.feed_id) == feed_id) & (col(Article.guid) == new.guid)]
    if new.link_key:
        same.append(col(Article.link_key) == new.link_key)
    return session.exec(select(Article).where(or_(*same))).first()


def _link(session: Session, article_id: int, feed_id: int, new: NewArticle) -> None:
    link = session.exec(
        select(ArticleLink).where(ArticleLink.feed_id == feed_id, ArticleLink.guid == new.guid)
    ).first()
    if link is None:
        link = ArticleLink(article_id=article_id, feed_id=feed_id, guid=new.guid)
    link.entry_hash = new.entry_hash
    session.add(link)


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
