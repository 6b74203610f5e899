"""Tags for tests, written as the short dicts of the `pantau tag` JSON; a field left out takes a plain value.

Storage takes the tagger's own values (`core.tags`); tests that pin storage, search or the desk write only the
fields they are about, and this builds the rest: no span, explicit places, a confident engagement whose ACLED
coding is its types' (what the tagger gives when the text adds nothing).
"""

from datetime import date

from core.tags import Actor, Engagement, EventDate, Mention, Place, Span, Tags
from core.vocabulary import acled_coding

NOWHERE = Span(0, 0, "")


def tags_of(payload: dict, version: str = "t1") -> Tags:
    """`{"places": [...], "actors": [...], "engagements": [...]}` (any of them may be left out) as Tags."""
    return Tags(
        places=tuple(_place(place) for place in payload.get("places", [])),
        actors=tuple(_actor(actor) for actor in payload.get("actors", [])),
        engagements=tuple(_engagement(engagement) for engagement in payload.get("engagements", [])),
        tagger_version=version,
    )


def _span(pair: list[int] | None, text: str = "") -> Span:
    return Span(pair[0], pair[1], text) if pair else Span(0, 0, text)


def _place(place: dict) -> Place:
    return Place(place["name"], place["code"], place.get("level", "kabupaten"), place.get("province", ""),
                 place.get("precision", 2), _span(place.get("span")), place.get("basis", "explicit"),
                 place.get("confidence", 1.0))


def _actor(actor: dict) -> Actor:
    mentions = tuple(Mention(_span(pair), rank=actor.get("rank"), position=actor.get("position"))
                     for pair in actor.get("spans", []))
    return Actor(kind=actor["kind"], name=actor.get("name"), mentions=mentions, confidence=actor.get("confidence", 1.0),
                 position=actor.get("position"), rank=actor.get("rank"), organisation=actor.get("organisation"),
                 unit=actor.get("unit"))


def _engagement(engagement: dict) -> Engagement:
    day, secondary = engagement.get("date"), tuple(engagement.get("secondary_types", []))
    when = EventDate(date.fromisoformat(day), engagement.get("date_precision") or 1, NOWHERE,
                     year_inferred=bool(engagement.get("year_inferred"))) if day else None
    place = Place(engagement.get("kabupaten_kota") or "", engagement["code"], "kabupaten",
                  engagement.get("province") or "", 2, NOWHERE, "explicit", 1.0) if engagement.get("code") else None
    evidence = engagement.get("evidence") or {}
    return Engagement(
        type=engagement["type"], secondary_types=secondary, date=when, place=place,
        police_actors=tuple(engagement.get("police_actors", [])),
        labour_actors=tuple(engagement.get("labour_actors", [])),
        other_actors=tuple(engagement.get("other_actors", [])),
        evidence=_span(evidence.get("span"), evidence.get("text", "")),
        confidence=engagement.get("confidence", 0.9), acled=acled_coding(engagement["type"], secondary),
    )
