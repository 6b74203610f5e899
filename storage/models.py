"""The tables Pantau keeps. Every datetime is time-zone aware and stored as UTC."""

from datetime import datetime, timezone

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
