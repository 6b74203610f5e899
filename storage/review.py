"""Engagements the tagger is unsure of: what the desk lists for an analyst's review (`is:review`).

An article needs review while one of the tagger's engagements on it is below the confidence the tagger
calls confident (`REVIEW_BELOW`: the vocabulary's CONFIDENT_AT against the confidence stored with the engagement) and nobody has
coded it by hand: confirming the tagger's coding or correcting it (`storage.manual_tags`) makes the coding
manual, and marking the article not relevant hides it, so either clears it from the list.
"""

from sqlalchemy import Engine, Select, exists, func, or_, select
from sqlmodel import Session, col

from core.vocabulary import CONFIDENT_AT
from storage.models import AUTO, MANUAL, Engagement, NotRelevant

REVIEW_BELOW = CONFIDENT_AT


def articles_to_review() -> Select:
    """The ids of relevant articles with an uncertain automatic engagement and no coding by hand."""
    coded_by_hand = select(Engagement.article_id).where(col(Engagement.source) == MANUAL)
    not_relevant = exists().where(col(NotRelevant.article_id) == col(Engagement.article_id))
    return select(Engagement.article_id).where(
        col(Engagement.source) == AUTO,
        or_(col(Engagement.confidence).is_(None), col(Engagement.confidence) < REVIEW_BELOW),
        col(Engagement.article_id).not_in(coded_by_hand),
        ~not_relevant,
    )


def review_count(engine: Engine) -> int:
    """How many articles wait for review (the status bar's figure)."""
    waiting = articles_to_review().subquery()
    with Session(engine) as session:
        return session.scalar(select(func.count(func.distinct(waiting.c.article_id))))
