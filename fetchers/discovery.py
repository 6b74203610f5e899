"""Finding a site's sources from its address: a feed if it has a usable one, else a news sitemap, else its front page.

A desk user names a site (`portalbanten.net`), not a feed path. Discovery looks where sites put their
feeds, in this order, and stops at the first feed that parses with entries:

1. the address itself, when it already is a feed or a sitemap;
2. the feeds the page names — `<link rel="alternate">` in its head, else feed-looking links in its body
   (trafilatura.feeds.determine_feed);
3. the paths Blogger, WordPress and other common CMSs serve feeds at, the site's own platform first;
4. the sitemaps robots.txt names (trafilatura.sitemaps.extract_robots_sitemaps) and the usual sitemap
   names: a feed listed there is taken, else a news sitemap;
5. the page itself as a listing page, when it links enough articles.

Every request goes through fetchers.http (timeouts, size caps, redirects), never trafilatura's own
downloader, and at most `MAX_REQUESTS` are made; each tried address and what it gave is reported.
"""

import asyncio
import re
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx
from trafilatura.feeds import FeedParameters, determine_feed
from trafilatura.sitemaps import extract_robots_sitemaps

from core.vocabulary import SourceKind
from fetchers.article_links import same_site
from fetchers.errors import FailureKind, FetchError
from fetchers.extract import bounded_page, decode_page
from fetchers.feeds import ParsedFeed, parse_feed
from fetchers.http import Fetched, FetchLimits, fetch
from fetchers.listing import article_links, html_document
from fetchers.sitemap import Sitemap, read_sitemap
from fetchers.sources import ACCEPT

MAX_REQUESTS = 24
MAX_LINKED_FEEDS = 4
MAX_SITEMAPS = 6
MIN_LISTING_LINKS = 2
DEADLINE_S = 120.0
BLOGGER_PATHS = ("feeds/posts/default", "feeds/posts/default?alt=rss")
WORDPRESS_PATHS = ("feed/", "?feed=rss2", "index.php/feed/")
COMMON_PATHS = ("rss", "rss.xml", "feed", "atom.xml", "index.xml", "feed.xml", "rss/")
SITEMAP_GUESSES = ("sitemap-news.xml", "news-sitemap.xml", "sitemap_news.xml", "sitemap.xml", "sitemap_index.xml")
Slot = Callable[[str], AbstractAsyncContextManager]
_HOST = re.compile(r"localhost|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+|\[[0-9a-f:]+\]", re.IGNORECASE)


@dataclass(frozen=True)
class Tried:
    """One address discovery looked at, how it came to it, and what it found there."""

    url: str
    how: str
    outcome: str
    kind: SourceKind | None = None
    """Set when the address is a usable source of this kind."""


@dataclass
class Discovery:
    """What discovery tried for a site, and the source it picked (None: nothing usable)."""

    address: str
    tried: list[Tried] = field(default_factory=list)
    picked: Tried | None = None

    def report(self) -> list[str]:
        """One line per address tried, then the choice: what `pantau feeds add` prints."""
        lines = [f"  {item.how:<24} {item.url}  {item.outcome}" for item in self.tried]
        if self.picked is None:
            lines.append(f"Found no feed, news sitemap or page of article links for {self.address}.")
        else:
            lines.append(f"Picked: {self.picked.kind} {self.picked.url} ({self.picked.how})")
        return lines

    @property
    def summary(self) -> str:
        """The choice in one line, for a source's row."""
        if self.picked is None:
            return f"discovery found no feed, news sitemap or page of article links at {self.address}"
        return f"found by discovery: {self.picked.kind} ({self.picked.how}); {self.picked.outcome}"


def site_address(text: str) -> str:
    """`portalbanten.net`, `www.kilas24news.com/` or an address with its scheme, as an https address."""
    given = text.strip()
    text = given if "://" in given else "https://" + given.lstrip("/")
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
        parts.port  # noqa: B018  (raises ValueError for a port that is no number)
    except ValueError:
        host = ""
    if parts.scheme not in ("http", "https") or not _HOST.fullmatch(host) or any(c.isspace() for c in text):
        raise FetchError(FailureKind.BAD_URL, f"not a site or feed address: {given!r} (name a site such as "
                                              "portalbanten.net, or an address; only http:// and https:// are accepted)")
    return parts._replace(netloc=parts.netloc.lower(), path=parts.path or "/").geturl()


@asynccontextmanager
async def _no_slot(_url: str) -> AsyncIterator[None]:
    yield


class _Discoverer:
    def __init__(self, client: httpx.AsyncClient, limits: FetchLimits, headers: dict[str, str], slot: Slot) -> None:
        self.client, self.limits, self.headers, self.slot = client, limits, headers, slot
        self.requests = 0

    async def get(self, url: str, kind: SourceKind) -> Fetched:
        if self.requests >= MAX_REQUESTS:
            raise FetchError(FailureKind.REFUSED, f"discovery stops after {MAX_REQUESTS} requests")
        self.requests += 1
        async with self.slot(url):
            cap = self.limits.page_max_bytes if kind == SourceKind.LISTING else self.limits.feed_max_bytes
            return await fetch(self.client, url, max_bytes=cap, limits=self.limits,
                               headers={**self.headers, "Accept": ACCEPT[kind]})

    async def feed_at(self, url: str, how: str) -> Tried:
        """Whether `url` serves a feed with entries."""
        try:
            fetched = await self.get(url, SourceKind.FEED)
            parsed = await asyncio.to_thread(parse_feed, fetched.body, fetched.url, fetched.headers.get("content-type", ""))
        except FetchError as error:
            return Tried(url, how, error.message)
        if not parsed.entries:
            return Tried(fetched.url, how, "a feed without entries")
        return Tried(fetched.url, how, _feed_outcome(parsed), SourceKind.FEED)


async def discover(
    client: httpx.AsyncClient,
    address: str,
    *,
    limits: FetchLimits = FetchLimits(),
    headers: dict[str, str] | None = None,
    slot: Slot = _no_slot,
) -> Discovery:
    """The sources found for the site at `address` and the one picked.

    Raises FetchError when the address itself cannot be fetched (so a poller can tell offline from a
    site without sources) or discovery passes `DEADLINE_S`. A site named without a scheme that cannot
    be reached over https is tried over plain http.
    """
    finder = _Discoverer(client, limits, headers or {}, slot)
    discovery = Discovery(site_address(address))
    try:
        async with asyncio.timeout(DEADLINE_S):
            try:
                await _discover(finder, discovery)
            except FetchError as error:
                if "://" in address or error.kind not in (FailureKind.TLS, FailureKind.CONNECT):
                    raise
                discovery = Discovery(discovery.address.replace("https://", "http://", 1))
                await _discover(finder, discovery)
    except TimeoutError as error:
        raise FetchError(FailureKind.TIMEOUT, f"discovery took longer than {DEADLINE_S:g} s") from error
    return discovery


async def _discover(finder: _Discoverer, discovery: Discovery) -> None:
    page = await finder.get(discovery.address, SourceKind.LISTING)
    itself = await _the_address_itself(page)
    if itself is not None:
        discovery.tried.append(itself)
        discovery.picked = itself if itself.kind else None
        return
    html, _ = await asyncio.to_thread(_page_text, page)
    base = _base(page.url)
    discovery.tried += await _linked_feeds(finder, html, page.url)
    if not _usable(discovery, SourceKind.FEED):
        discovery.tried += await _cms_paths(finder, html, base)
    if not _usable(discovery, SourceKind.FEED):
        discovery.tried += await _sitemaps(finder, page.url, base)
    if not _usable(discovery, SourceKind.FEED, SourceKind.SITEMAP):
        links = await asyncio.to_thread(_article_links, html, page.url)
        usable = len(links) >= MIN_LISTING_LINKS
        discovery.tried.append(Tried(page.url, "the page itself", f"{len(links)} article links on the page",
                                     SourceKind.LISTING if usable else None))
    discovery.picked = _usable(discovery, SourceKind.FEED, SourceKind.SITEMAP, SourceKind.LISTING)


def _usable(discovery: Discovery, *kinds: SourceKind) -> Tried | None:
    """The first source found of the first of `kinds` found at all: a feed beats a news sitemap, which beats a listing."""
    for kind in kinds:
        found = next((tried for tried in discovery.tried if tried.kind == kind), None)
        if found is not None:
            return found
    return None


async def _the_address_itself(page: Fetched) -> Tried | None:
    """The address as a source when it is no HTML page: a feed, or a sitemap of articles."""
    body, content_type = page.body, page.headers.get("content-type", "")
    if page.media_type in ("text/html", "application/xhtml+xml") or _looks_like_html(body):
        return None
    sitemap = await asyncio.to_thread(_sitemap_or_none, body)
    if sitemap is not None:
        return _sitemap_outcome(page.url, "the address", sitemap)
    try:
        parsed = await asyncio.to_thread(parse_feed, body, page.url, content_type)
    except FetchError as error:
        return Tried(page.url, "the address", error.message)
    if not parsed.entries:
        return Tried(page.url, "the address", "a feed without entries")
    return Tried(page.url, "the address", _feed_outcome(parsed), SourceKind.FEED)


async def _linked_feeds(finder: _Discoverer, html: str, url: str) -> list[Tried]:
    parts = urlsplit(url)
    parameters = FeedParameters(f"{parts.scheme}://{parts.netloc}", parts.hostname or "", url)
    candidates = await asyncio.to_thread(determine_feed, html, parameters)
    how = "<link rel=alternate>" if "rel=\"alternate\"" in html or "rel='alternate'" in html else "a link on the page"
    tried = []
    for candidate in candidates[:MAX_LINKED_FEEDS]:
        tried.append(found := await finder.feed_at(candidate, how))
        if found.kind:
            break
    return tried


async def _cms_paths(finder: _Discoverer, html: str, base: str) -> list[Tried]:
    tried = []
    for platform, path in _paths_for(html):
        tried.append(found := await finder.feed_at(urljoin(base, path), f"{platform} feed path"))
        if found.kind:
            break
    return tried


def _paths_for(html: str) -> list[tuple[str, str]]:
    """The CMS feed paths to try, those of the platform the page shows first."""
    head = html[:200_000].lower()
    blogger = [("Blogger", path) for path in BLOGGER_PATHS]
    wordpress = [("WordPress", path) for path in WORDPRESS_PATHS]
    common = [("common", path) for path in COMMON_PATHS]
    if "blogger.com" in head or "blogspot" in head:
        return blogger + wordpress[:1] + common
    if "wp-content" in head or "wordpress" in head:
        return wordpress + common + blogger[:1]
    return wordpress[:1] + blogger[:1] + common + wordpress[1:2]


async def _sitemaps(finder: _Discoverer, url: str, base: str) -> list[Tried]:
    """A feed or a news sitemap among the site's sitemaps: those robots.txt names, else the usual names."""
    parts = urlsplit(url)
    root = f"{parts.scheme}://{parts.netloc}"
    tried, named = [], []
    try:
        robots = await finder.get(root + "/robots.txt", SourceKind.SITEMAP)
        named = [address for address in extract_robots_sitemaps(robots.body[:10_000].decode("utf-8", "replace"), root)
                 if same_site(address, parts.hostname or "") and urlsplit(address).path.startswith(urlsplit(base).path)]
        tried.append(Tried(root + "/robots.txt", "robots.txt", f"names {len(named)} sitemap(s) of this site"))
    except FetchError as error:
        tried.append(Tried(root + "/robots.txt", "robots.txt", error.message))
    queue = named or [urljoin(base, name) for name in SITEMAP_GUESSES]
    how = "sitemap in robots.txt" if named else "usual sitemap name"
    seen: set[str] = set()
    while queue and len(seen) < MAX_SITEMAPS:
        address = queue.pop(0)
        if address in seen:
            continue
        seen.add(address)
        found, children = await _one_sitemap(finder, address, how)
        tried.append(found)
        if found.kind == SourceKind.FEED:
            return tried
        queue[:0] = _newsworthy_first(children)
        how = "listed in a sitemap index" if children else how
    return tried


async def _one_sitemap(finder: _Discoverer, address: str, how: str) -> tuple[Tried, list[str]]:
    """What one sitemap address serves: a feed, a news sitemap, an index (with its children) or nothing usable."""
    try:
        fetched = await finder.get(address, SourceKind.SITEMAP)
        sitemap = await asyncio.to_thread(_sitemap_or_none, fetched.body)
    except FetchError as error:
        return Tried(address, how, error.message), []
    if sitemap is None:
        try:
            parsed = await asyncio.to_thread(parse_feed, fetched.body, fetched.url, fetched.headers.get("content-type", ""))
        except FetchError as error:
            return Tried(fetched.url, how, f"neither a sitemap nor a feed ({error.message})"), []
        if parsed.entries:
            return Tried(fetched.url, how, _feed_outcome(parsed), SourceKind.FEED), []
        return Tried(fetched.url, how, "a feed without entries"), []
    if sitemap.is_index:
        return Tried(fetched.url, how, f"a sitemap index of {len(sitemap.children)} sitemaps"), \
            [child.url for child in sitemap.children]
    return _sitemap_outcome(fetched.url, how, sitemap), []


def _newsworthy_first(children: list[str]) -> list[str]:
    """An index's children worth a look, news and feeds first; sitemaps of pages, tags or authors last."""
    def rank(url: str) -> int:
        name = url.lower()
        if "news" in name or "berita" in name:
            return 0
        if "feed" in name or "rss" in name or "atom" in name:
            return 1
        if "post" in name or "article" in name or "artikel" in name:
            return 2
        return 3
    return sorted(children, key=rank)[:MAX_SITEMAPS]


def _sitemap_or_none(body: bytes) -> Sitemap | None:
    try:
        return read_sitemap(body)
    except FetchError:
        return None


def _sitemap_outcome(url: str, how: str, sitemap: Sitemap) -> Tried:
    if sitemap.is_index:
        return Tried(url, how, f"a sitemap index of {len(sitemap.children)} sitemaps: name one of them")
    if not sitemap.news:
        return Tried(url, how, f"a sitemap of {len(sitemap.pages)} pages of every age, not a news sitemap: not used")
    if not sitemap.pages:
        return Tried(url, how, "a news sitemap without articles")
    return Tried(url, how, f"a news sitemap of {len(sitemap.pages)} articles", SourceKind.SITEMAP)


def _feed_outcome(parsed: ParsedFeed) -> str:
    kind = "with full text" if any(entry.content for entry in parsed.entries) else "titles and summaries only: the text comes from the article pages"
    return f"a feed of {len(parsed.entries)} entries, {kind}"


def _page_text(page: Fetched) -> tuple[str, bool]:
    return bounded_page(decode_page(page.body, page.headers.get("content-type", "")))


def _article_links(html: str, url: str) -> list[tuple[str, str]]:
    """The page's article links, as a listing source would read them (none when it is no HTML)."""
    tree = html_document(html)
    return article_links(tree, url) if tree is not None else []


def _looks_like_html(body: bytes) -> bool:
    head = body.lstrip()[:512].lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head


def _base(url: str) -> str:
    """The site's root as discovery sees it: the address's folder (a site may live under a path)."""
    parts = urlsplit(url)
    path = parts.path if parts.path.endswith("/") else parts.path.rsplit("/", 1)[0] + "/"
    return parts._replace(path=path, query="", fragment="").geturl()
