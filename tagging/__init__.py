"""Rule-based tagging of Indonesian labour-police news: pure functions from an article to tags.

    >>> tags = tag_article(title, text, published)
    >>> tags.to_json()   # the `pantau tag` contract: places, actors, engagements

No I/O beyond reading the lexicons of seeds/ once per process; no database, no network, no Textual.
"""

from __future__ import annotations

from datetime import datetime

from core.tags import Actor, Engagement, EventDate, Mention, Place, Span, Tags
from tagging import dates as date_finder
from tagging.actors import find_actors
from tagging.boilerplate import mask_boilerplate
from tagging.engagements import find_engagements
from tagging.places import find_places
from tagging.text import layout, tokenize
from tagging.units import find_units

TAGGER_VERSION = "0.2.5"

__all__ = [
    "TAGGER_VERSION", "Actor", "Engagement", "EventDate", "Mention", "Place", "Span", "Tags", "tag_article",
    "warm_up",
]


def tag_article(title: str, text: str, published: datetime | None = None, source: str | None = None) -> Tags:
    """Tag one article. Offsets in every span are character offsets into `text`.

    `published` anchors dates that leave out the year; without it the article's own date line does, or a
    `/YYYY/MM/` in `source` (the page's address). `title` is accepted for the pipeline's convenience; the
    body carries the evidence (most outlets repeat the headline in the text). Related-article lines and tag
    lists are blanked first (offsets kept), so another story's words never become this one's tags.
    """
    text = mask_boilerplate(text)
    tokens = tokenize(text)
    lay = layout(text)
    units = find_units(text, tokens)
    actors = find_actors(text, tokens, units)
    places = find_places(text, tokens, units, person_spans(actors))
    found_dates = date_finder.find_dates(text, date_finder.reference(text, published, source))
    engagements = find_engagements(text, tokens, lay, actors, places, found_dates)
    return Tags(
        places=places.places,
        actors=tuple(actors),
        engagements=tuple(engagements),
        dates=tuple(found_dates),
        tagger_version=TAGGER_VERSION,
        main_place=places.main,
    )


def person_spans(actors: list[Actor]) -> list[Span]:
    """Where people's names are written: 'AKP Bima Aryasatya' is an officer, not Kota Bima. Only the name: the
    rest of a mention ('Ketua PC FSPMI Batam, Hendri') may name a place."""
    return [name_span(m.span, a.name) for a in actors if a.name and a.kind in ("police", "government", "person")
            for m in a.mentions]


def name_span(mention: Span, name: str) -> Span:
    """The part of a mention from the first word of the name on, else the whole mention."""
    at = mention.text.rfind(name.split()[0])
    if at < 0:
        return mention
    return Span(mention.start + at, mention.end, mention.text[at:])


def warm_up() -> None:
    """Compile every lexicon now rather than on the first article (the first call costs ~0.2 s)."""
    tag_article("", "Kapolres Serang AKBP Condro Sasongko menemui buruh KSPSI di Kabupaten Serang, Senin (8/12/2025).")
