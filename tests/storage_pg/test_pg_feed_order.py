"""The feed by publication date, on both backends: newest date first, undated articles by when they were
fetched, pages below the last key or at an offset, nothing stored after the ceiling; SQLite reads the date index."""

from datetime import datetime, timezone

from sqlmodel import Session

from storage.articles import NewArticle, add_articles, feed_page, feed_query, newest_id
from storage.feed_order import ARRIVAL, PUBLISHED
from storage.feeds import add_feed
from storage.manual_tags import set_not_relevant
from storage.models import Article


def stored(engine, dates: list[datetime | None]) -> list[int]:
    feed = add_feed(engine, "https://warta.test/feed.xml", title="Warta")
    add_articles(engine, feed.id, [NewArticle(f"g{n}", f"https://warta.test/{n}", f"Berita {n}", day, "", "isi",
                                              "extracted", f"h{n}") for n, day in enumerate(dates)])
    return [row.id for row in feed_page(engine, ARRIVAL, 100)][::-1]


def utc(day: int) -> datetime:
    return datetime(2025, 11, day, 3, tzinfo=timezone.utc)


def test_the_feed_by_publication_date(backend_engine):
    engine = backend_engine
    ids = stored(engine, [utc(5), utc(1), utc(9), None, utc(9)])
    with Session(engine) as session:  # the undated one was fetched on 7 Nov
        undated = session.get(Article, ids[3])
        undated.fetched_at = datetime(2025, 11, 7, tzinfo=timezone.utc)
        session.add(undated)
        session.commit()
    expected = [ids[4], ids[2], ids[3], ids[0], ids[1]]
    assert [row.id for row in feed_page(engine, PUBLISHED, 100)] == expected
    first = feed_page(engine, PUBLISHED, 2)
    assert [row.id for row in feed_page(engine, PUBLISHED, 2, PUBLISHED.key_of(first[-1]))] == expected[2:4]
    assert [row.id for row in feed_page(engine, PUBLISHED, 2, offset=3)] == expected[3:]
    ceiling = newest_id(engine)
    later = stored_later(engine)
    assert [row.id for row in feed_page(engine, PUBLISHED, 100, ceiling=ceiling)] == expected
    assert later in [row.id for row in feed_page(engine, PUBLISHED, 100)]
    set_not_relevant(engine, ids[2], True, "penguji")
    assert ids[2] not in [row.id for row in feed_page(engine, PUBLISHED, 100)]


def stored_later(engine) -> int:
    feed = add_feed(engine, "https://warta.test/feed.xml", title="Warta")
    add_articles(engine, feed.id, [NewArticle("later", "https://warta.test/later", "Nanti", utc(20), "", "isi",
                                              "extracted", "later")])
    return newest_id(engine)


def test_sqlite_reads_a_page_by_date_from_the_index(engine):
    """A page is a short walk down the date index, not a sort of every article."""
    ids = stored(engine, [utc(5), utc(1)])
    first = feed_page(engine, PUBLISHED, 1)
    for statement in (feed_query(PUBLISHED, 200, ceiling=ids[-1]),
                      feed_query(PUBLISHED, 200, PUBLISHED.key_of(first[0]), ceiling=ids[-1])):
        sql = str(statement.compile(engine, compile_kwargs={"literal_binds": True}))
        with engine.connect() as connection:
            plan = " ".join(str(row) for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
        assert "ix_article_dated" in plan and "TEMP B-TREE" not in plan, plan
