"""Tables for what analysts add by hand: free tags, and the audit log of every manual change.

Manual engagement types, places and actors live in `storage.tag_models` with `source == "manual"`;
these tables hold what the tagger never writes. Every manual change writes one `TagAudit` row in
the same transaction, so the log shows who changed what and when, and `undo_last` can revert it.
"""

from datetime import datetime

from sqlmodel import Field, SQLModel, UniqueConstraint

from storage.models import utcnow


class ArticleTag(SQLModel, table=True):
    """A free tag an analyst put on an article; a tag is on an article once, whoever added it."""

    __table_args__ = (UniqueConstraint("article_id", "tag", name="uq_articletag_article_tag"),)

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    tag: str = Field(index=True)
    created_by: str
    created_at: datetime = Field(default_factory=utcnow)


class TagAudit(SQLModel, table=True):
    """One manual tagging action: what changed on which article, from what to what, by whom and when.

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
