"""Three more fictional demo sites, each hiding its news where a real regional portal does.

- **Warta Lebak Demo**, a custom CMS with no feed and no sitemap: articles at `/post/<slug>`, a front page
  paginated with `?page=N`, and around the headlines every link a real front page carries (tags, authors,
  categories, the next page, the search, the editorial pages the press council asks for).
- **Kabar Karawang Demo**, whose page names no feed and whose feed is at no usual path: the host's
  robots.txt names its sitemap index, which lists a news sitemap and the feed.
- **Suara Cilegon Demo**, whose feed is at an unusual path named only by a `<link rel="alternate">` in the
  page head.

The articles are in `seeds/demo/more/` (the same format as the corpus, fiction of our own). Pages are plain
strings, as in `demo.sites`, so the server and the tests render them without a network.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from html import escape
from importlib.resources import files

from demo.sites import DemoArticle, _long_date, _rfc822, _wib, parse_article, summary_text

PAGE_SIZE = 2
"""Headlines per page of Warta Lebak's front page: small, so the demo's three articles already take two pages."""


@dataclass(frozen=True)
class HiddenSite:
    key: str
    name: str
    prefix: str
    tagline: str


WARTA = HiddenSite("warta", "Warta Lebak Demo", "/warta-lebak", "Berita Lebak tanpa basa-basi")
PETA = HiddenSite("peta", "Kabar Karawang Demo", "/kabar-karawang", "Kabar industri dan warga Karawang")
KEPALA = HiddenSite("kepala", "Suara Cilegon Demo", "/suara-cilegon", "Suara kota baja")
HIDDEN_SITES = (WARTA, PETA, KEPALA)
HIDDEN_BY_KEY = {site.key: site for site in HIDDEN_SITES}
PETA_FEED = "/rss/kabar-terkini.xml"
PETA_SITEMAP_INDEX = "/sitemap.xml"
PETA_NEWS_SITEMAP = "/sitemap-news.xml"
KEPALA_FEED = "/data/rss-terbaru.xml"
WARTA_FURNITURE = (
    ("Hukum & Kriminal", "/kategori/hukum-kriminal/"),
    ("Buruh", "/tag/buruh"),
    ("Polres Lebak", "/tag/polres-lebak"),
    ("Redaksi", "/redaksi"),
    ("Pedoman Media Siber", "/pedoman-media-siber"),
    ("Kontak", "/kontak"),
    ("Tentang Kami", "/tentang-kami"),
)


def load_hidden_articles() -> list[DemoArticle]:
    """The three sites' articles, oldest first."""
    return list(_articles())


@cache
def _articles() -> tuple[DemoArticle, ...]:
    folder = files("seeds").joinpath("demo", "more")
    entries = sorted((entry for entry in folder.iterdir() if entry.name.endswith(".md")), key=lambda e: e.name)
    articles = [parse_article(entry.name, entry.read_text(encoding="utf-8"), HIDDEN_BY_KEY) for entry in entries]
    return tuple(sorted(articles, key=lambda article: (article.published, article.number)))


def hidden_path(article: DemoArticle) -> str:
    """An article's path: `/post/<slug>`, `/berita/<number>-<slug>.html` or `/read/YYYY/MM/DD/<slug>`."""
    site = HIDDEN_BY_KEY[article.site]
    if site is WARTA:
        return f"{site.prefix}/post/{article.slug}"
    if site is PETA:
        return f"{site.prefix}/berita/{article.number}-{article.slug}.html"
    return f"{site.prefix}/read/{_wib(article.published):%Y/%m/%d}/{article.slug}"


def render_front_page(site: HiddenSite, newest_first: Sequence[DemoArticle], base_url: str, page: int = 1) -> str:
    """A site's front page (Warta Lebak's paginated); only Suara Cilegon's names its feed, in its head."""
    root = base_url + site.prefix
    shown = newest_first[(page - 1) * PAGE_SIZE : page * PAGE_SIZE] if site is WARTA else newest_first
    head = ""
    if site is KEPALA:
        head = f'<link rel="alternate" type="application/rss+xml" title="{escape(site.name)}" href="{escape(root + KEPALA_FEED)}">'
    headlines = "".join(
        f'<article class="card"><a href="{escape(base_url + hidden_path(a))}"><img src="{escape(root)}/img/{a.number}.jpg" alt=""></a>'
        f'<h2><a href="{escape(base_url + hidden_path(a))}">{escape(a.title)}</a></h2>'
        f'<p class="meta">{_long_date(a.published)} · <a href="{escape(root)}/penulis/{_author_slug(a)}">{escape(a.author)}</a></p>'
        f"<p>{escape(summary_text(a.paragraphs, 160))}</p></article>"
        for a in shown
    )
    furniture = "".join(f'<li><a href="{escape(root + path)}">{escape(label)}</a></li>' for label, path in WARTA_FURNITURE)
    pages = ""
    if site is WARTA and len(newest_first) > page * PAGE_SIZE:
        pages = f'<nav class="pagination"><a href="{escape(root)}/?page={page + 1}">Berikutnya »</a></nav>'
    if site is WARTA and page > 1:
        pages += f'<nav class="pagination"><a href="{escape(root)}/?page={page - 1}">« Sebelumnya</a></nav>'
    return f"""<!DOCTYPE html>
<html lang="id"><head><meta charset="UTF-8"><title>{escape(site.name)} - {escape(site.tagline)}</title>{head}
</head><body>
<header><a href="{escape(root)}/">{escape(site.name)}</a><ul class="menu"><li><a href="{escape(root)}/">Beranda</a></li>{furniture}</ul>
<form action="{escape(root)}/search"><input name="q"></form><a href="{escape(root)}/search?q=buruh+polisi">Cari buruh</a></header>
<main>{headlines}{pages}</main>
<footer><a href="{escape(root)}/p/disclaimer.html">Disclaimer</a> © {escape(site.name)}</footer>
</body></html>
"""


def render_hidden_article(article: DemoArticle, base_url: str) -> str:
    """An article page of any of the three sites, with a sidebar of links that are no articles."""
    site = HIDDEN_BY_KEY[article.site]
    root = base_url + site.prefix
    paragraphs = "\n".join(f"<p>{escape(paragraph)}</p>" for paragraph in article.paragraphs)
    published = _wib(article.published)
    return f"""<!DOCTYPE html>
<html lang="id"><head><meta charset="UTF-8"><title>{escape(article.title)} | {escape(site.name)}</title>
<meta property="og:type" content="article"><meta property="article:published_time" content="{published.isoformat()}">
<meta name="author" content="{escape(article.author)}"></head><body>
<header><a href="{escape(root)}/">{escape(site.name)}</a></header>
<main><article><h1>{escape(article.title)}</h1>
<p class="byline">{escape(article.author)} · {_long_date(published)}</p>
<div class="content">
{paragraphs}
</div>
<p class="tags">Tag: <a href="{escape(root)}/tag/buruh">buruh</a>, <a href="{escape(root)}/tag/polisi">polisi</a></p>
</article></main>
<aside><a href="{escape(root)}/redaksi">Redaksi</a> <a href="{escape(root)}/kontak">Kontak</a></aside>
<footer>© {escape(site.name)}</footer></body></html>
"""


def render_peta_rss(newest_first: Sequence[DemoArticle], base_url: str) -> str:
    """Kabar Karawang's feed: titles and summaries only, so the text comes from the pages."""
    root = base_url + PETA.prefix
    items = "".join(
        f"<item><title>{escape(a.title)}</title><link>{escape(base_url + hidden_path(a))}</link>"
        f"<guid isPermaLink=\"false\">kabar-karawang-{a.number}</guid><pubDate>{_rfc822(a.published)}</pubDate>"
        f"<description>{escape(summary_text(a.paragraphs, 200))}</description></item>"
        for a in newest_first
    )
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{escape(PETA.name)}</title>'
            f"<link>{escape(root)}/</link><description>{escape(PETA.tagline)}</description><language>id</language>"
            f"{items}</channel></rss>")


def render_kepala_rss(newest_first: Sequence[DemoArticle], base_url: str) -> str:
    """Suara Cilegon's feed: the full text in content:encoded."""
    root = base_url + KEPALA.prefix
    items = "".join(
        f"<item><title>{escape(a.title)}</title><link>{escape(base_url + hidden_path(a))}</link>"
        f"<guid isPermaLink=\"false\">suara-cilegon-{a.number}</guid><pubDate>{_rfc822(a.published)}</pubDate>"
        f"<content:encoded><![CDATA[{''.join(f'<p>{escape(p)}</p>' for p in a.paragraphs)}]]></content:encoded></item>"
        for a in newest_first
    )
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            f"<channel><title>{escape(KEPALA.name)}</title><link>{escape(root)}/</link>"
            f"<description>{escape(KEPALA.tagline)}</description>{items}</channel></rss>")


def render_peta_sitemap_index(base_url: str) -> str:
    root = base_url + PETA.prefix
    children = "".join(f"<sitemap><loc>{escape(root + path)}</loc></sitemap>"
                       for path in ("/sitemap-pages.xml", PETA_NEWS_SITEMAP, PETA_FEED))
    return f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{children}</sitemapindex>'


def render_peta_news_sitemap(newest_first: Sequence[DemoArticle], base_url: str) -> str:
    urls = "".join(
        f"<url><loc>{escape(base_url + hidden_path(a))}</loc><news:news><news:publication><news:name>{escape(PETA.name)}"
        f"</news:name><news:language>id</news:language></news:publication><news:publication_date>"
        f"{_wib(a.published).isoformat()}</news:publication_date><news:title>{escape(a.title)}</news:title></news:news></url>"
        for a in newest_first
    )
    return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>')


def render_peta_pages_sitemap(base_url: str) -> str:
    root = base_url + PETA.prefix
    pages = "".join(f"<url><loc>{escape(root + path)}</loc></url>" for path in ("/", "/redaksi", "/kontak"))
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{pages}</urlset>'


def render_robots(base_url: str) -> str:
    """The host's robots.txt: it names Kabar Karawang's sitemap index, and nothing of the other sites."""
    return f"User-agent: *\nAllow: /\nDisallow: /cari\n\nSitemap: {base_url}{PETA.prefix}{PETA_SITEMAP_INDEX}\n"


def _author_slug(article: DemoArticle) -> str:
    return "-".join(article.author.lower().split())
