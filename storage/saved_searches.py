"""Saved searches: a query kept under a name, offered again in the command palette."""

from sqlalchemy import Engine, delete
from sqlmodel import Session, col, select

from storage.models import SavedSearch, utcnow


def save_search(engine: Engine, name: str, query: str, created_by: str) -> SavedSearch:
    """Keep `query` under `name` (stripped), replacing what that name held before."""
    name = name.strip()
    if not name:
        raise ValueError("a saved search needs a name")
    with Session(engine) as session:
        saved = session.exec(select(SavedSearch).where(SavedSearch.name == name)).first()
        if saved is None:
            saved = SavedSearch(name=name, query=query, created_by=created_by)
        else:
            saved.query, saved.created_by, saved.created_at = query, created_by, utcnow()
        session.add(saved)
        session.commit()
        session.refresh(saved)
        return saved


def saved_searches(engine: Engine) -> list[SavedSearch]:
    """Every saved search, by name."""
    with Session(engine) as session:
        return list(session.exec(select(SavedSearch).order_by(col(SavedSearch.name))))


def delete_saved_search(engine: Engine, name: str) -> bool:
    """Forget the search saved under `name`; False when there was none."""
    with Session(engine) as session:
        removed = session.execute(delete(SavedSearch).where(col(SavedSearch.name) == name)).rowcount
        session.commit()
        return removed > 0
