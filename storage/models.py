"""The tables Pantau keeps, in one module so a newcomer reads the schema in one place.

Every datetime is time-zone aware and stored as UTC. What the pipeline fetched (feeds, articles, their links
and story bands) comes first; then what the tagger and the analysts say about articles, each tag a row of its
own with its source (`auto` with the tagger version, or `manual` with who and when), so re-tagging replaces
automatic rows and never touches an analyst's; then what only analysts write (free tags, the audit log of
every manual change, articles marked not relevant, saved searches). The timeline's counts, which triggers keep
in step with these tables, are made by hand in storage/timeline_counts.py.
"""

from datetime import date, datetime, timezone

from sqlalchemy import BigInteger, Index
from sqlmodel import Field, SQLModel, UniqueConstraint

from core.vocabulary import FeedStatus


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Feed(SQLModel, table=True):
    """A source the desk polls, with the HTTP validators and health of its last poll.

    `kind` says what `url` serves (core.vocabulary.SourceKind: a feed, a listing page, a sitemap, or a
    site not yet resolved by discovery); `platform` is what the site is believed to run (from the
    default list); `last_ok_at` is when it last answered. `extraction_failures` counts the source's
    article pages in a row whose text could not be extracted, `extraction_error` says the last one's why.
    """

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(unique=True, index=True)
    title: str = ""
    site: str = ""
    etag: str | None = None
    last_modified: str | None = None
    last_polled_at: datetime | None = None
    next_poll_at: datetime | None = Field(default=None, index=True)
    consecutive_failures: int = 0
    last_status: str = FeedStatus.NEW.value
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
    # Issue 16: sources that are no feed, sites found by discovery, pages that stop extracting.
    kind: str = "feed"
    platform: str | None = None
    last_ok_at: datetime | None = None
    extraction_failures: int = 0
    extraction_error: str | None = None


class Article(SQLModel, table=True):
    """One article as the pipeline stored it; `guid` is unique within its feed."""

    __table_args__ = (
        UniqueConstraint("feed_id", "guid", name="uq_article_feed_guid"),
        Index("ix_article_tagger_version", "tagger_version", "id"),  # what a tagger has left (migration 0017)
    )

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


# What the tagger and the analysts say about articles ---------------------------------------------------

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
    faction: str | None = None
    full_name: str | None = None
    merged_into_id: int | None = Field(default=None, foreign_key="actor.id")
    created_at: datetime = Field(default_factory=utcnow)


class ActorMention(SQLModel, table=True):
    """An actor named in one article, with the rank and position the article gives.

    `spans` lists where the article names the actor; `mentions` what each of those says (rank, position,
    titles: the same officer can be Iptu in one paragraph and AKP in a quote).
    """

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    actor_id: int = Field(foreign_key="actor.id", index=True)
    rank: str | None = None
    position: str | None = None
    spans: str = "[]"
    mentions: str = "[]"
    confidence: float | None = None
    source: str = Field(default=AUTO, index=True)
    tagger_version: str | None = None
    created_by: str | None = None
    created_at: datetime = Field(default_factory=utcnow)


class PlaceTag(SQLModel, table=True):
    """A kabupaten/kota, kecamatan or province named in an article; `basis` says how the tagger decided it
    (explicit, kecamatan, official, bare, police_unit, dateline) and `is_main` marks the article's main place."""

    __table_args__ = (  # each ends in article_id, source and dated_at: a search gathers a place's articles, and
        # sorts them by date, from the index alone
        Index("ix_placetag_code", "code", "article_id", "source", "dated_at"),
        Index("ix_placetag_level_name", "level", "name", "article_id", "source", "dated_at"),
        Index("ix_placetag_province", "province", "article_id", "source", "dated_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    code: str
    name: str
    level: str
    province: str
    precision: int
    span_start: int | None = None
    span_end: int | None = None
    basis: str | None = None
    confidence: float | None = None
    is_main: bool = False
    source: str = Field(default=AUTO, index=True)
    tagger_version: str | None = None
    created_by: str | None = None
    created_at: datetime = Field(default_factory=utcnow)
    dated_at: datetime | None = None  # its article's date: set by the database's triggers (migration 0016), never here


class Engagement(SQLModel, table=True):
    """One labour–police engagement found in (or coded on) an article: a row of the timeline.

    The `acled_` columns are ACLED's coding as the tagger read it (a sub-event such as "Excessive force against
    protesters" needs the text), or as `core.vocabulary.acled_coding` gives it for a coding by hand; all three
    are None where ACLED records none of the types. Exports read them as stored.
    """

    __table_args__ = (
        Index("ix_engagement_timeline", "kabupaten_code", "event_date", "type", "source", "article_id",
              "kabupaten_kota", "province"),
        Index("ix_engagement_type", "type", "article_id", "source", "dated_at"),
        Index("ix_engagement_kabupaten_code", "kabupaten_code", "article_id", "source", "dated_at"),
        Index("ix_engagement_kabupaten_kota", "kabupaten_kota", "article_id", "source", "dated_at"),
        Index("ix_engagement_province", "province", "article_id", "source", "dated_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    type: str
    secondary_types: str = "[]"
    event_date: date | None = Field(default=None, index=True)
    date_precision: int | None = None
    year_inferred: bool = False
    weekday_conflict: bool = False
    date_span_start: int | None = None
    date_span_end: int | None = None
    kabupaten_code: str | None = None
    kabupaten_kota: str | None = None
    province: str | None = None
    place_precision: int | None = None
    police_actors: str = "[]"
    labour_actors: str = "[]"
    other_actors: str = "[]"
    evidence: str = ""
    evidence_start: int | None = None
    evidence_end: int | None = None
    confidence: float | None = None
    triggers: str = "[]"
    notes: str = "[]"
    acled_disorder_type: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    source: str = Field(default=AUTO, index=True)
    tagger_version: str | None = None
    created_by: str | None = None
    created_at: datetime = Field(default_factory=utcnow)
    dated_at: datetime | None = None  # its article's date: set by the database's triggers (migration 0016), never here


# What only analysts write ------------------------------------------------------------------------------

class ArticleTag(SQLModel, table=True):
    """A free tag an analyst put on an article; a tag is on an article once, whoever added it."""

    __table_args__ = (UniqueConstraint("article_id", "tag", name="uq_articletag_article_tag"),)

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    tag: str = Field(index=True)
    created_by: str
    created_at: datetime = Field(default_factory=utcnow)


class TagAudit(SQLModel, table=True):
    """One manual tagging action: what changed on which article, from what to what, by whom and when. Every
    manual change writes one in the same transaction, so `undo_last` can revert it.

    `undo` holds what reverting the action needs (JSON); `reverted_by_id` points at the audit row
    of the undo that reverted it, so a second ctrl+z goes one action further back.
    """

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    action: str
    field: str
    old_value: str | None = None
    new_value: str | None = None
    created_by: str = Field(index=True)
    created_at: datetime = Field(default_factory=utcnow)
    undo: str = "{}"
    reverted_by_id: int | None = None


class NotRelevant(SQLModel, table=True):
    """An article an analyst marked not relevant (`x`): hidden from the default feed and the timeline.

    A row of its own rather than an article column, so marking carries who and when and the
    article table (and every query on it) stays as it is. Filter with `storage.manual_tags.relevant()`.
    """

    article_id: int = Field(primary_key=True, foreign_key="article.id", ondelete="CASCADE")
    created_by: str
    created_at: datetime = Field(default_factory=utcnow)


class SavedSearch(SQLModel, table=True):
    """A query kept under a name; saving under a taken name replaces that query."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    query: str
    created_by: str
    created_at: datetime = Field(default_factory=utcnow)
