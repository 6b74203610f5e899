"""SQLite's search by date, led by its rarest part (storage.search.SearchSource._led_page), finds what the plain
plan finds, in the same order, whichever part leads: a walk of the date index in stretches, the words' articles, a
filter's articles, a walk of the date index checked against a filter's articles (`_members_page`), or the newest
articles walked first and the words' articles after them. The test desk is small, so each way is forced, with
stretches and batches of one article."""

import pytest
from sqlmodel import Session, select

from storage import search
from storage.engine import make_engine
from storage.feed_order import DATED_INDEX, PUBLISHED
from storage.models import Article
from storage.search import SearchSource
from storage.search_parser import parse_query
from tests.storage.test_storage_search import QUERIES, stored  # noqa: F401  (the fixture, used by name)

LEADS = ("walk", "words", "filter", "members", "newest, then words")


@pytest.fixture
def engine(tmp_path):
    """SQLite only: PostgreSQL runs the plain plan."""
    engine = make_engine(f"sqlite:///{tmp_path / 'led.db'}")
    yield engine
    engine.dispose()


@pytest.fixture(params=LEADS)
def lead(request, monkeypatch) -> str:
    monkeypatch.setattr(search, "FIRST_STRETCH", 1)
    monkeypatch.setattr(search, "CANDIDATES_AT_ONCE", 1)
    monkeypatch.setattr(search, "FIRST_STRETCHES", {"walk": 2, "newest, then words": 1}.get(request.param, 0))
    if request.param in ("walk", "newest, then words"):  # the test desk's newest ids could not fill a page of 100
        monkeypatch.setattr(search, "_walk_may_fill", lambda _connection, _query, _newest, _limit: True)
    if request.param == "walk":
        monkeypatch.setattr(search, "rare_below", lambda _articles: 0)
    elif request.param in ("filter", "members"):
        monkeypatch.setattr(search, "_rare_words", lambda _connection, _query, _rare, _newest: None)
        monkeypatch.setattr(search, "_members_near", lambda _session, _members, _limit: request.param == "members")
    return request.param


def plain(source: SearchSource, limit: int = 100, before: tuple | None = None) -> list[int]:
    return [row.id for row in source._ordered_page(limit, before, PUBLISHED, None, 0)]


@pytest.mark.parametrize("text", QUERIES)
def test_every_lead_finds_what_the_plain_plan_finds(engine, stored, lead, text):  # noqa: F811
    source = SearchSource(engine, parse_query(text))
    led = [row.id for row in source.page(100, order=PUBLISHED)]
    assert led == plain(source)
    assert {stored.index(article_id) for article_id in led} == QUERIES[text]


@pytest.mark.parametrize("text", ["polisi", "", "-buruh", "is:unread", "kab:36.04 OR kab:36.03"])
def test_pages_go_on_below_the_last_row_and_under_a_ceiling(engine, stored, lead, text):  # noqa: F811
    source = SearchSource(engine, parse_query(text))
    every = source.page(100, order=PUBLISHED)
    first = source.page(1, order=PUBLISHED)
    assert first == every[:1]
    assert source.page(100, PUBLISHED.key_of(first[0]), order=PUBLISHED) == every[1:]
    ceiling = min(row.id for row in every)
    assert [row.id for row in source.page(100, order=PUBLISHED, ceiling=ceiling)] == [ceiling]


@pytest.mark.parametrize("text", ["", "polis*", "polisi -serang", "polis* kab:36.04 OR kab:32.15"])
def test_the_first_count_stops_past_its_cap(engine, stored, lead, text):  # noqa: F811
    source = SearchSource(engine, parse_query(text))
    every = len(QUERIES[text])
    assert source.count_at_most(every - 2) == every - 1
    assert source.count_at_most(10) == source.count() == every


def test_a_stretch_reads_a_range_of_the_date_index(engine, stored):  # noqa: F811
    """A page key bounds the date index as a range, not as a filter over the whole index (SQLite reads a (date, id)
    pair on an expression index as a filter only: a stretch's lower bound scanned the index to its end)."""
    key = ("2025-12-01 00:00:00", 10)
    statement = select(Article.id).where(PUBLISHED.below(key), PUBLISHED.from_(("2025-11-01 00:00:00", 1)))
    compiled = statement.order_by(*PUBLISHED.newest_first()).compile(engine, compile_kwargs={"literal_binds": True})
    with engine.connect() as connection:
        plan = " ".join(row[3] for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}"))
    assert f"{DATED_INDEX} (<expr>>? AND <expr><?)" in plan


def test_a_filter_walks_the_date_index_only_for_a_page_it_can_fill(engine, stored):  # noqa: F811
    """The date index is walked for a filter's articles when the page's last of them lies near its top; with fewer
    articles than the page holds, the walk would read the whole index, so they are gathered and sorted instead."""
    candidates = search._candidates(parse_query("kab:36.04 OR kab:36.03").groups[0])
    members = search.union(*candidates)
    with Session(engine) as session:
        assert search._members_near(session, members, 2)
        assert not search._members_near(session, members, 3)
