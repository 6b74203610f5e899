"""A query that excludes a word asks the GIN index for its rarer words only (storage.search._pg_probe) and checks
the rest in each article the index gives: same rows, same order, same counts as the plain statement, which is kept
here as the reference (`condition` without a probe)."""

import random
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import event, func
from sqlmodel import Session, select

from storage import fulltext, search
from storage.articles import NewArticle, add_articles, as_rows, rows_select
from storage.feed_order import ARRIVAL, PUBLISHED, ordered_page
from storage.feeds import add_feed
from storage.models import Article
from storage.search import SearchSource, condition
from storage.search_parser import parse_query

WORDS = ["buruh", "unjuk", "rasa", "mogok", "polisi", "demo", "pabrik", "warga"]
SHARES = {"unjuk": 0.99, "rasa": 0.99, "mogok": 0.99, "polisi": 0.9, "demo": 0.6, "buruh": 0.51, "pabrik": 0.2}
"""What the bench's desk holds, as `pg_word_shares` would read it: nearly every article has the phrase's words."""
QUERIES = [
    'buruh "unjuk rasa" -mogok', 'buruh polisi -mogok', 'demo "unjuk rasa" -mogok',
    'buruh OR pabrik "unjuk rasa" -demo', 'buruh "unjuk rasa" -mogok -polisi', 'pabrik buruh demo -warga',
    '"rasa unjuk" buruh -pabrik',
]


@pytest.fixture
def worded(backend_engine):
    """120 articles of a few of WORDS each, published out of arrival order (so date and id orders differ)."""
    rng = random.Random(17)
    feed = add_feed(backend_engine, "https://kata.test/feed.xml", title="Warta Kata")
    start = datetime(2025, 1, 1, tzinfo=timezone.utc)
    articles = [NewArticle(f"k{n}", f"https://kata.test/{n}", " ".join(rng.sample(WORDS, 3)),
                           start + timedelta(hours=rng.randrange(2000)), "", " ".join(rng.sample(WORDS, 4)),
                           "extracted", f"k{n}") for n in range(120)]
    add_articles(backend_engine, feed.id, articles)
    return backend_engine


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
@pytest.mark.parametrize("text", QUERIES)
def test_the_index_asked_for_fewer_words_finds_the_same_rows_in_the_same_order(worded, monkeypatch, text):
    query = parse_query(text)
    found = condition(query, "postgresql")
    with Session(worded) as session:
        ids = [row.id for row in as_rows(session.exec(ordered_page(rows_select().where(found), PUBLISHED, 200)))]
        count = session.exec(select(func.count()).select_from(Article).where(found)).one()
    monkeypatch.setattr(fulltext, "pg_word_shares", lambda connection: SHARES)
    source = SearchSource(worded, query)
    assert source._probe() is not None  # the new path is taken
    assert [row.id for row in source.page(200, order=PUBLISHED)] == ids
    assert [row.id for row in source.page(200, order=ARRIVAL)] == sorted(ids, reverse=True)
    assert [row.id for row in source.page(5, order=PUBLISHED)] == ids[:5]
    assert source.count() == count
    assert source.count_at_most(1) == min(count, 2)
    if text == 'buruh "unjuk rasa" -mogok':
        assert count > 0  # the desk has what the queries look for


def test_the_probe_keeps_the_rarest_group_the_rarer_words_and_the_excluded_ones():
    def probe(text: str, shares: dict[str, float] = SHARES) -> str | None:
        return search._pg_probe(parse_query(text), shares, 1_000_000)

    assert probe('buruh "unjuk rasa" -mogok') == "((buruh) NOT (mogok))"
    assert probe("pabrik buruh demo -mogok") == "((pabrik) NOT (mogok))"
    assert probe('"unjuk rasa" buruh -polisi -mogok') == "((buruh) NOT (polisi OR mogok))"
    assert probe('"unjuk rasa" -mogok') is None  # one group: nothing to leave out
    assert probe("pabrik warga -mogok") is None  # none common enough
    assert probe('buruh "unjuk rasa"') is None  # no excluded word
    assert probe('buruh "unjuk rasa" -warga') is None  # the probe would give half the articles
    assert probe('buruh "unjuk rasa" -mogok', {}) is None  # no statistics yet


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
@pytest.mark.parametrize("text", ["bentrokan", "bur", "buruh -mog", 'buruh "unjuk rasa" -mogok', "pabrik kab:3"])
def test_the_newest_id_is_never_read_with_index_scans_turned_off(worded, text):
    """A typed word is checked in the GIN index with the transaction's other scans turned off (`has_match`); the
    search's newest id read after that in the same transaction scanned every article (600 ms at 1,000,000)."""
    turned_off: set[int] = set()
    ever_turned_off: list[int] = []
    unindexed_reads: list[str] = []

    @event.listens_for(worded, "before_cursor_execute")
    def executed(connection, _cursor, statement, _parameters, _context, _many):
        if statement.startswith("SET LOCAL enable_indexscan = off"):
            turned_off.add(id(connection))
            ever_turned_off.append(id(connection))
        elif id(connection) in turned_off and "max(article.id)" in statement:
            unindexed_reads.append(statement)

    @event.listens_for(worded, "rollback")
    @event.listens_for(worded, "commit")
    def ended(connection):
        turned_off.discard(id(connection))

    source = SearchSource(worded, parse_query(text))
    source.page(50, order=PUBLISHED)
    source.count_at_most(10)
    assert ever_turned_off  # the typed word was checked so
    assert unindexed_reads == []
