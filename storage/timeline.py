"""Engagement counts per kabupaten/kota and period: what the desk's timeline pane draws.

The database keeps the counts per (kabupaten, day, type) as engagements are stored and coded
(storage.timeline_counts, migration 0010); one aggregated query per grain sums them into weeks and
months, so the pane costs one round trip over its cells however many articles are stored. An
engagement is dated by its event date, else by its article's publication date. Where an analyst
coded an article's engagements by hand, the tagger's rows for that article no longer count; articles
marked not relevant do not count at all (`counted_engagements`, which the search's filters share).
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import Date, Engine, and_, cast, exists, func, not_, select
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col

from storage.models import AUTO, MANUAL, Article, Engagement, NotRelevant
from storage.timeline_counts import GRAINS


@dataclass(frozen=True)
class Place:
    """A kabupaten/kota that has engagements: one row of the timeline."""

    code: str
    name: str
    province: str


@dataclass(frozen=True)
class Timeline:
    """Counts by (kabupaten code, period start) and engagement type, with every period in between."""

    grain: str
    places: list[Place] = field(default_factory=list)
    periods: list[date] = field(default_factory=list)
    cells: dict[tuple[str, date], dict[str, int]] = field(default_factory=dict)

    @property
    def provinces(self) -> list[str]:
        return sorted({place.province for place in self.places})


def period_start(day: date, grain: str) -> date:
    """The first day of the period holding `day`: itself, its ISO week's Monday, or its month's first."""
    if grain == "day":
        return day
    if grain == "week":
        return day - timedelta(days=day.weekday())
    if grain == "month":
        return day.replace(day=1)
    raise ValueError(f"unknown grain {grain!r}; expected one of {', '.join(GRAINS)}")


def next_period(start: date, grain: str) -> date:
    if grain == "day":
        return start + timedelta(days=1)
    if grain == "week":
        return start + timedelta(days=7)
    return (start.replace(day=28) + timedelta(days=4)).replace(day=1)


def period_end(start: date, grain: str) -> date:
    """The last day of the period that begins on `start`."""
    return next_period(start, grain) - timedelta(days=1)


def periods_between(first: date, last: date, grain: str) -> list[date]:
    periods, current = [], period_start(first, grain)
    while current <= last:
        periods.append(current)
        current = next_period(current, grain)
    return periods


def engagement_day(dialect: str) -> ColumnElement:
    """The engagement's day as SQL: its event date, else its article's publication day (in UTC)."""
    published = cast(col(Article.published_at), Date) if dialect == "postgresql" else func.date(col(Article.published_at))
    return func.coalesce(col(Engagement.event_date), _published(published))


def _published(day: ColumnElement) -> ColumnElement:
    """The publication day of the engagement's article; both backends evaluate it only when COALESCE needs it."""
    return select(day).where(col(Article.id) == col(Engagement.article_id)).scalar_subquery()


def current_engagements() -> ColumnElement[bool]:
    """Engagement rows in force: the analyst's, and the tagger's only where nobody coded the article by hand."""
    coded_by_hand = select(Engagement.article_id).where(col(Engagement.source) == MANUAL)
    return not_(and_(col(Engagement.source) == AUTO, col(Engagement.article_id).in_(coded_by_hand)))


def counted_engagements() -> ColumnElement[bool]:
    """Engagements that count: current ones, placed, on relevant articles."""
    not_relevant = exists().where(col(NotRelevant.article_id) == col(Engagement.article_id))
    return and_(col(Engagement.kabupaten_code).is_not(None), current_engagements(), not_(not_relevant))


def period_bucket(day: ColumnElement, grain: str, dialect: str) -> ColumnElement:
    """The first day of the period holding `day`, as SQL: the day itself, its ISO week's Monday, or its month's first."""
    if grain not in GRAINS:
        raise ValueError(f"unknown grain {grain!r}; expected one of {', '.join(GRAINS)}")
    if grain == "day":
        return day
    if dialect == "postgresql":
        return cast(func.date_trunc(grain, day), Date)
    if grain == "week":
        return func.date(day, "weekday 0", "-6 days")  # the Sunday on or after, then back to its Monday
    return func.strftime("%Y-%m-01", day)


def engagement_timeline(engine: Engine, grain: str = "week") -> Timeline:
    """Every kabupaten/kota with engagements, and their counts per period of `grain` and type.

    Read from the counts the database keeps per period of each grain (storage.timeline_counts): the query
    reads the grain's cells and nothing else, however many articles are stored.
    """
    if grain not in GRAINS:
        raise ValueError(f"unknown grain {grain!r}; expected one of {', '.join(GRAINS)}")
    cells: dict[tuple[str, date], dict[str, int]] = {}
    names: dict[str, tuple[str, str]] = {}
    for code, start, kind, count, name, province in _kept_rows(engine, grain):
        cell = cells.get((code, start))
        if cell is None:
            cells[code, start] = {kind: count}
        else:
            cell[kind] = cell.get(kind, 0) + count
        if names.get(code, ("", "")) < (name, province):
            names[code] = (name, province)
    if not cells:
        return Timeline(grain)
    places = [Place(code, name or code, province) for code, (name, province) in names.items()]
    starts = [start for _code, start in cells]
    return Timeline(
        grain=grain,
        places=sorted(places, key=lambda place: (place.province, place.name)),
        periods=periods_between(min(starts), max(starts), grain),
        cells=cells,
    )


def kept_counts(engine: Engine, grain: str) -> dict[tuple[str, date, str], int]:
    """The kept counts per (kabupaten code, period start, type) at `grain`."""
    counts: dict[tuple[str, date, str], int] = {}
    for code, start, kind, count, _name, _province in _kept_rows(engine, grain):
        counts[code, start, kind] = counts.get((code, start, kind), 0) + count
    return counts


def _kept_rows(engine: Engine, grain: str) -> list[tuple[str, date, str, int, str, str]]:
    """The grain's rows as stored, one range of the table in key order. Not grouped in SQL: a cell's rows differ
    only where its engagements name the place differently, and grouping costs more than the sum here."""
    marker = "?" if engine.dialect.name == "sqlite" else "%s"
    statement = ("SELECT kabupaten_code, period_start, type, n, kabupaten_kota, province FROM timeline_count"
                 f" WHERE grain = {marker}")
    with engine.connect() as connection:
        cursor = connection.connection.cursor()  # the driver's plain tuples: SQLAlchemy's rows cost twice the query
        try:
            cursor.execute(statement, (grain,))
            rows = cursor.fetchall()
        finally:
            cursor.close()
    if engine.dialect.name == "sqlite":  # dates come as text
        return [(code, date.fromisoformat(start), kind, count, name, province)
                for code, start, kind, count, name, province in rows]
    return rows


def recounted(engine: Engine, grain: str) -> dict[tuple[str, date, str], int]:
    """Engagements per (kabupaten code, period start, type) at `grain`, counted afresh from the engagement rows:
    what the kept counts must equal."""
    period = period_bucket(engagement_day(engine.dialect.name), grain, engine.dialect.name).label("period")
    query = (select(col(Engagement.kabupaten_code), period, col(Engagement.type), func.count())
             .where(counted_engagements(), period.is_not(None))
             .group_by(col(Engagement.kabupaten_code), period, col(Engagement.type)))
    with Session(engine) as session:
        return {(code, _as_date(start), kind): count for code, start, kind, count in session.execute(query)}


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)  # SQLite gives text
