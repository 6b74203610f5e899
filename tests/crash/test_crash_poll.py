"""`pantau poll` killed with SIGKILL at random moments while it ingests, and restarted each time.

After every kill the desk file must pass SQLite's integrity check (and the full-text index its
own), hold no article twice, and still hold every article and feed link that was committed just
before the kill (read from a connection of the test's own). Between kills the feeds publish new
entries, and the poller runs with a one-second interval, so every run has something to ingest. A
last run, left alone, must then store and tag every article the feeds show: polling resumes where
the killed ones stopped.
"""

import signal
import time
from dataclasses import dataclass
from pathlib import Path
from random import Random
from subprocess import Popen

import pytest

from storage.engine import make_engine
from storage.feeds import add_feed
from tests.crash.desk_checks import ArticleSnapshot, connect, lost_since, problems, snapshot
from tests.crash.processes import kill, pantau_command
from tests.crash.served_feeds import serve_feeds

pytestmark = pytest.mark.crash

KILLS = 20
FEEDS = 80
ITEMS = 4
PUBLISHED_PER_KILL = 20
"""New entries the feeds publish after each kill (one each on as many random feeds)."""
START_S = 60.0
"""Longest wait for a started poller to lease its feeds (its cycle has begun)."""
TRIGGER_S = 40.0
"""Longest wait for a kill's trigger; the poller is killed then anyway."""
FINISH_S = 180.0
TICK_S = 0.02
TRIGGERS = {"early": 2, "articles": 4, "after a commit": 3, "tagged": 1}
"""Where kills land, and how often: before anything is stored (startup, leases, fetching), after a
random number of new articles, a random moment after the first new article, or while tagging."""


@dataclass(frozen=True)
class Progress:
    articles: int
    tagged: int
    leased_by_others: int


def progress(db: Path, known_owners: set[str]) -> Progress:
    with connect(db) as connection:
        articles, tagged = connection.execute("SELECT count(*), count(tagger_version) FROM article").fetchone()
        owners = [row[0] for row in connection.execute("SELECT lease_owner FROM feed WHERE lease_owner IS NOT NULL")]
    return Progress(articles, tagged, sum(owner not in known_owners for owner in owners))


def lease_owners(db: Path) -> set[str]:
    with connect(db) as connection:
        return {row[0] for row in connection.execute("SELECT DISTINCT lease_owner FROM feed WHERE lease_owner IS NOT NULL")}


@dataclass(frozen=True)
class Kill:
    """One kill: what was committed just before it, what it hit, and when."""

    before: ArticleSnapshot
    stored_by_this_run: int
    under_way: bool
    trigger: str
    started_s: float
    killed_s: float


def wait_until(process: Popen, condition, timeout_s: float) -> bool:
    """Poll `condition` until it holds (True) or the time is up (False); the process must stay alive."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert process.poll() is None, f"the poller exited on its own with status {process.returncode}"
        if time.monotonic() > deadline:
            return False
        time.sleep(TICK_S)
    return True


def kill_at_random(db: Path, process: Popen, rng: Random) -> Kill:
    """Wait until the poller leases feeds (its cycle has begun), then for a random trigger (`TRIGGERS`);
    snapshot what is committed, and kill."""
    launched = time.monotonic()
    earlier = lease_owners(db)
    wait_until(process, lambda: progress(db, earlier).leased_by_others > 0, START_S)
    started = time.monotonic()
    start = progress(db, earlier)
    trigger = rng.choices(list(TRIGGERS), weights=list(TRIGGERS.values()))[0]
    if trigger == "early":
        time.sleep(rng.uniform(0, 3))
    elif trigger == "articles":
        wanted = start.articles + rng.randint(1, PUBLISHED_PER_KILL - 5)
        wait_until(process, lambda: progress(db, earlier).articles >= wanted, TRIGGER_S)
    elif trigger == "after a commit":
        wait_until(process, lambda: progress(db, earlier).articles > start.articles, TRIGGER_S)
        time.sleep(rng.uniform(0, 1))
    else:
        wanted = start.tagged + rng.randint(1, 10)
        wait_until(process, lambda: progress(db, earlier).tagged >= wanted, TRIGGER_S)
    now = progress(db, earlier)
    before = snapshot(db)
    kill(process)
    under_way = now.leased_by_others > 0 or now.tagged < now.articles
    return Kill(before, len(before.articles) - start.articles, under_way, trigger, started - launched,
                time.monotonic() - started)


def test_pantau_poll_killed_at_random_loses_nothing_and_resumes(tmp_path: Path, local_server, crash_rng: Random,
                                                                spawn):
    served = serve_feeds(local_server, FEEDS, ITEMS)
    db = tmp_path / "desk.db"
    engine = make_engine(f"sqlite:///{db}")
    for url in served.feed_urls:
        add_feed(engine, url)
    engine.dispose()
    environment = {"PANTAU_DB": str(db), "PANTAU_POLL_INTERVAL": "1"}
    log = tmp_path / "poll.log"
    kills = []
    for number in range(1, KILLS + 1):
        process = spawn(pantau_command("poll"), log, **environment)
        kills.append(kill := kill_at_random(db, process, crash_rng))
        assert problems(db) == [], f"after kill {number} ({kill.trigger})"
        assert lost_since(kill.before, snapshot(db)) == [], f"after kill {number} ({kill.trigger})"
        for feed in crash_rng.sample(range(FEEDS), PUBLISHED_PER_KILL):
            served.publish(feed)

    process = spawn(pantau_command("poll"), log, **environment)
    everything = len(served.article_urls)
    finished = wait_until(process, lambda: progress(db, set()).tagged == everything, FINISH_S)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=60) == 0
    final = snapshot(db)
    assert finished, f"{len(final.articles)} of {everything} articles stored after the restarts; log: {log.read_text()[-2000:]}"
    assert {url for url, _key in final.articles.values()} == served.article_urls
    assert problems(db) == []
    under_way = sum(kill.under_way for kill in kills)
    after_commits = sum(kill.stored_by_this_run > 0 for kill in kills)
    print(f"{KILLS} kills, {under_way} while a cycle or its tagging was under way, {after_commits} after the run "
          f"had stored articles; articles committed at each kill: {[len(kill.before.articles) for kill in kills]}; "
          f"triggers {[kill.trigger for kill in kills]}; "
          f"seconds to lease {[round(kill.started_s, 1) for kill in kills]}, then to kill "
          f"{[round(kill.killed_s, 1) for kill in kills]}; in the end {len(final.articles)} articles, "
          f"{len(final.links)} feed links")
    assert under_way >= KILLS // 2 and after_commits >= KILLS // 4
