"""Feed lists as OPML: read a user's file or the bundled default, write one back out."""

import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path


@dataclass(frozen=True)
class FeedListEntry:
    url: str
    title: str
    site: str


class OpmlError(ValueError):
    """The file is not an OPML feed list we can read."""


def read_opml(source: Path | str) -> list[FeedListEntry]:
    """Every outline with an xmlUrl, however deeply it is nested in folders."""
    try:
        root = ElementTree.parse(source).getroot()
    except (ElementTree.ParseError, OSError) as error:
        raise OpmlError(f"cannot read {source} as OPML: {error}") from error
    entries = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or "").strip()
        if url.startswith(("http://", "https://")):
            title = outline.get("title") or outline.get("text") or url
            entries.append(FeedListEntry(url=url, title=title, site=outline.get("htmlUrl") or ""))
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
        ElementTree.SubElement(
            body, "outline", type="rss", text=entry.title, title=entry.title,
            xmlUrl=entry.url, htmlUrl=entry.site,
        )
    ElementTree.indent(opml)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(opml, encoding="unicode") + "\n"
