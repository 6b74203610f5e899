"""Storing tags: automatic ones replaced wholesale on re-tagging, manual ones never touched.

Tags arrive as the plain dict the tagger's `to_json(extended=True)` gives (the `pantau tag`
contract), so storage needs nothing from `tagging/`.
"""

import json
import re
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz, process
from sqlalchemy import Engine, delete, update
from sqlmodel import Session, col, select

from storage.models import AUTO, Actor, ActorMention, Article, Engagement, PlaceTag

SAME_PERSON_SCORE = 92
FUZZY_KINDS = {"police", "government", "person"}


@dataclass(frozen=True)
class MentionView:
    """An actor as the reader and actors pane show it."""

    actor_id: int
    kind: str
    name: str
    rank: str | None
    position: str | None
    organisation: str | None
    unit: str | None
    spans: list[list[int]]
    source: str


def actor_key(name: str) -> str:
    """The spelling-insensitive key one actor is stored under."""
    return re.sub(r"[^0-9a-z]+", " ", name.lower()).strip()


def _find_or_create_actor(session: Session, payload: dict) -> Actor:
    kind = payload["kind"]
    name = payload.get("name") or payload.get("organisation") or payload.get("unit") or ""
    key = actor_key(name)
    actor = session.exec(select(Actor).where(Actor.kind == kind, Actor.key == key)).first()
    if actor is None and kind in FUZZY_KINDS and key:
        known = dict(session.exec(select(Actor.key, Actor.id).where(Actor.kind == kind)).all())
        best = process.extractOne(key, list(known), scorer=fuzz.ratio, score_cutoff=SAME_PERSON_SCORE)
        if best is not None:
            actor = session.get(Actor, known[best[0]])
    if actor is None:
        actor = Actor(kind=kind, key=key, name=name)
    actor.organisation = payload.get("organisation") or actor.organisation
    actor.unit = payload.get("unit") or actor.unit
    actor.position = payload.get("position") or actor.position
    session.add(actor)
    session.flush()
    while actor.merged_into_id is not None:
        actor = session.get(Actor, actor.merged_into_id)
    return actor


def _span(payload: dict | list | None) -> tuple[int | None, int | None]:
    span = payload.get("span") if isinstance(payload, dict) else payload
    return (span[0], span[1]) if span else (None, None)


def replace_auto_tags(engine: Engine, article_id: int, tags: dict, tagger_version: str) -> None:
    """Swap the article's automatic tags for `tags` in one transaction; manual tags stay."""
    with Session(engine) as session:
        for table in (ActorMention, PlaceTag, Engagement):
            session.execute(
                delete(table).where(col(table.article_id) == article_id, col(table.source) == AUTO)
            )
        for payload in tags.get("actors", []):
            actor = _find_or_create_actor(session, payload)
            session.add(ActorMention(
                article_id=article_id, actor_id=actor.id, rank=payload.get("rank"),
                position=payload.get("position"), spans=json.dumps(payload.get("spans", [])),
                tagger_version=tagger_version,
            ))
        for payload in tags.get("places", []):
            start, end = _span(payload.get("span"))
            session.add(PlaceTag(
                article_id=article_id, code=payload["code"], name=payload["name"],
                level=payload["level"], province=payload["province"], precision=payload["precision"],
                span_start=start, span_end=end, tagger_version=tagger_version,
            ))
        for payload in tags.get("engagements", []):
            session.add(_engagement_row(article_id, payload, tagger_version))
        article = session.get(Article, article_id)
        if article is not None:
            article.tagger_version = tagger_version
            session.add(article)
        session.commit()


def _engagement_row(article_id: int, payload: dict, tagger_version: str) -> Engagement:
    evidence = payload.get("evidence") or {}
    start, end = _span(evidence)
    return Engagement(
        article_id=article_id,
        type=payload["type"],
        secondary_types=json.dumps(payload.get("secondary_types", [])),
        event_date=date.fromisoformat(payload["date"]) if payload.get("date") else None,
        date_precision=payload.get("date_precision"),
        year_inferred=bool(payload.get("year_inferred")),
        kabupaten_code=payload.get("code"),
        kabupaten_kota=payload.get("kabupaten_kota"),
        province=payload.get("province"),
        police_actors=json.dumps(payload.get("police_actors", [])),
        labour_actors=json.dumps(payload.get("labour_actors", [])),
        other_actors=json.dumps(payload.get("other_actors", [])),
        evidence=evidence.get("text", "") if isinstance(evidence, dict) else "",
        evidence_start=start,
        evidence_end=end,
        confidence=payload.get("confidence"),
        tagger_version=tagger_version,
    )


def article_mentions(engine: Engine, article_id: int) -> list[MentionView]:
    """The actors tagged on one article, manual and automatic."""
    query = (
        select(ActorMention, Actor)
        .join(Actor, col(Actor.id) == col(ActorMention.actor_id))
        .where(ActorMention.article_id == article_id)
        .order_by(col(ActorMention.id))
    )
    with Session(engine) as session:
        return [
            MentionView(
                actor_id=actor.id, kind=actor.kind, name=actor.name, rank=mention.rank,
                position=mention.position, organisation=actor.organisation, unit=actor.unit,
                spans=json.loads(mention.spans), source=mention.source,
            )
            for mention, actor in session.exec(query)
        ]


def article_engagements(engine: Engine, article_id: int) -> list[Engagement]:
    with Session(engine) as session:
        query = select(Engagement).where(Engagement.article_id == article_id).order_by(col(Engagement.id))
        return list(session.exec(query))


def article_places(engine: Engine, article_id: int) -> list[PlaceTag]:
    with Session(engine) as session:
        query = select(PlaceTag).where(PlaceTag.article_id == article_id).order_by(col(PlaceTag.id))
        return list(session.exec(query))


def articles_to_tag(engine: Engine, tagger_version: str, limit: int = 500, after_id: int = 0) -> list[int]:
    """Ids above `after_id` of articles not yet tagged by this tagger version, oldest first."""
    query = (
        select(Article.id)
        .where((col(Article.tagger_version).is_(None)) | (col(Article.tagger_version) != tagger_version))
        .where(col(Article.id) > after_id)
        .order_by(col(Article.id))
        .limit(limit)
    )
    with Session(engine) as session:
        return list(session.exec(query))


def forget_tagger_versions(engine: Engine) -> int:
    """Mark every article as untagged, so the next tagging pass re-tags them all; returns how many."""
    with Session(engine) as session:
        result = session.execute(update(Article).values(tagger_version=None))
        session.commit()
        return result.rowcount
