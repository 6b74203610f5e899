"""A poller killed while it held feed leases does not keep its feeds from the next poller."""

import socket
import subprocess
import sys

from sqlmodel import Session

from storage.feeds import add_feed, due_feeds
from storage.fetch_state import claim_feeds, lease_owner_name, release_dead_leases
from storage.models import Feed


def test_leases_of_ended_processes_of_this_machine_are_released(engine):
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    host = socket.gethostname()
    owners = {
        "ended here": f"{host}:{int(ended.stdout)}:0a1b2c3d",
        "alive here": lease_owner_name(),
        "elsewhere": f"another-{host}:{int(ended.stdout)}:0a1b2c3d",
        "unnamed": "an-older-poller",
    }
    feeds = {what: add_feed(engine, f"http://example.test/{n}.xml").id for n, what in enumerate(owners)}
    for what, owner in owners.items():
        assert claim_feeds(engine, [feeds[what]], owner, lease_s=600) == {feeds[what]}
    assert due_feeds(engine) == []

    assert release_dead_leases(engine) == 1
    assert [feed.id for feed in due_feeds(engine)] == [feeds["ended here"]]
    with Session(engine) as session:
        assert {what: session.get(Feed, feed_id).lease_owner for what, feed_id in feeds.items()} == {
            **owners, "ended here": None}
