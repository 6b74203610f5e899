"""The fictional demo corpus and the two fictional news sites that serve it.

The corpus lives in `seeds/demo/articles/*.md` (TOML front matter between `+++` lines, then
paragraphs). The sites imitate what Pantau meets in the wild: a Blogger news template full of
clutter (ad placeholders inside the post, share buttons, a "Terkini" list, visitor counters,
comment boxes) with a summary-only feed, and a WordPress theme whose RSS carries the full body in
`content:encoded`. Pages and feeds are plain strings so the server, the tests and the bench can
all render them without a network.
"""

import hashlib
import json
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from email.utils import format_datetime
from functools import cache
from html import escape
from importlib.resources import files

WIB = timezone(timedelta(hours=7), "WIB")
FRONT_MATTER_FENCE = "+++"
FEED_MAX_ITEMS = 25
SUMMARY_CHARS = 400

MONTHS_ID = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)
# Templates print today's date in the browser, so the served HTML stays the same all day long.
TODAY_SCRIPT = (
    "<script>document.write(new Date().toLocaleDateString('id-ID',"
    "{weekday:'long',day:'2-digit',month:'long',year:'numeric'}))</script>"
)


@dataclass(frozen=True)
class DemoArticle:
    """One invented article with the gold annotations a careful reader would record."""

    number: int
    slug: str
    site: str
    title: str
    published: datetime
    author: str
    body: str
    kabupaten_kota: str
    province: str
    engagement_types: tuple[str, ...]
    event_dates: tuple[date, ...]

    @property
    def paragraphs(self) -> list[str]:
        return self.body.split("\n\n")

    @property
    def updated(self) -> datetime:
        """A stable 'last edited' time a few minutes after publication, as editors fix typos."""
        return self.published + timedelta(minutes=5 + _stable_int(self.slug) % 40)


@dataclass(frozen=True)
class DemoSite:
    key: str
    name: str
    prefix: str
    tagline: str
    feed_path: str


BLOGGER = DemoSite(
    key="blogger",
    name="Kilas Banten Demo",
    prefix="/kilas-banten",
    tagline="Tajam, Terpercaya, Terkini dari Tanah Jawara",
    feed_path="/feeds/posts/default",
)
WORDPRESS = DemoSite(
    key="wordpress",
    name="Portal Priangan Demo",
    prefix="/portal-priangan",
    tagline="Kabar Terkini dari Priangan dan Pantura",
    feed_path="/feed/",
)
SITES = (BLOGGER, WORDPRESS)
WORDPRESS_GUID_ROOT = "http://portal-priangan.demo"
"""Where the WordPress site's post guids point: WordPress keeps a post's guid when the site moves, and the demo
site moves whenever its port does, so a kept demo desk still knows the posts it stored."""
SITES_BY_KEY = {site.key: site for site in SITES}

DEFAULT_RECENT_HEADLINES = (
    ("Warga Cibadak Gotong Royong Bersihkan Saluran Air Jelang Musim Hujan", "/2025/11/warga-gotong-royong.html"),
    ("Pasar Murah Digelar di Alun-Alun, Harga Beras Lebih Miring", "/2025/11/pasar-murah-alun-alun.html"),
    ("Tim Sepak Bola Pelajar Lolos ke Babak Final Tingkat Provinsi", "/2025/11/sepak-bola-pelajar.html"),
    ("Perbaikan Jembatan Penghubung Dua Desa Ditargetkan Rampung Bulan Depan", "/2025/11/perbaikan-jembatan.html"),
)
DEFAULT_BACA_JUGA = ("Harga Cabai Rawit Naik Jelang Akhir Pekan, Pedagang Mengeluh", "/2025/11/harga-cabai-rawit.html")
BLOGGER_LABELS = ("Daerah", "Peristiwa", "Hukum", "Ekonomi", "Kamtibmas")
WORDPRESS_CATEGORIES = ("Berita Daerah", "Hukum & Kriminal", "Ekonomi & Bisnis")
WORDPRESS_TAG_WORDS = ("buruh", "serikat pekerja", "umk", "mogok", "unjuk rasa", "kapolres", "mediasi", "phk", "polres")


# --- corpus -----------------------------------------------------------------------------------


def load_corpus() -> list[DemoArticle]:
    """Every demo article, oldest first, read from the installed `seeds` package."""
    return list(_corpus())


@cache
def _corpus() -> tuple[DemoArticle, ...]:
    folder = files("seeds").joinpath("demo", "articles")
    entries = sorted((entry for entry in folder.iterdir() if entry.name.endswith(".md")), key=lambda e: e.name)
    articles = [parse_article(entry.name, entry.read_text(encoding="utf-8")) for entry in entries]
    return tuple(sorted(articles, key=lambda article: (article.published, article.number)))


def parse_article(filename: str, text: str, sites: Mapping[str, object] = SITES_BY_KEY) -> DemoArticle:
    """Parse one `NNN-slug.md` file of a site among `sites`; the number orders ties and makes stable post ids."""
    fence = f"{FRONT_MATTER_FENCE}\n"
    if not text.startswith(fence) or text.count(fence) < 2:
        raise ValueError(f"{filename}: front matter must sit between '+++' lines")
    _, front, body = text.split(fence, 2)
    meta = tomllib.loads(front)
    published = datetime.fromisoformat(meta["published"])
    if published.tzinfo is None:
        raise ValueError(f"{filename}: 'published' needs a UTC offset")
    if meta["site"] not in sites:
        raise ValueError(f"{filename}: unknown site {meta['site']!r}")
    paragraphs = [" ".join(block.split()) for block in body.strip().split("\n\n") if block.strip()]
    return DemoArticle(
        number=int(filename.split("-", 1)[0]),
        slug=meta["slug"],
        site=meta["site"],
        title=meta["title"],
        published=published,
        author=meta["author"],
        body="\n\n".join(paragraphs),
        kabupaten_kota=meta["kabupaten_kota"],
        province=meta["province"],
        engagement_types=tuple(meta["engagement_types"]),
        event_dates=tuple(date.fromisoformat(day) for day in meta["event_dates"]),
    )


# --- addresses --------------------------------------------------------------------------------


def article_path(article: DemoArticle) -> str:
    """The page path on its site: Blogger `/YYYY/MM/slug.html`, WordPress `/YYYY/MM/DD/slug/`."""
    local = article.published.astimezone(WIB)
    site = SITES_BY_KEY[article.site]
    if site is BLOGGER:
        return f"{site.prefix}/{local:%Y/%m}/{article.slug}.html"
    return f"{site.prefix}/{local:%Y/%m/%d}/{article.slug}/"


def feed_path(site: DemoSite) -> str:
    return site.prefix + site.feed_path


# --- shared helpers ---------------------------------------------------------------------------


def _stable_int(text: str) -> int:
    return int.from_bytes(hashlib.sha1(text.encode("utf-8")).digest()[:8], "big")


def _wib(moment: datetime) -> datetime:
    """Aware time in WIB; a naive time is taken to be WIB already, as regional sites write it."""
    return moment.replace(tzinfo=WIB) if moment.tzinfo is None else moment.astimezone(WIB)


def _blogger_date(moment: datetime) -> str:
    """Blogger's date line: 'Desember 08, 2025'."""
    local = _wib(moment)
    return f"{MONTHS_ID[local.month - 1]} {local.day:02d}, {local.year}"


def _long_date(moment: datetime) -> str:
    local = _wib(moment)
    return f"{local.day} {MONTHS_ID[local.month - 1]} {local.year}"


def _iso_z(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _rfc822(moment: datetime) -> str:
    return format_datetime(moment.astimezone(timezone.utc))


def _json_ld(data: dict) -> str:
    """JSON for a <script> block: '</' is escaped so a title can never close the element."""
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def _cdata(text: str) -> str:
    """A CDATA section that stays well-formed even when the text itself contains ']]>'."""
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def summary_text(paragraphs: Sequence[str], limit: int = SUMMARY_CHARS) -> str:
    """Blogger's short-feed summary: the opening characters of the post, cut at a word."""
    text = " ".join(paragraphs)
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "..."


def _links(items: Sequence[tuple[str, str]]) -> str:
    return "\n".join(f'<li><a href="{escape(url)}">{escape(title)}</a></li>' for title, url in items)


# --- Blogger ----------------------------------------------------------------------------------


def blogger_labels(slug: str) -> tuple[str, ...]:
    """Two generic labels per post, as regional Blogger sites tag by desk, not by topic."""
    first = _stable_int(slug) % len(BLOGGER_LABELS)
    return (BLOGGER_LABELS[0], BLOGGER_LABELS[first]) if first else (BLOGGER_LABELS[0],)


def _visitor_counts(seed: str) -> tuple[str, str, str]:
    value = _stable_int(seed)
    return f"{value % 2000 + 150:,}".replace(",", "."), str(400000 + value % 90000), str(4000000 + value % 900000)


def render_blogger_page(
    title: str,
    paragraphs: list[str],
    published: datetime,
    site_name: str = BLOGGER.name,
    *,
    author: str = "Redaksi",
    url: str = "",
    labels: Sequence[str] = ("Daerah",),
    recent: Sequence[tuple[str, str]] = DEFAULT_RECENT_HEADLINES,
    baca_juga: tuple[str, str] | None = DEFAULT_BACA_JUGA,
    site_root: str = "",
    updated: datetime | None = None,
) -> str:
    """A Blogger news-template page around any title and paragraphs, with the template's clutter.

    Tests wrap real seed articles in it to check that extraction and clean-up rules hold on the
    page furniture regional Blogger sites ship: ad placeholders inside the post body, an inline
    "Baca Juga" link, share buttons, labels, a comment box, a "Terkini" list and visitor counters.
    A naive `published` is taken as WIB.
    """
    stamp = _wib(published)
    updated = _wib(updated) if updated else stamp + timedelta(minutes=5 + _stable_int(title) % 40)
    today, month, total = _visitor_counts(title + stamp.isoformat())
    middle = max(1, len(paragraphs) // 2)
    body_parts = ['<p class="iklan-dalam">masukkan script iklan disini</p>']
    for index, paragraph in enumerate(paragraphs):
        body_parts.append(f"<p>{escape(paragraph)}</p>")
        if index == 1 and baca_juga:
            body_parts.append(
                f'<p class="baca-juga"><b>Baca Juga:</b> <a href="{escape(baca_juga[1])}">{escape(baca_juga[0])}</a></p>'
            )
        if index == middle:
            body_parts.append('<p class="iklan-dalam">masukkan script iklan disini</p>')
    body_parts.append('<p class="iklan-dalam">masukkan script iklan disini</p>')
    label_links = ", ".join(
        f'<a href="{escape(site_root)}/search/label/{escape(label)}" rel="tag">{escape(label)}</a>' for label in labels
    )
    json_ld = _json_ld(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": title,
            "datePublished": stamp.isoformat(),
            "dateModified": updated.isoformat(),
            "author": {"@type": "Person", "name": author},
            "publisher": {"@type": "Organization", "name": site_name},
            "mainEntityOfPage": url,
        }
    )
    return f"""<!DOCTYPE html>
<html class="v2" dir="ltr" lang="id" xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta charset="UTF-8">
<meta content="width=device-width, initial-scale=1" name="viewport">
<title>{escape(title)} - {escape(site_name)}</title>
<link href="{escape(url)}" rel="canonical">
<meta content="{escape(title)}" property="og:title">
<meta content="article" property="og:type">
<meta content="{escape(url)}" property="og:url">
<meta content="{escape(site_name)}" property="og:site_name">
<meta content="{stamp.isoformat()}" property="article:published_time">
<link rel="alternate" type="application/atom+xml" title="{escape(site_name)} - Atom" href="{escape(site_root)}/feeds/posts/default">
<link rel="alternate" type="application/rss+xml" title="{escape(site_name)} - RSS" href="{escape(site_root)}/feeds/posts/default?alt=rss">
<script type="application/ld+json">{json_ld}</script>
<script>var adsbygoogle = window.adsbygoogle || []; /* masukkan script iklan disini */</script>
<style>body{{font-family:Roboto,Arial,sans-serif}} .iklan-dalam,.iklan-atas,.header-ads{{text-align:center;color:#999}}</style>
</head>
<body class="item-view version-1-3-3">
<div class="top-bar"><span class="top-date">{TODAY_SCRIPT}</span>
<ul class="top-menu"><li><a href="{escape(site_root)}/p/redaksi.html">Redaksi</a></li><li><a href="{escape(site_root)}/p/pedoman-media-siber.html">Pedoman Media Siber</a></li><li><a href="{escape(site_root)}/p/kontak.html">Kontak</a></li></ul></div>
<header class="header-wrap">
<div class="header-logo"><a href="{escape(site_root)}/">{escape(site_name)}</a><p class="description">{escape(BLOGGER.tagline)}</p></div>
<div class="header-ads">masukkan script iklan disini</div>
<nav class="main-menu"><ul>
<li><a href="{escape(site_root)}/">Beranda</a></li>
<li><a href="{escape(site_root)}/search/label/Nasional">Nasional</a></li>
<li><a href="{escape(site_root)}/search/label/Daerah">Daerah</a></li>
<li><a href="{escape(site_root)}/search/label/Hukum">Hukum</a></li>
<li><a href="{escape(site_root)}/search/label/Ekonomi">Ekonomi</a></li>
<li><a href="{escape(site_root)}/search/label/Olahraga">Olahraga</a></li>
<li class="mega"><a href="#">• Jelajahi</a></li>
</ul><form action="{escape(site_root)}/search" class="search-form"><input name="q" placeholder="Cari berita..."><button type="submit">Cari</button></form></nav>
</header>
<div class="ticker"><b>Iklan</b></div>
<div class="main-wrapper">
<main class="main" id="main">
<div class="breadcrumbs"><a href="{escape(site_root)}/">Beranda</a> › <a href="{escape(site_root)}/search/label/{escape(labels[0] if labels else 'Daerah')}">{escape(labels[0] if labels else 'Daerah')}</a></div>
<article class="post hentry">
<h1 class="post-title entry-title">{escape(title)}</h1>
<p class="info-post"><span class="post-author vcard">{escape(author)}</span>, <abbr class="published" title="{stamp.isoformat()}">{_blogger_date(stamp)}</abbr> WIB <span class="updated">Last Updated {_iso_z(updated)}</span></p>
<p class="iklan-atas">masukkan script iklan disini</p>
<div class="share-top"><a class="facebook" href="#">Facebook</a> <a class="twitter" href="#">Twitter</a> <a class="whatsapp" href="#">WhatsApp</a> <a class="telegram" href="#">Telegram</a></div>
<div class="isi-artikel" id="isi-artikel">
{chr(10).join(body_parts)}
</div>
<div class="label-artikel"><span>Label:</span> {label_links}</div>
<div class="share-bottom"><span>Bagikan</span> <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a> <a href="#">Salin Tautan</a></div>
<div class="kolom-komentar" id="kolom-komentar">
<h4 class="judul-kolom">Komentar</h4>
<span class="tampilkan">Tampilkan</span>
<div class="form-komentar"><h4>Posting Komentar</h4><p>Silakan tinggalkan komentar yang sopan dan sesuai topik.</p></div>
</div>
<div class="terkini"><h4 class="judul-kolom">Terkini</h4><ul>
{_links(recent)}
</ul></div>
<p class="statistik">
<span>Pengunjung hari ini : {today}</span><br>
<span>Bulan ini : {month}</span><br>
<span>Total pengunjung : {total}</span>
</p>
</article>
</main>
<aside class="sidebar" id="sidebar">
<div class="widget PopularPosts"><h2 class="title">Populer</h2><ul>
{_links(recent[::-1])}
</ul></div>
<div class="widget HTML"><h2 class="title">Iklan</h2><div>masukkan script iklan disini</div></div>
</aside>
</div>
<footer class="footer">
<ul class="footer-menu"><li><a href="{escape(site_root)}/p/tentang-kami.html">Tentang Kami</a></li><li><a href="{escape(site_root)}/p/disclaimer.html">Disclaimer</a></li><li><a href="{escape(site_root)}/p/kebijakan-privasi.html">Kebijakan Privasi</a></li></ul>
<p class="copyright">Copyright © {stamp.year} {escape(site_name)}</p>
<p class="credit">Best Viral Premium Blogger Templates</p>
</footer>
</body>
</html>
"""


def render_blogger_article(
    article: DemoArticle, base_url: str, recent: Sequence[DemoArticle], previous: DemoArticle | None
) -> str:
    """A demo article on the Blogger site; `recent` fills "Terkini", `previous` the "Baca Juga" link."""
    return render_blogger_page(
        article.title,
        article.paragraphs,
        article.published,
        BLOGGER.name,
        author=article.author,
        url=base_url + article_path(article),
        labels=blogger_labels(article.slug),
        recent=[(other.title, base_url + article_path(other)) for other in recent],
        baca_juga=(previous.title, base_url + article_path(previous)) if previous else None,
        site_root=base_url + BLOGGER.prefix,
        updated=article.updated,
    )


def _blogger_ids(article: DemoArticle) -> tuple[str, str]:
    blog = str(_stable_int(BLOGGER.name))[:19]
    return blog, str(_stable_int(article.slug))[:19]


def render_blogger_atom(articles: Sequence[DemoArticle], base_url: str, total: int) -> str:
    """Blogger's Atom feed in its 'short' setting: summaries only, newest first."""
    root = base_url + BLOGGER.prefix
    blog_id = str(_stable_int(BLOGGER.name))[:19]
    updated = max((article.updated for article in articles), default=datetime(2025, 1, 1, tzinfo=WIB))
    entries = []
    for article in articles:
        _, post_id = _blogger_ids(article)
        link = base_url + article_path(article)
        categories = "".join(
            f"<category scheme='http://www.blogger.com/atom/ns#' term='{escape(label)}'/>"
            for label in blogger_labels(article.slug)
        )
        entries.append(
            f"<entry><id>tag:blogger.com,1999:blog-{blog_id}.post-{post_id}</id>"
            f"<published>{_wib(article.published).isoformat(timespec='milliseconds')}</published>"
            f"<updated>{_wib(article.updated).isoformat(timespec='milliseconds')}</updated>{categories}"
            f"<title type='text'>{escape(article.title)}</title>"
            f"<summary type='text'>{escape(summary_text(article.paragraphs))}</summary>"
            f"<link rel='replies' type='text/html' href='{escape(link)}#comment-form' title='0 Komentar'/>"
            f"<link rel='alternate' type='text/html' href='{escape(link)}' title='{escape(article.title)}'/>"
            f"<author><name>{escape(article.author)}</name><email>noreply@blogger.com</email></author>"
            f"<thr:total>0</thr:total></entry>"
        )
    return (
        "<?xml version='1.0' encoding='UTF-8'?>"
        "<feed xmlns='http://www.w3.org/2005/Atom' xmlns:openSearch='http://a9.com/-/spec/opensearchrss/1.0/'"
        " xmlns:blogger='http://schemas.google.com/blogger/2008' xmlns:georss='http://www.georss.org/georss'"
        " xmlns:gd='http://schemas.google.com/g/2005' xmlns:thr='http://purl.org/syndication/thread/1.0'>"
        f"<id>tag:blogger.com,1999:blog-{blog_id}</id><updated>{_wib(updated).isoformat(timespec='milliseconds')}</updated>"
        + "".join(f"<category term='{escape(label)}'/>" for label in BLOGGER_LABELS)
        + f"<title type='text'>{escape(BLOGGER.name)}</title><subtitle type='html'>{escape(BLOGGER.tagline)}</subtitle>"
        f"<link rel='http://schemas.google.com/g/2005#feed' type='application/atom+xml' href='{escape(root)}/feeds/posts/default'/>"
        f"<link rel='self' type='application/atom+xml' href='{escape(root)}/feeds/posts/default'/>"
        f"<link rel='alternate' type='text/html' href='{escape(root)}/'/>"
        "<author><name>Redaksi</name><email>noreply@blogger.com</email></author>"
        "<generator version='7.00' uri='http://www.blogger.com'>Blogger</generator>"
        f"<openSearch:totalResults>{total}</openSearch:totalResults><openSearch:startIndex>1</openSearch:startIndex>"
        f"<openSearch:itemsPerPage>{FEED_MAX_ITEMS}</openSearch:itemsPerPage>" + "".join(entries) + "</feed>"
    )


def render_blogger_rss(articles: Sequence[DemoArticle], base_url: str, total: int) -> str:
    """Blogger's `?alt=rss` view of the same short feed."""
    root = base_url + BLOGGER.prefix
    blog_id = str(_stable_int(BLOGGER.name))[:19]
    updated = max((article.updated for article in articles), default=datetime(2025, 1, 1, tzinfo=WIB))
    items = []
    for article in articles:
        _, post_id = _blogger_ids(article)
        categories = "".join(
            f'<category domain="http://www.blogger.com/atom/ns#">{escape(label)}</category>'
            for label in blogger_labels(article.slug)
        )
        items.append(
            f'<item><guid isPermaLink="false">tag:blogger.com,1999:blog-{blog_id}.post-{post_id}</guid>'
            f"<pubDate>{_rfc822(article.published)}</pubDate>"
            f"<atom:updated>{_wib(article.updated).isoformat(timespec='milliseconds')}</atom:updated>{categories}"
            f"<title>{escape(article.title)}</title>"
            f"<description>{escape(summary_text(article.paragraphs))}</description>"
            f"<link>{escape(base_url + article_path(article))}</link>"
            f"<author>noreply@blogger.com ({escape(article.author)})</author><thr:total>0</thr:total></item>"
        )
    return (
        "<?xml version='1.0' encoding='UTF-8'?>"
        '<rss xmlns:atom="http://www.w3.org/2005/Atom" xmlns:openSearch="http://a9.com/-/spec/opensearchrss/1.0/"'
        ' xmlns:blogger="http://schemas.google.com/blogger/2008" xmlns:georss="http://www.georss.org/georss"'
        ' xmlns:gd="http://schemas.google.com/g/2005" xmlns:thr="http://purl.org/syndication/thread/1.0" version="2.0">'
        f"<channel><atom:id>tag:blogger.com,1999:blog-{blog_id}</atom:id>"
        f"<lastBuildDate>{_rfc822(updated)}</lastBuildDate>"
        + "".join(f"<category>{escape(label)}</category>" for label in BLOGGER_LABELS)
        + f"<title>{escape(BLOGGER.name)}</title><description>{escape(BLOGGER.tagline)}</description>"
        f"<link>{escape(root)}/</link><managingEditor>noreply@blogger.com (Redaksi)</managingEditor>"
        "<generator>Blogger</generator>"
        f"<openSearch:totalResults>{total}</openSearch:totalResults><openSearch:startIndex>1</openSearch:startIndex>"
        f"<openSearch:itemsPerPage>{FEED_MAX_ITEMS}</openSearch:itemsPerPage>" + "".join(items) + "</channel></rss>"
    )


# --- WordPress --------------------------------------------------------------------------------


def wordpress_post_id(article: DemoArticle) -> int:
    return 1000 + article.number * 7


def wordpress_categories(article: DemoArticle) -> tuple[str, ...]:
    second = WORDPRESS_CATEGORIES[1 + _stable_int(article.slug) % (len(WORDPRESS_CATEGORIES) - 1)]
    return (WORDPRESS_CATEGORIES[0], second)


def wordpress_tags(article: DemoArticle) -> tuple[str, ...]:
    title = article.title.lower()
    return tuple(word for word in WORDPRESS_TAG_WORDS if word in title)


def wordpress_content_html(article: DemoArticle, baca_juga: tuple[str, str] | None) -> str:
    """The post body as the editor wrote it, inline "Baca Juga" link included; page and feed share it."""
    parts = []
    for index, paragraph in enumerate(article.paragraphs):
        parts.append(f"<p>{escape(paragraph)}</p>")
        if index == 2 and baca_juga:
            parts.append(f'<p><strong>Baca Juga:</strong> <a href="{escape(baca_juga[1])}">{escape(baca_juga[0])}</a></p>')
    return "\n".join(parts)


def _baca_juga(previous: DemoArticle | None, base_url: str) -> tuple[str, str] | None:
    return (previous.title, base_url + article_path(previous)) if previous else None


def _month_archive(articles: Sequence[DemoArticle], root: str) -> list[tuple[str, str]]:
    months = sorted({(_wib(a.published).year, _wib(a.published).month) for a in articles}, reverse=True)
    return [(f"{MONTHS_ID[month - 1]} {year}", f"{root}/{year}/{month:02d}/") for year, month in months]


def render_wordpress_article(
    article: DemoArticle,
    base_url: str,
    recent: Sequence[DemoArticle],
    previous: DemoArticle | None,
    following: DemoArticle | None,
) -> str:
    """A demo article on the WordPress site, with the theme's navigation, widgets and comment form."""
    root = base_url + WORDPRESS.prefix
    url = base_url + article_path(article)
    post_id = wordpress_post_id(article)
    published = _wib(article.published)
    updated = _wib(article.updated)
    categories = wordpress_categories(article)
    tags = wordpress_tags(article)
    recent_links = [(other.title, base_url + article_path(other)) for other in recent]
    related = [item for item in recent_links if item[1] != url][:3]
    category_links = ", ".join(f'<a href="{escape(root)}/category/{escape(_slugify(c))}/" rel="category tag">{escape(c)}</a>' for c in categories)
    tag_links = ", ".join(f'<a href="{escape(root)}/tag/{escape(_slugify(t))}/" rel="tag">{escape(t)}</a>' for t in tags)
    navigation = []
    if previous:
        navigation.append(
            f'<div class="nav-previous"><a href="{escape(base_url + article_path(previous))}" rel="prev">'
            f'<span class="meta-nav">Pos Sebelumnya</span> <span class="post-title">{escape(previous.title)}</span></a></div>'
        )
    if following:
        navigation.append(
            f'<div class="nav-next"><a href="{escape(base_url + article_path(following))}" rel="next">'
            f'<span class="meta-nav">Pos Berikutnya</span> <span class="post-title">{escape(following.title)}</span></a></div>'
        )
    json_ld = _json_ld(
        {
            "@context": "https://schema.org",
            "@graph": [
                {
                    "@type": "Article",
                    "headline": article.title,
                    "datePublished": published.isoformat(),
                    "dateModified": updated.isoformat(),
                    "author": {"@type": "Person", "name": article.author},
                    "articleSection": list(categories),
                    "inLanguage": "id-ID",
                    "mainEntityOfPage": url,
                },
                {"@type": "WebSite", "name": WORDPRESS.name, "url": root + "/"},
            ],
        }
    )
    return f"""<!DOCTYPE html>
<html lang="id-ID">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(article.title)} &#8211; {escape(WORDPRESS.name)}</title>
<meta name="robots" content="index, follow, max-image-preview:large">
<link rel="canonical" href="{escape(url)}">
<meta property="og:locale" content="id_ID">
<meta property="og:type" content="article">
<meta property="og:title" content="{escape(article.title)}">
<meta property="og:url" content="{escape(url)}">
<meta property="og:site_name" content="{escape(WORDPRESS.name)}">
<meta property="article:published_time" content="{published.isoformat()}">
<meta property="article:modified_time" content="{updated.isoformat()}">
<meta name="author" content="{escape(article.author)}">
<script type="application/ld+json" class="yoast-schema-graph">{json_ld}</script>
<link rel="alternate" type="application/rss+xml" title="{escape(WORDPRESS.name)} &raquo; Feed" href="{escape(root)}/feed/">
<link rel="alternate" type="application/rss+xml" title="{escape(WORDPRESS.name)} &raquo; {escape(article.title)} Umpan Komentar" href="{escape(url)}feed/">
<link rel="shortlink" href="{escape(root)}/?p={post_id}">
<link rel="stylesheet" id="newsup-style-css" href="{escape(root)}/wp-content/themes/newsup/style.css?ver=6.8.1" media="all">
</head>
<body class="post-template-default single single-post postid-{post_id} single-format-standard wp-embed-responsive">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#content">Langsung ke konten</a>
<header id="masthead" class="site-header">
<div class="top-header"><span class="top-date">{TODAY_SCRIPT}</span>
<ul class="social"><li><a href="#">Facebook</a></li><li><a href="#">Instagram</a></li><li><a href="#">YouTube</a></li></ul></div>
<div class="site-branding"><p class="site-title"><a href="{escape(root)}/" rel="home">{escape(WORDPRESS.name)}</a></p>
<p class="site-description">{escape(WORDPRESS.tagline)}</p></div>
<nav id="site-navigation" class="main-navigation" aria-label="Menu Utama">
<button class="menu-toggle" aria-controls="primary-menu" aria-expanded="false">Menu</button>
<ul id="primary-menu" class="menu">
<li class="menu-item"><a href="{escape(root)}/">Beranda</a></li>
<li class="menu-item"><a href="{escape(root)}/category/berita-daerah/">Berita Daerah</a></li>
<li class="menu-item"><a href="{escape(root)}/category/hukum-kriminal/">Hukum &amp; Kriminal</a></li>
<li class="menu-item"><a href="{escape(root)}/category/ekonomi-bisnis/">Ekonomi &amp; Bisnis</a></li>
<li class="menu-item"><a href="{escape(root)}/category/opini/">Opini</a></li>
<li class="menu-item"><a href="{escape(root)}/indeks-berita/">Indeks Berita</a></li>
</ul></nav>
<div class="breaking-news"><span class="bn-title">Breaking News</span><ul>
{_links(recent_links[:3])}
</ul></div>
</header>
<div id="content" class="site-content">
<div id="primary" class="content-area"><main id="main" class="site-main">
<nav class="breadcrumb" aria-label="Breadcrumbs"><a href="{escape(root)}/">Beranda</a> &raquo; <a href="{escape(root)}/category/{escape(_slugify(categories[0]))}/">{escape(categories[0])}</a> &raquo; <span class="breadcrumb_last">{escape(article.title)}</span></nav>
<article id="post-{post_id}" class="post-{post_id} post type-post status-publish format-standard hentry">
<header class="entry-header">
<span class="cat-links">{category_links}</span>
<h1 class="entry-title">{escape(article.title)}</h1>
<div class="entry-meta"><span class="posted-on"><a href="{escape(url)}" rel="bookmark"><time class="entry-date published" datetime="{published.isoformat()}">{_long_date(published)}</time><time class="updated" datetime="{updated.isoformat()}">{_long_date(updated)}</time></a></span>
<span class="byline"> oleh <span class="author vcard"><a class="url fn n" href="{escape(root)}/author/{escape(_slugify(article.author))}/">{escape(article.author)}</a></span></span>
<span class="comments-link"><a href="{escape(url)}#respond">Tinggalkan komentar</a></span></div>
</header>
<div class="entry-content">
{wordpress_content_html(article, _baca_juga(previous, base_url))}
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Bagikan ini:</h3><ul>
<li><a class="share-facebook" href="#">Facebook</a></li><li><a class="share-x" href="#">X</a></li><li><a class="share-jetpack-whatsapp" href="#">WhatsApp</a></li><li><a class="share-print" href="#">Cetak</a></li></ul></div>
<div class="wp-block-group ad-slot"><p>ADVERTISEMENT</p></div>
</div>
<footer class="entry-footer"><span class="cat-links">Dipublikasikan di {category_links}</span> <span class="tags-links">Tag {tag_links}</span></footer>
</article>
<nav class="navigation post-navigation" aria-label="Pos"><h2 class="screen-reader-text">Navigasi pos</h2><div class="nav-links">
{chr(10).join(navigation)}
</div></nav>
<div class="related-posts"><h3 class="related-title">Berita Terkait</h3><ul>
{_links(related)}
</ul></div>
<div id="comments" class="comments-area">
<div id="respond" class="comment-respond">
<h3 id="reply-title" class="comment-reply-title">Tinggalkan Balasan</h3>
<form action="{escape(root)}/wp-comments-post.php" method="post" id="commentform" class="comment-form">
<p class="comment-notes">Alamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai <span class="required">*</span></p>
<p class="comment-form-comment"><label for="comment">Komentar <span class="required">*</span></label><textarea id="comment" name="comment" cols="45" rows="8" required></textarea></p>
<p class="comment-form-author"><label for="author">Nama <span class="required">*</span></label><input id="author" name="author" type="text" required></p>
<p class="comment-form-email"><label for="email">Email <span class="required">*</span></label><input id="email" name="email" type="email" required></p>
<p class="comment-form-url"><label for="url">Situs Web</label><input id="url" name="url" type="url"></p>
<p class="comment-form-cookies-consent"><input id="wp-comment-cookies-consent" name="wp-comment-cookies-consent" type="checkbox" value="yes"><label for="wp-comment-cookies-consent">Simpan nama, email, dan situs web saya pada peramban ini untuk komentar saya berikutnya.</label></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Kirim Komentar"><input type="hidden" name="comment_post_ID" value="{post_id}"></p>
</form></div></div>
</main></div>
<aside id="secondary" class="widget-area">
<section class="widget widget_search"><form role="search" method="get" class="search-form" action="{escape(root)}/"><label><span class="screen-reader-text">Cari untuk:</span><input type="search" class="search-field" placeholder="Cari &hellip;" name="s"></label><input type="submit" class="search-submit" value="Cari"></form></section>
<section class="widget widget_recent_entries"><h2 class="widget-title">Pos-pos Terbaru</h2><ul>
{_links(recent_links)}
</ul></section>
<section class="widget widget_archive"><h2 class="widget-title">Arsip</h2><ul>
{_links(_month_archive([article, *recent], root))}
</ul></section>
<section class="widget widget_categories"><h2 class="widget-title">Kategori</h2><ul>
{_links([(c, f"{root}/category/{_slugify(c)}/") for c in WORDPRESS_CATEGORIES])}
</ul></section>
<section class="widget widget_text"><h2 class="widget-title">Pasang Iklan</h2><div class="textwidget"><p>Hubungi bagian iklan {escape(WORDPRESS.name)} untuk penawaran terbaik.</p></div></section>
</aside>
</div>
<footer id="colophon" class="site-footer">
<div class="footer-menu"><a href="{escape(root)}/redaksi/">Redaksi</a> | <a href="{escape(root)}/pedoman-media-siber/">Pedoman Media Siber</a> | <a href="{escape(root)}/kontak/">Kontak</a></div>
<div class="site-info">&copy; {published.year} {escape(WORDPRESS.name)}. Seluruh hak cipta dilindungi. <span class="sep"> | </span>Bertenaga WordPress <span class="sep"> | </span>Tema: Newsup oleh Themeansar.</div>
</footer>
</div>
</body>
</html>
"""


def render_wordpress_rss(articles: Sequence[DemoArticle], base_url: str, previous_of: dict[str, DemoArticle]) -> str:
    """WordPress's `/feed/`: RSS 2.0 with the full body in `content:encoded`, newest first."""
    root = base_url + WORDPRESS.prefix
    updated = max((article.updated for article in articles), default=datetime(2025, 1, 1, tzinfo=WIB))
    items = []
    for article in articles:
        url = base_url + article_path(article)
        content = wordpress_content_html(article, _baca_juga(previous_of.get(article.slug), base_url))
        excerpt = summary_text(article.paragraphs, 280).removesuffix("...") + " [&#8230;]"
        categories = "".join(f"<category>{_cdata(name)}</category>" for name in (*wordpress_categories(article), *wordpress_tags(article)))
        items.append(
            f"""	<item>
		<title>{escape(article.title)}</title>
		<link>{escape(url)}</link>
		<comments>{escape(url)}#respond</comments>
		<dc:creator>{_cdata(article.author)}</dc:creator>
		<pubDate>{_rfc822(article.published)}</pubDate>
		{categories}
		<guid isPermaLink="false">{WORDPRESS_GUID_ROOT}/?p={wordpress_post_id(article)}</guid>
		<description>{_cdata(excerpt)}</description>
		<content:encoded>{_cdata(content)}</content:encoded>
		<wfw:commentRss>{escape(url)}feed/</wfw:commentRss>
		<slash:comments>0</slash:comments>
	</item>
"""
        )
    return f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
	xmlns:slash="http://purl.org/rss/1.0/modules/slash/"
	>

<channel>
	<title>{escape(WORDPRESS.name)}</title>
	<atom:link href="{escape(root)}/feed/" rel="self" type="application/rss+xml" />
	<link>{escape(root)}/</link>
	<description>{escape(WORDPRESS.tagline)}</description>
	<lastBuildDate>{_rfc822(updated)}</lastBuildDate>
	<language>id</language>
	<sy:updatePeriod>hourly</sy:updatePeriod>
	<sy:updateFrequency>1</sy:updateFrequency>
	<generator>https://wordpress.org/?v=6.8.1</generator>
{"".join(items)}</channel>
</rss>
"""


def render_index(site: DemoSite, articles: Sequence[DemoArticle], base_url: str) -> str:
    """A site's front page: the released headlines, with feed autodiscovery links."""
    root = base_url + site.prefix
    feed_type = "application/atom+xml" if site is BLOGGER else "application/rss+xml"
    items = _links([(article.title, base_url + article_path(article)) for article in articles])
    return f"""<!DOCTYPE html>
<html lang="id"><head><meta charset="UTF-8"><title>{escape(site.name)} - {escape(site.tagline)}</title>
<link rel="alternate" type="{feed_type}" title="{escape(site.name)}" href="{escape(root + site.feed_path)}">
</head><body><h1><a href="{escape(root)}/">{escape(site.name)}</a></h1><p>{escape(site.tagline)}</p>
<ul>
{items}
</ul></body></html>
"""


def _slugify(text: str) -> str:
    words = "".join(ch.lower() if ch.isalnum() else " " for ch in text).split()
    return "-".join(words)
