"""Manual tagging: what analysts set on an article by hand, audited and undoable.

Every change is rows, never a field the tagger owns: a manual engagement type is an `Engagement`
row with `source == "manual"`, a kabupaten/kota a manual `PlaceTag`, an actor a manual
`ActorMention`, free tags `ArticleTag` rows, "not relevant" a `NotRelevant` row. Re-tagging
(`storage.tags.replace_auto_tags`) deletes automatic rows only, so none of this is lost.

Manual engagement rows supersede the article's automatic ones (as `storage.timeline` counts
them); an article keeps one analyst coding at a time, the newest wins, and what it replaced is
kept in the `TagAudit` row of the change, which `undo_last` restores.

Each change runs in one transaction that first locks the article (SQLite's write lock, a row
lock on PostgreSQL) and writes its audit row, so two analysts tagging one article at once lose
nothing: added rows all stay, and of two single-value changes the later one wins while the
audit shows both. A change that loses the race for the database (SQLite's lock past its busy
timeout, a PostgreSQL deadlock) is run again (`storage.retry`), so the analyst never sees it.

Articles marked not relevant are hidden from the default feed and the timeline: filter article
queries with `relevant()`.
"""

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import Engine, case, delete, exists, func, or_, select as sa_select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from core.vocabulary import ACTOR_KINDS, acled_coding
from storage.models import (AUTO, MANUAL, Actor, ActorMention, Article, ArticleLink, ArticleTag, Engagement,
                            NotRelevant, PlaceTag, TagAudit)
from storage.retry import retry_on_busy
from storage.tags import MentionView, actor_key, article_mentions
from storage.writes import begin_write

KABUPATEN_LEVELS = ("kabupaten", "kota")
CODING_FIELDS = ("type", "kabupaten", "event_date")
"""Fields stored on the same engagement rows: undoing one must not clobber a later change of the other."""


class TaggingError(ValueError):
    """A manual change that cannot be made, worded for the analyst."""


@dataclass(frozen=True)
class PlaceChoice:
    """A kabupaten/kota as the gazetteer names it: code "36.04", "Kabupaten Serang", "Banten"."""

    code: str
    name: str
    province: str

    def __str__(self) -> str:
        return f"{self.name} ({self.code}, {self.province})"


@dataclass(frozen=True)
class TagChange:
    """One manual change as stored: what the notification and the audit say."""

    article_id: int
    action: str
    field: str
    old_value: str | None
    new_value: str | None
    audit_id: int


@dataclass(frozen=True)
class RowDetails:
    """What a feed row shows besides title, source and time, read for a whole page in one query."""

    engagement_type: str | None = None
    kabupaten: str | None = None
    manual: bool = False
    not_relevant: bool = False
    other_sources: int = 0
    """Other feeds that carried the article's story (the same link, or a copy the feed lists once)."""


@dataclass(frozen=True)
class ArticleTagging:
    """Everything tagged on one article, as the reader shows it."""

    article_id: int
    engagement_type: str | None
    type_source: str | None
    event_date: date | None
    kabupaten_code: str | None
    kabupaten: str | None
    province: str | None
    mentions: list[MentionView] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    not_relevant: bool = False
    starred: bool = False


# Filters other queries use ---------------------------------------------------------------


def relevant() -> ColumnElement[bool]:
    """A WHERE clause on `article`: articles nobody marked not relevant (the default feed, the timeline)."""
    return ~exists().where(col(NotRelevant.article_id) == col(Article.id))


# Writing ---------------------------------------------------------------------------------


def _lock_article(session: Session, article_id: int) -> Article:
    """Serialise manual changes to one article: the write lock on SQLite, the article's row on PostgreSQL."""
    begin_write(session)
    return _lock_row(session, article_id)


def _lock_row(session: Session, article_id: int) -> Article:
    article = session.exec(select(Article).where(Article.id == article_id).with_for_update()).first()
    if article is None:
        raise TaggingError(f"article {article_id} is gone")
    return article


def _audit(session: Session, article_id: int, action: str, field_name: str, old: str | None, new: str | None,
           user: str, undo: dict) -> TagChange:
    row = TagAudit(article_id=article_id, action=action, field=field_name, old_value=old, new_value=new,
                   created_by=user, undo=json.dumps(undo))
    session.add(row)
    session.flush()
    return TagChange(article_id, action, field_name, old, new, row.id)


def _manual_engagements(session: Session, article_id: int) -> list[Engagement]:
    query = select(Engagement).where(Engagement.article_id == article_id, Engagement.source == MANUAL)
    return list(session.exec(query.order_by(col(Engagement.id))))


def _auto_engagements(session: Session, article_id: int) -> list[Engagement]:
    query = select(Engagement).where(Engagement.article_id == article_id, Engagement.source == AUTO)
    return list(session.exec(query.order_by(col(Engagement.id))))


def _manual_places(session: Session, article_id: int) -> list[PlaceTag]:
    query = select(PlaceTag).where(
        PlaceTag.article_id == article_id, PlaceTag.source == MANUAL, col(PlaceTag.level).in_(KABUPATEN_LEVELS)
    )
    return list(session.exec(query.order_by(col(PlaceTag.id))))


def _coding_snapshot(session: Session, article_id: int) -> dict:
    """The article's manual engagements and kabupaten as they are: what undoing a coding change restores."""
    return {
        "engagements": [row.model_dump(mode="json") for row in _manual_engagements(session, article_id)],
        "places": [row.model_dump(mode="json") for row in _manual_places(session, article_id)],
    }


def _effective_place(session: Session, article_id: int) -> PlaceChoice | None:
    """The kabupaten/kota the article is placed in: the analyst's, else its engagement's, else the tagger's."""
    manual = _manual_places(session, article_id)
    if manual:
        return PlaceChoice(manual[-1].code, manual[-1].name, manual[-1].province)
    for row in _manual_engagements(session, article_id) + _auto_engagements(session, article_id):
        if row.kabupaten_code:
            return PlaceChoice(row.kabupaten_code, row.kabupaten_kota or row.kabupaten_code, row.province or "")
    query = select(PlaceTag).where(
        PlaceTag.article_id == article_id, PlaceTag.source == AUTO, col(PlaceTag.level).in_(KABUPATEN_LEVELS)
    ).order_by(col(PlaceTag.id))
    place = session.exec(query).first()
    return PlaceChoice(place.code, place.name, place.province) if place else None


def _effective_type(session: Session, article_id: int) -> str | None:
    rows = _manual_engagements(session, article_id) or _auto_engagements(session, article_id)
    return rows[0].type if rows else None


@retry_on_busy
def set_type(engine: Engine, article_id: int, type_id: str, user: str) -> TagChange:
    """Code the article's engagement as `type_id` by hand: one manual engagement replaces any earlier one.

    The event date and place come from the engagement it supersedes (or the article's place).
    """
    with Session(engine) as session:
        _lock_article(session, article_id)
        before = _coding_snapshot(session, article_id)
        old_type = _effective_type(session, article_id)
        template = (_manual_engagements(session, article_id) or _auto_engagements(session, article_id) or [None])[0]
        place = _effective_place(session, article_id)
        session.execute(delete(Engagement).where(col(Engagement.article_id) == article_id,
                                                 col(Engagement.source) == MANUAL))
        session.add(Engagement(
            article_id=article_id, type=type_id, source=MANUAL, created_by=user,
            event_date=template.event_date if template else None,
            date_precision=template.date_precision if template else None,
            year_inferred=template.year_inferred if template else False,
            kabupaten_code=place.code if place else None,
            kabupaten_kota=place.name if place else None,
            province=place.province if place else None,
            police_actors=template.police_actors if template else "[]",
            labour_actors=template.labour_actors if template else "[]",
            other_actors=template.other_actors if template else "[]",
            **_acled_columns(type_id),
        ))
        change = _audit(session, article_id, "set", "type", old_type, type_id, user, before)
        session.commit()
        return change


@retry_on_busy
def confirm_coding(engine: Engine, article_id: int, user: str) -> TagChange:
    """Confirm the tagger's engagements on the article as they are: they become the analyst's (manual rows
    with the same fields), so re-tagging keeps them and the article leaves the review list."""
    with Session(engine) as session:
        _lock_article(session, article_id)
        tagger_rows = _auto_engagements(session, article_id)
        if _manual_engagements(session, article_id):
            raise TaggingError("nothing to confirm: this article's engagement is already coded by hand")
        if not tagger_rows:
            raise TaggingError("nothing to confirm: the tagger found no engagement here; set its type by hand instead")
        before = _coding_snapshot(session, article_id)
        kept = {"id", "source", "created_by", "created_at", "tagger_version"}
        session.add_all(Engagement(**row.model_dump(exclude=kept), source=MANUAL, created_by=user)
                        for row in tagger_rows)
        change = _audit(session, article_id, "confirm", "type", tagger_rows[0].type, tagger_rows[0].type, user,
                        before)
        session.commit()
        return change


def _acled_columns(type_id: str, secondary: Sequence[str] = ()) -> dict[str, str | None]:
    """ACLED's coding of types set by hand, as an engagement row's columns (the text is not read again)."""
    coding = acled_coding(type_id, secondary)
    return {"acled_disorder_type": coding.disorder_type if coding else None,
            "acled_event_type": coding.event_type if coding else None,
            "acled_sub_event_type": coding.sub_event_type if coding else None}


def _restored_engagement(row: dict) -> Engagement:
    """An engagement row from an undo snapshot; one taken before ACLED's coding was stored gets it now."""
    coding = _acled_columns(row["type"], json.loads(row.get("secondary_types") or "[]"))
    return Engagement.model_validate(coding | row)


@retry_on_busy
def set_event_date(engine: Engine, article_id: int, day: date | None, user: str) -> TagChange:
    """Date the article's engagements by hand (None: no date known), to the day; they become the analyst's
    (manual rows), as with `set_kabupaten`. An article without an engagement has nothing to date."""
    with Session(engine) as session:
        _lock_article(session, article_id)
        manual = _manual_engagements(session, article_id)
        rows = manual or _auto_engagements(session, article_id)
        if not rows:
            raise TaggingError("the article has no engagement to date: set its type first (1–9 or e)")
        before = _coding_snapshot(session, article_id)
        old = rows[0].event_date
        for row in rows:
            dated = row if manual else Engagement.model_validate(
                row.model_dump(exclude={"id", "source", "tagger_version", "created_by", "created_at"})
            )
            dated.event_date, dated.date_precision = day, (1 if day else None)
            dated.year_inferred = False
            dated.source, dated.created_by = MANUAL, user
            session.add(dated)
        change = _audit(session, article_id, "set", "event_date", old.isoformat() if old else None,
                        day.isoformat() if day else None, user, before)
        session.commit()
        return change


@retry_on_busy
def set_kabupaten(engine: Engine, article_id: int, place: PlaceChoice, user: str) -> TagChange:
    """Place the article in a kabupaten/kota by hand; its engagements move there too (as manual rows)."""
    with Session(engine) as session:
        _lock_article(session, article_id)
        before = _coding_snapshot(session, article_id)
        old = _effective_place(session, article_id)
        session.execute(delete(PlaceTag).where(
            col(PlaceTag.article_id) == article_id, col(PlaceTag.source) == MANUAL,
            col(PlaceTag.level).in_(KABUPATEN_LEVELS),
        ))
        level = "kota" if place.name.startswith("Kota") else "kabupaten"
        session.add(PlaceTag(article_id=article_id, code=place.code, name=place.name, level=level,
                             province=place.province, precision=0, source=MANUAL, created_by=user))
        manual = _manual_engagements(session, article_id)
        for row in manual or _auto_engagements(session, article_id):
            moved = row if manual else Engagement.model_validate(
                row.model_dump(exclude={"id", "source", "tagger_version", "created_by", "created_at"})
            )
            moved.kabupaten_code, moved.kabupaten_kota, moved.province = place.code, place.name, place.province
            moved.source, moved.created_by = MANUAL, user
            session.add(moved)
        change = _audit(session, article_id, "set", "kabupaten", str(old) if old else None, str(place), user, before)
        session.commit()
        return change


@retry_on_busy
def add_actor(engine: Engine, article_id: int, user: str, kind: str, name: str, rank: str | None = None,
              position: str | None = None, organisation: str | None = None, unit: str | None = None) -> TagChange:
    """Tag an actor on the article by hand, creating the actor if no one of that kind and name is known.

    An actor already tagged by hand on this article is edited (rank, position) instead. An `organisation` or
    `unit` filled in is the actor's own (every article naming it shows it); undo puts back what it had.
    """
    name = " ".join(name.split())
    if kind not in ACTOR_KINDS:
        raise TaggingError(f"unknown actor kind {kind!r}; expected one of {', '.join(ACTOR_KINDS)}")
    if not name:
        raise TaggingError("an actor needs a name")
    with Session(engine) as session:
        _lock_article(session, article_id)
        actor = _find_or_create(session, kind, name, organisation)
        actor_before = {"id": actor.id, "organisation": actor.organisation, "unit": actor.unit}
        actor.organisation = _given(organisation, actor.organisation)
        actor.unit = _given(unit, actor.unit)
        session.add(actor)
        query = select(ActorMention).where(ActorMention.article_id == article_id, ActorMention.actor_id == actor.id,
                                           ActorMention.source == MANUAL)
        mention = session.exec(query).first()
        if mention is None:
            mention = ActorMention(article_id=article_id, actor_id=actor.id, source=MANUAL, created_by=user)
            undo: dict = {"created_mention": None}
            action, old = "add", None
        else:
            undo = {"edited_mention": mention.model_dump(mode="json")}
            action, old = "edit", _actor_label(actor, mention.rank, mention.position)
        mention.rank = rank or None
        mention.position = position or None
        mention.created_by = user
        session.add(mention)
        session.flush()
        if "created_mention" in undo:
            undo["created_mention"] = mention.id
        undo["actor"] = actor_before
        change = _audit(session, article_id, action, "actor", old, _actor_label(actor, mention.rank, mention.position),
                        user, undo)
        session.commit()
        return change


def _find_or_create(session: Session, kind: str, name: str, organisation: str | None) -> Actor:
    """The actor of that kind and name, created if nobody knows it yet.

    Two analysts may create the same new actor at the same moment (on PostgreSQL, on other
    articles, so neither waits for the other's article lock): the one that loses the race to
    the unique key takes the actor the other one stored.
    """
    key = actor_key(name)
    actor = _actor_by_key(session, kind, key)
    if actor is None:
        try:
            with session.begin_nested():
                actor = Actor(kind=kind, key=key, name=name, organisation=organisation or None)
                session.add(actor)
        except IntegrityError:
            actor = _actor_by_key(session, kind, key)
    while actor.merged_into_id is not None:
        actor = session.get(Actor, actor.merged_into_id)
    return actor


def _actor_by_key(session: Session, kind: str, key: str) -> Actor | None:
    return session.exec(select(Actor).where(Actor.kind == kind, Actor.key == key)).first()


def _given(value: str | None, current: str | None) -> str | None:
    """A field the analyst filled in, else (None or blank) what it was."""
    return " ".join((value or "").split()) or current


def _actor_label(actor: Actor, rank: str | None, position: str | None) -> str:
    label = " ".join(part for part in (rank, actor.name) if part)
    body = " · ".join(part for part in (actor.organisation, actor.unit) if part)
    return f"{label} ({actor.kind}{', ' + position if position else ''}{', ' + body if body else ''})"


@retry_on_busy
def remove_actor(engine: Engine, article_id: int, actor_id: int, user: str) -> TagChange:
    """Take an actor off the article: its manual mention, or the tagger's (kept in the audit for undo)."""
    with Session(engine) as session:
        _lock_article(session, article_id)
        mentions = list(session.exec(select(ActorMention).where(ActorMention.article_id == article_id,
                                                                ActorMention.actor_id == actor_id)))
        actor = session.get(Actor, actor_id)
        if not mentions or actor is None:
            raise TaggingError(f"actor {actor_id} is not tagged on article {article_id}")
        undo = {"deleted_mentions": [mention.model_dump(mode="json") for mention in mentions]}
        for mention in mentions:
            session.delete(mention)
        change = _audit(session, article_id, "remove", "actor",
                        _actor_label(actor, mentions[0].rank, mentions[0].position), None, user, undo)
        session.commit()
        return change


def normalise_tag(tag: str) -> str:
    """Tags compare without case or extra spaces: "PHK  Massal" and "phk massal" are one tag."""
    return " ".join(tag.lower().split())


@retry_on_busy
def add_tag(engine: Engine, article_id: int, tag: str, user: str) -> TagChange:
    """Put a free tag on the article (once, whoever else added it)."""
    tag = normalise_tag(tag)
    if not tag:
        raise TaggingError("a tag needs a name")
    with Session(engine) as session:
        _lock_article(session, article_id)
        if session.exec(select(ArticleTag).where(ArticleTag.article_id == article_id, ArticleTag.tag == tag)).first():
            raise TaggingError(f"the article is tagged {tag!r} already")
        session.add(ArticleTag(article_id=article_id, tag=tag, created_by=user))
        change = _audit(session, article_id, "add", "tag", None, tag, user, {})
        session.commit()
        return change


@retry_on_busy
def remove_tag(engine: Engine, article_id: int, tag: str, user: str) -> TagChange:
    tag = normalise_tag(tag)
    with Session(engine) as session:
        _lock_article(session, article_id)
        row = session.exec(select(ArticleTag).where(ArticleTag.article_id == article_id, ArticleTag.tag == tag)).first()
        if row is None:
            raise TaggingError(f"the article is not tagged {tag!r}")
        undo = {"deleted_tag": row.model_dump(mode="json")}
        session.delete(row)
        change = _audit(session, article_id, "remove", "tag", tag, None, user, undo)
        session.commit()
        return change


@retry_on_busy
def set_not_relevant(engine: Engine, article_id: int, not_relevant: bool, user: str) -> TagChange:
    """Mark the article not relevant (hidden from the default feed and the timeline), or relevant again."""
    with Session(engine) as session:
        _lock_article(session, article_id)
        row = session.get(NotRelevant, article_id)
        undo = {"row": row.model_dump(mode="json") if row else None}
        if not_relevant and row is None:
            session.add(NotRelevant(article_id=article_id, created_by=user))
        elif not not_relevant and row is not None:
            session.delete(row)
        change = _audit(session, article_id, "set", "not_relevant", _flag(row is not None), _flag(not_relevant),
                        user, undo)
        session.commit()
        return change


@retry_on_busy
def set_starred(engine: Engine, article_id: int, starred: bool, user: str) -> TagChange:
    with Session(engine) as session:
        article = _lock_article(session, article_id)
        old = article.is_starred
        article.is_starred = starred
        session.add(article)
        change = _audit(session, article_id, "set", "starred", _flag(old), _flag(starred), user, {"starred": old})
        session.commit()
        return change


def _flag(value: bool) -> str:
    return "yes" if value else "no"


# Undo ------------------------------------------------------------------------------------


@retry_on_busy
def undo_last(engine: Engine, user: str) -> TagChange | None:
    """Revert `user`'s last manual change that is not reverted yet; None when there is none.

    The undo is audited too. A change someone else has overwritten since (a later change of the
    same single value) is not reverted, so theirs stands; the undo then says so in its audit row
    (`new_value` "kept: later change by <who>") and the next undo goes further back.
    """
    with Session(engine) as session:
        begin_write(session)
        last = session.exec(
            select(TagAudit)
            .where(TagAudit.created_by == user, TagAudit.action != "undo", col(TagAudit.reverted_by_id).is_(None))
            .order_by(col(TagAudit.id).desc())
        ).first()
        if last is None:
            return None
        _lock_row(session, last.article_id)
        session.refresh(last)
        if last.reverted_by_id is not None:
            return None
        later = _later_change(session, last)
        if later is not None:
            change = _audit(session, last.article_id, "undo", last.field, last.new_value,
                            f"kept: later change by {later.created_by}", user, {"reverts": last.id})
        else:
            _revert(session, last, json.loads(last.undo))
            change = _audit(session, last.article_id, "undo", last.field, last.new_value, last.old_value, user,
                            {"reverts": last.id})
        last.reverted_by_id = change.audit_id
        session.add(last)
        session.commit()
        return change


def _later_change(session: Session, entry: TagAudit) -> TagAudit | None:
    """A later change by anyone of the single value `entry` changed, which undoing would overwrite."""
    if entry.field in ("tag", "actor"):
        return None
    fields = CODING_FIELDS if entry.field in CODING_FIELDS else (entry.field,)
    query = select(TagAudit).where(
        TagAudit.article_id == entry.article_id, col(TagAudit.field).in_(fields), col(TagAudit.id) > entry.id,
        TagAudit.action != "undo", col(TagAudit.reverted_by_id).is_(None),
    )
    return session.exec(query.order_by(col(TagAudit.id))).first()


def _revert(session: Session, entry: TagAudit, undo: dict) -> None:
    article_id = entry.article_id
    if entry.field in CODING_FIELDS:
        session.execute(delete(Engagement).where(col(Engagement.article_id) == article_id,
                                                 col(Engagement.source) == MANUAL))
        session.execute(delete(PlaceTag).where(col(PlaceTag.article_id) == article_id, col(PlaceTag.source) == MANUAL,
                                               col(PlaceTag.level).in_(KABUPATEN_LEVELS)))
        session.flush()
        session.add_all(_restored_engagement(row) for row in undo["engagements"])
        session.add_all(PlaceTag.model_validate(row) for row in undo["places"])
    elif entry.field == "tag":
        _revert_tag(session, entry, undo)
    elif entry.field == "actor":
        _revert_actor(session, undo)
    elif entry.field == "not_relevant":
        current = session.get(NotRelevant, article_id)
        if current is not None:
            session.delete(current)
            session.flush()
        if undo["row"]:
            session.add(NotRelevant.model_validate(undo["row"]))
    elif entry.field == "starred":
        article = session.get(Article, article_id)
        article.is_starred = undo["starred"]
        session.add(article)


def _revert_tag(session: Session, entry: TagAudit, undo: dict) -> None:
    if entry.action == "add":
        session.execute(delete(ArticleTag).where(col(ArticleTag.article_id) == entry.article_id,
                                                 col(ArticleTag.tag) == entry.new_value))
    elif not session.exec(select(ArticleTag).where(ArticleTag.article_id == entry.article_id,
                                                   ArticleTag.tag == entry.old_value)).first():
        row = dict(undo["deleted_tag"])
        row.pop("id")
        session.add(ArticleTag.model_validate(row))


def _revert_actor(session: Session, undo: dict) -> None:
    if "actor" in undo:
        actor = session.get(Actor, undo["actor"]["id"])
        if actor is not None:
            actor.organisation, actor.unit = undo["actor"]["organisation"], undo["actor"]["unit"]
            session.add(actor)
    if undo.get("created_mention") is not None:
        session.execute(delete(ActorMention).where(col(ActorMention.id) == undo["created_mention"]))
    if "edited_mention" in undo:
        saved = undo["edited_mention"]
        mention = session.get(ActorMention, saved["id"])
        if mention is not None:
            mention.rank, mention.position, mention.created_by = saved["rank"], saved["position"], saved["created_by"]
            session.add(mention)
    for saved in undo.get("deleted_mentions", []):
        if session.get(ActorMention, saved["id"]) is None:
            session.add(ActorMention.model_validate(saved))


# Reading ---------------------------------------------------------------------------------


def audit_log(engine: Engine, article_id: int) -> list[TagAudit]:
    """Every manual change of the article, oldest first."""
    with Session(engine) as session:
        query = select(TagAudit).where(TagAudit.article_id == article_id).order_by(col(TagAudit.id))
        return list(session.exec(query))


def article_tagging(engine: Engine, article_id: int) -> ArticleTagging:
    """The article's tags as the reader shows them: the analyst's where there are any, else the tagger's."""
    with Session(engine) as session:
        engagements = _manual_engagements(session, article_id) or _auto_engagements(session, article_id)
        first = engagements[0] if engagements else None
        place = _effective_place(session, article_id)
        tags = list(session.exec(select(ArticleTag.tag).where(ArticleTag.article_id == article_id)
                                 .order_by(col(ArticleTag.tag))))
        article = session.get(Article, article_id)
        tagging = ArticleTagging(
            article_id=article_id,
            engagement_type=first.type if first else None,
            type_source=first.source if first else None,
            event_date=first.event_date if first else None,
            kabupaten_code=place.code if place else None,
            kabupaten=place.name if place else None,
            province=place.province if place else None,
            tags=tags,
            not_relevant=session.get(NotRelevant, article_id) is not None,
            starred=bool(article and article.is_starred),
        )
    return replace(tagging, mentions=article_mentions(engine, article_id))


def row_details(engine: Engine, ids: Iterable[int]) -> dict[int, RowDetails]:
    """Engagement type, kabupaten/kota and markers of the given articles, in one query (a page of the feed)."""
    ids = list(ids)
    if not ids:
        return {}
    query = sa_select(
        col(Article.id), _type_column(), _kabupaten_column(), _manual_column(),
        exists().where(col(NotRelevant.article_id) == col(Article.id)), _sources_column(),
    ).where(col(Article.id).in_(ids))
    with Session(engine) as session:
        return {
            article_id: RowDetails(kind, place, bool(manual), bool(hidden), max((sources or 0) - 1, 0))
            for article_id, kind, place, manual, hidden, sources in session.execute(query)
        }


def _sources_column():
    """How many feeds carried the article's story (storage.stories.story_size, for a page of rows at once)."""
    member = aliased(Article)
    story = func.coalesce(col(Article.story_id), col(Article.id))
    return (
        sa_select(func.count(func.distinct(col(ArticleLink.feed_id))))
        .select_from(ArticleLink).join(member, member.id == col(ArticleLink.article_id))
        .where(or_(member.story_id == story, member.id == story))
        .scalar_subquery()
    )


def _manual_first():
    """Manual rows first, then the tagger's, each in the order they were stored."""
    return case((col(Engagement.source) == MANUAL, 0), else_=1), col(Engagement.id)


def _type_column():
    return (
        sa_select(col(Engagement.type)).where(col(Engagement.article_id) == col(Article.id))
        .order_by(*_manual_first()).limit(1).scalar_subquery()
    )


def _kabupaten_column():
    def place(source: str):
        return (
            sa_select(col(PlaceTag.name))
            .where(col(PlaceTag.article_id) == col(Article.id), col(PlaceTag.source) == source,
                   col(PlaceTag.level).in_(KABUPATEN_LEVELS))
            .order_by(col(PlaceTag.id).desc() if source == MANUAL else col(PlaceTag.id))
            .limit(1).scalar_subquery()
        )

    engaged = (
        sa_select(col(Engagement.kabupaten_kota))
        .where(col(Engagement.article_id) == col(Article.id), col(Engagement.kabupaten_kota).is_not(None))
        .order_by(*_manual_first()).limit(1).scalar_subquery()
    )
    return func.coalesce(place(MANUAL), engaged, place(AUTO))


def _manual_column():
    return or_(
        exists().where(col(ArticleTag.article_id) == col(Article.id)),
        exists().where(col(Engagement.article_id) == col(Article.id), col(Engagement.source) == MANUAL),
        exists().where(col(PlaceTag.article_id) == col(Article.id), col(PlaceTag.source) == MANUAL),
        exists().where(col(ActorMention.article_id) == col(Article.id), col(ActorMention.source) == MANUAL),
    )


def known_tags(engine: Engine) -> list[str]:
    """Every free tag in use, most used first: what the tag picker completes over."""
    count = func.count()
    query = sa_select(col(ArticleTag.tag), count).group_by(col(ArticleTag.tag)).order_by(count.desc(), col(ArticleTag.tag))
    with Session(engine) as session:
        return [tag for tag, _count in session.execute(query)]


def known_actors(engine: Engine, limit: int = 20_000) -> list[Actor]:
    """Actors not merged away and named in an article, most mentioned first: what the actor editor completes
    over (as storage.actors.list_actors, an actor a re-tag left named nowhere is not offered)."""
    mentions = func.count(col(ActorMention.id))
    query = (
        select(Actor)
        .join(ActorMention, col(ActorMention.actor_id) == col(Actor.id))
        .where(col(Actor.merged_into_id).is_(None))
        .group_by(col(Actor.id))
        .order_by(mentions.desc(), col(Actor.name))
        .limit(limit)
    )
    with Session(engine) as session:
        return list(session.exec(query))
