"""The extraction and tagging command-line contract: `pantau extract` and `pantau tag`."""

import json
from datetime import datetime
from pathlib import Path

from click.testing import CliRunner

from demo.sites import load_corpus, render_blogger_page
from tui.cli import main

TAG_KEYS = {
    "places": {"name", "code", "level", "province", "precision", "span"},
    "actors": {"kind", "name", "position", "rank", "organisation", "unit", "spans"},
    "engagements": {
        "type", "secondary_types", "date", "date_precision", "year_inferred", "kabupaten_kota",
        "code", "province", "police_actors", "labour_actors", "other_actors", "evidence",
    },
}


def saved_page(tmp_path: Path) -> tuple[Path, list[str]]:
    article = load_corpus()[0]
    page = tmp_path / "page.html"
    page.write_text(render_blogger_page(article.title, article.paragraphs, article.published), encoding="utf-8")
    return page, article.paragraphs


def test_extract_json_from_a_saved_page(tmp_path: Path):
    page, paragraphs = saved_page(tmp_path)
    result = CliRunner().invoke(main, ["extract", str(page), "--json"])
    assert result.exit_code == 0, result.output
    extracted = json.loads(result.output)
    assert set(extracted) == {"title", "date", "author", "text", "status"}
    assert extracted["status"] == "ok"
    for paragraph in paragraphs:
        assert paragraph in extracted["text"]
    assert "masukkan script iklan disini" not in extracted["text"]


def test_extract_missing_file_is_a_clear_error(tmp_path: Path):
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "nope.html")])
    assert result.exit_code != 0 and "cannot read" in result.output


def test_tag_prints_the_contract_shape(tmp_path: Path):
    article = next(a for a in load_corpus() if a.engagement_types)
    result = CliRunner().invoke(
        main, ["tag", "-", "--published", article.published.isoformat()], input=article.body
    )
    assert result.exit_code == 0, result.output
    tags = json.loads(result.output)
    assert set(tags) == set(TAG_KEYS)
    for field, keys in TAG_KEYS.items():
        for item in tags[field]:
            assert set(item) == keys
    assert tags["engagements"], "a demo article about an engagement yields at least one"


def test_tag_html_extracts_first(tmp_path: Path):
    page, _ = saved_page(tmp_path)
    result = CliRunner().invoke(main, ["tag", str(page), "--html", "--published", datetime(2025, 12, 8).isoformat()])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["places"]


def test_tag_rejects_a_bad_publication_date():
    result = CliRunner().invoke(main, ["tag", "-", "--published", "kemarin"], input="teks")
    assert result.exit_code != 0 and "not an ISO date" in result.output
