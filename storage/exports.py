"""What the desk coded, out of the terminal: one row per engagement, as ACLED-style CSV, CSV or JSON lines.

The ACLED-style file keeps ACLED's column names and meanings where they apply, with ACLED's coding as
stored on each engagement: the tagger's (which reads a sub-event such as excessive force from the
text), or for a coding by hand its type's (`core.vocabulary.acled_coding`); nothing is coded again
here. Types ACLED does not record (dialogues, social service, ceremonies, mediation ...) are still
exported, with the three ACLED type columns empty and `acled_recorded` = "no", so a reader can keep
or drop them.

The police stand in a row only when the engagement names a police actor: the tagger's own, or for an
analyst's coding the actors tagged on the article (an analyst codes the article, not one sentence of it).
Without one, the police's side (actor1 of an arrest or of a type ACLED does not record, actor2 of an
intervened protest or a riot) is left empty, the interaction names the side that is there, and the
notes say that no police actor is named.
"""

import csv
import json
import os
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timezone
from pathlib import Path
from typing import TextIO

from sqlalchemy import Engine, Row, and_, exists, func, not_, or_
from sqlmodel import Session, col, select

from core.plain_text import csv_cell, json_safe
from core.vocabulary import type_label
from storage.models import MANUAL, Actor, ActorMention, Article, ArticleLink, Engagement, Feed, NotRelevant, PlaceTag
from storage.timeline import current_engagements

FORMATS = ("acled-csv", "csv", "jsonl")

ACLED_COLUMNS = (
    "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "country", "admin1", "admin2", "admin3", "location", "geo_precision", "source", "source_scale", "notes",
)
PANTAU_COLUMNS = ("pantau_engagement_id", "pantau_type", "pantau_secondary_types", "acled_recorded",
                  "tag_source", "article_url")
"""Columns after ACLED's own: what a reader needs to trace a row back to the desk."""

COUNTRY = "Indonesia"
LABOUR_GROUP = "Labor Group (Indonesia)"
POLICE_REGIMES = ((date(2024, 10, 20), "2024-"), (date(2014, 10, 20), "2014-2024"), (date(2004, 10, 20), "2004-2014"))


@dataclass(frozen=True)
class ExportFilter:
    """Which engagements to export. Dates compare the event date, else the article's publication day.

    `kabupaten` entries match a Kemendagri code ("36.04"), a full name ("Kabupaten Serang"), or a
    bare name ("serang", which takes both Kabupaten and Kota Serang); `provinces` a province code
    ("36") or name ("Banten"); all case-insensitive.
    """

    since: date | None = None
    until: date | None = None
    kabupaten: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()


@dataclass(frozen=True)
class Tally:
    """How many engagements of one type one kabupaten/kota has (code None: not placed)."""

    type: str
    kabupaten_code: str | None
    kabupaten_kota: str | None
    province: str | None
    count: int


@dataclass(frozen=True)
class EngagementRecord:
    """One engagement with what the plain exports carry: the tag, its article and the outlets."""

    engagement_id: int
    article_id: int
    story_id: int | None
    type: str
    secondary_types: list[str]
    event_date: str | None
    date_precision: int | None
    year_inferred: bool
    kabupaten_code: str | None
    kabupaten_kota: str | None
    kecamatan: str | None
    province: str | None
    police_actors: list[str]
    labour_actors: list[str]
    other_actors: list[str]
    evidence: str
    confidence: float | None
    tag_source: str
    created_by: str | None
    tagger_version: str | None
    article_title: str
    article_url: str
    published_at: str | None
    outlets: list[str] = field(default_factory=list)
    acled_disorder_type: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None


def engagement_records(engine: Engine, filters: ExportFilter = ExportFilter()) -> Iterator[EngagementRecord]:
    """The engagements `filters` selects, in event order (undated ones by publication).

    Like the timeline, it leaves out the tagger's engagements on articles an analyst coded by hand
    and everything on articles marked not relevant: one row per engagement the desk stands by.
    """
    query = (
        select(*Engagement.__table__.columns, *ARTICLE_COLUMNS)
        .join(Article, col(Article.id) == col(Engagement.article_id))
        .where(*_conditions(filters))
        .order_by(func.coalesce(col(Engagement.event_date), func.date(col(Article.published_at))), col(Engagement.id))
    )
    with Session(engine) as session:
        rows = list(session.execute(query))
        article_ids = {row.article_id for row in rows}
        outlets = _outlets(session, article_ids)
        kecamatan = _kecamatan(session, article_ids)
        tagged = _article_actors(session, {row.article_id for row in rows if row.source == MANUAL})
    for row in rows:
        actors = tagged.get(row.article_id, {}) if row.source == MANUAL else None
        yield _record(row, outlets.get(row.article_id, []), kecamatan.get(row.article_id, []), actors)


ARTICLE_COLUMNS = (col(Article.title).label("article_title"), col(Article.url).label("article_url"),
                   col(Article.published_at).label("published_at"), col(Article.story_id).label("story_id"))
"""What a record takes from its article. Rows of plain columns, not ORM objects: at a year of the bench desk
(16,000 engagements) loading whole articles (their bodies) and building objects took three quarters of the time."""


def engagement_tally(engine: Engine, filters: ExportFilter = ExportFilter()) -> list[Tally]:
    """The engagements `filters` selects, counted by type and kabupaten/kota in the database.

    The same engagements as `engagement_records`, for a summary that needs no rows (a brief's
    previous period).
    """
    query = (
        select(col(Engagement.type), col(Engagement.kabupaten_code), func.max(col(Engagement.kabupaten_kota)),
               func.max(col(Engagement.province)), func.count())
        .join(Article, col(Article.id) == col(Engagement.article_id))
        .where(*_conditions(filters))
        .group_by(col(Engagement.type), col(Engagement.kabupaten_code))
    )
    with Session(engine) as session:
        return [Tally(*row) for row in session.execute(query)]


def _conditions(filters: ExportFilter) -> list:
    undated = col(Engagement.event_date).is_(None)
    not_relevant = exists().where(col(NotRelevant.article_id) == col(Engagement.article_id))
    conditions = [current_engagements(), not_(not_relevant)]
    if filters.since:
        conditions.append(or_(col(Engagement.event_date) >= filters.since,
                              and_(undated, col(Article.published_at) >= _start(filters.since))))
    if filters.until:
        conditions.append(or_(col(Engagement.event_date) <= filters.until,
                              and_(undated, col(Article.published_at) < _start(filters.until, days_after=1))))
    if filters.types:
        conditions.append(col(Engagement.type).in_(filters.types))
    if filters.kabupaten:
        conditions.append(or_(*(_kabupaten_matches(value) for value in filters.kabupaten)))
    if filters.provinces:
        conditions.append(or_(*(_province_matches(value) for value in filters.provinces)))
    return conditions


def _start(day: date, days_after: int = 0) -> datetime:
    return datetime.combine(date.fromordinal(day.toordinal() + days_after), time(), tzinfo=timezone.utc)


def _kabupaten_matches(value: str):
    name = func.lower(col(Engagement.kabupaten_kota))
    wanted = value.strip().lower()
    return or_(col(Engagement.kabupaten_code) == wanted, name == wanted, name.like(f"% {wanted}"))


def _province_matches(value: str):
    wanted = value.strip().lower()
    if wanted.isdigit():
        return and_(col(Engagement.kabupaten_code) > f"{wanted}.", col(Engagement.kabupaten_code) < f"{wanted}/")
    return func.lower(col(Engagement.province)) == wanted


def _outlets(session: Session, article_ids: set[int]) -> dict[int, list[str]]:
    """Every feed that carried each article (its own and any linked through another feed)."""
    linked = select(ArticleLink.article_id, Feed.title, Feed.url).join(Feed, col(Feed.id) == col(ArticleLink.feed_id))
    own = select(Article.id, Feed.title, Feed.url).join(Feed, col(Feed.id) == col(Article.feed_id))
    found: dict[int, list[str]] = {}
    for article_id, title, url in [
        *session.exec(own.where(col(Article.id).in_(article_ids))),
        *session.exec(linked.where(col(ArticleLink.article_id).in_(article_ids)).order_by(col(ArticleLink.id))),
    ]:
        name = title or url
        if name not in found.setdefault(article_id, []):
            found[article_id].append(name)
    return found


def _kecamatan(session: Session, article_ids: set[int]) -> dict[int, list[tuple[str, str]]]:
    """(code, name) of each kecamatan tagged on each article."""
    query = select(PlaceTag.article_id, PlaceTag.code, PlaceTag.name).where(
        col(PlaceTag.article_id).in_(article_ids), PlaceTag.level == "kecamatan"
    ).order_by(col(PlaceTag.id))
    found: dict[int, list[tuple[str, str]]] = {}
    for article_id, code, name in session.exec(query):
        found.setdefault(article_id, []).append((code, name))
    return found


def _article_actors(session: Session, article_ids: set[int]) -> dict[int, dict[str, list[str]]]:
    """The actors tagged on each article now (the tagger's and the analyst's, less any taken off), by the
    engagement list they belong in (police, labour, other), each named once in the order first tagged."""
    query = (
        select(ActorMention.article_id, Actor.kind, Actor.name)
        .join(Actor, col(Actor.id) == col(ActorMention.actor_id))
        .where(col(ActorMention.article_id).in_(article_ids))
        .order_by(col(ActorMention.id))
    )
    found: dict[int, dict[str, list[str]]] = {}
    for article_id, kind, name in session.exec(query):
        side = found.setdefault(article_id, {}).setdefault(kind if kind in ("police", "labour") else "other", [])
        if name not in side:
            side.append(name)
    return found


def _which_kecamatan(engagement: Row, candidates: list[tuple[str, str]]) -> str | None:
    """The engagement's kecamatan: the one its evidence names, else the only one in its kabupaten."""
    inside = [name for code, name in candidates
              if engagement.kabupaten_code and code.startswith(engagement.kabupaten_code + ".")]
    named = [name for name in inside if _bare(name).lower() in engagement.evidence.lower()]
    if named:
        return named[0]
    return inside[0] if len(set(inside)) == 1 else None


def _bare(place: str) -> str:
    return place.removeprefix("Kecamatan ").strip()


def _record(engagement: Row, outlets: list[str], kecamatan: list[tuple[str, str]],
            actors: dict[str, list[str]] | None = None) -> EngagementRecord:
    """A record from one row of the engagement's columns and ARTICLE_COLUMNS; `actors` (police, labour, other),
    when given, replace the lists stored on the engagement."""
    secondary = json.loads(engagement.secondary_types)
    published = engagement.published_at
    return EngagementRecord(
        engagement_id=engagement.id,
        article_id=engagement.article_id,
        story_id=engagement.story_id,
        type=engagement.type,
        secondary_types=secondary,
        event_date=engagement.event_date.isoformat() if engagement.event_date else None,
        date_precision=engagement.date_precision,
        year_inferred=engagement.year_inferred,
        kabupaten_code=engagement.kabupaten_code,
        kabupaten_kota=engagement.kabupaten_kota,
        kecamatan=_which_kecamatan(engagement, kecamatan),
        province=engagement.province,
        police_actors=actors.get("police", []) if actors is not None else json.loads(engagement.police_actors),
        labour_actors=actors.get("labour", []) if actors is not None else json.loads(engagement.labour_actors),
        other_actors=actors.get("other", []) if actors is not None else json.loads(engagement.other_actors),
        evidence=engagement.evidence,
        confidence=engagement.confidence,
        tag_source=engagement.source,
        created_by=engagement.created_by,
        tagger_version=engagement.tagger_version,
        article_title=engagement.article_title,
        article_url=engagement.article_url,
        published_at=published.astimezone(timezone.utc).isoformat() if published else None,
        outlets=outlets,
        acled_disorder_type=engagement.acled_disorder_type,
        acled_event_type=engagement.acled_event_type,
        acled_sub_event_type=engagement.acled_sub_event_type,
    )


def police_actor(day: date | None) -> str:
    """ACLED's name for the Indonesian police, with the years of the government of the day."""
    for start, years in POLICE_REGIMES:
        if day is not None and day >= start:
            return f"Police Forces of Indonesia ({years})"
    return "Police Forces of Indonesia"


def _named(actors: list[str]) -> list[str]:
    """Named bodies and people; generic nouns the tagger kept ("buruh") are left out."""
    return [actor for actor in actors if actor != actor.lower()]


def acled_row(record: EngagementRecord) -> dict[str, str]:
    """One engagement as an ACLED-style row (ACLED_COLUMNS then PANTAU_COLUMNS), every value a string."""
    day, precision = _event_day(record)
    recorded = record.acled_event_type is not None
    disorder, event_type, sub_event = (record.acled_disorder_type or "", record.acled_event_type or "",
                                       record.acled_sub_event_type or "")
    labour = "; ".join([LABOUR_GROUP, *_named(record.labour_actors)])
    police = police_actor(day) if record.police_actors else None
    sides = _sides(event_type, sub_event, police, labour)
    admin3 = _bare(record.kecamatan or "")
    return {
        "event_date": day.isoformat() if day else "",
        "year": str(day.year) if day else "",
        "time_precision": str(precision or ""),
        "disorder_type": disorder,
        "event_type": event_type,
        "sub_event_type": sub_event,
        **sides,
        "country": COUNTRY,
        "admin1": record.province or "",
        "admin2": record.kabupaten_kota or "",
        "admin3": admin3,
        "location": admin3 or record.kabupaten_kota or record.province or "",
        "geo_precision": "1" if admin3 else "2" if record.kabupaten_kota else "3" if record.province else "",
        "source": "; ".join(record.outlets),
        "source_scale": "",
        "notes": _notes(record, day, recorded),
        "pantau_engagement_id": str(record.engagement_id),
        "pantau_type": record.type,
        "pantau_secondary_types": "; ".join(record.secondary_types),
        "acled_recorded": "yes" if recorded else "no",
        "tag_source": record.tag_source,
        "article_url": record.article_url,
    }


def _event_day(record: EngagementRecord) -> tuple[date | None, int | None]:
    """The event date and ACLED time precision; an undated engagement takes its article's month (precision 3)."""
    if record.event_date:
        return date.fromisoformat(record.event_date), record.date_precision or 1
    if record.published_at:
        return datetime.fromisoformat(record.published_at).date(), 3
    return None, None


def _sides(event_type: str, sub_event: str, police: str | None, labour: str) -> dict[str, str]:
    """actor1/actor2 with their associates, inter codes and interaction, as ACLED assigns them.

    `police` is None when the engagement names no police actor: their side stays empty (never invented)
    and the interaction is the other side's alone.
    """
    if event_type in ("Protests", "Riots"):
        crowd = "Protesters" if event_type == "Protests" else "Rioters"
        police_side = police if event_type == "Riots" or sub_event != "Peaceful protest" else None
        return {
            "actor1": f"{crowd} (Indonesia)", "assoc_actor_1": labour, "inter1": crowd,
            "actor2": police_side or "", "assoc_actor_2": "", "inter2": "State forces" if police_side else "",
            "interaction": f"State forces-{crowd}" if police_side else f"{crowd} only",
        }
    return {
        "actor1": police or "", "assoc_actor_1": "", "inter1": "State forces" if police else "",
        "actor2": "Civilians (Indonesia)", "assoc_actor_2": labour, "inter2": "Civilians",
        "interaction": "State forces-Civilians" if police else "Civilians only",
    }


def _notes(record: EngagementRecord, day: date | None, recorded: bool) -> str:
    label = type_label(record.type)
    place = record.kecamatan and f"{record.kecamatan}, {record.kabupaten_kota}" or record.kabupaten_kota or record.province
    parts = [f"On {day.isoformat()}" if day else "Undated", f" in {place}" if place else "", f": {label}."]
    if record.secondary_types:
        parts.append(" Also: " + ", ".join(type_label(t) for t in record.secondary_types) + ".")
    parts.append(" Police: " + ", ".join(record.police_actors) + "." if record.police_actors
                 else " No police actor named.")
    if record.labour_actors:
        parts.append(" Labour: " + ", ".join(record.labour_actors) + ".")
    if not recorded:
        parts.append(" Not an ACLED event type (Pantau records it).")
    if record.evidence:
        parts.append(f' Evidence: "{record.evidence}"')
    return "".join(parts)


def plain_row(record: EngagementRecord) -> dict[str, str]:
    """The record for a spreadsheet: lists joined with "; ", nothing left as None."""
    row = {}
    for name, value in asdict(record).items():
        if isinstance(value, list):
            value = "; ".join(value)
        row[name] = "" if value is None else str(value).lower() if isinstance(value, bool) else str(value)
    return row


def write_export(records: Iterable[EngagementRecord], fmt: str, out: TextIO) -> int:
    """Write `records` to `out` in `fmt` (one of FORMATS); returns how many rows were written.

    Titles, actors and evidence come from the news: JSON lines escape control and invisible
    characters (the values read back exactly); CSV cells drop them and neutralise formulas.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: one of {', '.join(FORMATS)}")
    count = 0
    if fmt == "jsonl":
        for record in records:
            out.write(json_safe(json.dumps(asdict(record), ensure_ascii=False)) + "\n")
            count += 1
        return count
    fields = (*ACLED_COLUMNS, *PANTAU_COLUMNS) if fmt == "acled-csv" else tuple(EngagementRecord.__dataclass_fields__)
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for record in records:
        row = acled_row(record) if fmt == "acled-csv" else plain_row(record)
        writer.writerow({name: csv_cell(value) for name, value in row.items()})
        count += 1
    return count


def write_export_file(records: Iterable[EngagementRecord], fmt: str, path: Path) -> int:
    """Write the export to `path` whole or not at all, and return its row count.

    The rows go to a hidden file beside `path`, renamed over it once complete; on any failure that
    file is removed and whatever `path` held before is left as it was.
    """
    partial = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        with partial.open("x", encoding="utf-8", newline="") as handle:
            count = write_export(records, fmt, handle)
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return count
