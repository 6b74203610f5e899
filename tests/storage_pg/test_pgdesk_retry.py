"""A tagging change or a deletion that PostgreSQL aborts for another transaction's sake is run again, not refused."""

import threading
import time

import pytest
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from storage.articles import NewArticle, add_articles, newest_articles
from storage.engine import make_engine
from storage.feeds import add_feed
from storage.identity import delete_article
from storage.models import Article
from storage.retry import lost_a_race, retry_on_busy
from storage.tags import replace_auto_tags
from tests.backends import postgres_database
from tests.support.tagged import tags_of

ENGAGEMENT = {"type": "protest", "code": "36.04", "kabupaten_kota": "Kabupaten Serang", "province": "Banten"}


@pytest.fixture
def pg_engine():
    with postgres_database() as url:
        engine = make_engine(url)
        yield engine
        engine.dispose()


def test_a_serialisation_failure_is_retried_until_the_change_is_stored(pg_engine):
    feed = add_feed(pg_engine, "http://example.test/feed")
    add_articles(pg_engine, feed.id, [NewArticle("g", "", "Berita", None, "", "isi", "ok", "")])
    article_id = newest_articles(pg_engine, 1)[0].id
    attempts: list[DBAPIError | None] = []

    @retry_on_busy
    def star() -> None:
        """Read the article in a serialisable snapshot; on the first try another desk writes it meanwhile."""
        with Session(pg_engine) as session:
            session.connection(execution_options={"isolation_level": "SERIALIZABLE"})
            article = session.get(Article, article_id)
            if not attempts:
                with Session(pg_engine) as other:
                    other.get(Article, article_id).is_read = True
                    other.commit()
            article.is_starred = True
            session.add(article)
            try:
                session.commit()
            except DBAPIError as error:
                attempts.append(error)
                raise
            attempts.append(None)

    star()
    assert len(attempts) == 2 and lost_a_race(attempts[0]) and attempts[1] is None
    with Session(pg_engine) as session:
        stored = session.get(Article, article_id)
        assert (stored.is_read, stored.is_starred) == (True, True)


def _waiting_on_a_lock(engine, statement_start: str) -> bool:
    with engine.connect() as connection:
        return connection.exec_driver_sql(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
            " AND query LIKE %(start)s", {"start": statement_start + "%"}).scalar_one() > 0


def test_deleting_an_article_that_deadlocks_with_a_tagging_change_is_run_again(pg_engine):
    """Another desk holds the article's row and then reaches for its engagement, which the deletion has locked
    (it deletes the tags first, then waits for the article): PostgreSQL aborts one of the two. The deletion, whose
    wait began first, is the one its deadlock check aborts; run again, it deletes the article."""
    feed = add_feed(pg_engine, "http://example.test/feed")
    add_articles(pg_engine, feed.id, [NewArticle("g", "", "Berita", None, "", "isi", "ok", "")])
    article_id = newest_articles(pg_engine, 1)[0].id
    replace_auto_tags(pg_engine, article_id, tags_of({"engagements": [ENGAGEMENT]}, "t1"))
    outcome: list[object] = []
    with pg_engine.connect() as other:
        other.exec_driver_sql("UPDATE article SET is_read = true WHERE id = %(id)s", {"id": article_id})
        deleting = threading.Thread(target=lambda: outcome.append(_outcome(delete_article, pg_engine, article_id)))
        deleting.start()
        deadline = time.monotonic() + 30
        while not _waiting_on_a_lock(pg_engine, "DELETE FROM article"):
            assert time.monotonic() < deadline, "the deletion never waited on the other desk's lock"
            time.sleep(0.01)
        other.exec_driver_sql("UPDATE engagement SET notes = '[]' WHERE article_id = %(id)s", {"id": article_id})
        other.commit()
    deleting.join()
    assert outcome == [True]
    assert newest_articles(pg_engine, 1) == []


def _outcome(function, *args) -> object:
    try:
        return function(*args)
    except DBAPIError as error:
        return error
