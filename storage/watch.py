"""The watch-list: which newly arrived articles name a term the desk watches for."""

from collections.abc import Collection

from sqlalchemy import Engine, func, or_, select
from sqlmodel import Session, col

from storage.models import Article


def articles_naming(engine: Engine, article_ids: Collection[int], terms: Collection[str]) -> set[int]:
    """Those of `article_ids` whose title or summary contains one of `terms`, ignoring case."""
    terms = [term for term in terms if term.strip()]
    if not article_ids or not terms:
        return set()
    names_a_term = or_(
        *(
            func.lower(column).contains(term.strip().lower(), autoescape=True)
            for term in terms
            for column in (col(Article.title), col(Article.summary))
        )
    )
    query = select(Article.id).where(col(Article.id).in_(list(article_ids)), names_a_term)
    with Session(engine) as session:
        return set(session.scalars(query))
