"""Near-duplicate grouping: syndicated copies of one story share a `story_id`.

The fetchers hand each article a MinHash signature of its text and the LSH band keys derived
from it. Articles sharing a band are candidates; a candidate whose signature agrees on at least
`SAME_STORY` of its positions is the same story. One indexed lookup per article keeps it cheap.
"""

from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from storage.models import Article, ArticleLink, StoryBand

SAME_STORY = 0.5
"""Estimated Jaccard similarity of word shingles above which two texts are one story."""

HEX_PER_VALUE = 8
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


def assign_story(session: Session, article: Article, bands: tuple[int, ...]) -> None:
    """Put a freshly inserted article in the story of its most similar earlier article, or a new one."""
    article.story_id = article.id
    if article.signature and bands:
        candidates = session.exec(
            select(Article.id, Article.signature, Article.story_id)
            .join(StoryBand, col(StoryBand.article_id) == col(Article.id))
            .where(col(StoryBand.band).in_(bands), col(Article.id) != article.id)
            .distinct()
        )
        best, best_score = None, SAME_STORY
        for candidate_id, signature, story_id in candidates:
            score = similarity(article.signature, signature)
            if score >= best_score:
                best, best_score = story_id or candidate_id, score
        if best is not None:
            article.story_id = best
        for band in set(bands):
            session.add(StoryBand(band=band, article_id=article.id))
    session.add(article)


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
