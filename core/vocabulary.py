"""The desk's words, in one home every package imports: engagement types, actor kinds and feed statuses.

The engagement types (rank, labels, short label, glyph, ACLED coding, and the phrases the tagger compiles)
are read from `seeds/lexicons/engagement_types.json` here and nowhere else, once per process. A new type is
one entry in that file; the tagger, search, the exports and the desk take it from here.
"""

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib.resources import files
from types import MappingProxyType

from core.plain_text import plain_line


CONFIDENT_AT = 0.85
"""An engagement the tagger scores at or above this confidence is one the desk need not review (`is:review`
lists the rest); tuned on the labelled corpus's tune part (`pantau eval`)."""


@dataclass(frozen=True, slots=True)
class AcledCoding:
    """An event as ACLED's codebook codes it."""

    disorder_type: str
    event_type: str
    sub_event_type: str


@dataclass(frozen=True, slots=True)
class EngagementType:
    """One of the engagement types between labour and the police.

    `rank` orders types when several match one event, most severe first. `short` (nine letters at
    most), `tiny` (six) and `glyph` (one letter) name the type where room is short. `acled` is None where
    ACLED records nothing. `triggers` propose the type, `weak_triggers` only support it, and `cues` must
    stand near a trigger.
    """

    id: str
    rank: int
    label: str
    label_id: str
    short: str
    tiny: str
    glyph: str
    acled: AcledCoding | None
    triggers: tuple[str, ...]
    weak_triggers: tuple[str, ...]
    cues: tuple[str, ...]


@cache
def engagement_types() -> Mapping[str, EngagementType]:
    """Every engagement type by id, most severe first. Read once per process."""
    text = files("seeds").joinpath("lexicons", "engagement_types.json").read_text(encoding="utf-8")
    types = sorted((_engagement_type(entry) for entry in json.loads(text)["types"]), key=lambda kind: kind.rank)
    return MappingProxyType({kind.id: kind for kind in types})


def _engagement_type(entry: dict) -> EngagementType:
    acled = entry.get("acled") or {}
    coding = AcledCoding(acled["disorder_type"], acled["event_type"], acled["sub_event_type"]) \
        if acled.get("event_type") else None
    return EngagementType(
        id=entry["id"], rank=entry["rank"], label=entry["label_en"], label_id=entry["label_id"],
        short=entry["short"], tiny=entry["tiny"], glyph=entry["glyph"], acled=coding, triggers=tuple(entry["triggers"]),
        weak_triggers=tuple(entry.get("weak_triggers", ())), cues=tuple(entry.get("cues", ())),
    )


UNKNOWN_RANK = 99
"""Where a type the taxonomy no longer has (a hand-coded row from an older one) sorts: after every known type."""


def type_rank(type_id: str) -> int:
    known = engagement_types().get(type_id)
    return known.rank if known else UNKNOWN_RANK


def type_label(type_id: str) -> str:
    """The type's English label, or its id when the taxonomy no longer has it."""
    known = engagement_types().get(type_id)
    return known.label if known else type_id


def type_named(name: str) -> str | None:
    """The type an analyst means by `name`: its id ('protest_security', 'protest security') or the short label
    the feed and the type keys show ('escort'), which is what a newcomer types; None when no type has it."""
    wanted = re.sub(r"[\s-]+", "_", name.strip().lower())
    for kind in engagement_types().values():
        if wanted in (kind.id, kind.short, kind.tiny):
            return kind.id
    return None


def type_names() -> str:
    """Every type as the desk shows it, with its id where that differs, for an error message."""
    return ", ".join(kind.short if kind.short == kind.id else f"{kind.short} ({kind.id})"
                     for kind in engagement_types().values())


def short_label(type_id: str | None) -> str:
    """Nine letters at most, for feed rows and the footer."""
    known = engagement_types().get(type_id or "")
    return known.short if known else plain_line(type_id)[:9]


def tiny_label(type_id: str) -> str:
    """Six letters at most, for the type legend of a narrow terminal."""
    known = engagement_types().get(type_id)
    return known.tiny if known else plain_line(type_id)[:6]


def type_glyph(type_id: str | None) -> str:
    """One letter, for the timeline's cells and narrow feed rows: `?` for an unknown type, blank for none."""
    known = engagement_types().get(type_id or "")
    return known.glyph if known else "?" if type_id else " "


PROTEST_CONTEXT = frozenset({"protest", "blockade", "protest_security", "dispersal", "strike"})
"""Types that put an arrest inside a demonstration."""
PROTEST_WITH_INTERVENTION = AcledCoding("Demonstrations", "Protests", "Protest with intervention")


def acled_coding(primary: str, secondary: Sequence[str] = ()) -> AcledCoding | None:
    """ACLED's coding of an engagement from its types, or None when ACLED records none of them.

    The most severe type ACLED records wins (the primary type first); an arrest during a demonstration is
    a Protest with intervention, as ACLED's codebook says. The tagger refines this from the text (force
    against protesters); an analyst's coding by hand gets exactly this.
    """
    if primary == "arrest" and PROTEST_CONTEXT & set(secondary):
        return PROTEST_WITH_INTERVENTION
    taxonomy = engagement_types()
    for type_id in (primary, *secondary):
        known = taxonomy.get(type_id)
        if known is not None and known.acled is not None:
            return known.acled
    return None


class ActorKind(StrEnum):
    """Who an actor is."""

    POLICE = "police"
    LABOUR = "labour"
    GOVERNMENT = "government"
    COMPANY = "company"
    PERSON = "person"


ACTOR_KINDS: tuple[str, ...] = tuple(kind.value for kind in ActorKind)
ACTOR_KIND_SHORT = {ActorKind.GOVERNMENT: "govt"}
"""Kinds named shorter where room is short (the actors pane); the others are short already."""


def actor_kind_short(kind: str) -> str:
    return ACTOR_KIND_SHORT.get(kind, kind)


class FeedStatus(StrEnum):
    """What a feed's last poll left in `feed.last_status`."""

    NEW = "new"
    OK = "ok"
    NOT_MODIFIED = "not modified"
    FAILED = "failed"
    OFFLINE = "offline"
    GONE = "gone"


class SourceKind(StrEnum):
    """What a source's address serves (`feed.kind`)."""

    FEED = "feed"
    """RSS, Atom or RDF."""
    LISTING = "listing"
    """An HTML page listing articles: a front, category or search page."""
    SITEMAP = "sitemap"
    """A (news) sitemap."""
    SITE = "site"
    """A site's address whose source discovery has not found yet (the default list before the first poll)."""


SOURCE_KINDS: tuple[str, ...] = (SourceKind.FEED, SourceKind.LISTING, SourceKind.SITEMAP)
"""The kinds a source can be added as without discovery."""
