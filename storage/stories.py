"""Near-duplicate grouping: syndicated copies of one story share a `story_id`.

The fetchers hand each article a MinHash signature of its text and the LSH band keys derived
from it. Articles sharing a band are candidates; a candidate whose signature agrees on at least
`SAME_STORY` of its positions is the same story. One indexed lookup per article keeps it cheap.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import Engine, bindparam, func, insert, update
from sqlmodel import Session, col, select

from storage.models import Article, ArticleLink, Feed, StoryBand

SAME_STORY = 0.5
"""Estimated Jaccard similarity of word shingles above which two texts are one story."""

HEX_PER_VALUE = 8
IDS_PER_QUERY = 5_000
"""Story ids bound in one IN list: well under SQLite's 32,766 parameters."""


class Sketched(Protocol):
    """What grouping needs of an article: its MinHash signature and band keys."""

    signature: str
    bands: tuple[int, ...]

EMPTY_VALUE = "ffffffff"


def similarity(first: str, second: str) -> float:
    """The share of equal MinHash values in two hex signatures, over the bins either text filled."""
    if not first or len(first) != len(second):
        return 0.0
    pairs = [
        (first[i : i + HEX_PER_VALUE], second[i : i + HEX_PER_VALUE]) for i in range(0, len(first), HEX_PER_VALUE)
    ]
    filled = [(a, b) for a, b in pairs if a != EMPTY_VALUE or b != EMPTY_VALUE]
    return sum(a == b for a, b in filled) / len(filled) if filled else 0.0


def assign_stories(session: Session, articles: list[tuple[int, Sketched]]) -> None:
    """Put freshly inserted articles (id, sketch) in the story of their most similar earlier
    article, or each in a story of its own. Earlier articles of the same batch count too."""
    if not articles:
        return
    wanted = {band for _, sketch in articles for band in sketch.bands}
    by_band: dict[int, set[int]] = {}
    for band, article_id in session.execute(
        select(StoryBand.band, StoryBand.article_id).where(col(StoryBand.band).in_(wanted))
    ):
        by_band.setdefault(band, set()).add(article_id)
    candidates = {article_id for ids in by_band.values() for article_id in ids}
    known: dict[int, tuple[str, int]] = {
        article_id: (signature, story_id or article_id)
        for article_id, signature, story_id in session.execute(
            select(Article.id, Article.signature, Article.story_id).where(col(Article.id).in_(candidates))
        )
    }
    stories, bands = [], []
    for article_id, sketch in articles:
        story = _best_story(sketch, by_band, known) or article_id
        stories.append({"article_id": article_id, "story": story})
        known[article_id] = (sketch.signature, story)
        for band in set(sketch.bands):
            by_band.setdefault(band, set()).add(article_id)
            bands.append({"band": band, "article_id": article_id})
    connection = session.connection()
    connection.execute(
        update(Article.__table__).where(Article.__table__.c.id == bindparam("article_id")).values(
            story_id=bindparam("story")
        ),
        stories,
    )
    if bands:
        connection.execute(insert(StoryBand.__table__), bands)


def _best_story(sketch: Sketched, by_band: dict[int, set[int]], known: dict[int, tuple[str, int]]) -> int | None:
    if not sketch.signature:
        return None
    best, best_score = None, SAME_STORY
    for candidate in {article_id for band in sketch.bands for article_id in by_band.get(band, ())}:
        signature, story = known[candidate]
        score = similarity(sketch.signature, signature)
        if score >= best_score:
            best, best_score = story, score
    return best


def story_size(session: Session, story_id: int) -> int:
    """How many different feeds carried a story: what the desk shows as "3 sources"."""
    query = (
        select(func.count(func.distinct(ArticleLink.feed_id)))
        .join(Article, col(Article.id) == col(ArticleLink.article_id))
        .where(Article.story_id == story_id)
    )
    return session.exec(query).one()


def story_sources(engine: Engine, article_id: int) -> int:
    """The number of feeds that carried the story of this article (1 for a story seen once)."""
    with Session(engine) as session:
        article = session.get(Article, article_id)
        if article is None:
            return 0
        return max(1, story_size(session, article.story_id or article.id))


def story_articles(engine: Engine, article_id: int) -> list[int]:
    """Ids of every article in the same story as this one, oldest first."""
    with Session(engine) as session:
        article = session.get(Article, article_id)
        if article is None:
            return []
        story = article.story_id or article.id
        query = select(Article.id).where(Article.story_id == story).order_by(col(Article.id))
        return list(session.exec(query))


@dataclass(frozen=True)
class StoryMember:
    """One article of a story as a report cites it: its title, address and the feed it came from."""

    story_id: int
    article_id: int
    title: str
    url: str
    outlet: str


def story_members(engine: Engine, story_ids: Iterable[int]) -> dict[int, list[StoryMember]]:
    """Every article of each story, oldest first: the sources a report lists for one story."""
    wanted = sorted(set(story_ids))
    found: dict[int, list[StoryMember]] = {}
    with Session(engine) as session:
        for start in range(0, len(wanted), IDS_PER_QUERY):
            query = (
                select(Article.story_id, Article.id, Article.title, Article.url, Feed.title, Feed.url)
                .join(Feed, col(Feed.id) == col(Article.feed_id))
                .where(col(Article.story_id).in_(wanted[start : start + IDS_PER_QUERY]))
                .order_by(col(Article.published_at), col(Article.id))
            )
            for story_id, article_id, title, url, feed_title, feed_url in session.exec(query):
                found.setdefault(story_id, []).append(StoryMember(story_id, article_id, title, url, feed_title or feed_url))
    return found
