"""The demo corpus: enough invented articles, spread over places, types and months, with sound gold fields."""

import json
import re
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from demo.sites import SITES_BY_KEY, load_corpus, parse_article

ENGAGEMENT_TYPES = Path(__file__).resolve().parents[2] / "seeds" / "lexicons" / "engagement_types.json"
WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
DAY_MENTION = re.compile(rf"\b({'|'.join(WEEKDAYS)}),? \((\d{{1,2}})/(\d{{1,2}})(?:/(\d{{4}}))?\)")


def _type_ids() -> set[str]:
    return {entry["id"] for entry in json.loads(ENGAGEMENT_TYPES.read_text(encoding="utf-8"))["types"]}


def test_corpus_has_enough_articles_with_unique_slugs(corpus):
    assert len(corpus) >= 44
    assert len({article.slug for article in corpus}) == len(corpus)
    assert len({article.number for article in corpus}) == len(corpus)


def test_corpus_is_oldest_first_and_every_time_is_wib(corpus):
    assert [a.published for a in corpus] == sorted(a.published for a in corpus)
    assert {a.published.utcoffset() for a in corpus} == {timedelta(hours=7)}


def test_load_corpus_returns_a_fresh_list(corpus):
    load_corpus().clear()
    assert len(load_corpus()) == len(corpus)


def test_sites_are_split_about_evenly(corpus):
    sites = Counter(article.site for article in corpus)
    assert set(sites) == set(SITES_BY_KEY)
    assert min(sites.values()) >= 0.4 * len(corpus)


def test_places_cover_both_provinces_and_at_least_eight_kabupaten_kota(corpus):
    places = {(article.province, article.kabupaten_kota) for article in corpus}
    assert {province for province, _ in places} == {"Banten", "Jawa Barat"}
    assert len(places) >= 8
    assert all(re.fullmatch(r"(Kabupaten|Kota) [A-Z][a-z]+", name) for _, name in places)
    names = {name for _, name in places}
    assert {"Kota Serang", "Kabupaten Serang", "Kota Bekasi", "Kabupaten Bekasi"} <= names


def test_engagement_types_are_known_and_at_least_eight_are_used(corpus):
    used = Counter(kind for article in corpus for kind in article.engagement_types)
    assert set(used) <= _type_ids()
    assert len(used) >= 8


def test_publication_months_spread_from_august_2025_to_february_2026(corpus):
    months = Counter(article.published.strftime("%Y-%m") for article in corpus)
    assert min(months) == "2025-08" and max(months) == "2026-02"
    assert len(months) == 7
    assert max(months.values()) <= len(corpus) // 4


def test_about_five_negatives_without_dates_and_positives_with_dates(corpus):
    negatives = [a for a in corpus if not a.engagement_types]
    assert 4 <= len(negatives) <= 8
    assert all(not a.event_dates for a in negatives)
    positives = [a for a in corpus if a.engagement_types]
    assert all(a.event_dates for a in positives)
    assert all(day <= a.published.date() for a in positives for day in a.event_dates)


def test_bodies_are_news_length_paragraphs(corpus):
    for article in corpus:
        assert 250 <= len(article.body.split()) <= 450, article.slug
        assert len(article.paragraphs) >= 6, article.slug
        assert all(paragraph == " ".join(paragraph.split()) for paragraph in article.paragraphs)


def test_every_event_date_is_written_in_the_body_with_its_weekday(corpus):
    """The gold dates must be recoverable from the text: 'Rabu (3/12/2025)' or 'Selasa (25/11)'."""
    for article in corpus:
        for day in article.event_dates:
            pattern = rf"{WEEKDAYS[day.weekday()]},? \({day.day}/{day.month}(/{day.year})?\)"
            assert re.search(pattern, article.body), (article.slug, day)


def test_every_weekday_in_the_text_agrees_with_its_date(corpus):
    """A date without a year belongs to the publication year or the year before; its weekday must fit one."""
    for article in corpus:
        for weekday, day, month, year in DAY_MENTION.findall(article.body):
            years = [int(year)] if year else [article.published.year, article.published.year - 1]
            assert any(WEEKDAYS[date(y, int(month), int(day)).weekday()] == weekday for y in years), (article.slug, weekday, day, month)


def test_hard_cases_are_present(corpus):
    text = "\n".join(article.body for article in corpus)
    assert "Iptu Rizal Fahmi" in text and "AKP Rizal Fahmi" in text
    assert re.search(r"\b(Senin|Selasa|Rabu|Kamis|Jumat) \(\d{1,2}/\d{1,2}\) lalu", text)
    assert "mengamankan jalannya aksi" in text
    assert "aksi donor darah" in text
    assert "Perjanjian Kerja Bersama" in text
    assert any(article.body.startswith("JAKARTA –") and article.kabupaten_kota == "Kabupaten Tangerang" for article in corpus)
    assert sum(len(article.event_dates) >= 2 for article in corpus) >= 3
    assert any(ch in article.title for article in corpus for ch in "&<")


def test_no_sentence_is_copied_from_the_real_seed_articles(corpus, shared_seed_texts):
    corpus_text = " ".join(" ".join(article.body.split()) for article in corpus)
    for name, text in shared_seed_texts.items():
        for sentence in re.split(r"(?<=[.!?])\s+", " ".join(text.split())):
            if len(sentence.split()) >= 8:
                assert sentence not in corpus_text, (name, sentence)


def test_parse_article_rejects_missing_front_matter_and_naive_times():
    with pytest.raises(ValueError, match="front matter"):
        parse_article("001-x.md", "title = 'x'\n\nbody")
    naive = '+++\nsite = "blogger"\nslug = "x"\ntitle = "x"\npublished = "2025-08-04T15:20:00"\n+++\nbody\n'
    with pytest.raises(ValueError, match="UTC offset"):
        parse_article("001-x.md", naive)


def test_parse_article_reads_every_field():
    text = (
        '+++\nsite = "wordpress"\nslug = "uji"\ntitle = "Buruh & Polisi"\npublished = "2025-12-08T14:25:00+07:00"\n'
        'author = "Redaksi"\nkabupaten_kota = "Kota Bekasi"\nprovince = "Jawa Barat"\n'
        'engagement_types = ["dialogue"]\nevent_dates = ["2025-12-08"]\n+++\n'
        "Paragraf pertama\nmasih pertama.\n\n\nParagraf kedua.\n"
    )
    article = parse_article("012-uji.md", text)
    assert article.number == 12 and article.site == "wordpress" and article.title == "Buruh & Polisi"
    assert article.published == datetime.fromisoformat("2025-12-08T14:25:00+07:00")
    assert article.paragraphs == ["Paragraf pertama masih pertama.", "Paragraf kedua."]
    assert article.engagement_types == ("dialogue",) and article.event_dates == (date(2025, 12, 8),)
