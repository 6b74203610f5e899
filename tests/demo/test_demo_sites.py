"""The demo site templates and feeds: clutter where real templates have it, escaping everywhere."""

import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import datetime, timezone
from html import escape, unescape

import feedparser
import trafilatura

from demo.sites import (
    BLOGGER,
    DEFAULT_BACA_JUGA,
    WIB,
    article_path,
    render_blogger_article,
    render_blogger_atom,
    render_blogger_page,
    render_blogger_rss,
    render_wordpress_article,
    render_wordpress_rss,
    summary_text,
)

BASE = "http://127.0.0.1:8000"
TRICKY_TITLE = 'Buruh & Polisi <Bekasi> "Sepakat" ]]> 5 < 7'
TRICKY_PARAGRAPHS = [
    "BEKASI – Paragraf dengan <script>alert(1)</script> & tanda ]]> di tengah kalimat yang panjang.",
    "Paragraf kedua menyebut upah < Rp5 juta & tunjangan > nol.",
    "Paragraf ketiga.",
    "Paragraf keempat.",
]
BLOGGER_CLUTTER = (
    "masukkan script iklan disini",
    "Terkini",
    "Komentar",
    "Tampilkan",
    "Posting Komentar",
    "Pengunjung hari ini : ",
    "Bulan ini : ",
    "Total pengunjung : ",
    "Best Viral Premium Blogger Templates",
    "• Jelajahi",
    "Baca Juga:",
)
# What trafilatura 2.x keeps of the Blogger template (measured; the fetchers' clean-up rules drop it).
TRAFILATURA_BLOGGER_LEFTOVERS = re.compile(
    r", [A-Z][a-z]+ \d{2}, \d{4} WIB Last Updated \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z"
    r"|masukkan script iklan disini|Baca Juga: .+|Komentar|Tampilkan|Posting Komentar|Terkini"
    r"|Silakan tinggalkan komentar yang sopan dan sesuai topik\."
    r"|Pengunjung hari ini : [\d.]+|Bulan ini : \d+|Total pengunjung : \d+"
    r"|- .+"  # headlines of the "Terkini" list, on some pages
)


def _tricky(article):
    return replace(article, title=TRICKY_TITLE, body="\n\n".join(TRICKY_PARAGRAPHS))


def test_blogger_page_carries_the_template_clutter_and_every_paragraph(corpus):
    article = corpus[0]
    page = render_blogger_page(article.title, article.paragraphs, article.published)
    for clutter in BLOGGER_CLUTTER:
        assert clutter in page, clutter
    assert "Agustus 04, 2025</abbr> WIB" in page
    assert f"<title>{article.title} - {BLOGGER.name}</title>" in page
    for paragraph in article.paragraphs:
        assert f"<p>{escape(paragraph)}</p>" in page


def test_blogger_page_date_line_is_in_wib_for_aware_and_naive_times():
    utc_evening = datetime(2025, 12, 7, 20, 0, tzinfo=timezone.utc)
    assert "Desember 08, 2025</abbr> WIB" in render_blogger_page("Judul", ["Isi."], utc_evening)
    assert "Desember 08, 2025</abbr> WIB" in render_blogger_page("Judul", ["Isi."], datetime(2025, 12, 8, 9, 0))


def test_blogger_page_escapes_title_and_paragraphs():
    page = render_blogger_page(TRICKY_TITLE, TRICKY_PARAGRAPHS, datetime(2025, 12, 8, tzinfo=WIB), site_name="A & B")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Buruh &amp; Polisi &lt;Bekasi&gt; &quot;Sepakat&quot;" in page
    assert "<title>Buruh &amp; Polisi" in page and "- A &amp; B</title>" in page
    json_ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    assert "</" not in json_ld


def test_trafilatura_keeps_the_body_and_only_known_clutter_of_the_blogger_page(corpus):
    for index, article in enumerate(corpus):
        page = render_blogger_article(article, BASE, corpus[max(0, index - 5) : index], corpus[index - 1] if index else None)
        lines = trafilatura.extract(page, url=BASE + article_path(article)).splitlines()
        body = set(article.paragraphs)
        assert body <= set(lines), article.slug
        leftovers = [line for line in lines if line not in body and line != article.title]
        assert all(TRAFILATURA_BLOGGER_LEFTOVERS.fullmatch(line) for line in leftovers), (article.slug, leftovers)
        assert "masukkan script iklan disini" in leftovers


def test_trafilatura_keeps_the_real_seed_articles_wrapped_in_the_blogger_page(shared_seed_texts):
    for name, text in shared_seed_texts.items():
        paragraphs = [line.strip() for line in text.splitlines() if len(line.split()) >= 12]
        page = render_blogger_page("Judul Uji", paragraphs, datetime(2026, 1, 21, 10, 0, tzinfo=WIB))
        extracted = " ".join(trafilatura.extract(page).split())
        assert all(" ".join(paragraph.split()) in extracted for paragraph in paragraphs), name


def test_trafilatura_on_the_wordpress_page_leaves_at_most_the_inline_baca_juga(corpus):
    kept_baca_juga = 0
    for index, article in enumerate(corpus[1:], start=1):
        previous = corpus[index - 1]
        page = render_wordpress_article(article, BASE, corpus[:5], previous, None)
        lines = trafilatura.extract(page, url=BASE + article_path(article)).splitlines()
        baca_juga = f"Baca Juga: {previous.title}"
        assert [line for line in lines if line != baca_juga] == article.paragraphs, article.slug
        kept_baca_juga += baca_juga in lines
    assert kept_baca_juga > 0


def test_wordpress_page_has_theme_furniture_and_escapes(corpus):
    article = _tricky(corpus[1])
    page = render_wordpress_article(article, BASE, corpus[2:6], corpus[0], corpus[2])
    for furniture in ("Pos-pos Terbaru", "Tinggalkan Balasan", "Kirim Komentar", "Berita Terkait", "Pos Sebelumnya", "Baca Juga:", "Arsip", "Bertenaga WordPress"):
        assert furniture in page, furniture
    assert "<script>alert(1)</script>" not in page
    assert f'<h1 class="entry-title">Buruh &amp; Polisi &lt;Bekasi&gt; &quot;Sepakat&quot; ]]&gt; 5 &lt; 7</h1>' in page


def test_blogger_atom_and_rss_carry_summaries_only_newest_first(corpus):
    articles = [a for a in corpus if a.site == "blogger"][::-1][:25]
    for document, version in ((render_blogger_atom(articles, BASE, 40), "atom10"), (render_blogger_rss(articles, BASE, 40), "rss20")):
        ET.fromstring(document)
        feed = feedparser.parse(document)
        assert feed.version == version and not feed.bozo
        assert [entry.link for entry in feed.entries] == [BASE + article_path(a) for a in articles]
        assert [entry.title for entry in feed.entries] == [a.title for a in articles]
        assert all(entry.summary == summary_text(a.paragraphs) for entry, a in zip(feed.entries, articles))
        assert all("content" not in entry for entry in feed.entries)
        assert feed.entries[0].published_parsed[:5] == articles[0].published.astimezone(timezone.utc).timetuple()[:5]


def test_wordpress_rss_carries_full_body_creator_and_categories(corpus):
    articles = [a for a in corpus if a.site == "wordpress"][::-1]
    previous_of = {later.slug: earlier for earlier, later in zip(articles[::-1], articles[::-1][1:])}
    document = render_wordpress_rss(articles, BASE, previous_of)
    ET.fromstring(document.encode("utf-8"))
    feed = feedparser.parse(document)
    assert feed.version == "rss20" and not feed.bozo
    for entry, article in zip(feed.entries, articles):
        content = unescape(entry.content[0].value)
        assert all(f"<p>{paragraph}</p>" in content for paragraph in article.paragraphs)
        assert entry.author == article.author
        assert "Berita Daerah" in [tag.term for tag in entry.tags]
        assert entry.link == BASE + article_path(article)
    assert "Baca Juga:" in feed.entries[0].content[0].value
    assert "Baca Juga:" not in feed.entries[-1].content[0].value


def test_feeds_stay_well_formed_and_exact_with_markup_and_cdata_ends_in_the_text(corpus):
    blogger = _tricky(next(a for a in corpus if a.site == "blogger"))
    wordpress = _tricky(next(a for a in corpus if a.site == "wordpress"))
    for document in (render_blogger_atom([blogger], BASE, 1), render_blogger_rss([blogger], BASE, 1), render_wordpress_rss([wordpress], BASE, {})):
        ET.fromstring(document.encode("utf-8"))
        entry = feedparser.parse(document).entries[0]
        assert entry.title == TRICKY_TITLE
    content = feedparser.parse(render_wordpress_rss([wordpress], BASE, {})).entries[0].content[0].value
    assert "tanda ]]&gt; di tengah" in content and "upah &lt; Rp5 juta" in content


def test_summary_is_cut_at_a_word():
    text = "kata " * 200
    summary = summary_text([text])
    assert len(summary) <= 403 and summary.endswith("kata...")
    assert summary_text(["pendek"]) == "pendek"


def test_default_baca_juga_can_be_left_out():
    page = render_blogger_page("Judul", ["Satu.", "Dua.", "Tiga."], datetime(2025, 12, 8, tzinfo=WIB), baca_juga=None)
    assert DEFAULT_BACA_JUGA[0] not in page and "Baca Juga" not in page
