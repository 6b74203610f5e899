"""fetchers.extract: real articles in the demo Blogger template come out whole and without its clutter."""

import re
from datetime import datetime, timezone

import pytest

from demo.sites import (
    DEFAULT_BACA_JUGA,
    DEFAULT_RECENT_HEADLINES,
    article_path,
    load_corpus,
    render_blogger_article,
    render_blogger_page,
    render_wordpress_article,
)
from fetchers import extract
from fetchers.extract import WIB, decode_page, extract_article, parse_page_date

PAGE_URL = "https://kabar-lebak.blogspot.com/2025/12/ngariung-buruh.html"
PUBLISHED = datetime(2025, 12, 8, 14, 25, tzinfo=timezone.utc)

# Template lines the Blogger page puts in and around the post, which must not survive.
TEMPLATE_CLUTTER = (
    "masukkan script iklan disini",
    "Komentar",
    "Tampilkan",
    "Posting Komentar",
    "Silakan tinggalkan komentar yang sopan dan sesuai topik.",
    "Terkini",
    "Bagikan",
    "Statistik",
    f"Baca Juga: {DEFAULT_BACA_JUGA[0]}",
    *(title for title, _ in DEFAULT_RECENT_HEADLINES),
)
# Clutter that an earlier scrape left inside the real articles' own text.
SEED_CLUTTER = (
    "-->",
    "• Jelajahi",
    "Iklan",
    "Copyright © Kilas24News",
    "Best Viral Premium Blogger Templates",
    "Berita Lainnya",
    "TERPOPULER BULAN INI",
    "Pengunjung hari ini : 7",
    "Pengunjung Bulan ini : 438723",
    "Total Pengunjung : 4103489",
)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _body_paragraphs(text: str) -> list[str]:
    """The article's prose: lines of eight words or more (headings and bylines are shorter),
    leaving out the Blogger date line an earlier scrape kept in one article."""
    return [
        _squash(line) for line in text.splitlines() if len(line.split()) >= 8 and "Last Updated" not in line
    ]


def test_seed_articles_come_out_whole_and_without_clutter(shared_seed_texts):
    assert len(shared_seed_texts) == 5
    for name, text in shared_seed_texts.items():
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        page = render_blogger_page("Buruh dan polisi ngariung bersama", lines, PUBLISHED)
        extracted = extract_article(page, PAGE_URL)
        out_lines = [_squash(line) for line in extracted.text.splitlines()]
        out = "\n".join(out_lines)
        assert extracted.status == "ok", name
        missing = [paragraph for paragraph in _body_paragraphs(text) if paragraph not in out_lines]
        assert not missing, f"{name}: body paragraphs lost: {missing}"
        left = [line for line in TEMPLATE_CLUTTER + SEED_CLUTTER if _squash(line) in out_lines]
        assert not left, f"{name}: clutter kept: {left}"
        assert "Last Updated" not in out and "masukkan script iklan" not in out, name
        assert "Pengunjung" not in out and "Bulan ini" not in out and "Total pengunjung" not in out, name


def test_metadata_comes_from_the_page():
    paragraphs = ["Satu kalimat panjang tentang mediasi buruh dan polisi di Cikande hari ini."] * 3
    page = render_blogger_page("Mediasi buruh di Cikande", paragraphs, PUBLISHED)
    extracted = extract_article(page, PAGE_URL)
    assert extracted.title == "Mediasi buruh di Cikande"
    assert extracted.published == PUBLISHED


def test_title_is_not_repeated_as_the_first_line():
    paragraphs = [f"Kalimat panjang nomor {n} tentang aksi buruh yang dikawal polisi di Serang." for n in range(4)]
    page = render_blogger_page("Aksi buruh dikawal polisi", paragraphs, PUBLISHED)
    assert not extract_article(page, PAGE_URL).text.startswith("Aksi buruh dikawal polisi")


def test_extraction_is_a_pure_function_of_the_page():
    paragraphs = [f"Kalimat panjang nomor {n} tentang mogok kerja dan mediasi Disnaker di Karawang." for n in range(4)]
    page = render_blogger_page("Mogok kerja di Karawang", paragraphs, PUBLISHED)
    assert extract_article(page, PAGE_URL) == extract_article(page, PAGE_URL)


def test_page_without_text_fails_with_a_reason():
    extracted = extract_article("<html><head><title>Kosong</title></head><body><nav>Beranda</nav></body></html>")
    assert extracted.text == ""
    assert extracted.status.startswith("failed: ")
    assert not extracted.ok


def test_extractor_crash_becomes_a_failed_status(monkeypatch):
    def crash(*args, **kwargs):
        raise ValueError("tree too deep")

    monkeypatch.setattr(extract.trafilatura, "bare_extraction", crash)
    extracted = extract_article("<html><body><p>Halo</p></body></html>", PAGE_URL)
    assert (extracted.text, extracted.status) == ("", "failed: extractor error: tree too deep")


def test_declared_charset_decodes_and_a_false_one_falls_back():
    text = "Bupati “Lebak” berkata"
    assert decode_page(text.encode("windows-1252"), "text/html; charset=windows-1252") == text
    assert decode_page(text.encode("utf-8"), "text/html; charset=nonsense") == text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-12-08T14:25:45+0700", datetime(2025, 12, 8, 7, 25, 45, tzinfo=timezone.utc)),
        ("2025-12-08T09:00:00", datetime(2025, 12, 8, 9, 0, tzinfo=WIB)),
        ("2025-12-08", datetime(2025, 12, 8, tzinfo=WIB)),
        ("kemarin", None),
        (None, None),
    ],
)
def test_page_dates_are_aware(value, expected):
    parsed = parse_page_date(value)
    assert parsed == expected
    assert parsed is None or parsed.tzinfo is not None


def _dated_page(head: str) -> str:
    paragraphs = "".join(
        f"<p>Kalimat panjang nomor {n} tentang mediasi buruh dan polisi di Karawang pekan ini.</p>" for n in range(4)
    )
    return f"<html><head><title>Mediasi</title>{head}</head><body><article>{paragraphs}</article></body></html>"


@pytest.mark.parametrize(
    "head",
    [
        '<meta content="2025-09-04T11:20:00+07:00" property="article:published_time">',
        '<script type="application/ld+json">'
        '{"@type": "NewsArticle", "datePublished": "2025-09-04T11:20:00+07:00"}</script>',
        "<meta name='pubdate' content='2025-09-04T11:20:00'>",
    ],
)
def test_declared_publication_time_beats_the_date_in_the_url(head):
    extracted = extract_article(_dated_page(head), "https://portal.example/2025/09/04/mediasi/")
    assert extracted.published == datetime(2025, 9, 4, 4, 20, tzinfo=timezone.utc)


def test_page_without_declared_time_falls_back_to_its_url_date():
    extracted = extract_article(_dated_page(""), "https://portal.example/2025/09/04/mediasi/")
    assert extracted.published == datetime(2025, 9, 4, tzinfo=WIB)


@pytest.mark.parametrize("template", ["blogger", "wordpress"])
def test_demo_corpus_extracts_exactly_on_both_templates(template):
    """Every demo article comes back paragraph for paragraph, with its publication time."""
    corpus = load_corpus()
    for index, article in enumerate(corpus):
        previous = corpus[index - 1] if index else None
        if template == "blogger":
            page = render_blogger_article(article, "http://127.0.0.1:8000", corpus[:4], previous)
        else:
            page = render_wordpress_article(article, "http://127.0.0.1:8000", corpus[:4], previous, None)
        extracted = extract_article(page, "http://127.0.0.1:8000" + article_path(article))
        assert extracted.text.splitlines() == [_squash(p) for p in article.paragraphs], article.slug
        assert extracted.published == article.published, article.slug
        assert extracted.status == "ok"
