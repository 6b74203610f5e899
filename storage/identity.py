"""Which entries of a feed are new, already stored, stored through another feed, edited, or deleted.

An entry is known by (feed, guid) through its link row, and across feeds by its normalised link.
A deleted article leaves tombstones for both, so a feed that still lists it never brings it back.
"""

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Engine, delete
from sqlmodel import Session, col, select

from storage.models import ActorMention, Article, ArticleLink, Engagement, PlaceTag, StoryBand, Tombstone, utcnow
from storage.retry import retry_on_busy
from storage.writes import begin_write


class Seen(StrEnum):
    NEW = "new"
    SAME = "same"
    EDITED = "edited"
    ELSEWHERE = "elsewhere"
    DELETED = "deleted"


@dataclass(frozen=True)
class EntryKey:
    """What identifies one entry of one feed, and a fingerprint of how it looks now."""

    guid: str
    link_key: str | None
    entry_hash: str


def guid_tombstone(feed_id: int, guid: str) -> str:
    return f"guid:{feed_id}:{guid}"


def link_tombstone(link_key: str) -> str:
    return f"link:{link_key}"


def classify_entries(engine: Engine, feed_id: int, keys: list[EntryKey]) -> dict[str, Seen]:
    """How each entry (by guid) relates to what is stored. One query per kind of identity."""
    if not keys:
        return {}
    guids = [key.guid for key in keys]
    link_keys = [key.link_key for key in keys if key.link_key]
    tombstones = [guid_tombstone(feed_id, guid) for guid in guids] + [link_tombstone(k) for k in link_keys]
    with Session(engine) as session:
        hashes = dict(
            session.exec(
                select(ArticleLink.guid, ArticleLink.entry_hash).where(
                    ArticleLink.feed_id == feed_id, col(ArticleLink.guid).in_(guids)
                )
            ).all()
        )
        stored_links = set(session.exec(select(Article.link_key).where(col(Article.link_key).in_(link_keys))))
        buried = set(session.exec(select(Tombstone.key).where(col(Tombstone.key).in_(tombstones))))
    seen = {}
    for key in keys:
        if key.guid in hashes:
            changed = hashes[key.guid] and key.entry_hash and hashes[key.guid] != key.entry_hash
            seen[key.guid] = Seen.EDITED if changed else Seen.SAME
        elif guid_tombstone(feed_id, key.guid) in buried or (
            key.link_key and link_tombstone(key.link_key) in buried
        ):
            seen[key.guid] = Seen.DELETED
        elif key.link_key in stored_links:
            seen[key.guid] = Seen.ELSEWHERE
        else:
            seen[key.guid] = Seen.NEW
    return seen


def link_to_stored(engine: Engine, feed_id: int, keys: list[EntryKey]) -> int:
    """Record that this feed also carries articles already stored under the same normalised link."""
    by_link = {key.link_key: key for key in keys if key.link_key}
    if not by_link:
        return 0
    with Session(engine) as session:
        begin_write(session)
        stored = session.exec(select(Article.id, Article.link_key).where(col(Article.link_key).in_(by_link)))
        added = 0
        for article_id, link_key in stored:
            key = by_link[link_key]
            exists = session.exec(
                select(ArticleLink.id).where(ArticleLink.feed_id == feed_id, ArticleLink.guid == key.guid)
            ).first()
            if exists is None:
                session.add(ArticleLink(article_id=article_id, feed_id=feed_id, guid=key.guid, entry_hash=key.entry_hash))
                added += 1
        session.commit()
        return added


@retry_on_busy
def delete_article(engine: Engine, article_id: int) -> bool:
    """Delete an article and its tags, leaving tombstones for every identity it had.

    Run again when the database turns it away for another's sake (storage.retry): on PostgreSQL it locks the
    article's tag rows before the article, and a tagging change that locks the article first deadlocks with it."""
    with Session(engine) as session:
        begin_write(session)
        article = session.get(Article, article_id)
        if article is None:
            return False
        keys = {guid_tombstone(article.feed_id, article.guid)}
        keys.update(
            guid_tombstone(feed_id, guid)
            for feed_id, guid in session.exec(
                select(ArticleLink.feed_id, ArticleLink.guid).where(ArticleLink.article_id == article_id)
            )
        )
        if article.link_key:
            keys.add(link_tombstone(article.link_key))
        for key in keys:
            session.merge(Tombstone(key=key, deleted_at=utcnow()))
        for table in (ArticleLink, ActorMention, PlaceTag, Engagement):
            session.execute(delete(table).where(table.article_id == article_id))
        session.execute(delete(StoryBand).where(StoryBand.article_id == article_id))
        session.delete(article)
        session.commit()
        return True
