"""Source lists as OPML: read a user's file or the bundled default, write one back out.

An outline with an `xmlUrl` is a feed, unless its `pantauKind` says it is a listing page or a sitemap; an
outline with only an `htmlUrl` (or a `url`) is a site whose sources discovery finds at its first poll.
`platform` is what the site is believed to run.
"""

import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from core.vocabulary import SourceKind


KIND_ATTRIBUTE = "pantauKind"


@dataclass(frozen=True)
class FeedListEntry:
    url: str
    title: str
    site: str
    kind: str = "feed"
    platform: str | None = None


class OpmlError(ValueError):
    """The file is not an OPML feed list we can read."""


def read_opml(source: Path | str) -> list[FeedListEntry]:
    """Every outline with an address, however deeply it is nested in folders."""
    try:
        root = ElementTree.parse(source).getroot()
    except (ElementTree.ParseError, OSError) as error:
        raise OpmlError(f"cannot read {source} as OPML: {error}") from error
    entries = []
    for outline in root.iter("outline"):
        feed = (outline.get("xmlUrl") or "").strip()
        site = (outline.get("htmlUrl") or outline.get("url") or "").strip()
        url, kind = (feed, outline.get(KIND_ATTRIBUTE) or SourceKind.FEED) if feed else (site, SourceKind.SITE)
        kind = kind if kind in SourceKind.__members__.values() else SourceKind.FEED
        if url.startswith(("http://", "https://")):
            title = outline.get("title") or outline.get("text") or url
            entries.append(FeedListEntry(url=url, title=title, site=site, kind=kind, platform=outline.get("platform")))
    return entries


def default_feeds() -> list[FeedListEntry]:
    """The regional sources shipped in seeds/feeds.opml."""
    with files("seeds").joinpath("feeds.opml").open("rb") as handle:
        return read_opml(handle)


def write_opml(entries: list[FeedListEntry], title: str = "Pantau feeds") -> str:
    """An OPML 2.0 document listing `entries`."""
    opml = ElementTree.Element("opml", version="2.0")
    head = ElementTree.SubElement(opml, "head")
    ElementTree.SubElement(head, "title").text = title
    body = ElementTree.SubElement(opml, "body")
    for entry in entries:
        outline = ElementTree.SubElement(
            body, "outline", type="rss", text=entry.title, title=entry.title,
            xmlUrl=entry.url, htmlUrl=entry.site,
        )
        if entry.kind != "feed":
            outline.set(KIND_ATTRIBUTE, entry.kind)
        if entry.platform:
            outline.set("platform", entry.platform)
    ElementTree.indent(opml)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(opml, encoding="unicode") + "\n"
