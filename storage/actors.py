"""Analysts' corrections to actor identity: merging two actors into one, splitting one in two."""

from dataclasses import dataclass

from sqlalchemy import Engine, func, update
from sqlmodel import Session, col, select

from storage.models import Actor, ActorMention
from storage.tags import actor_key


@dataclass(frozen=True)
class ActorCount:
    actor: Actor
    mentions: int


def list_actors(engine: Engine, kind: str | None = None, limit: int = 100) -> list[ActorCount]:
    """Actors that are not merged away and still named in an article, most mentioned first (a re-tag can leave
    an actor named nowhere: the row stays, because undo records point at it, but nobody is offered it)."""
    mentions = func.count(col(ActorMention.id))
    query = (
        select(Actor, mentions)
        .join(ActorMention, col(ActorMention.actor_id) == col(Actor.id))
        .where(col(Actor.merged_into_id).is_(None))
        .group_by(col(Actor.id))
        .order_by(mentions.desc(), col(Actor.name))
        .limit(limit)
    )
    if kind:
        query = query.where(Actor.kind == kind)
    with Session(engine) as session:
        return [ActorCount(actor, count) for actor, count in session.exec(query)]


class ActorEditError(ValueError):
    """A merge or split that cannot be done, worded for the analyst."""


def merge_actors(engine: Engine, keep_id: int, other_id: int) -> int:
    """Fold `other_id` into `keep_id`: its mentions move over, and later tagging finds `keep_id`.

    Returns how many mentions moved.
    """
    if keep_id == other_id:
        raise ActorEditError("an actor cannot be merged into itself")
    with Session(engine) as session:
        keep, other = session.get(Actor, keep_id), session.get(Actor, other_id)
        if keep is None or other is None:
            raise ActorEditError(f"no actor {keep_id if keep is None else other_id}")
        if keep.kind != other.kind:
            raise ActorEditError(f"cannot merge a {other.kind} actor into a {keep.kind} actor")
        moved = session.execute(
            update(ActorMention).where(col(ActorMention.actor_id) == other_id).values(actor_id=keep_id)
        ).rowcount
        other.merged_into_id = keep_id
        session.add(other)
        session.commit()
        return moved


def split_actor(engine: Engine, actor_id: int, article_ids: list[int], name: str) -> Actor:
    """Move the actor's mentions in `article_ids` to a new actor called `name` (same kind)."""
    with Session(engine) as session:
        original = session.get(Actor, actor_id)
        if original is None:
            raise ActorEditError(f"no actor {actor_id}")
        key = actor_key(name)
        if session.exec(select(Actor).where(Actor.kind == original.kind, Actor.key == key)).first():
            raise ActorEditError(f"a {original.kind} actor named {name!r} exists already: merge instead")
        created = Actor(kind=original.kind, key=key, name=name, organisation=original.organisation, unit=original.unit)
        session.add(created)
        session.flush()
        moved = session.execute(
            update(ActorMention)
            .where(col(ActorMention.actor_id) == actor_id, col(ActorMention.article_id).in_(article_ids))
            .values(actor_id=created.id)
        ).rowcount
        if moved == 0:
            raise ActorEditError(f"actor {actor_id} is not mentioned in articles {article_ids}")
        session.commit()
        session.refresh(created)
        return created
