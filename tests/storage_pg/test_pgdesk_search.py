"""One search language on both backends: the same FTS5 query finds the same articles."""

import pytest
from sqlalchemy import select, text
from sqlmodel import Session

from storage.articles import NewArticle, add_articles, search_ids
from storage.feeds import add_feed
from storage.fulltext import SearchSyntaxError, fts5_to_tsquery, matches, pg_share
from storage.models import Article
from storage.search import SearchSource
from storage.search_parser import parse_query

BODIES = [
    "Kapolres Serang berdialog dengan serikat buruh soal upah minimum",
    "Polisi mengamankan aksi unjuk rasa buruh pabrik sepatu di Tangerang",
    "Serikat pekerja dan polres menggelar audiensi tentang PHK massal",
    "Buruh demo di depan kantor bupati, polisi berjaga",
    "Paguyuban ojek bertemu kapolsek membahas keamanan",
]

QUERIES = {
    "buruh": {0, 1, 3},
    "serikat buruh": {0},
    '"serikat buruh"': {0},
    '"buruh serikat"': set(),
    "serikat OR paguyuban": {0, 2, 4},
    "buruh NOT polisi": {0},
    "polre*": {2},
    "(kapolres OR kapolsek) AND keamanan": {4},
    "SERANG": {0},
    "phk": {2},
}


@pytest.fixture
def stored(backend_engine) -> list[int]:
    feed = add_feed(backend_engine, "http://example.test/feed")
    articles = [NewArticle(f"g{n}", "", f"Berita {n}", None, "", body, "ok", "") for n, body in enumerate(BODIES)]
    add_articles(backend_engine, feed.id, articles)
    with Session(backend_engine) as session:
        return list(session.scalars(select(Article.id).order_by(Article.id)))


@pytest.mark.parametrize("query", QUERIES)
def test_same_query_same_articles(backend_engine, stored, query):
    assert set(search_ids(backend_engine, query)) == {stored[n] for n in QUERIES[query]}


@pytest.mark.parametrize("query", ["buruh NOT polisi", '"serikat buruh"'])
def test_matches_clause_composes_with_other_filters(backend_engine, stored, query):
    statement = select(Article.id).where(matches(backend_engine.dialect.name, query)).where(Article.id != stored[0])
    with Session(backend_engine) as session:
        found = set(session.scalars(statement))
    assert found == {stored[n] for n in QUERIES[query]} - {stored[0]}


def test_translation_to_tsquery():
    assert fts5_to_tsquery("Serikat buruh") == "'serikat' & 'buruh'"
    assert fts5_to_tsquery('"unjuk rasa" OR demo*') == "('unjuk' <-> 'rasa') | 'demo':*"
    assert fts5_to_tsquery("buruh NOT (polisi OR polres)") == "'buruh' & ! ( 'polisi' | 'polres' )"
    assert fts5_to_tsquery('"polres-kar"* OR kapol*') == "('polres' <-> 'kar':*) | 'kapol':*"


@pytest.mark.parametrize("query", ["", "OR buruh", "buruh AND", "\"\""])
def test_queries_with_nothing_to_find_are_refused(query):
    with pytest.raises(SearchSyntaxError):
        fts5_to_tsquery(query)


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
def test_postgres_search_uses_the_gin_index_in_utc_without_jit(backend_engine, stored):
    with backend_engine.connect() as connection:
        assert connection.execute(text("SHOW timezone")).scalar() == "UTC"
        assert connection.execute(text("SHOW jit")).scalar() == "off"
        connection.execute(text("SET enable_seqscan = off"))
        clause = matches("postgresql", "buruh")
        plan = "\n".join(row[0] for row in connection.execute(
            text(f"EXPLAIN SELECT id FROM article WHERE {clause.text}"), {"fts_query": "'buruh'"}
        ))
    assert "ix_article_search" in plan


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
@pytest.mark.parametrize(("query", "cap"), [("buruh", 1), ("buruh", 2), ("buruh", 5), ("paguyuban", 0), ("mogok", 3)])
def test_the_first_count_stops_past_its_cap(backend_engine, stored, query, cap):
    source = SearchSource(backend_engine, parse_query(query))
    assert source.count_at_most(cap) == min(source.count(), cap + 1)


def test_a_words_share_by_the_statistics_is_its_rarest_words_and_a_prefix_sums_the_words_it_starts():
    """PostgreSQL gathers a rare word's articles and sorts them, and walks the date index for a common one: how
    common, its statistics say (pg_stats' most common words; a word they do not list is rarer than all of them)."""
    shares = {"buruh": 0.5, "buruk": 0.1, "unjuk": 0.9, "rasa": 0.8}
    assert pg_share(shares, "buruh", prefix=False) == 0.5
    assert pg_share(shares, "bur", prefix=True) == pytest.approx(0.6)
    assert pg_share(shares, "bur", prefix=False) == 0.0
    assert pg_share(shares, "unjuk rasa", prefix=False) == 0.8
    assert pg_share(shares, "unjuk ras", prefix=True) == 0.8
    assert pg_share(shares, "bentrokan", prefix=False) == pg_share({}, "buruh", prefix=False) == 0.0
