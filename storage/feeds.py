"""Feed rows: what to poll, and what the last poll said."""

from datetime import datetime

from sqlalchemy import Engine, func, or_
from sqlmodel import Session, col, select

from storage.models import Feed, utcnow
from storage.writes import begin_write


def add_feed(
    engine: Engine,
    url: str,
    title: str = "",
    site: str = "",
    poll_interval_s: int | None = None,
    *,
    kind: str = "feed",
    platform: str | None = None,
) -> Feed:
    """Add a source (a feed unless `kind` says otherwise), or re-enable and return the one already stored
    under that address."""
    with Session(engine) as session:
        feed = session.exec(select(Feed).where(Feed.url == url)).first()
        if feed is None:
            feed = Feed(url=url, title=title, site=site, poll_interval_s=poll_interval_s, kind=kind, platform=platform)
        else:
            feed.enabled = True
            feed.muted = False
            feed.poll_interval_s = poll_interval_s or feed.poll_interval_s
        session.add(feed)
        session.commit()
        session.refresh(feed)
        return feed


def feed_at(engine: Engine, url: str) -> Feed | None:
    """The source stored under this address, if any."""
    with Session(engine) as session:
        return session.exec(select(Feed).where(Feed.url == url)).first()


def move_feed(engine: Engine, feed_id: int, url: str, site: str = "") -> Feed | None:
    """The feed answers at a new address (a site that moved; the demo's sites on another port): same feed,
    same articles, polled there from now on."""
    with Session(engine) as session:
        feed = session.get(Feed, feed_id)
        if feed is not None:
            feed.url, feed.site = url, site or feed.site
            feed.etag = feed.last_modified = feed.body_hash = None
            feed.next_poll_at = None
            session.add(feed)
            session.commit()
            session.refresh(feed)
        return feed


def _by_url_or_id(url_or_id: str):
    return select(Feed).where(or_(Feed.url == url_or_id, Feed.id == (int(url_or_id) if url_or_id.isdigit() else -1)))


def disable_feed(engine: Engine, url_or_id: str) -> Feed | None:
    """Stop polling a feed; its articles stay. Returns the feed, or None if nothing matched."""
    with Session(engine) as session:
        feed = session.exec(_by_url_or_id(url_or_id)).first()
        if feed is not None:
            feed.enabled = False
            session.add(feed)
            session.commit()
            session.refresh(feed)
        return feed


def enable_feed(engine: Engine, url_or_id: str) -> Feed | None:
    """Poll a feed again: enabled, un-muted (after a 410), failures forgotten and due at once."""
    with Session(engine) as session:
        feed = session.exec(_by_url_or_id(url_or_id)).first()
        if feed is not None:
            feed.enabled, feed.muted = True, False
            feed.consecutive_failures, feed.failure_weight = 0, 0.0
            feed.next_poll_at = None
            session.add(feed)
            session.commit()
            session.refresh(feed)
        return feed


def set_feed_options(
    engine: Engine,
    feed_id: int,
    *,
    poll_interval_s: int | None = None,
    user_agent: str | None = None,
    ignore_http_cache: bool | None = None,
) -> Feed | None:
    """Per-feed overrides: its own interval, its own User-Agent, or ignoring servers' caching headers.

    An empty `user_agent` goes back to Pantau's own; options left as None are unchanged.
    """
    with Session(engine) as session:
        feed = session.get(Feed, feed_id)
        if feed is None:
            return None
        if poll_interval_s is not None:
            feed.poll_interval_s = poll_interval_s or None
        if user_agent is not None:
            feed.user_agent = user_agent or None
        if ignore_http_cache is not None:
            feed.ignore_http_cache = ignore_http_cache
            feed.etag = feed.last_modified = feed.body_hash = None
        session.add(feed)
        session.commit()
        session.refresh(feed)
        return feed


def feed_count(engine: Engine) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(Feed)).one()


def list_feeds(engine: Engine) -> list[Feed]:
    """Every feed, enabled or not, in the order they were added."""
    with Session(engine) as session:
        return list(session.exec(select(Feed).order_by(col(Feed.id))))


def get_feed(engine: Engine, feed_id: int) -> Feed | None:
    with Session(engine) as session:
        return session.get(Feed, feed_id)


def due_feeds(engine: Engine, now: datetime | None = None) -> list[Feed]:
    """Enabled, un-muted feeds whose next poll time has come (or was never set) and that no
    other poller holds a lease on."""
    now = now or utcnow()
    query = (
        select(Feed)
        .where(Feed.enabled == True, Feed.muted == False)  # noqa: E712  (SQL comparison, not Python truthiness)
        .where(or_(col(Feed.lease_until).is_(None), col(Feed.lease_until) < now))
        .where(or_(col(Feed.next_poll_at).is_(None), col(Feed.next_poll_at) <= now))
        .order_by(col(Feed.next_poll_at))
    )
    with Session(engine) as session:
        return list(session.exec(query))


def enabled_feeds(engine: Engine) -> list[Feed]:
    with Session(engine) as session:
        return list(session.exec(select(Feed).where(Feed.enabled == True)))  # noqa: E712


def record_poll(
    engine: Engine,
    feed_id: int,
    *,
    status: str,
    next_poll_at: datetime,
    error: str | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    title: str | None = None,
    site: str | None = None,
) -> None:
    """Store what one poll of a feed found: its validators, its health and when to come back.

    A poll with an error counts one more consecutive failure; any other resets the count.
    """
    with Session(engine) as session:
        begin_write(session)
        feed = session.get(Feed, feed_id)
        if feed is None:
            return
        feed.last_polled_at = utcnow()
        feed.next_poll_at = next_poll_at
        feed.last_status = status
        feed.last_error = error
        if error is None:
            feed.consecutive_failures = 0
            feed.etag = etag if etag is not None else feed.etag
            feed.last_modified = last_modified if last_modified is not None else feed.last_modified
            feed.title = title or feed.title
            feed.site = site or feed.site
        else:
            feed.consecutive_failures += 1
        session.add(feed)
        session.commit()
