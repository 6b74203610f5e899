"""Tagging killed with SIGKILL mid-write, again and again: nothing committed is lost, and the audit
log still agrees with the tags.

Two writers are killed: the storage calls the desk's tagging thread makes, in a loop as fast as
they go (many kills land inside a transaction), and the desk itself, run headless and tagged by key.
"""

import time
from pathlib import Path
from random import Random
from subprocess import Popen

import pytest
from sqlalchemy import Engine

from storage.articles import newest_articles
from tests.crash.desk_checks import problems
from tests.crash.processes import helper_command, kill
from tests.crash.tag_checks import TagSnapshot, audit_disagreements, lost_tags, tag_snapshot
from tests.tui.tui_support import fill

pytestmark = pytest.mark.crash

WRITER_KILLS = 20
DESK_KILLS = 5
START_S = 90.0


def wait_for_writes(engine: Engine, process: Popen, log: Path, since: int) -> None:
    """Until the process has stored something past `since` audit rows."""
    deadline = time.monotonic() + START_S
    while len(tag_snapshot(engine).audit) <= since:
        assert process.poll() is None, f"the tagger exited on its own: {log.read_text()[-3000:]}"
        assert time.monotonic() < deadline, f"no write within {START_S} s: {log.read_text()[-3000:]}"
        time.sleep(0.02)


def kill_and_check(engine: Engine, db: Path, process: Popen, log: Path, rng: Random, most_s: float) -> TagSnapshot:
    """Let it write for a random while, read what is committed, SIGKILL it, and check the file."""
    wait_for_writes(engine, process, log, len(tag_snapshot(engine).audit))
    time.sleep(rng.uniform(0, most_s))
    before = tag_snapshot(engine)
    kill(process)
    engine.dispose()  # the next read opens the file afresh, as a restarted desk would
    assert problems(db) == []
    assert lost_tags(before, tag_snapshot(engine)) == []
    assert audit_disagreements(engine) == []
    return before


@pytest.fixture
def desk(tmp_path: Path, engine: Engine) -> tuple[Path, list[int]]:
    fill(engine, [f"Buruh dan polisi bertemu, berita {n}" for n in range(4)])
    return tmp_path / "pantau.db", sorted(row.id for row in newest_articles(engine, 4))


def test_tagging_writes_killed_at_random_lose_nothing(desk, engine: Engine, db_url: str, tmp_path: Path,
                                                     crash_rng: Random, spawn):
    db, article_ids = desk
    log = tmp_path / "writer.log"
    committed = []
    for run in range(1, WRITER_KILLS + 1):
        process = spawn(helper_command("tag_writer.py", db_url, "alice", ",".join(map(str, article_ids)), "0", str(run)),
                        log)
        committed.append(len(kill_and_check(engine, db, process, log, crash_rng, most_s=1.0).tags))
    print(f"{WRITER_KILLS} kills of the tagging writer; free tags committed at each kill: {committed}")
    assert committed[-1] > committed[0]


def test_the_desk_killed_while_tagging_by_key_loses_nothing(desk, engine: Engine, db_url: str, tmp_path: Path,
                                                           crash_rng: Random, spawn):
    db, _article_ids = desk
    log = tmp_path / "desk.log"
    committed = []
    for run in range(1, DESK_KILLS + 1):
        process = spawn(helper_command("app_tagger.py", db_url, "alice", str(run), "0"), log)
        committed.append(len(kill_and_check(engine, db, process, log, crash_rng, most_s=3.0).audit))
    print(f"{DESK_KILLS} kills of the headless desk tagging by key; audit rows committed at each kill: {committed}")
    assert "Traceback" not in log.read_text()
