"""Sitemaps: telling a sitemap index from a sitemap of pages, and reading a news sitemap as a feed.

A news sitemap (Google News' `news:` extension) lists a site's articles of the last two days with their
titles and publication times: for a site without a feed it is the next best thing. trafilatura's
sitemap module reads addresses only, and drops any host that is an address with a port (as the local
test sites are); the dates and titles are what make a sitemap a feed, so they are read here with lxml,
as trafilatura does (no entities resolved, no network, no DTD). A document that declares entities is
refused outright, and at most `MAX_URLS` locations are read.
"""

from dataclasses import dataclass
from datetime import datetime, timezone
from itertools import islice
from urllib.parse import urlsplit

from lxml import etree

from fetchers.article_links import is_listing_or_static, same_site
from fetchers.errors import FailureKind, FetchError
from fetchers.extract import parse_page_date
from fetchers.feeds import MAX_ENTRIES_PER_POLL, FeedEntry, ParsedFeed, normalize_link
from fetchers.text import plain_text, storable

MAX_URLS = 50_000
"""The sitemap protocol's own limit per file."""
NEWS_NAMESPACE = "http://www.google.com/schemas/sitemap-news/0.9"
_KINDS = {"urlset", "sitemapindex"}


@dataclass(frozen=True)
class SitemapPage:
    url: str
    published: datetime | None
    title: str = ""


@dataclass(frozen=True)
class Sitemap:
    """A sitemap document: an index of other sitemaps (`children`), or a list of pages."""

    is_index: bool
    children: tuple[SitemapPage, ...] = ()
    pages: tuple[SitemapPage, ...] = ()
    news: bool = False


def read_sitemap(body: bytes) -> Sitemap | None:
    """The sitemap in `body`, or None when it is none. Raises FetchError(REFUSED) for entity declarations."""
    head = body[:2048].lstrip()
    if not head.startswith(b"<"):
        return None
    if b"<!ENTITY" in body:
        raise FetchError(FailureKind.REFUSED, "refused: the sitemap declares entities; Pantau never expands them")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=True)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError:
        return None
    if root is None or etree.QName(root).localname not in _KINDS:
        return None
    is_index = etree.QName(root).localname == "sitemapindex"
    entries = tuple(_page(element) for element in islice(root.iterchildren("{*}sitemap", "{*}url"), MAX_URLS))
    entries = tuple(entry for entry in entries if entry.url)
    if is_index:
        return Sitemap(is_index=True, children=entries)
    return Sitemap(is_index=False, pages=entries, news=root.find(f".//{{{NEWS_NAMESPACE}}}news") is not None)


def _page(element: etree._Element) -> SitemapPage:
    location = storable((element.findtext("{*}loc") or "").strip())
    news = element.find(f"{{{NEWS_NAMESPACE}}}news")
    published = news.findtext(f"{{{NEWS_NAMESPACE}}}publication_date") if news is not None else None
    title = news.findtext(f"{{{NEWS_NAMESPACE}}}title") if news is not None else None
    return SitemapPage(
        url=location if location.startswith(("http://", "https://")) else "",
        published=parse_page_date((published or element.findtext("{*}lastmod") or "").strip()),
        title=plain_text(title),
    )


def parse_sitemap(body: bytes, url: str, content_type: str = "", max_entries: int = MAX_ENTRIES_PER_POLL) -> ParsedFeed:
    """A sitemap's newest pages on its own site as feed entries (no lists, no static pages). Blocking.

    Raises FetchError(NOT_FEED) for a document that is no sitemap, or an index of sitemaps.
    """
    sitemap = read_sitemap(body)
    if sitemap is None:
        raise FetchError(FailureKind.NOT_FEED, "not a sitemap: no <urlset> found")
    if sitemap.is_index:
        named = ", ".join(child.url for child in sitemap.children[:3])
        raise FetchError(FailureKind.NOT_FEED, f"a sitemap index, not a sitemap of articles: add one of its sitemaps ({named})")
    host = urlsplit(url).hostname or ""
    pages = [page for page in sitemap.pages if same_site(page.url, host) and not is_listing_or_static(page.url)]
    oldest = datetime.min.replace(tzinfo=timezone.utc)
    newest = sorted(pages, key=lambda page: page.published or oldest, reverse=True)
    notes = []
    if len(newest) > max_entries:
        notes.append(f"the sitemap lists {len(newest):,} pages; only the newest {max_entries:,} were read")
    entries = []
    for page in newest[:max_entries]:
        key = normalize_link(page.url)
        entries.append(FeedEntry(guid=key, link=key, title="", published=page.published, summary="", content="",
                                 link_key=key, hint_title=page.title))
    parts = urlsplit(url)
    return ParsedFeed(title="", site=f"{parts.scheme}://{parts.netloc}/", entries=entries, note="; ".join(notes) or None)
