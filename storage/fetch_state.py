"""Poll bookkeeping beyond `storage.feeds.record_poll`: leases, batched health records, offline cycles.

A lease on the feed row is what lets the app and a separate `pantau poll` share one database:
a poller fetches only the feeds it managed to lease. A lease that is not released (a killed
process) runs out; one whose owner was a process of this machine that no longer runs is released
at the next poller's start, so a poller restarted after a crash picks up the feeds at once.
"""

import os
import socket
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, or_, update
from sqlmodel import Session, col, select

from core.vocabulary import FeedStatus
from storage.models import Feed, utcnow
from storage.writes import begin_write


@dataclass(frozen=True)
class OfflinePoll:
    feed_id: int
    error: str
    next_poll_at: datetime


@dataclass(frozen=True)
class PollRecord:
    """What one poll of one feed found, written together with the others of its cycle.

    `failure_weight` is added to the feed's back-off weight on a failure (soft failures weigh
    less); on success both the weight and the failure count go back to zero. `moved_to` is the
    feed's new address after a permanent redirect; `mute` stops polling until re-enabled (410).
    `note` is what a successful poll had to say about the feed (shown where errors are, counted
    as no failure). `kind` is set when discovery resolved a site to the source at `moved_to`.
    `pages_extracted` and `pages_failed` count the poll's article pages whose text was and was not
    extracted; `extraction_error` says why the last failed one failed.
    """

    feed_id: int
    status: str
    next_poll_at: datetime
    error: str | None = None
    failure_weight: float = 1.0
    etag: str | None = None
    last_modified: str | None = None
    title: str | None = None
    site: str | None = None
    body_hash: str | None = None
    advised_interval_s: int | None = None
    moved_to: str | None = None
    mute: bool = False
    note: str | None = None
    kind: str | None = None
    pages_extracted: int = 0
    pages_failed: int = 0
    extraction_error: str | None = None


def lease_owner_name() -> str:
    """A poller's name on its leases: this machine, this process and a random part ("host:pid:random")."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def release_dead_leases(engine: Engine) -> int:
    """Release the leases of pollers of this machine whose process has ended; return how many.

    Leases of other machines, and of names not made by `lease_owner_name`, are left to run out.
    """
    with Session(engine) as session:
        owners = set(session.exec(select(Feed.lease_owner).where(col(Feed.lease_until) >= utcnow()).distinct()))
    dead = [owner for owner in owners if owner and _ended_here(owner)]
    if not dead:
        return 0
    statement = update(Feed).where(col(Feed.lease_owner).in_(dead)).values(lease_owner=None, lease_until=None)
    with Session(engine) as session:
        released = session.execute(statement).rowcount
        session.commit()
    return released


def _ended_here(owner: str) -> bool:
    host, _, rest = owner.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return True
    except PermissionError:  # it exists, run by another user
        return False
    return False


def claim_feeds(engine: Engine, feed_ids: list[int], owner: str, lease_s: float) -> set[int]:
    """Lease those of `feed_ids` that nobody else holds; return the ids this owner now holds."""
    if not feed_ids:
        return set()
    now = utcnow()
    statement = (
        update(Feed)
        .where(col(Feed.id).in_(feed_ids))
        .where(or_(col(Feed.lease_until).is_(None), col(Feed.lease_until) < now, Feed.lease_owner == owner))
        .values(lease_owner=owner, lease_until=now + timedelta(seconds=lease_s))
        .returning(Feed.id)
    )
    with Session(engine) as session:
        claimed = {row[0] for row in session.execute(statement)}
        session.commit()
        return claimed


def renew_leases(engine: Engine, feed_ids: list[int], owner: str, lease_s: float) -> set[int]:
    """Extend this owner's leases on `feed_ids` by `lease_s` from now; return the ids still held.

    A lease that ran out and was taken by another poller is not this owner's any more: it is
    left alone, and its id is missing from the answer.
    """
    if not feed_ids:
        return set()
    statement = (
        update(Feed)
        .where(col(Feed.id).in_(feed_ids), Feed.lease_owner == owner)
        .values(lease_until=utcnow() + timedelta(seconds=lease_s))
        .returning(Feed.id)
    )
    with Session(engine) as session:
        held = {row[0] for row in session.execute(statement)}
        session.commit()
        return held


def release_feeds(engine: Engine, feed_ids: list[int], owner: str) -> None:
    """Give back leases this owner still holds (those of feeds it did not get to record)."""
    if not feed_ids:
        return
    statement = (
        update(Feed)
        .where(col(Feed.id).in_(feed_ids), Feed.lease_owner == owner)
        .values(lease_owner=None, lease_until=None)
    )
    with Session(engine) as session:
        session.execute(statement)
        session.commit()


def record_polls(engine: Engine, records: list[PollRecord], owner: str | None = None) -> None:
    """Store a batch of poll results in one transaction and release their leases.

    A feed moved to an address another feed already has keeps its old address: the error says so.
    """
    if not records:
        return
    now = utcnow()
    with Session(engine) as session:
        begin_write(session)
        feeds = {feed.id: feed for feed in session.exec(select(Feed).where(col(Feed.id).in_([r.feed_id for r in records])))}
        for record in records:
            feed = feeds.get(record.feed_id)
            if feed is not None:
                _apply(session, feed, record, now)
            if feed is not None and (owner is None or feed.lease_owner == owner):
                feed.lease_owner, feed.lease_until = None, None
        session.commit()


def _apply(session: Session, feed: Feed, record: PollRecord, now: datetime) -> None:
    feed.last_polled_at = now
    feed.next_poll_at = record.next_poll_at
    feed.last_status = record.status
    feed.last_error = record.error or record.note
    if record.mute:
        feed.muted = True
    if record.error is not None:
        feed.consecutive_failures += 1
        feed.failure_weight += record.failure_weight
        return
    feed.consecutive_failures = 0
    feed.failure_weight = 0.0
    feed.last_ok_at = now
    _count_extractions(feed, record)
    feed.etag = record.etag if record.etag is not None else feed.etag
    feed.last_modified = record.last_modified if record.last_modified is not None else feed.last_modified
    feed.title = record.title or feed.title
    feed.site = record.site or feed.site
    feed.body_hash = record.body_hash or feed.body_hash
    if record.advised_interval_s is not None:
        feed.advised_interval_s = record.advised_interval_s
    if record.moved_to and record.moved_to != feed.url:
        taken = session.exec(select(Feed.id).where(Feed.url == record.moved_to)).first()
        if taken is None:
            feed.url = record.moved_to
            feed.kind = record.kind or feed.kind
        elif record.kind:
            feed.enabled = False
            feed.last_error = f"discovery found {record.moved_to}, which is already source {taken}: this one is no longer polled"
        else:
            feed.last_error = f"moved permanently to {record.moved_to}, which is already feed {taken}"
    elif record.kind:
        feed.kind = record.kind
    session.add(feed)


def _count_extractions(feed: Feed, record: PollRecord) -> None:
    """Pages whose text could not be extracted, counted in a row: any page extracted again ends the run."""
    if record.pages_extracted:
        feed.extraction_failures, feed.extraction_error = 0, None
    if record.pages_failed:
        feed.extraction_failures += record.pages_failed
        feed.extraction_error = record.extraction_error


def record_offline(engine: Engine, polls: list[OfflinePoll]) -> None:
    """Record a cycle in which no feed could be reached: the machine was offline, not the feeds.

    Each feed shows the error and its next poll time, but its consecutive-failure count and
    validators stay as they were, so a night without network does not back every feed off.
    """
    if not polls:
        return
    now = utcnow()
    with Session(engine) as session:
        begin_write(session)
        for poll in polls:
            feed = session.get(Feed, poll.feed_id)
            if feed is None:
                continue
            feed.last_polled_at = now
            feed.next_poll_at = poll.next_poll_at
            feed.last_status = FeedStatus.OFFLINE
            feed.last_error = poll.error
            feed.lease_owner, feed.lease_until = None, None
            session.add(feed)
        session.commit()
