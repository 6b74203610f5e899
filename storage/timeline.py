"""Engagement counts per kabupaten/kota and period: what the desk's timeline pane draws.

One aggregated query (GROUP BY kabupaten, period, type) per grain does the counting in the
database, weeks and months included, from a covering index (migration 0005), so the pane costs
one round trip and a few thousand cells however many engagements are stored. An engagement is dated by its event date, else by its article's publication
date; the article is looked up only for engagements without a date, because reading article rows
(long texts) is what costs most at 100,000. Where an analyst coded an article's engagements by
hand, the tagger's rows for that article no longer count; articles marked not relevant do not
count at all.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import Date, Engine, and_, cast, exists, func, not_, select
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col

from storage.models import AUTO, MANUAL, Article, Engagement, NotRelevant

GRAINS = ("week", "day", "month")


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

    The database groups by (kabupaten, period, type), so only the cells come back; the engagement
    columns it reads are all in the index `ix_engagement_timeline`, so it never visits the rows.
    Names come from a second, per-kabupaten query: carried on every cell they cost a third of the time.
    """
    period = period_bucket(engagement_day(engine.dialect.name), grain, engine.dialect.name).label("period")
    counts = (
        select(col(Engagement.kabupaten_code), period, col(Engagement.type), func.count())
        .where(counted_engagements())
        .group_by(col(Engagement.kabupaten_code), period, col(Engagement.type))
    )
    names = (
        select(col(Engagement.kabupaten_code), func.max(col(Engagement.kabupaten_kota)), func.max(col(Engagement.province)))
        .where(col(Engagement.kabupaten_code).is_not(None))
        .group_by(col(Engagement.kabupaten_code))
    )
    cells: dict[tuple[str, date], dict[str, int]] = {}
    with Session(engine) as session:
        for code, start, kind, count in session.execute(counts):
            if start is None:
                continue
            start = start if isinstance(start, date) else date.fromisoformat(start)  # SQLite gives text
            cells.setdefault((code, start), {})[kind] = count
        counted = {code for code, _start in cells}
        places = [Place(code, name or code, province or "") for code, name, province in session.execute(names)
                  if code in counted]
    if not cells:
        return Timeline(grain)
    starts = [start for _code, start in cells]
    return Timeline(
        grain=grain,
        places=sorted(places, key=lambda place: (place.province, place.name)),
        periods=periods_between(min(starts), max(starts), grain),
        cells=cells,
    )
