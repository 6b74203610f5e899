"""Feed documents to entries: feedparser, run off the event loop, with plain-text titles and stable ids.

Ill-formed feeds that still yield entries (feedparser's "bozo") are accepted, because
regional news sites often ship them; a document that is not a feed at all is an error.
"""

import asyncio
import calendar
import hashlib
import time
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime, timezone

import courlan
import feedparser

from fetchers.errors import FailureKind, FetchError
from fetchers.text import plain_text

UPDATE_PERIOD_S = {"hourly": 3600, "daily": 86400, "weekly": 604800, "monthly": 2629800, "yearly": 31557600}


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed. `content` is HTML (content:encoded or Atom content); the rest is plain text."""

    guid: str
    link: str
    title: str
    published: datetime | None
    summary: str
    content: str
    author: str | None = None
    link_key: str = ""

    @property
    def entry_hash(self) -> str:
        """A fingerprint of what the feed shows of the entry, so an upstream edit is noticed."""
        shown = "\n".join((self.title, self.summary, self.content))
        return hashlib.sha256(shown.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    site: str
    entries: list[FeedEntry]
    ill_formed: str | None = None
    ttl_s: int | None = None
    language: str | None = None


def parse_feed(body: bytes, url: str = "", content_type: str = "") -> ParsedFeed:
    """Parse a feed document; raise FetchError(NOT_FEED) when it is no feed at all. Blocking."""
    headers = {"content-type": content_type} if content_type else {}
    parsed = feedparser.parse(body, response_headers=headers, sanitize_html=True, resolve_relative_uris=True)
    if not parsed.get("version") and not parsed.entries:
        raise _not_a_feed(body, content_type, parsed.get("bozo_exception"))
    entries = _unique(_entries(parsed.entries, url))
    info = parsed.feed
    return ParsedFeed(
        title=plain_text(info.get("title")),
        site=info.get("link", ""),
        entries=entries,
        ill_formed=str(parsed.bozo_exception) if parsed.get("bozo") else None,
        ttl_s=_ttl_s(info),
        language=(str(info.get("language", "")).strip().lower()[:2] or None),
    )


async def parse_feed_async(body: bytes, url: str = "", content_type: str = "") -> ParsedFeed:
    """`parse_feed` in a worker thread, so the event loop keeps polling while feedparser works."""
    return await asyncio.to_thread(parse_feed, body, url, content_type)


def normalize_link(link: str) -> str:
    """A link as an identity: scheme and host lower-cased, tracking parameters and fragment removed."""
    if not link:
        return ""
    try:
        return courlan.normalize_url(link, strict=True)
    except ValueError:
        return link.strip()


def _entries(raws: list, feed_url: str) -> list[FeedEntry]:
    """Entries with their identity by the first rule this feed keeps well: its GUIDs, else its
    normalised links, else a hash of title and date. A rule a feed mostly breaks (ids empty or
    repeated) is dropped for the whole feed, so one good id does not hide many bad ones."""
    ids = [(raw.get("id") or "").strip() for raw in raws]
    links = [normalize_link((raw.get("link") or "").strip()) for raw in raws]
    good_ids, good_links = _usable(ids), _usable(links)
    entries = []
    for raw, guid, link_key in zip(raws, ids, links):
        entry = _entry(raw, link_key)
        fallback = _hashed_id(entry.title, entry.published, feed_url)
        identity = (guid if guid in good_ids else "") or (link_key if link_key in good_links else "") or fallback
        entries.append(replace(entry, guid=identity))
    return entries


def _usable(values: list[str]) -> set[str]:
    """The values that identify one entry each — none at all when the feed mostly leaves them
    empty or repeats them (then the rule says nothing about this feed)."""
    counts = Counter(value for value in values if value)
    unique = {value for value, count in counts.items() if count == 1}
    return unique if len(unique) * 2 >= len(values) else set()


def _entry(raw, link_key: str) -> FeedEntry:
    link = (raw.get("link") or "").strip()
    return FeedEntry(
        guid="",
        link=link,
        title=plain_text(raw.get("title")),
        published=_published(raw),
        summary=plain_text(raw.get("summary")),
        content=_content(raw),
        author=plain_text(raw.get("author")) or None,
        link_key=link_key,
    )


def _hashed_id(title: str, published: datetime | None, feed_url: str) -> str:
    stamp = published.isoformat() if published else ""
    digest = hashlib.sha256(f"{feed_url}\n{title}\n{stamp}".encode()).hexdigest()
    return f"sha256:{digest[:32]}"


def _published(raw) -> datetime | None:
    stamp: time.struct_time | None = raw.get("published_parsed") or raw.get("updated_parsed")
    if stamp is None:
        return None
    return datetime.fromtimestamp(calendar.timegm(stamp), tz=timezone.utc)


def _content(raw) -> str:
    """The fullest HTML body the entry carries (content:encoded or Atom content)."""
    bodies = [part.get("value", "") for part in raw.get("content", []) if "html" in part.get("type", "html")]
    if not bodies:
        bodies = [part.get("value", "") for part in raw.get("content", [])]
    return max(bodies, key=len, default="")


def _unique(entries) -> list[FeedEntry]:
    """Entries in feed order, a repeated guid kept once (its first appearance)."""
    seen: set[str] = set()
    unique = []
    for entry in entries:
        if entry.guid not in seen:
            seen.add(entry.guid)
            unique.append(entry)
    return unique


def _ttl_s(info) -> int | None:
    """How long the feed asks to be left alone: RSS <ttl> minutes, or sy:updatePeriod / updateFrequency."""
    ttl = str(info.get("ttl", "")).strip()
    if ttl.isdigit():
        return int(ttl) * 60
    period = UPDATE_PERIOD_S.get(str(info.get("sy_updateperiod", "")).strip().lower())
    if period is None:
        return None
    frequency = str(info.get("sy_updatefrequency", "1")).strip()
    return period // max(int(frequency), 1) if frequency.isdigit() else period


def _not_a_feed(body: bytes, content_type: str, problem: Exception | None) -> FetchError:
    media_type = content_type.split(";")[0].strip().lower()
    head = body.lstrip()[:512].lower()
    looks_html = head.startswith((b"<!doctype html", b"<html")) or b"<html" in head
    if "html" in media_type or looks_html:
        return FetchError(FailureKind.NOT_FEED, f"feed is not XML: got {media_type or 'an HTML page'}")
    if media_type and "xml" not in media_type and not head.startswith(b"<"):
        return FetchError(FailureKind.NOT_FEED, f"feed is not XML: got {media_type}")
    reason = f" ({problem})" if problem else ""
    return FetchError(FailureKind.NOT_FEED, f"not a feed: no RSS or Atom found{reason}")
