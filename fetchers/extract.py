"""Article pages to text: trafilatura with metadata, then the site clean-up rules.

`extract_article` is a pure function of (html, url) — no network, no database — so the
poller can run it in a worker pool and `pantau extract FILE|URL` can print exactly what
the desk would store.
"""

import codecs
import logging
import re
from itertools import islice
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import trafilatura
from trafilatura.utils import decode_file

from fetchers.site_rules import SiteRules, load_rules
from fetchers.text import plain_text, storable

log = logging.getLogger(__name__)

# Western Indonesia Time has no daylight saving, so a fixed offset is exact. Regional pages
# that print a time without a zone mean WIB.
WIB = timezone(timedelta(hours=7), "WIB")
DATE_PARAMS = {"outputformat": "%Y-%m-%dT%H:%M:%S%z", "extensive_search": True, "original_date": True}
_META_TAG = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_PUBLISHED_NAMES = frozenset({"article:published_time", "og:published_time", "datepublished", "pubdate"})
_JSON_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_HTML_LANG = re.compile(r"<html\b[^>]*\blang\s*=\s*[\"']?([a-zA-Z]{2,3})", re.IGNORECASE)
_WORD = re.compile(r"[a-z]+")
# trafilatura spends about a fifth of a millisecond per tag: a page is read up to this many.
PAGE_MAX_TAGS = 20_000
_PAGE_TAG = re.compile(r"<[A-Za-z/!?]")
_PAGE_TAG_BYTES = re.compile(rb"<[A-Za-z/!?]")
EARLIEST_DATE = datetime(1970, 1, 1, tzinfo=timezone.utc)
FUTURE_SLACK = timedelta(days=2)
_MARKERS = {
    "id": frozenset("yang dan di dengan untuk ini itu dari pada dalam tidak akan oleh juga".split()),
    "en": frozenset("the and of to in is that for with was on are by this".split()),
}


@dataclass(frozen=True)
class Extracted:
    """What a page yielded. `status` is "ok", "fallback: <why>" or "failed: <why>"."""

    title: str | None
    author: str | None
    published: datetime | None
    text: str
    status: str
    site_name: str | None = None
    language: str | None = None

    @property
    def ok(self) -> bool:
        return bool(self.text) and not self.status.startswith("failed")


def extract_article(html: str | bytes, url: str | None = None, *, rules: SiteRules | None = None) -> Extracted:
    """Title, author, date and clean body text of an article page. Blocking (CPU-bound)."""
    rules = rules or load_rules()
    html, cut = bounded_page(html)
    try:
        document = _bare_extraction(html, url, favor_recall=False)
        text = _clean(document, rules, url)
        status = "ok"
        if not text:
            document = _bare_extraction(html, url, favor_recall=True) or document
            text = _clean(document, rules, url)
            status = "fallback: precise extraction found no text, used a broader pass"
        if not text:
            text = rules.clean(trafilatura.baseline(html)[1], url)
            status = "fallback: no article block found, kept all the page's text"
    except Exception as error:  # noqa: BLE001  (a broken page must not stop the poll; the status says why)
        log.warning("extraction failed for %s", url, exc_info=True)
        return Extracted(None, None, None, "", f"failed: extractor error: {error}")
    if not text:
        return Extracted(_title(document), None, None, "", "failed: no article text found in the page")
    if cut:
        status = f"partial: the page has more than {PAGE_MAX_TAGS:,} tags; only the text before them was read"
    return Extracted(
        title=_title(document),
        author=(plain_text(document.author) or None) if document else None,
        published=_published(html, document),
        text=storable(text),
        status=status,
        site_name=(document.sitename or None) if document else None,
        language=((document.language if document else None) or _declared_language(html) or guess_language(text)),
    )


def bounded_page(html: str | bytes) -> tuple[str | bytes, bool]:
    """The page up to its `PAGE_MAX_TAGS`-th tag, and whether it was cut: HTML parsers mend the
    open end, and no page worth reading needs more."""
    pattern = _PAGE_TAG if isinstance(html, str) else _PAGE_TAG_BYTES
    beyond = next(islice(pattern.finditer(html), PAGE_MAX_TAGS, None), None)
    return (html, False) if beyond is None else (html[: beyond.start()], True)


def _declared_language(html: str | bytes) -> str | None:
    """The primary subtag of the page's `<html lang>` ("id" for "id-ID")."""
    head = html[:4096] if isinstance(html, str) else html[:4096].decode("utf-8", "replace")
    found = _HTML_LANG.search(head)
    return found.group(1).lower() if found else None


def guess_language(text: str) -> str | None:
    """"id" or "en" by counting a few very common function words; None when the text says too little.

    The desk reads Indonesian regional news, so telling Indonesian from English (wire copy, press
    releases) is what matters; a full language identifier would cost more than it tells here.
    """
    words = _WORD.findall(text[:5000].lower())
    scores = {language: sum(word in markers for word in words) for language, markers in _MARKERS.items()}
    best = max(scores, key=scores.get)
    return best if scores[best] >= 3 and scores[best] >= 2 * min(scores.values()) else None


def decode_page(body: bytes, content_type: str = "") -> str:
    """Page bytes to text: UTF-8 when the bytes are valid UTF-8 (servers often declare Latin-1 or
    nothing for UTF-8 pages, and other encodings' text with accents almost never passes as UTF-8),
    else the charset the server declared if it is a real one, else a guess."""
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            try:
                return body.decode(codecs.lookup(value.strip().strip("\"'")).name)
            except (LookupError, UnicodeDecodeError):
                break
    return decode_file(body)


def parse_page_date(value: str | None) -> datetime | None:
    """A trafilatura/htmldate date string as an aware datetime; no zone given means WIB. An
    impossible date (before 1970, or more than two days ahead) counts as none."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
        published = (parsed if parsed.tzinfo else parsed.replace(tzinfo=WIB)).astimezone(timezone.utc)
    except (ValueError, OverflowError):
        return None
    if not EARLIEST_DATE <= published <= datetime.now(timezone.utc) + FUTURE_SLACK:
        return None
    return published


def _published(html: str | bytes, document) -> datetime | None:
    """The page's declared publication time when it gives one (meta or JSON-LD), else htmldate's
    guess. htmldate prefers a date in the URL, which has no time of day."""
    head = html if isinstance(html, str) else html.decode("utf-8", "replace")
    for tag in _META_TAG.findall(head):
        attributes = {name.lower(): double or single for name, double, single in _ATTRIBUTE.findall(tag)}
        names = {attributes.get(key, "").lower() for key in ("property", "name", "itemprop")}
        if names & _PUBLISHED_NAMES and (declared := parse_page_date(attributes.get("content"))):
            return declared
    for value in _JSON_LD_PUBLISHED.findall(head):
        if declared := parse_page_date(value):
            return declared
    return parse_page_date(document.date) if document else None


def _bare_extraction(html: str | bytes, url: str | None, favor_recall: bool):
    return trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_recall=favor_recall,
        date_extraction_params=DATE_PARAMS,
    )


def _clean(document, rules: SiteRules, url: str | None) -> str:
    if document is None or not document.text:
        return ""
    text = rules.clean(document.text, url)
    title = _title(document)
    first, _, rest = text.partition("\n")
    if title and first.strip().casefold() == title.casefold():
        text = rest
    return text.strip()


def _title(document) -> str | None:
    return (plain_text(document.title) or None) if document else None
