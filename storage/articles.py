"""Article rows: storing what the poller found, and reading pages of it back by key."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Engine, and_, exists, func, insert, or_, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from storage import fulltext
from storage.feed_order import DATED, DATED_KEY, FeedOrder, ordered_page
from storage.models import Article, ArticleLink, Feed, NotRelevant, utcnow
from storage.manual_tags import relevant
from storage.stories import assign_stories
from storage.writes import begin_write

ARTICLE_FIELDS = ("guid", "url", "title", "published_at", "summary", "body", "extraction_status",
                  "content_hash", "author", "link_key", "language", "signature")
EDITABLE_FIELDS = ("url", "title", "summary", "body", "extraction_status", "content_hash", "author", "language",
                   "signature")


_FIRST = aliased(Article)
OTHER_OUTLETS_COPY = and_(col(Article.story_id) != col(Article.id), exists().where(
    _FIRST.id == col(Article.story_id), _FIRST.feed_id != col(Article.feed_id)))
"""A later copy of a story another feed ran first (storage.stories): the feed shows a story once, under its
first article, with the other outlets counted on its row. Near-copies within one feed stay rows of their own."""
STORY_FIRST = ~OTHER_OUTLETS_COPY
COPIES_BY_KEY = and_(col(Article.story_id) != col(Article.id),
                     select(_FIRST.feed_id).where(_FIRST.id == col(Article.story_id)).scalar_subquery()
                     != col(Article.feed_id))
"""OTHER_OUTLETS_COPY as PostgreSQL counts it (`relevant_count`): the first article's feed read by key for each copy."""


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
    dated_at: datetime | None = None
    """Publication, else fetching time: what the feed's date order sorts by."""
    dated_key: object = None
    """`dated_at` as the database holds it: the key a page by date goes on below (storage.feed_order)."""


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
        # Another writer stored one of these links between our look-up and our insert (possible
        # where the write lock is not taken up front, i.e. not on SQLite); the second attempt
        # finds it and links to it instead.
        return _add_articles(engine, feed_id, articles)


def _add_articles(engine: Engine, feed_id: int, articles: list[NewArticle]) -> int:
    """Core statements and batched look-ups: a feed's 25 articles cost a handful of queries, not
    a few hundred ORM round trips."""
    with Session(engine) as session:
        begin_write(session)
        known = _stored_ids(session, feed_id, articles)
        fresh: list[NewArticle] = []
        pending: dict[tuple, int] = {}  # identity -> position in `fresh`, for repeats within the batch
        for new in articles:
            if _identity(feed_id, new, known) is None and _identity(feed_id, new, pending) is None:
                pending.update(dict.fromkeys(_keys(feed_id, new), len(fresh)))
                fresh.append(new)
        ids = _insert(session, feed_id, fresh)
        known.update({key: ids[position] for key, position in pending.items()})
        assign_stories(session, list(zip(ids, fresh)))
        _upsert_links(session, feed_id, [(_identity(feed_id, new, known), new) for new in articles])
        session.commit()
        return len(fresh)


def _keys(feed_id: int, new: NewArticle) -> list[tuple]:
    keys = [("guid", feed_id, new.guid)]
    return keys + [("link", new.link_key)] if new.link_key else keys


def _identity(feed_id: int, new: NewArticle, known: dict[tuple, int]) -> int | None:
    return next((known[key] for key in _keys(feed_id, new) if key in known), None)


def _stored_ids(session: Session, feed_id: int, articles: list[NewArticle]) -> dict[tuple, int]:
    """Stored article ids by ("guid", feed, guid) — through link rows or the article's own — and by ("link", key)."""
    guids = [new.guid for new in articles]
    link_keys = [new.link_key for new in articles if new.link_key]
    found: dict[tuple, int] = {}
    linked = select(ArticleLink.guid, ArticleLink.article_id).where(
        ArticleLink.feed_id == feed_id, col(ArticleLink.guid).in_(guids)
    )
    own = select(Article.guid, Article.id).where(Article.feed_id == feed_id, col(Article.guid).in_(guids))
    for guid, article_id in [*session.execute(own), *session.execute(linked)]:
        found[("guid", feed_id, guid)] = article_id
    if link_keys:
        for link_key, article_id in session.execute(
            select(Article.link_key, Article.id).where(col(Article.link_key).in_(link_keys))
        ):
            found[("link", link_key)] = article_id
    return found


def _insert(session: Session, feed_id: int, fresh: list[NewArticle]) -> list[int]:
    """Insert `fresh` in order and return their ids, read back by (feed, guid), which is unique.

    One executemany and one look-up: SQLite cannot return ids in parameter order from a
    many-row insert, so `RETURNING` would cost a statement per article.
    """
    if not fresh:
        return []
    now = utcnow()
    rows = [{"feed_id": feed_id, "fetched_at": now, **{name: getattr(new, name) for name in ARTICLE_FIELDS}}
            for new in fresh]
    session.connection().execute(insert(Article.__table__), rows)
    guids = [new.guid for new in fresh]
    ids = dict(session.execute(
        select(Article.guid, Article.id).where(Article.feed_id == feed_id, col(Article.guid).in_(guids))
    ).all())
    return [ids[guid] for guid in guids]


def _upsert_links(session: Session, feed_id: int, pairs: list[tuple[int, NewArticle]]) -> None:
    rows = [{"article_id": article_id, "feed_id": feed_id, "guid": new.guid, "entry_hash": new.entry_hash,
             "first_seen_at": utcnow()} for article_id, new in pairs]
    if not rows:
        return
    dialect_insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = dialect_insert(ArticleLink)
    statement = statement.on_conflict_do_update(
        index_elements=["feed_id", "guid"], set_={"entry_hash": statement.excluded.entry_hash}
    )
    session.execute(statement, rows)


def update_articles(engine: Engine, feed_id: int, articles: list[NewArticle], *, mark_unread: bool = False) -> int:
    """Apply upstream edits in place: new text and title, same id, same published date.

    The article stays read if it was read, unless `mark_unread` asks for it to be shown again.
    """
    updated = 0
    with Session(engine) as session:
        begin_write(session)
        known = _stored_ids(session, feed_id, articles)
        for new in articles:
            article_id = _identity(feed_id, new, known)
            article = session.get(Article, article_id) if article_id is not None else None
            if article is None:
                continue
            for name in EDITABLE_FIELDS:
                setattr(article, name, getattr(new, name))
            article.published_at = article.published_at or new.published_at
            article.updated_at = utcnow()
            if mark_unread:
                article.is_read = False
            session.add(article)
            updated += 1
        session.flush()
        _upsert_links(session, feed_id, [(_identity(feed_id, new, known), new) for new in articles
                                         if _identity(feed_id, new, known) is not None])
        session.commit()
    return updated


def rows_select(articles=Article):
    """`SELECT` of the columns an `ArticleRow` holds, the article joined to its feed, for building queries on;
    `articles` is what to read the articles from (a join that leads to them, say)."""
    return select(
        Article.id,
        Article.title,
        Feed.title,
        Article.published_at,
        Article.is_read,
        Article.is_starred,
        DATED.label("dated_at"),
        DATED_KEY.label("dated_key"),
    ).select_from(articles).join(Feed, col(Feed.id) == col(Article.feed_id))


def as_rows(result) -> list[ArticleRow]:
    """The rows of a `rows_select` statement's result as ArticleRows."""
    return [ArticleRow(*row) for row in result]


def newest_articles(engine: Engine, limit: int, before_id: int | None = None) -> list[ArticleRow]:
    """A page of the incoming feed, newest arrival first, starting below `before_id`; articles marked
    not relevant are left out."""
    query = rows_select().where(relevant()).order_by(col(Article.id).desc()).limit(limit)
    if before_id is not None:
        query = query.where(col(Article.id) < before_id)
    with Session(engine) as session:
        return as_rows(session.exec(query))


def feed_page(engine: Engine, order: FeedOrder, limit: int, before: tuple | None = None,
              ceiling: int | None = None, offset: int = 0) -> list[ArticleRow]:
    """A page of the incoming feed in `order` (storage.feed_order), articles marked not relevant left out."""
    with Session(engine) as session:
        return as_rows(session.exec(feed_query(order, limit, before, ceiling, offset)))


def feed_query(order: FeedOrder, limit: int, before: tuple | None = None, ceiling: int | None = None,
               offset: int = 0):
    """The statement `feed_page` runs."""
    return ordered_page(rows_select().where(relevant(), STORY_FIRST), order, limit, before, ceiling, offset)


def newest_id(engine: Engine) -> int:
    """The highest article id: a feed read now holds the articles up to it, later ones arrive on top."""
    with Session(engine) as session:
        return session.exec(select(func.max(Article.id))).one() or 0


def articles_after(engine: Engine, after_id: int) -> list[ArticleRow]:
    """Relevant articles that arrived after `after_id`, newest first, each story once: what a live list adds at
    its top."""
    query = rows_select().where(col(Article.id) > after_id, relevant(), STORY_FIRST).order_by(col(Article.id).desc())
    with Session(engine) as session:
        return as_rows(session.exec(query))


def article_count(engine: Engine) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(Article)).one()


def relevant_count(engine: Engine) -> int:
    """How many rows the default feed holds: every story once (its first article), less those marked not
    relevant; counted from indexes (articles, marks, later copies of stories, marked copies).

    On PostgreSQL the copies are read from their partial index (ix_article_story_copies) and each checked against
    its story's first article by key, whatever the planner thinks: it cannot estimate `story_id != id` (two
    columns of one row) and takes it for nearly every article, so it read the whole table and hashed it to join the
    first articles (1.5 s at 1,000,000 articles, which hold no copy; now 58 ms, the articles' own count) and
    compiled that plan (JIT, up to 130 ms)."""
    copies = OTHER_OUTLETS_COPY
    with Session(engine) as session:
        hidden = session.exec(select(func.count()).select_from(NotRelevant)).one()
        every = session.exec(select(func.count()).select_from(Article)).one()
        if engine.dialect.name == "postgresql":
            connection = session.connection()
            for setting in ("enable_seqscan = off", "jit = off", "max_parallel_workers_per_gather = 0"):
                connection.exec_driver_sql(f"SET LOCAL {setting}")
            copied = session.exec(select(func.count()).select_from(Article).where(COPIES_BY_KEY)).one()
        else:
            copied = session.exec(select(func.count()).select_from(Article).where(copies)).one()
        hidden_copies = session.exec(select(func.count()).select_from(NotRelevant)
                                     .join(Article, col(Article.id) == col(NotRelevant.article_id)).where(copies)).one()
        return every - hidden - copied + hidden_copies


def article_title(engine: Engine, article_id: int) -> str | None:
    """The article's title alone (None when it is gone): what a notification names it by."""
    with Session(engine) as session:
        return session.exec(select(Article.title).where(Article.id == article_id)).first()


def get_article(engine: Engine, article_id: int) -> ArticleView | None:
    return get_articles(engine, [article_id]).get(article_id)


def get_articles(engine: Engine, article_ids: Sequence[int]) -> dict[int, ArticleView]:
    """The articles of `article_ids` that exist, by id, in one query: the reader reads the next ones with the one shown."""
    if not article_ids:
        return {}
    query = (
        select(Article, Feed.title)
        .join(Feed, col(Feed.id) == col(Article.feed_id))
        .where(col(Article.id).in_(list(article_ids)))
    )
    with Session(engine) as session:
        return {article.id: ArticleView(article=article, source=source) for article, source in session.exec(query)}


def set_read(engine: Engine, article_id: int, read: bool = True) -> None:
    with Session(engine) as session:
        article = session.get(Article, article_id)
        if article is not None and article.is_read != read:
            article.is_read = read
            session.add(article)
            session.commit()


def mark_feed_read(engine: Engine, ceiling: int, arrivals: Sequence[int] = ()) -> int:
    """Mark read every relevant article stored up to `ceiling`, and `arrivals`: the whole feed as shown."""
    return mark_read_where(engine, relevant(), ceiling, arrivals)


def mark_read_where(engine: Engine, condition: ColumnElement[bool], ceiling: int, arrivals: Sequence[int] = ()) -> int:
    """Mark read the unread articles meeting `condition` that are stored up to `ceiling` or among `arrivals`;
    how many were marked."""
    shown = or_(col(Article.id) <= ceiling, col(Article.id).in_(list(arrivals)))
    statement = (update(Article).where(condition, shown, col(Article.is_read).is_(False))
                 .values(is_read=True).execution_options(synchronize_session=False))
    with Session(engine) as session:
        begin_write(session)
        marked = session.execute(statement).rowcount
        session.commit()
        return marked


def search_ids(engine: Engine, fts_query: str, limit: int = 200) -> list[int]:
    """Article ids matching an FTS5 query over title and body, best match first (either backend)."""
    return fulltext.search_ids(engine, fts_query, limit)
