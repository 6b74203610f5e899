"""Change watching across connections: NOTIFY on PostgreSQL, PRAGMA data_version on SQLite."""

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from storage.articles import NewArticle, add_articles, newest_articles
from storage.engine import make_engine
from storage.feeds import add_feed
from storage.manual_tags import add_tag, set_not_relevant
from storage.notify import ChangeWatcher
from storage.models import MANUAL, Engagement
from storage.tags import replace_auto_tags
from tests.support.tagged import tags_of

WAIT_S = 10.0
"""Only an upper bound for a broken watcher; a working one returns as soon as the commit lands."""


@pytest.fixture
def writer(backend_url: str) -> Iterator[Engine]:
    """A second engine on the same database: another app, or the poller on another machine."""
    engine = make_engine(backend_url)
    yield engine
    engine.dispose()


def tables(changes) -> set[str]:
    return {change.table for change in changes}


def test_watcher_sees_another_engines_article_and_tags(backend, backend_engine, writer):
    feed = add_feed(writer, "http://example.test/feed")
    with ChangeWatcher(backend_engine) as watcher:
        assert watcher.wait(0.2) == []
        add_articles(writer, feed.id, [NewArticle("g1", "", "Buruh berdialog", None, "", "isi", "ok", "")])
        changes = watcher.wait(WAIT_S)
        assert changes
        [row] = newest_articles(backend_engine, 1)
        if backend == "postgres":
            assert ("article", "INSERT", row.id) in {(c.table, c.op, c.article_id) for c in changes}
        assert watcher.poll() == []

        dialogue = {"type": "dialogue", "evidence": {"text": "x"}}
        replace_auto_tags(writer, row.id, tags_of({"engagements": [dialogue]}, "t1"))
        with Session(writer) as session:
            session.add(Engagement(article_id=row.id, type="mediation", source=MANUAL, created_by="analis"))
            session.commit()
        changes = watcher.wait(WAIT_S) + watcher.wait(0.5)
        assert changes
        if backend == "postgres":
            assert tables(changes) == {"engagement"} and {c.article_id for c in changes} == {row.id}


def test_two_watchers_each_see_the_change(backend_engine, writer):
    add_feed(backend_engine, "http://example.test/feed")
    with ChangeWatcher(backend_engine) as first, ChangeWatcher(writer) as second:
        add_feed(writer, "http://example.test/other")
        with Session(writer) as session:
            session.add(Engagement(article_id=_article(writer), type="protest", source=MANUAL, created_by="a"))
            session.commit()
        assert first.wait(WAIT_S) and second.wait(WAIT_S)


def _article(engine: Engine) -> int:
    feed = add_feed(engine, "http://example.test/feed")
    add_articles(engine, feed.id, [NewArticle("g", "", "t", None, "", "isi", "ok", "")])
    return newest_articles(engine, 1)[0].id


def test_nothing_committed_nothing_reported(backend_engine, writer):
    with ChangeWatcher(backend_engine) as watcher:
        with Session(writer) as session:
            session.add(Engagement(article_id=_article(writer), type="protest", source=MANUAL, created_by="a"))
            session.flush()
            session.rollback()
        watcher.wait(0.3)
        assert watcher.wait(0.3) == []


def test_free_tags_and_not_relevant_marks_are_announced(backend, backend_engine, writer):
    article_id = _article(writer)
    with ChangeWatcher(backend_engine) as watcher:
        watcher.wait(0.2)
        add_tag(writer, article_id, "perlu-cek", "analis")
        tagged = watcher.wait(WAIT_S) + watcher.wait(0.3)
        set_not_relevant(writer, article_id, True, "analis")
        marked = watcher.wait(WAIT_S) + watcher.wait(0.3)
    assert tagged and marked
    if backend == "postgres":
        assert ("articletag", article_id) in {(c.table, c.article_id) for c in tagged}
        assert ("notrelevant", article_id) in {(c.table, c.article_id) for c in marked}
