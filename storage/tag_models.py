"""Tables for what the tagger and the analysts say about articles.

Each tag is a row of its own with its source (`auto` with the tagger version, or `manual` with
who and when), so re-tagging replaces automatic rows and never touches an analyst's.
"""

from datetime import date, datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel, UniqueConstraint

from storage.models import utcnow

AUTO = "auto"
MANUAL = "manual"


class Actor(SQLModel, table=True):
    """A person or body across articles: one officer stays one actor when the rank changes."""

    __table_args__ = (UniqueConstraint("kind", "key", name="uq_actor_kind_key"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(index=True)
    key: str
    name: str
    organisation: str | None = None
    unit: str | None = None
    position: str | None = None
    merged_into_id: int | None = Field(default=None, foreign_key="actor.id")
    created_at: datetime = Field(default_factory=utcnow)


class ActorMention(SQLModel, table=True):
    """An actor named in one article, with the rank and position the article gives."""

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    actor_id: int = Field(foreign_key="actor.id", index=True)
    rank: str | None = None
    position: str | None = None
    spans: str = "[]"
    source: str = Field(default=AUTO, index=True)
    tagger_version: str | None = None
    created_by: str | None = None
    created_at: datetime = Field(default_factory=utcnow)


class PlaceTag(SQLModel, table=True):
    """A kabupaten/kota, kecamatan or province named in an article."""

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    code: str = Field(index=True)
    name: str
    level: str
    province: str
    precision: int
    span_start: int | None = None
    span_end: int | None = None
    source: str = AUTO
    tagger_version: str | None = None
    created_by: str | None = None
    created_at: datetime = Field(default_factory=utcnow)


class Engagement(SQLModel, table=True):
    """One labour–police engagement found in (or coded on) an article: a row of the timeline."""

    __table_args__ = (
        Index("ix_engagement_timeline", "kabupaten_code", "event_date", "type", "source", "article_id",
              "kabupaten_kota", "province"),
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    type: str = Field(index=True)
    secondary_types: str = "[]"
    event_date: date | None = Field(default=None, index=True)
    date_precision: int | None = None
    year_inferred: bool = False
    kabupaten_code: str | None = Field(default=None, index=True)
    kabupaten_kota: str | None = None
    province: str | None = None
    police_actors: str = "[]"
    labour_actors: str = "[]"
    other_actors: str = "[]"
    evidence: str = ""
    evidence_start: int | None = None
    evidence_end: int | None = None
    confidence: float | None = None
    source: str = Field(default=AUTO, index=True)
    tagger_version: str | None = None
    created_by: str | None = None
    created_at: datetime = Field(default_factory=utcnow)
