"""The table of searches the desk saved by name (ctrl+s in the search bar), shared by everyone on the desk."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from storage.models import utcnow


class SavedSearch(SQLModel, table=True):
    """A query kept under a name; saving under a taken name replaces that query."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    query: str
    created_by: str
    created_at: datetime = Field(default_factory=utcnow)
