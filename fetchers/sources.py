"""Reading a source of any kind into feed entries.

Whatever the kind, a poll ends in the same `ParsedFeed`, so everything after parsing — conditional GET,
back-off and health, dedup, extraction, tagging — is one pipeline for all of them.
"""

from core.vocabulary import SourceKind
from fetchers.feeds import ParsedFeed, parse_feed
from fetchers.listing import parse_listing
from fetchers.sitemap import parse_sitemap

FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
SITEMAP_ACCEPT = "application/xml, text/xml;q=0.9, */*;q=0.5"
ACCEPT = {SourceKind.FEED: FEED_ACCEPT, SourceKind.LISTING: PAGE_ACCEPT, SourceKind.SITEMAP: SITEMAP_ACCEPT,
          SourceKind.SITE: PAGE_ACCEPT}
"""What each kind's request asks for."""


def parse_source(kind: str, body: bytes, url: str, content_type: str) -> ParsedFeed:
    """The source's entries, read as its kind says. Blocking; raises FetchError as the readers do."""
    if kind == SourceKind.LISTING:
        return parse_listing(body, url, content_type)
    if kind == SourceKind.SITEMAP:
        return parse_sitemap(body, url, content_type)
    return parse_feed(body, url, content_type)
