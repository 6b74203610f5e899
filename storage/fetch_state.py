"""Poll bookkeeping that `storage.feeds.record_poll` does not cover."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session

from storage.models import Feed, utcnow


@dataclass(frozen=True)
class OfflinePoll:
    feed_id: int
    error: str
    next_poll_at: datetime


def record_offline(engine: Engine, polls: list[OfflinePoll], status: str = "offline") -> None:
    """Record a cycle in which no feed could be reached: the machine was offline, not the feeds.

    Each feed shows the error and its next poll time, but its consecutive-failure count and
    validators stay as they were, so a night without network does not back every feed off.
    """
    if not polls:
        return
    now = utcnow()
    with Session(engine) as session:
        for poll in polls:
            feed = session.get(Feed, poll.feed_id)
            if feed is None:
                continue
            feed.last_polled_at = now
            feed.next_poll_at = poll.next_poll_at
            feed.last_status = status
            feed.last_error = poll.error
            session.add(feed)
        session.commit()
