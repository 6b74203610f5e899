"""A listing page — a site's front, category or search page — read as a feed: its article links are its entries.

Many regional portals have no feed, or a broken one; their front page still lists the newest articles.
Each link on it that stays on the site and looks like an article (fetchers.article_links) becomes an
entry with the normalised address as its identity, so the poller treats it exactly as a feed entry:
new ones are fetched and extracted, known ones are skipped, one seen through another source is linked.
The link's text is only a fallback title: the article page's own title comes first. Links are read in
page order (newest first on a news front page), at most `MAX_ENTRIES_PER_POLL` of them.
"""

from itertools import islice
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from fetchers.article_links import looks_like_article, same_site
from fetchers.errors import FailureKind, FetchError
from fetchers.extract import bounded_page, decode_page
from fetchers.feeds import MAX_ENTRIES_PER_POLL, FeedEntry, ParsedFeed, normalize_link
from fetchers.text import plain_text

MAX_ANCHORS = 5_000
"""Links read per page: a front page has a few hundred; the rest of a hostile page is not looked at."""


def html_document(html: str) -> etree._Element | None:
    """The page's element tree, or None when it holds no HTML."""
    try:
        return lxml.html.document_fromstring(html) if "<" in html[:4096] else None
    except (etree.ParserError, ValueError):
        return None


def article_links(tree: etree._Element, url: str, limit: int = MAX_ANCHORS) -> list[tuple[str, str]]:
    """(normalised address, link text) of every article link on the page at `url`, in page order, once each;
    the longest text a link is given anywhere on the page is kept (a picture's link has none)."""
    base = urljoin(url, (tree.xpath("string(//base/@href)") or "").strip())
    host = urlsplit(url).hostname or ""
    itself = normalize_link(url)
    texts: dict[str, str] = {}
    for anchor in islice(tree.iter("a"), limit):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith("#"):
            continue
        address = urljoin(base, href)
        if not address.startswith(("http://", "https://")) or not same_site(address, host):
            continue
        key = normalize_link(address)
        if key == itself or not looks_like_article(key):
            continue
        text = plain_text(anchor.text_content()) or plain_text(anchor.get("title"))
        if len(text) > len(texts.get(key, "")) or key not in texts:
            texts[key] = text
    return list(texts.items())


def parse_listing(
    body: bytes, url: str, content_type: str = "", max_entries: int = MAX_ENTRIES_PER_POLL
) -> ParsedFeed:
    """The page's article links as feed entries; raise FetchError(NOT_FEED) when the body is no HTML page. Blocking."""
    html, cut = bounded_page(decode_page(body, content_type))
    tree = html_document(html)
    if tree is None:
        raise FetchError(FailureKind.NOT_FEED, "not an HTML page: no markup in it")
    links = article_links(tree, url)
    notes = []
    if not links:
        notes.append("no article links found on the page (has the site's layout or address changed?)")
    if len(links) > max_entries:
        notes.append(f"the page links {len(links):,} articles; only the first {max_entries:,} were read")
    if cut:
        notes.append("the page is very long; only its first part was read")
    entries = [
        FeedEntry(guid=key, link=key, title="", published=None, summary="", content="", link_key=key, hint_title=text)
        for key, text in links[:max_entries]
    ]
    parts = urlsplit(url)
    return ParsedFeed(
        title=plain_text(tree.findtext(".//title")),
        site=f"{parts.scheme}://{parts.netloc}/",
        entries=entries,
        note="; ".join(notes) or None,
    )

