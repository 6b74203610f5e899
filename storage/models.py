"""The tables Pantau keeps. Every datetime is time-zone aware and stored as UTC."""

from datetime import datetime, timezone

from sqlalchemy import BigInteger
from sqlmodel import Field, SQLModel, UniqueConstraint


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Feed(SQLModel, table=True):
    """A feed the desk polls, with the HTTP validators and health of its last poll."""

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(unique=True, index=True)
    title: str = ""
    site: str = ""
    etag: str | None = None
    last_modified: str | None = None
    last_polled_at: datetime | None = None
    next_poll_at: datetime | None = Field(default=None, index=True)
    consecutive_failures: int = 0
    last_status: str = "new"
    last_error: str | None = None
    poll_interval_s: int | None = None
    enabled: bool = True
    created_at: datetime = Field(default_factory=utcnow)
    # Issue 3: politeness, health and leases.
    user_agent: str | None = None
    ignore_http_cache: bool = False
    muted: bool = False
    failure_weight: float = 0.0
    advised_interval_s: int | None = None
    body_hash: str | None = None
    lease_owner: str | None = None
    lease_until: datetime | None = None


class Article(SQLModel, table=True):
    """One article as the pipeline stored it; `guid` is unique within its feed."""

    __table_args__ = (UniqueConstraint("feed_id", "guid", name="uq_article_feed_guid"),)

    id: int | None = Field(default=None, primary_key=True)
    feed_id: int = Field(foreign_key="feed.id", index=True)
    guid: str
    url: str = ""
    title: str = ""
    author: str | None = None
    published_at: datetime | None = Field(default=None, index=True)
    fetched_at: datetime = Field(default_factory=utcnow)
    summary: str = ""
    body: str = ""
    extraction_status: str = "pending"
    content_hash: str = ""
    is_read: bool = False
    is_starred: bool = False
    tagger_version: str | None = None
    # Issue 3: identity across feeds, upstream edits, language and story grouping.
    link_key: str | None = Field(default=None, unique=True, index=True)
    language: str | None = None
    updated_at: datetime | None = None
    story_id: int | None = Field(default=None, index=True)
    signature: str = ""


class ArticleLink(SQLModel, table=True):
    """One feed carrying one article: the same article reached through two feeds has two links.

    `entry_hash` fingerprints the entry as the feed last showed it, so an upstream edit is seen.
    """

    __table_args__ = (UniqueConstraint("feed_id", "guid", name="uq_articlelink_feed_guid"),)

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    feed_id: int = Field(foreign_key="feed.id", index=True, ondelete="CASCADE")
    guid: str
    entry_hash: str = ""
    first_seen_at: datetime = Field(default_factory=utcnow)


class Tombstone(SQLModel, table=True):
    """What is left of a deleted article: its identities, so it never comes back as new."""

    key: str = Field(primary_key=True)
    deleted_at: datetime = Field(default_factory=utcnow)


class StoryBand(SQLModel, table=True):
    """One locality-sensitive band of an article's text sketch; articles sharing a band are candidates
    for the same story."""

    band: int = Field(primary_key=True, sa_type=BigInteger)  # band keys exceed 32 bits (PostgreSQL INTEGER)
    article_id: int = Field(primary_key=True, foreign_key="article.id", index=True, ondelete="CASCADE")
