"""Statements rewritten so PostgreSQL plans them well give what they gave before.

Place names in a search are looked up first and sent as values (storage.search._named), the feed's own count
reads story copies by key (storage.articles.relevant_count), and the newest relevant date is the date index's first
relevant entry (storage.actor_stats.latest_dated): same rows, same order, same counts as the statements they
replace, which are kept here as the reference (the subquery of names; the copies as OTHER_OUTLETS_COPY; a max()).
"""

from datetime import datetime, timezone

import pytest
from sqlalchemy import func, update
from sqlmodel import Session, col, select

from storage.actor_stats import latest_dated
from storage.articles import (OTHER_OUTLETS_COPY, NewArticle, add_articles, as_rows, feed_page, relevant_count,
                              rows_select)
from storage.feed_order import ARRIVAL, PUBLISHED, ordered_page
from storage.feeds import add_feed
from storage.manual_tags import relevant, set_not_relevant
from storage.models import Article, NotRelevant, PlaceTag
from storage import search
from storage.search import SearchSource, condition
from storage.search_parser import parse_query
from tests.tui.desk_corpus import fill_tagged_desk

PLACE_QUERIES = [
    "kab:serang", "kab:ser", "kab:s", "kab:3", "kab:36", "kab:36.0", "kab:kota", "kab:serangg", "prov:banten",
    "prov:ban", "prov:jawa", "kab:serang OR kab:bekasi", "kab:bekasi OR kab:nowhere", "buruh kab:serang",
    "buruh kab:ser is:unread", "kab:serang since:2025-12-02", "kab:serang type:protest", "-kab:serang",
    "prov:banten -kab:kota", "kab:serang is:hidden",
]


@pytest.fixture
def tagged(backend_engine):
    """The tagged desk, and an article that names Kabupaten Serang (a place tag) with no engagement there."""
    fill_tagged_desk(backend_engine)
    feed = add_feed(backend_engine, "https://serang.test/feed.xml", title="Warta Serang")
    add_articles(backend_engine, feed.id, [NewArticle("placed", "https://serang.test/1", "Buruh Serang", None, "",
                                                      "isi", "extracted", "placed")])
    placed = max(row.id for row in feed_page(backend_engine, ARRIVAL, 200))
    with Session(backend_engine) as session:
        session.add(PlaceTag(article_id=placed, code="36.04", name="Kabupaten Serang", level="kabupaten",
                             province="Banten", precision=2, source="auto"))
        session.commit()
    return backend_engine


def before(engine, text: str) -> tuple[list[int], int]:
    """The page and the count as they were read before: the names of places read by a subquery of the statement."""
    found = condition(parse_query(text), engine.dialect.name, timezone.utc)
    with Session(engine) as session:
        rows = as_rows(session.exec(ordered_page(rows_select().where(found), PUBLISHED, 200)))
        count = session.exec(select(func.count()).select_from(Article).where(found)).one()
    return [row.id for row in rows], count


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
@pytest.mark.parametrize("text", PLACE_QUERIES)
def test_place_names_looked_up_first_find_the_same_rows_in_the_same_order(tagged, text):
    ids, count = before(tagged, text)
    source = SearchSource(tagged, parse_query(text))
    assert [row.id for row in source.page(200, order=PUBLISHED)] == ids
    assert [row.id for row in source.page(200, order=ARRIVAL)] == sorted(ids, reverse=True)
    assert source.count() == count
    assert source.count_at_most(1) == min(count, 2)
    if text == "kab:serang":
        assert count > 0  # the desk has what the queries look for


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
def test_a_search_looks_its_place_names_up_again_for_arrivals(tagged):
    """A name that arrives after the first page (a new kabupaten) is found among the arrivals."""
    source = SearchSource(tagged, parse_query("kab:lebak"))
    assert source.page(200, order=PUBLISHED) == []
    newest = max(row.id for row in feed_page(tagged, ARRIVAL, 200))
    feed = add_feed(tagged, "https://lebak.test/feed.xml", title="Warta Lebak")
    add_articles(tagged, feed.id, [NewArticle("lebak", "https://lebak.test/1", "Buruh Lebak", None, "", "isi",
                                              "extracted", "lebak")])
    arrived = max(row.id for row in feed_page(tagged, ARRIVAL, 200))
    with Session(tagged) as session:
        session.add(PlaceTag(article_id=arrived, code="36.02", name="Kabupaten Lebak", level="kabupaten",
                             province="Banten", precision=2, source="auto"))
        session.commit()
    assert [row.id for row in source.after(newest)] == [arrived]


def stories(engine) -> dict[str, int]:
    """Eight articles in three feeds, grouped into stories by hand: a story run by two outlets (its later copy in
    another feed is left out of the feed, a copy in the same feed stays), a story whose copy is marked not relevant,
    one whose first article is, an article alone and one never grouped."""
    feeds = [add_feed(engine, f"https://outlet{n}.test/feed.xml", title=f"Outlet {n}").id for n in range(3)]
    ids: dict[str, int] = {}
    for name, feed in [("first", 0), ("other outlet", 1), ("same outlet", 0), ("b first", 1), ("b copy", 2),
                       ("c first", 2), ("c copy", 0), ("alone", 1), ("ungrouped", 2)]:
        add_articles(engine, feeds[feed], [NewArticle(name, f"https://outlet{feed}.test/{name}", name,
                                                      datetime(2025, 12, 1, tzinfo=timezone.utc), "", "isi",
                                                      "extracted", name)])
        ids[name] = max(row.id for row in feed_page(engine, ARRIVAL, 200))
    story_of = {"first": "first", "other outlet": "first", "same outlet": "first", "b first": "b first",
                "b copy": "b first", "c first": "c first", "c copy": "c first", "alone": "alone"}
    with Session(engine) as session:
        for name, story in story_of.items():
            session.exec(update(Article).where(col(Article.id) == ids[name]).values(story_id=ids[story]))
        session.exec(update(Article).where(col(Article.id) == ids["ungrouped"]).values(story_id=None))
        session.commit()
    set_not_relevant(engine, ids["b copy"], True, "penguji")
    set_not_relevant(engine, ids["c first"], True, "penguji")
    return ids


def old_relevant_count(engine) -> int:
    """The feed's count as it was counted on both backends before: copies by OTHER_OUTLETS_COPY."""
    with Session(engine) as session:
        every = session.exec(select(func.count()).select_from(Article)).one()
        hidden = session.exec(select(func.count()).select_from(NotRelevant)).one()
        copied = session.exec(select(func.count()).select_from(Article).where(OTHER_OUTLETS_COPY)).one()
        hidden_copies = session.exec(select(func.count()).select_from(Article).where(
            OTHER_OUTLETS_COPY, ~relevant())).one()
    return every - hidden - copied + hidden_copies


def test_the_feeds_count_is_its_rows_and_what_it_was(backend_engine):
    ids = stories(backend_engine)
    shown = [row.id for row in feed_page(backend_engine, ARRIVAL, 200)]
    assert sorted(shown) == sorted(ids[name] for name in ("first", "same outlet", "b first", "alone", "ungrouped"))
    assert relevant_count(backend_engine) == len(shown) == old_relevant_count(backend_engine) == 5


def old_latest_dated(engine) -> datetime | None:
    """The newest relevant article's date as it was read before: a max() over every article."""
    newest = func.max(func.coalesce(col(Article.published_at), col(Article.fetched_at)))
    with Session(engine) as session:
        moment = session.execute(select(newest).where(relevant())).scalar()
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return moment.replace(tzinfo=timezone.utc) if moment is not None and moment.tzinfo is None else moment


def test_the_newest_relevant_date_is_what_the_max_was(backend_engine):
    assert latest_dated(backend_engine) is None is old_latest_dated(backend_engine)
    ids = stories(backend_engine)
    with Session(backend_engine) as session:  # the newest is marked not relevant; an undated one was fetched later
        session.exec(update(Article).where(col(Article.id) == ids["c first"])
                     .values(published_at=datetime(2025, 12, 9, tzinfo=timezone.utc)))
        session.exec(update(Article).where(col(Article.id) == ids["alone"])
                     .values(published_at=None, fetched_at=datetime(2025, 12, 5, 7, tzinfo=timezone.utc)))
        session.commit()
    assert latest_dated(backend_engine) == old_latest_dated(backend_engine) == datetime(2025, 12, 5, 7,
                                                                                        tzinfo=timezone.utc)


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
@pytest.mark.parametrize("text", PLACE_QUERIES)
def test_a_page_found_walking_the_date_index_is_the_same_page(tagged, text, monkeypatch):
    """Every filter counts as met by many articles (none is rare below 0): pages by date are read walking the date
    index, each place's two lists checked as EXISTS; the rows are those of the statement gathering them."""
    monkeypatch.setattr(search, "rare_below", lambda _articles: 0)
    ids, count = before(tagged, text)
    source = SearchSource(tagged, parse_query(text))
    walked = []
    monkeypatch.setattr(source, "_statement", lambda order, walks=False: walked.append(walks) or
                        SearchSource._statement(source, order, walks))
    assert [row.id for row in source.page(200, order=PUBLISHED)] == ids
    first = source.page(2, order=PUBLISHED)
    if len(ids) > 2:
        assert [row.id for row in source.page(200, PUBLISHED.key_of(first[-1]), order=PUBLISHED)] == ids[2:]
    assert source.count() == count
    if text in ("kab:serang", "kab:ser", "prov:banten", "kab:serang OR kab:bekasi"):  # words: unknown, so rare
        assert walked[0], "the page was read walking the date index"
    if text in ("-kab:serang", "kab:serangg", "kab:36.0"):
        assert not walked[0], "a place no article has, or one left out, leads no walk"


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
@pytest.mark.parametrize("text", ["kab:serang xyz", "xyz", "kab:serang bur", "bur", "kab:serang -xyz", "xyz OR bur",
                                  "kab:serang buruh xyz"])
def test_a_typed_word_no_article_has_finds_nothing_at_once(tagged, text):
    """The word being typed starts no word of any article: nothing matches, said without planning the search; a
    word that does, or one not typed last, is searched as before."""
    ids, count = before(tagged, text)
    source = SearchSource(tagged, parse_query(text))
    assert [row.id for row in source.page(200, order=PUBLISHED)] == ids
    assert source.count() == count and source.count_at_most(1) == min(count, 2)
    assert source._finds_nothing() is (text in ("kab:serang xyz", "xyz", "kab:serang buruh xyz"))
    if text.endswith("bur"):
        assert count > 0
