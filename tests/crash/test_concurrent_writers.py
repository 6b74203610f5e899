"""Writers in separate processes on one desk: nothing lost, and no "database is locked" or
serialisation error reaches the analyst.

Two processes tag the same article 500 times each at once (a free tag and an engagement type per
round), on SQLite and on PostgreSQL; and the desk, run headless and tagged by key, works while
`pantau poll` ingests into the same SQLite file.
"""

import re
import signal
import subprocess
import time
from pathlib import Path

import pytest
from sqlmodel import Session, func, select

from storage.articles import article_count, newest_articles
from storage.engine import make_engine
from storage.feeds import add_feed
from storage.models import ArticleTag, TagAudit
from tests.crash.desk_checks import problems
from tests.crash.processes import helper_command, pantau_command
from tests.crash.served_feeds import serve_feeds
from tests.crash.tag_checks import audit_disagreements
from tests.tui.tui_support import fill

pytestmark = pytest.mark.crash

ROUNDS = 500
DONE_S = 240.0
REFUSALS = re.compile(r"locked|serializ|deadlock|Traceback|NOTIFY (error|warning)", re.IGNORECASE)


def finish(process: subprocess.Popen, log: Path) -> str:
    try:
        process.wait(timeout=DONE_S)
    except subprocess.TimeoutExpired:
        process.kill()
        raise
    output = log.read_text()
    assert process.returncode == 0, output[-3000:]
    return output


def retries(output: str) -> int:
    return int(re.search(r"RETRIES (\d+)", output).group(1))


def test_two_processes_tag_one_article_500_times_each(backend_url: str, tmp_path: Path, spawn):
    engine = make_engine(backend_url)
    fill(engine, ["Buruh dan polisi bertemu di Serang"])
    article_id = newest_articles(engine, 1)[0].id
    logs = {user: tmp_path / f"{user}.log" for user in ("alice", "bob")}
    writers = {user: spawn(helper_command("tag_writer.py", backend_url, user, str(article_id), str(ROUNDS)), log)
               for user, log in logs.items()}
    outputs = {user: finish(process, logs[user]) for user, process in writers.items()}

    assert [line for output in outputs.values() for line in output.splitlines() if REFUSALS.search(line)] == []
    with Session(engine) as session:
        tags = session.exec(select(ArticleTag.tag).where(ArticleTag.article_id == article_id)).all()
        audited = session.exec(select(TagAudit.field, func.count()).group_by(TagAudit.field)).all()
    assert sorted(tags) == sorted(f"{user}-00-{n:05d}" for user in logs for n in range(1, ROUNDS + 1))
    assert dict(audited) == {"tag": 2 * ROUNDS, "type": 2 * ROUNDS}
    assert audit_disagreements(engine) == []
    engine.dispose()
    print(f"{engine.dialect.name}: {len(tags)} tags and {2 * len(tags)} audit rows from two processes; retries "
          + ", ".join(f"{user} {retries(output)}" for user, output in outputs.items()))


def test_the_desk_tags_while_pantau_poll_ingests(tmp_path: Path, local_server, engine, db_url: str, spawn):
    served = serve_feeds(local_server, feeds=80, items=4)
    fill(engine, [f"Buruh dan polisi bertemu, berita {n}" for n in range(4)])
    article_ids = sorted(row.id for row in newest_articles(engine, 4))
    for url in served.feed_urls:
        add_feed(engine, url)
    logs = {name: tmp_path / f"{name}.log" for name in ("poll", "desk", "writer")}
    poller = spawn(pantau_command("poll"), logs["poll"], PANTAU_DB=db_url, PANTAU_POLL_INTERVAL="3600")
    stored_before = wait_for_articles(engine, poller, more_than=4)
    desk = spawn(helper_command("app_tagger.py", db_url, "alice", "1", "20"), logs["desk"])
    writer = spawn(helper_command("tag_writer.py", db_url, "bob", ",".join(map(str, article_ids)), "300"), logs["writer"])
    outputs = {"desk": finish(desk, logs["desk"]), "writer": finish(writer, logs["writer"])}
    stored_while = article_count(engine)
    assert poller.poll() is None, logs["poll"].read_text()[-3000:]
    poller.send_signal(signal.SIGTERM)
    outputs["poll"] = finish(poller, logs["poll"])

    assert [line for output in outputs.values() for line in output.splitlines() if REFUSALS.search(line)] == []
    assert "DONE 20" in outputs["desk"]
    assert stored_while > stored_before, "the poller stored nothing while the desk tagged"
    with Session(engine) as session:
        by_user = dict(session.exec(select(TagAudit.created_by, func.count()).where(TagAudit.field == "tag")
                                    .group_by(TagAudit.created_by)).all())
    assert by_user == {"alice": 20, "bob": 300}
    assert audit_disagreements(engine) == []
    assert problems(tmp_path / "pantau.db") == []
    print(f"desk: 20 rounds by key, writer: 300 rounds (retries {retries(outputs['writer'])}); the poller stored "
          f"{stored_while - stored_before} articles meanwhile")


def wait_for_articles(engine, poller: subprocess.Popen, more_than: int) -> int:
    deadline = time.monotonic() + DONE_S
    while (stored := article_count(engine)) <= more_than:
        assert poller.poll() is None and time.monotonic() < deadline, "the poller stored nothing"
        time.sleep(0.05)
    return stored
