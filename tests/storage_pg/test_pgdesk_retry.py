"""A tagging change that PostgreSQL aborts for another transaction's sake is run again, not refused."""

import pytest
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from storage.articles import NewArticle, add_articles, newest_articles
from storage.engine import make_engine
from storage.feeds import add_feed
from storage.models import Article
from storage.retry import lost_a_race, retry_on_busy
from tests.backends import postgres_database


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
