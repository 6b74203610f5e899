"""The extraction and tagging command-line contract: `pantau extract` and `pantau tag`."""

import json
import os
import pty
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from click.testing import CliRunner

from demo.sites import load_corpus, render_blogger_page
from tui.cli import main

PANTAU = Path(sys.executable).with_name("pantau")

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


def test_tag_says_when_html_gives_no_text_and_what_a_terminal_waits_for(tmp_path: Path):
    """`pantau tag --html` on a plain text file printed empty tags and nothing else; `pantau tag` typed alone
    waited in silence for standard input."""
    text = tmp_path / "article.txt"
    text.write_text("SERANG – Ratusan buruh berunjuk rasa di Kabupaten Serang, Senin (1/12/2025).\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["tag", "--html", str(text)])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"places": [], "actors": [], "engagements": []}, "the contract is kept"
    assert "nothing to tag" in result.stderr and "without --html" in result.stderr
    plain = CliRunner().invoke(main, ["tag", str(text)])
    assert plain.stderr == "" and json.loads(plain.stdout)["places"]

    leader, follower = pty.openpty()
    process = subprocess.Popen([PANTAU, "tag"], stdin=follower, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    os.close(follower)
    os.write(leader, text.read_bytes() + b"\x04")
    out, err = process.communicate(timeout=60)
    os.close(leader)
    assert process.returncode == 0, err
    assert b"paste its text, then ctrl+d" in err
    assert json.loads(out)["places"][0]["code"] == "36.04"
