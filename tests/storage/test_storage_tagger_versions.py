"""What a tagger version has left to tag, read from the version index (migration 0017, storage.tags.articles_to_tag):
the same ids, oldest first, page after page from any `after_id` and at any limit, and the same count, as the plain
statement over every article gives (kept here as the reference), on both backends: untagged articles, older and newer
versions, an empty version string, and the current version's articles among them."""

from collections import Counter

import pytest
from sqlalchemy import event, or_, update
from sqlmodel import Session, col, func, select

from storage.articles import NewArticle, add_articles
from storage.feeds import add_feed
from storage.models import Article
from storage.tags import articles_pending, articles_to_tag, tagging_backlog

CURRENT = "0.3"
VERSIONS = [None, "0.2", CURRENT, "0.1", CURRENT, "", "0.9", None, CURRENT, "0.2"]
"""Article n (from 1) was last tagged by VERSIONS[(n - 1) % 10]."""
ARTICLES = 30


@pytest.fixture
def versioned(engine):
    feed = add_feed(engine, "http://versi.test/feed").id
    add_articles(engine, feed, [NewArticle(f"v{n}", f"http://versi.test/{n}", f"Kabar {n}", None, "", "isi", "ok",
                                           f"v{n}") for n in range(1, ARTICLES + 1)])
    with Session(engine) as session:
        ids = sorted(session.exec(select(Article.id)))
        for index, article_id in enumerate(ids):
            session.exec(update(Article).where(col(Article.id) == article_id)
                         .values(tagger_version=VERSIONS[index % len(VERSIONS)]))
        session.commit()
    return engine


def reference(engine, tagger_version: str, after_id: int = 0) -> list[int]:
    pending = or_(col(Article.tagger_version).is_(None), col(Article.tagger_version) != tagger_version)
    with Session(engine) as session:
        return list(session.exec(select(Article.id).where(pending, col(Article.id) > after_id).order_by(col(Article.id))))


@pytest.mark.parametrize("version", [CURRENT, "0.1", "", "1.0"])
def test_the_index_gives_what_every_article_read_gives(versioned, version):
    every = reference(versioned, version)
    assert len(every) == ARTICLES - sum(1 for n in range(ARTICLES) if VERSIONS[n % len(VERSIONS)] == version)
    for after_id in (0, every[0], every[len(every) // 2], every[-1]):
        for limit in (1, 2, 7, ARTICLES):
            assert articles_to_tag(versioned, version, limit, after_id) == reference(versioned, version, after_id)[:limit]
    assert articles_pending(versioned, version) == len(every)
    by_version = Counter(VERSIONS[n % len(VERSIONS)] for n in range(ARTICLES) if VERSIONS[n % len(VERSIONS)] != version)
    assert tagging_backlog(versioned, version).by_version == dict(by_version)


def test_paging_through_finds_each_pending_article_once(versioned):
    seen, after_id = [], 0
    while batch := articles_to_tag(versioned, CURRENT, 4, after_id):
        seen += batch
        after_id = batch[-1]
    assert seen == reference(versioned, CURRENT)


def test_nothing_left_when_every_article_has_the_version(versioned):
    with Session(versioned) as session:
        session.exec(update(Article).values(tagger_version=CURRENT))
        session.commit()
    assert articles_to_tag(versioned, CURRENT) == []
    assert articles_pending(versioned, CURRENT) == 0
    with Session(versioned) as session:
        assert session.exec(select(func.count()).select_from(Article)).one() == ARTICLES


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_sqlite_reads_the_pending_articles_from_the_version_index(versioned):
    """No walk of the article table: each version's articles are a range of the index, already in id order, and the
    versions are found by skipping through it."""
    executed: list[tuple[str, tuple]] = []

    @event.listens_for(versioned, "before_cursor_execute")
    def grab(_connection, _cursor, statement, parameters, _context, _many):
        executed.append((statement, parameters))

    articles_to_tag(versioned, CURRENT, 200)
    articles_pending(versioned, CURRENT)
    event.remove(versioned, "before_cursor_execute", grab)
    reads = [(statement, parameters) for statement, parameters in executed if "FROM article" in statement]
    assert len(reads) >= 10  # the versions found one by one, then each one's articles and count
    with versioned.connect() as connection:
        for statement, parameters in reads:
            plan = " ".join(row[3] for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters))
            assert "ix_article_tagger_version" in plan and "TEMP B-TREE" not in plan, (statement, plan)
