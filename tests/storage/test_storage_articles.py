"""Storage against real SQLite files: uniqueness, the FTS index in step, paging by key, settings of the engine."""

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import Session

from core.locations import default_db_url
from storage.articles import (
    NewArticle,
    add_articles,
    article_count,
    articles_after,
    get_article,
    known_guids,
    newest_articles,
    search_ids,
    set_read,
)
from storage.engine import make_engine
from storage.feeds import add_feed, disable_feed, due_feeds, record_poll
from storage.models import Article

BASE = datetime(2025, 12, 8, 3, 0, tzinfo=timezone.utc)


def article(number: int, body: str = "") -> NewArticle:
    return NewArticle(
        guid=f"guid-{number}",
        url=f"http://example.test/{number}",
        title=f"Judul {number}",
        published_at=BASE + timedelta(hours=number),
        summary="",
        body=body or f"isi berita nomor {number}",
        extraction_status="ok",
        content_hash=str(number),
    )


def test_engine_uses_wal_and_busy_timeout(engine):
    if engine.dialect.name != "sqlite":
        pytest.skip("WAL and busy timeout are SQLite settings")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_repoll_never_duplicates(engine):
    feed = add_feed(engine, "http://example.test/feed")
    assert add_articles(engine, feed.id, [article(1), article(2)]) == 2
    assert add_articles(engine, feed.id, [article(1), article(2), article(3)]) == 1
    assert article_count(engine) == 3
    assert known_guids(engine, feed.id, ["guid-1", "guid-9"]) == {"guid-1"}


def test_same_guid_in_two_feeds_is_two_articles(engine):
    first = add_feed(engine, "http://a.test/feed")
    second = add_feed(engine, "http://b.test/feed")
    add_articles(engine, first.id, [article(1)])
    add_articles(engine, second.id, [article(1)])
    assert article_count(engine) == 2


def test_fts_follows_insert_update_and_delete(engine):
    feed = add_feed(engine, "http://example.test/feed")
    add_articles(engine, feed.id, [article(1, "Kapolres berdialog dengan serikat buruh")])
    [found] = search_ids(engine, "serikat")
    with Session(engine) as session:
        stored = session.get(Article, found)
        stored.body = "pertemuan dengan paguyuban"
        session.add(stored)
        session.commit()
    assert search_ids(engine, "serikat") == []
    assert search_ids(engine, "paguyuban") == [found]
    with Session(engine) as session:
        session.delete(session.get(Article, found))
        session.commit()
    assert search_ids(engine, "paguyuban") == []


def test_pages_by_key_newest_first(engine):
    feed = add_feed(engine, "http://example.test/feed", title="Kilas")
    add_articles(engine, feed.id, [article(n) for n in range(1, 11)])
    first_page = newest_articles(engine, limit=4)
    assert [row.title for row in first_page] == ["Judul 10", "Judul 9", "Judul 8", "Judul 7"]
    assert first_page[0].source == "Kilas"
    second_page = newest_articles(engine, limit=4, before_id=first_page[-1].id)
    assert [row.title for row in second_page] == ["Judul 6", "Judul 5", "Judul 4", "Judul 3"]
    add_articles(engine, feed.id, [article(11)])
    assert [row.title for row in articles_after(engine, first_page[0].id)] == ["Judul 11"]


def test_read_flag_and_reader_view(engine):
    feed = add_feed(engine, "http://example.test/feed", title="Kilas")
    add_articles(engine, feed.id, [article(1)])
    [row] = newest_articles(engine, limit=1)
    set_read(engine, row.id)
    view = get_article(engine, row.id)
    assert view.article.is_read and view.source == "Kilas"
    assert view.article.published_at == BASE + timedelta(hours=1)


def test_feed_poll_schedule_and_failures(engine):
    feed = add_feed(engine, "http://example.test/feed")
    assert [f.id for f in due_feeds(engine)] == [feed.id]
    later = datetime.now(timezone.utc) + timedelta(minutes=10)
    record_poll(engine, feed.id, status="error", next_poll_at=later, error="HTTP 500")
    record_poll(engine, feed.id, status="error", next_poll_at=later, error="HTTP 500")
    assert due_feeds(engine) == []
    [stored] = due_feeds(engine, now=later + timedelta(seconds=1))
    assert stored.consecutive_failures == 2 and stored.last_error == "HTTP 500"
    record_poll(engine, feed.id, status="ok", next_poll_at=later, etag='"abc"')
    [stored] = due_feeds(engine, now=later + timedelta(seconds=1))
    assert stored.consecutive_failures == 0 and stored.etag == '"abc"' and stored.last_error is None


def test_disabled_feed_is_not_due_and_keeps_articles(engine):
    feed = add_feed(engine, "http://example.test/feed")
    add_articles(engine, feed.id, [article(1)])
    disable_feed(engine, str(feed.id))
    assert due_feeds(engine) == []
    assert article_count(engine) == 1


def test_database_location(tmp_path: Path, monkeypatch, isolated_home):
    assert default_db_url().startswith(f"sqlite:///{isolated_home}")
    monkeypatch.setenv("PANTAU_DB", str(tmp_path / "elsewhere.db"))
    assert default_db_url() == f"sqlite:///{tmp_path / 'elsewhere.db'}"
    engine = make_engine(default_db_url())
    assert (tmp_path / "elsewhere.db").exists()
    engine.dispose()
