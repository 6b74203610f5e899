"""Who the news names most: actors counted by the articles that mention them within a period.

An article is dated by its publication date, else by when the desk fetched it. The caller passes
the moment the period starts, so the count is the same whatever the clock says when it runs.
Articles marked not relevant are not counted.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import Engine, and_, func, or_, select
from sqlmodel import Session, col

from storage.manual_tags import relevant
from storage.models import Actor, ActorMention, Article


@dataclass(frozen=True)
class ActorCount:
    """An actor and how many articles of the period name it."""

    actor_id: int
    kind: str
    name: str
    organisation: str | None
    unit: str | None
    position: str | None
    articles: int


def top_actors(engine: Engine, since: datetime, limit: int = 20, until: datetime | None = None) -> list[ActorCount]:
    """The actors named in the most articles published (or fetched, when undated) from `since` on."""
    published, fetched = col(Article.published_at), col(Article.fetched_at)
    in_period = or_(published >= since, and_(published.is_(None), fetched >= since))
    if until is not None:
        in_period = and_(in_period, func.coalesce(published, fetched) < until)
    articles = func.count(func.distinct(col(ActorMention.article_id))).label("articles")
    query = (
        select(
            col(Actor.id), col(Actor.kind), col(Actor.name), col(Actor.organisation), col(Actor.unit),
            col(Actor.position), articles,
        )
        .join(ActorMention, col(ActorMention.actor_id) == col(Actor.id))
        .join(Article, col(Article.id) == col(ActorMention.article_id))
        .where(in_period, relevant())
        .group_by(col(Actor.id))
        .order_by(articles.desc(), col(Actor.name))
        .limit(limit)
    )
    with Session(engine) as session:
        return [ActorCount(*row) for row in session.execute(query)]


def latest_dated(engine: Engine) -> datetime | None:
    """When the newest relevant article was published (or fetched, when undated), in UTC.

    Read as the first relevant entry of the date index (ix_article_dated) newest first, not as a max(): PostgreSQL
    computed the max over every article (454 ms at 100,000 articles with two parallel workers, at the desk's start)."""
    dated = func.coalesce(col(Article.published_at), col(Article.fetched_at))
    with Session(engine) as session:
        moment = session.execute(select(dated).where(relevant()).order_by(dated.desc()).limit(1)).scalar()
    if isinstance(moment, str):  # SQLite hands back an aggregate of datetimes as text
        moment = datetime.fromisoformat(moment)
    return moment.replace(tzinfo=timezone.utc) if moment is not None and moment.tzinfo is None else moment


def recent_period_end(now: datetime, latest: datetime | None, days: int) -> datetime | None:
    """Where "the last `days` days" end: now (None), unless the newest article is older than the whole period —
    a demo of old news, a desk whose feeds went quiet — then at that article, so the period shows the last
    days of news there are rather than nothing."""
    if latest is not None and latest < now - timedelta(days=days):
        return latest
    return None
