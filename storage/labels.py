"""The analysts' corrections as labelled data: what `pantau learn` trains on besides the corpus.

A label is an article whose engagement type an analyst set by hand or confirmed as the tagger gave it: the
latest such change that was not undone and is still in force (a manual engagement of that type is stored). Types the desk carried over
untouched (placing an article in a kabupaten keeps the tagger's types on manual rows) are not labels.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, and_, exists, func, select
from sqlmodel import Session, col

from storage.models import MANUAL, Article, Engagement, TagAudit


@dataclass(frozen=True)
class TypeLabel:
    article_id: int
    url: str
    published_at: datetime | None
    text: str
    type: str


def manual_type_labels(engine: Engine) -> list[TypeLabel]:
    """Every article with an engagement type set by hand, with the text the pipeline tags (its body, else its
    summary), oldest article first."""
    latest = (
        select(func.max(TagAudit.id).label("id"))
        .where(TagAudit.field == "type", col(TagAudit.action).in_(("set", "confirm")),
               col(TagAudit.reverted_by_id).is_(None))
        .group_by(col(TagAudit.article_id))
        .subquery()
    )
    in_force = exists().where(and_(col(Engagement.article_id) == col(TagAudit.article_id),
                                   col(Engagement.source) == MANUAL, col(Engagement.type) == col(TagAudit.new_value)))
    query = (
        select(Article.id, Article.url, Article.published_at, Article.body, Article.summary, TagAudit.new_value)
        .join(latest, col(TagAudit.id) == latest.c.id)
        .join(Article, col(Article.id) == col(TagAudit.article_id))
        .where(in_force)
        .order_by(col(Article.id))
    )
    with Session(engine) as session:
        return [TypeLabel(article_id, url, published, body or summary, type_id)
                for article_id, url, published, body, summary, type_id in session.execute(query)
                if body or summary]
