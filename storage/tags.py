"""Storing tags: automatic ones replaced wholesale on re-tagging, manual ones never touched.

Tags arrive as the tagger's own values (`core.tags`), every field of which is stored; storage needs nothing
from `tagging/`.
"""

import json
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from sqlalchemy import ColumnElement, Engine, delete, func, update
from sqlmodel import Session, col, select

from core.tags import Actor as TaggedActor
from core.tags import Engagement as TaggedEngagement
from core.tags import Place, Span, Tags
from storage.models import AUTO, Actor, ActorMention, Article, Engagement, PlaceTag
from storage.retry import retry_on_busy

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


def identity_name(tagged: TaggedActor) -> str:
    """What makes two mentions one actor: a person is one wherever they serve, while a body named without a
    name of its own is one per area ('Dinas Tenaga Kerja' of Kabupaten Bogor is not Karawang's)."""
    if tagged.name:
        return tagged.name
    return " ".join(part for part in (tagged.organisation, tagged.unit) if part)


def _find_or_create_actor(session: Session, tagged: TaggedActor) -> Actor:
    kind = tagged.kind
    name = tagged.name or tagged.organisation or tagged.unit or ""
    key = actor_key(identity_name(tagged))
    actor = session.exec(select(Actor).where(Actor.kind == kind, Actor.key == key)).first()
    if actor is None and kind in FUZZY_KINDS and key:
        known = dict(session.exec(select(Actor.key, Actor.id).where(Actor.kind == kind)).all())
        best = process.extractOne(key, list(known), scorer=fuzz.ratio, score_cutoff=SAME_PERSON_SCORE)
        if best is not None:
            actor = session.get(Actor, known[best[0]])
    if actor is None:
        actor = Actor(kind=kind, key=key, name=name)
    actor.organisation = tagged.organisation or actor.organisation
    actor.unit = tagged.unit or actor.unit
    actor.position = tagged.position or actor.position
    actor.faction = tagged.faction or actor.faction
    actor.full_name = tagged.full_name or actor.full_name
    session.add(actor)
    session.flush()
    while actor.merged_into_id is not None:
        actor = session.get(Actor, actor.merged_into_id)
    return actor


@retry_on_busy
def replace_auto_tags(engine: Engine, article_id: int, tags: Tags) -> None:
    """Swap the article's automatic tags for `tags` in one transaction; manual tags stay.

    Every field the tagger computed is stored; `tags.tagger_version` marks the rows and the article. Retried
    when it loses a race: on PostgreSQL the timeline's kept counts are rows an analyst's coding may lock too.
    """
    version = tags.tagger_version
    with Session(engine) as session:
        for table in (ActorMention, PlaceTag, Engagement):
            session.execute(
                delete(table).where(col(table.article_id) == article_id, col(table.source) == AUTO)
            )
        for tagged in tags.actors:
            actor = _find_or_create_actor(session, tagged)
            session.add(_mention_row(article_id, actor.id, tagged, version))
        for place in tags.places:
            session.add(_place_row(article_id, place, place == tags.main_place, version))
        for engagement in tags.engagements:
            session.add(_engagement_row(article_id, engagement, version))
        article = session.get(Article, article_id)
        if article is not None:
            article.tagger_version = version
            session.add(article)
        session.commit()


def _spans(spans: Iterable[Span]) -> str:
    return json.dumps([span.to_json() for span in spans])


def _mention_row(article_id: int, actor_id: int, tagged: TaggedActor, version: str) -> ActorMention:
    mentions = [{"rank": m.rank, "position": m.position, "titles": list(m.titles)} for m in tagged.mentions]
    return ActorMention(
        article_id=article_id, actor_id=actor_id, rank=tagged.rank, position=tagged.position,
        spans=_spans(tagged.spans), mentions=json.dumps(mentions), confidence=tagged.confidence,
        tagger_version=version,
    )


def _place_row(article_id: int, place: Place, is_main: bool, version: str) -> PlaceTag:
    return PlaceTag(
        article_id=article_id, code=place.code, name=place.name, level=place.level, province=place.province,
        precision=place.precision, span_start=place.span.start, span_end=place.span.end, basis=place.basis,
        confidence=place.confidence, is_main=is_main, tagger_version=version,
    )


def _engagement_row(article_id: int, engagement: TaggedEngagement, version: str) -> Engagement:
    when, place, acled = engagement.date, engagement.place, engagement.acled
    return Engagement(
        article_id=article_id,
        type=engagement.type,
        secondary_types=json.dumps(list(engagement.secondary_types)),
        event_date=when.date if when else None,
        date_precision=when.precision if when else None,
        year_inferred=when.year_inferred if when else False,
        weekday_conflict=when.weekday_conflict if when else False,
        date_span_start=when.span.start if when else None,
        date_span_end=when.span.end if when else None,
        kabupaten_code=place.code if place else None,
        kabupaten_kota=place.name if place else None,
        province=place.province if place else None,
        place_precision=place.precision if place else None,
        police_actors=json.dumps(list(engagement.police_actors)),
        labour_actors=json.dumps(list(engagement.labour_actors)),
        other_actors=json.dumps(list(engagement.other_actors)),
        evidence=engagement.evidence.text,
        evidence_start=engagement.evidence.start,
        evidence_end=engagement.evidence.end,
        confidence=engagement.confidence,
        triggers=_spans(engagement.triggers),
        notes=json.dumps(list(engagement.notes)),
        acled_disorder_type=acled.disorder_type if acled else None,
        acled_event_type=acled.event_type if acled else None,
        acled_sub_event_type=acled.sub_event_type if acled else None,
        tagger_version=version,
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
    """Ids above `after_id` of articles not yet tagged by this tagger version, oldest first: the untagged and each
    other version's articles read from the version index in id order (`limit` at most of each), then merged. Walked
    in id order instead, finding none left read every article (0.9-2.4 s at 1,000,000, each poll cycle)."""
    with Session(engine) as session:
        found: list[int] = []
        for version in _other_versions(session, tagger_version):
            found += session.exec(select(Article.id).where(_tagged_by(version), col(Article.id) > after_id)
                                  .order_by(col(Article.id)).limit(limit))
        return sorted(found)[:limit]


def articles_pending(engine: Engine, tagger_version: str) -> int:
    """How many articles this tagger version has not tagged yet (what `articles_to_tag` pages through), counted in the
    version index."""
    return tagging_backlog(engine, tagger_version).total


def _other_versions(session: Session, tagger_version: str) -> list[str | None]:
    """None (untagged) and every stored tagger version but `tagger_version`, each read from the version index by
    skipping to the next one: a handful of probes, however many articles."""
    versions: list[str | None] = [None]
    beyond = col(Article.tagger_version).is_not(None)
    while (found := session.exec(select(Article.tagger_version).where(beyond)
                                 .order_by(col(Article.tagger_version)).limit(1)).first()) is not None:
        if found != tagger_version:
            versions.append(found)
        beyond = col(Article.tagger_version) > found
    return versions


def _tagged_by(version: str | None) -> ColumnElement[bool]:
    return col(Article.tagger_version).is_(None) if version is None else col(Article.tagger_version) == version


@dataclass(frozen=True)
class TaggingBacklog:
    """The articles a tagging pass has before it, by the tagger version that last tagged them (None: none has)."""

    by_version: dict[str | None, int]

    @property
    def total(self) -> int:
        return sum(self.by_version.values())

    @property
    def older_versions(self) -> list[str]:
        """The other tagger versions whose tags are stored: these articles are re-tagged, not tagged."""
        return sorted(version for version in self.by_version if version is not None)


def tagging_backlog(engine: Engine, tagger_version: str, among: Collection[int] | None = None) -> TaggingBacklog:
    """What this tagger version has left to tag, among `among` (article ids) or in every article (each version's
    articles counted in the version index)."""
    with Session(engine) as session:
        if among is None:
            counts = {version: session.exec(select(func.count()).select_from(Article).where(_tagged_by(version))).one()
                      for version in _other_versions(session, tagger_version)}
            return TaggingBacklog({version: count for version, count in counts.items() if count})
        pending = (col(Article.tagger_version).is_(None)) | (col(Article.tagger_version) != tagger_version)
        query = (select(Article.tagger_version, func.count()).where(pending, col(Article.id).in_(list(among)))
                 .group_by(col(Article.tagger_version)))
        return TaggingBacklog({version: count for version, count in session.exec(query)})


SAMPLED_ARTICLES = 64
"""How many articles, spread over the ids, `sampled_tagger_versions` reads."""


def sampled_tagger_versions(engine: Engine, samples: int = SAMPLED_ARTICLES) -> set[str | None]:
    """The tagger versions of about `samples` articles spread evenly from the oldest id to the newest.

    A bounded look (each a step down the primary key): counting every article's version reads the
    whole table, seconds at 1,000,000 articles. After a tagger upgrade every stored article is older,
    and a re-tag interrupted half-way leaves a run of ids, which the spread finds unless it is small.
    """
    with Session(engine) as session:
        low, high = session.exec(select(func.min(Article.id), func.max(Article.id))).one()
        if low is None:
            return set()
        step = max(1, (high - low) // max(1, samples - 1))
        marks = {*range(low, high, step), high}
        return {session.exec(select(Article.tagger_version).where(col(Article.id) >= mark)
                             .order_by(col(Article.id)).limit(1)).first() for mark in marks}


def forget_tagger_versions(engine: Engine) -> int:
    """Mark every article as untagged, so the next tagging pass re-tags them all; returns how many."""
    with Session(engine) as session:
        result = session.execute(update(Article).values(tagger_version=None))
        session.commit()
        return result.rowcount
