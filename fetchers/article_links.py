"""Which links on a news site lead to articles: the test a listing page's or a sitemap's links must pass.

A front page links far more than articles: tag, label and category pages, author pages, the next
page of the list, the search, the editorial pages every Indonesian news site must publish (redaksi,
pedoman media siber, kontak), files and feeds. courlan's filters know the international shapes
(`/tag/x`, `/category/x`, `/page/2`, `/author/x`, files, `/contact`); the Indonesian words and
Blogger's `/p/…html` static pages are added here. A listing page's link must also look like an
article — a slug of several words, a long numeric id, or a date path with a slug — so a short
static page no list names (`/visi-misi`) is not taken either.
"""

import re
from urllib.parse import parse_qsl, urlsplit

from courlan.filters import extension_filter, is_navigation_page, is_not_crawlable, type_filter

NAVIGATION_SEGMENTS = frozenset(
    "tag tags label labels kategori category categories topik topic topics penulis author authors "
    "editor reporter wartawan kontributor user users profil profile indeks index arsip archive archives page halaman "
    "search cari pencarian feed feeds rss atom amp wp-content wp-admin wp-includes wp-json comments komentar "
    "login masuk daftar register galeri gallery foto video videos".split()
)
"""Path segments that make a page a list, a profile or site machinery, never one article."""
STATIC_PAGES = frozenset(
    "redaksi susunan-redaksi tim-redaksi tentang tentang-kami about about-us kontak kontak-kami hubungi-kami contact "
    "contact-us pedoman-media-siber pedoman-pemberitaan-media-siber kode-etik kode-etik-jurnalistik "
    "standar-perlindungan-wartawan disclaimer kebijakan-privasi privacy-policy privacy kebijakan-data-pribadi "
    "syarat-dan-ketentuan syarat-ketentuan ketentuan-layanan terms terms-of-service karir iklan pasang-iklan "
    "info-iklan tarif-iklan sitemap peta-situs faq visi-misi legalitas".split()
)
"""The pages every Indonesian news site publishes beside its news (the press council asks for some)."""
PAGINATION_KEYS = frozenset({"page", "paged", "halaman", "hal", "pg", "start", "offset", "p"})
ARTICLE_ID_KEYS = frozenset({"id", "artikel", "berita", "news_id", "newsid", "article", "read"})
SLUG_MIN_WORDS = 3
NUMERIC_ID_MIN_DIGITS = 5
_WORD_SEPARATORS = re.compile(r"[-_+]+")
_PAGE_EXTENSION = re.compile(r"\.(html?|php|aspx?|shtml)$", re.IGNORECASE)
_HAS_LETTER = re.compile(r"[^\W\d_]")
_YEAR = re.compile(r"(19|20)\d\d")


def same_site(url: str, site_host: str) -> bool:
    """Whether `url` is on the site whose host is `site_host` (www. and m. do not count)."""
    return _bare_host(urlsplit(url).hostname or "") == _bare_host(site_host)


def _bare_host(host: str) -> str:
    host = host.lower().rstrip(".")
    for prefix in ("www.", "m.", "amp."):
        if host.startswith(prefix):
            return host[len(prefix) :]
    return host


def is_listing_or_static(url: str) -> bool:
    """A tag, label, category, author, search or next-page list, a static page, a file or site machinery."""
    parts = urlsplit(url)
    path = parts.path or "/"
    segments = [segment.lower() for segment in path.split("/") if segment]
    if not segments and not parts.query:
        return True
    if any(segment in NAVIGATION_SEGMENTS for segment in segments):
        return True
    if segments and (segments[0] == "p" or _PAGE_EXTENSION.sub("", segments[-1]) in STATIC_PAGES):
        return True
    if any(key.lower() in PAGINATION_KEYS for key, _ in parse_qsl(parts.query)):
        return True
    return (
        not type_filter(url, strict=True)
        or is_navigation_page(url)
        or is_not_crawlable(url)
        or not extension_filter(path)
        or path.lower().endswith(".xml")
    )


def looks_like_article(url: str) -> bool:
    """An address shaped like one article's: a slug of several words, a long numeric id, an id in the
    query, or a dated path ending in a slug — and no list or static page."""
    if is_listing_or_static(url):
        return False
    parts = urlsplit(url)
    segments = [_PAGE_EXTENSION.sub("", segment) for segment in parts.path.split("/") if segment]
    if any(key.lower() in ARTICLE_ID_KEYS and value.isdigit() for key, value in parse_qsl(parts.query)):
        return True
    if any(segment.isdigit() and len(segment) >= NUMERIC_ID_MIN_DIGITS for segment in segments):
        return True
    last = segments[-1] if segments else ""
    words = [word for word in _WORD_SEPARATORS.split(last) if word]
    if len(words) >= SLUG_MIN_WORDS and sum(bool(_HAS_LETTER.search(word)) for word in words) >= 2:
        return True
    dated = any(_YEAR.fullmatch(segment) for segment in segments[:-1])
    return dated and len(words) >= 2
