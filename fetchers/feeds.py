"""Feed documents to entries: feedparser, run off the event loop, with plain-text titles and stable ids.

Ill-formed feeds that still yield entries (feedparser's "bozo") are accepted, because
regional news sites often ship them; a document that is not a feed at all is an error.
Hostile documents are screened first (fetchers.feed_guard); what a feed gets wrong without
being refused (a lying charset, impossible dates, too many entries) is kept in `note` for the
feed's row.
"""

import asyncio
import calendar
import hashlib
import re
import time
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone

import courlan
import feedparser

from fetchers.errors import FailureKind, FetchError
from fetchers.feed_guard import screen_feed
from fetchers.text import plain_text, storable

MAX_ENTRIES_PER_POLL = 200
EARLIEST_DATE = datetime(1970, 1, 1, tzinfo=timezone.utc)
FUTURE_SLACK = timedelta(days=2)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)""")
UPDATE_PERIOD_S = {"hourly": 3600, "daily": 86400, "weekly": 604800, "monthly": 2629800, "yearly": 31557600}


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed. `content` is HTML (content:encoded or Atom content); the rest is plain text.

    `hint_title` is a title to fall back on after the page's own (a listing page's link text, a news
    sitemap's title): it is not what the source shows of the entry, so an edit of it is no upstream edit.
    """

    guid: str
    link: str
    title: str
    published: datetime | None
    summary: str
    content: str
    author: str | None = None
    link_key: str = ""
    hint_title: str = ""

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
    note: str | None = None


def parse_feed(
    body: bytes, url: str = "", content_type: str = "", max_entries: int = MAX_ENTRIES_PER_POLL
) -> ParsedFeed:
    """Parse a feed document; raise FetchError(NOT_FEED) when it is no feed at all, FetchError(REFUSED)
    when it is hostile. At most `max_entries` entries come back, the newest. Blocking."""
    screened = screen_feed(body)
    notes: list[str] = [screened.note] if screened.note else []
    content_type = _utf8_if_it_is(screened.body, content_type, notes)
    headers = {"content-type": content_type} if content_type else {}
    parsed = feedparser.parse(screened.body, response_headers=headers, sanitize_html=True, resolve_relative_uris=True)
    if not parsed.get("version") and not parsed.entries:
        raise _not_a_feed(body, content_type, parsed.get("bozo_exception"))
    if isinstance(parsed.get("bozo_exception"), feedparser.CharacterEncodingOverride):
        notes.append(f"{parsed.bozo_exception}: some characters may be wrong")
    entries = _unique(_entries(parsed.entries, url, notes))
    if len(entries) > max_entries or (screened.cut and not screened.note):
        listed = max(screened.entries, len(entries))
        notes.append(f"the feed lists {listed:,} entries; only the newest {min(len(entries), max_entries):,} were read")
        entries = _newest(entries, max_entries)
    info = parsed.feed
    return ParsedFeed(
        title=plain_text(info.get("title")),
        site=storable(info.get("link", "")),
        entries=entries,
        ill_formed=str(parsed.bozo_exception) if parsed.get("bozo") else None,
        ttl_s=_ttl_s(info),
        language=(str(info.get("language", "")).strip().lower()[:2] or None),
        note="; ".join(notes) or None,
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


def _utf8_if_it_is(body: bytes, content_type: str, notes: list[str]) -> str:
    """The Content-Type to hand feedparser: charset=utf-8 when the bytes are UTF-8 with accents in
    them although the server or the XML declaration names another charset (text in a single-byte
    charset almost never passes as UTF-8), so the titles do not come out as mojibake."""
    media_type, *parameters = content_type.split(";") if content_type else ["application/xml"]
    declared = next((value.strip().strip("\"'").lower() for name, _, value in (p.partition("=") for p in parameters)
                     if name.strip().lower() == "charset"), "")
    if not declared and (found := _XML_ENCODING.match(body[:200])):
        declared = found.group(1).decode("ascii").lower()
    if declared in ("", "utf-8", "utf8") or body.isascii() or b"\x00" in body[:4]:
        return content_type
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return content_type
    notes.append(f"the feed declares {declared} but is UTF-8; read as UTF-8")
    return f"{media_type.strip()}; charset=utf-8"


def _entries(raws: list, feed_url: str, notes: list[str]) -> list[FeedEntry]:
    """Entries with their identity by the first rule this feed keeps well: its GUIDs, else its
    normalised links, else a hash of title and date. A rule a feed mostly breaks (ids empty or
    repeated) is dropped for the whole feed, so one good id does not hide many bad ones."""
    ids = [storable(raw.get("id") or "").strip() for raw in raws]
    links = [normalize_link(storable(raw.get("link") or "").strip()) for raw in raws]
    good_ids, good_links = _usable(ids), _usable(links)
    entries, absurd_dates = [], 0
    for raw, guid, link_key in zip(raws, ids, links):
        entry = _entry(raw, link_key)
        absurd_dates += entry.published is None and _stamp(raw) is not None
        fallback = _hashed_id(entry.title, entry.published, feed_url)
        identity = (guid if guid in good_ids else "") or (link_key if link_key in good_links else "") or fallback
        entries.append(replace(entry, guid=identity))
    repeated = sum(count - 1 for count in Counter(guid for guid in ids if guid).values())
    if repeated:
        notes.append(f"{_entries_word(repeated)} the GUID of another entry")
    if absurd_dates:
        notes.append(f"{_entries_word(absurd_dates)} an impossible date, ignored")
    return entries


def _entries_word(count: int) -> str:
    """The opening of a note about some entries: "1 entry has" or "3 entries have"."""
    return "1 entry has" if count == 1 else f"{count} entries have"


def _newest(entries: list[FeedEntry], count: int) -> list[FeedEntry]:
    """The `count` newest entries in feed order; undated ones rank by their place in the feed."""
    oldest = datetime.min.replace(tzinfo=timezone.utc)
    ranked = sorted(range(len(entries)), key=lambda i: entries[i].published or oldest, reverse=True)
    kept = sorted(ranked[:count])
    return [entries[i] for i in kept]


def _usable(values: list[str]) -> set[str]:
    """The values that identify one entry each — none at all when the feed mostly leaves them
    empty or repeats them (then the rule says nothing about this feed)."""
    counts = Counter(value for value in values if value)
    unique = {value for value, count in counts.items() if count == 1}
    return unique if len(unique) * 2 >= len(values) else set()


def _entry(raw, link_key: str) -> FeedEntry:
    link = storable(raw.get("link") or "").strip()
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


def _stamp(raw) -> time.struct_time | None:
    return raw.get("published_parsed") or raw.get("updated_parsed")


def _published(raw) -> datetime | None:
    """The entry's date, or None when it has none or an impossible one (before 1970, or more than
    two days ahead): the page's date or the fetch time stands in, never year 1 or 9999."""
    stamp = _stamp(raw)
    if stamp is None:
        return None
    try:
        published = datetime.fromtimestamp(calendar.timegm(stamp), tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None
    if not EARLIEST_DATE <= published <= datetime.now(timezone.utc) + FUTURE_SLACK:
        return None
    return published


def _content(raw) -> str:
    """The fullest HTML body the entry carries (content:encoded or Atom content)."""
    bodies = [part.get("value", "") for part in raw.get("content", []) if "html" in part.get("type", "html")]
    if not bodies:
        bodies = [part.get("value", "") for part in raw.get("content", [])]
    return storable(max(bodies, key=len, default=""))


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
