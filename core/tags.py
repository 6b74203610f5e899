"""The tags an article yields, as frozen values that serialise to the CLI contract of README.md.

The tagger makes them and hands them on as they are: storage keeps every field, the desk and the exports read
them back. No package but the tagger builds them from text.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

from core.vocabulary import CONFIDENT_AT, AcledCoding


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets [start, end) into the article text, with the text they cover."""

    start: int
    end: int
    text: str

    def to_json(self) -> list[int]:
        return [self.start, self.end]


@dataclass(frozen=True, slots=True)
class Place:
    """A kabupaten/kota, kecamatan or province named in the article.

    `precision` follows ACLED's geo_precision: 1 town or kecamatan, 2 kabupaten/kota only, 3 province only.
    `basis` says how the place was decided (explicit, kecamatan, official, area, bare, police_site
    for a unit's headquarters named as the site, police_unit, destination, dateline), so
    fallbacks can be told from explicit mentions.
    """

    name: str
    code: str
    level: str
    province: str
    precision: int
    span: Span
    basis: str
    confidence: float
    parent_code: str | None = None

    @property
    def kabupaten_kota_code(self) -> str | None:
        """The kabupaten/kota this place lies in (itself for a kabupaten/kota), None for a province."""
        if self.level in ("kabupaten", "kota"):
            return self.code
        return self.parent_code

    def to_json(self, extended: bool = False) -> dict:
        out = {
            "name": self.name,
            "code": self.code,
            "level": self.level,
            "province": self.province,
            "precision": self.precision,
            "span": self.span.to_json(),
        }
        if extended:
            out |= {"basis": self.basis, "confidence": self.confidence}
        return out


@dataclass(frozen=True, slots=True)
class Mention:
    """One place in the text where an actor is named, with what that mention says about them.

    The rank belongs here, not to the actor: the same officer is Iptu in one article and AKP a month later.
    """

    span: Span
    rank: str | None = None
    position: str | None = None
    titles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Actor:
    """A police officer or unit, labour organisation, government official, company or other person."""

    kind: str
    name: str | None
    mentions: tuple[Mention, ...]
    confidence: float
    position: str | None = None
    rank: str | None = None
    organisation: str | None = None
    unit: str | None = None
    faction: str | None = None
    full_name: str | None = None

    @property
    def spans(self) -> tuple[Span, ...]:
        return tuple(m.span for m in self.mentions)

    @property
    def label(self) -> str:
        """How engagements refer to this actor: its name, else its position and unit, else its unit."""
        if self.name:
            return self.name
        return " ".join(p for p in (self.position, self.unit) if p) or self.organisation or ""

    def to_json(self, extended: bool = False) -> dict:
        out = {
            "kind": self.kind,
            "name": self.name,
            "position": self.position,
            "rank": self.rank,
            "organisation": self.organisation,
            "unit": self.unit,
            "spans": [s.to_json() for s in self.spans],
        }
        if extended:
            out |= {
                "faction": self.faction,
                "full_name": self.full_name,
                "confidence": self.confidence,
                "mention_ranks": [m.rank for m in self.mentions],
            }
        return out


@dataclass(frozen=True, slots=True)
class EventDate:
    """A date named in the text, resolved against the publication date.

    `precision` follows ACLED's time_precision: 1 day, 2 week, 3 month. `weekday_conflict` is set when the
    named weekday does not fall on the written date; `year_inferred` when the text left the year out; `announced` when
    the date is after publication or written as a plan ('mendatang', 'akan digelar pada'), never an event's;
    `said` when it dates a statement ('kata Kapolres, Senin (8/12/2025)').
    """

    date: date
    precision: int
    span: Span
    year_inferred: bool = False
    weekday_conflict: bool = False
    recalled: bool = False
    metadata: bool = False
    announced: bool = False
    said: bool = False


@dataclass(frozen=True, slots=True)
class Engagement:
    """One labour-police encounter: its types (most severe first), date, place, actors and evidence."""

    type: str
    secondary_types: tuple[str, ...]
    date: EventDate | None
    place: Place | None
    police_actors: tuple[str, ...]
    labour_actors: tuple[str, ...]
    other_actors: tuple[str, ...]
    evidence: Span
    confidence: float
    triggers: tuple[Span, ...] = ()
    acled: AcledCoding | None = None
    notes: tuple[str, ...] = ()

    @property
    def confident(self) -> bool:
        return self.confidence >= CONFIDENT_AT

    def to_json(self, extended: bool = False) -> dict:
        out = {
            "type": self.type,
            "secondary_types": list(self.secondary_types),
            "date": self.date.date.isoformat() if self.date else None,
            "date_precision": self.date.precision if self.date else None,
            "year_inferred": self.date.year_inferred if self.date else False,
            "kabupaten_kota": self.place.name if self.place else None,
            "code": self.place.code if self.place else None,
            "province": self.place.province if self.place else None,
            "police_actors": list(self.police_actors),
            "labour_actors": list(self.labour_actors),
            "other_actors": list(self.other_actors),
            "evidence": {"text": self.evidence.text, "span": self.evidence.to_json()},
        }
        if extended:
            out |= {
                "confidence": self.confidence,
                "weekday_conflict": self.date.weekday_conflict if self.date else False,
                "date_span": self.date.span.to_json() if self.date else None,
                "place_precision": self.place.precision if self.place else None,
                "triggers": [{"text": t.text, "span": t.to_json()} for t in self.triggers],
                "acled": asdict(self.acled) if self.acled else None,
                "notes": list(self.notes),
            }
        return out


@dataclass(frozen=True, slots=True)
class Tags:
    """Everything the tagger found in one article."""

    places: tuple[Place, ...]
    actors: tuple[Actor, ...]
    engagements: tuple[Engagement, ...]
    dates: tuple[EventDate, ...] = ()
    tagger_version: str = ""
    main_place: Place | None = field(default=None)

    def to_json(self, extended: bool = False) -> dict:
        """The `pantau tag` JSON object; `extended` adds confidences, flags and trigger spans."""
        out = {
            "places": [p.to_json(extended) for p in self.places],
            "actors": [a.to_json(extended) for a in self.actors],
            "engagements": [e.to_json(extended) for e in self.engagements],
        }
        if extended:
            out["tagger_version"] = self.tagger_version
        return out
