"""CLI output of hostile text: `pantau feeds`, `feeds export`, `actors`, `extract` and `tag` print
no escape, control or invisible character, show markup as text, and keep JSON exact."""

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner

from demo.sites import render_blogger_page
from fetchers.extract import decode_page, extract_article
from storage.articles import NewArticle, add_articles
from storage.engine import make_engine
from storage.feeds import add_feed, record_poll
from storage.tags import replace_auto_tags
from tagging import tag_article
from tests.support.hostile_text import BIDI, CSI, GONE_WORDS, MARKUP, OSC8, TITLE_SET, everything_hostile, unsafe_in
from tests.support.tagged import tags_of
from tui.cli import main

FEED_TITLE = f"{MARKUP} {CSI} {BIDI}"
PARAGRAPHS = [
    f"Ribuan buruh berunjuk rasa di depan kantor Bupati Serang {CSI} pada Senin.",
    f"Kapolres Serang AKBP Condro Sasongko {OSC8} menemui perwakilan buruh {TITLE_SET} {BIDI}.",
]


def assert_printable(output: str, escapes_removed: bool = True) -> None:
    """No raw escape or control character; with `escapes_removed`, nothing the sequences carried either.

    JSON keeps the text exact (an escape is written `\\u001b`), and a page's extractor has removed
    controls itself before Pantau sees the text, so those outputs keep what the sequences surrounded.
    """
    assert unsafe_in(output) == [], output
    assert "\x1b" not in output
    for gone in GONE_WORDS if escapes_removed else ():
        assert gone not in output


@pytest.fixture
def hostile_db(tmp_path: Path) -> list[str]:
    path = tmp_path / "desk.db"
    engine = make_engine(f"sqlite:///{path}")
    feed = add_feed(engine, f"https://warta-jahat.test/feed.xml?{CSI}", title=FEED_TITLE)
    record_poll(engine, feed.id, status="error", next_poll_at=datetime.now(timezone.utc) + timedelta(hours=1),
                error=f"HTTP 500 {TITLE_SET} {MARKUP}")
    add_articles(engine, feed.id, [NewArticle("urn:1", "https://warta-jahat.test/1", everything_hostile(), None,
                                              "", "isi", "extracted", "h1")])
    actor = {"kind": "police", "name": f"Condro {CSI} [b]Sasongko[/b] {BIDI}", "position": "[i]Kapolres[/i]",
             "unit": f"Polres {OSC8}", "spans": []}
    replace_auto_tags(engine, 1, tags_of({"actors": [actor], "places": [], "engagements": []}, "uji-1"))
    engine.dispose()
    return ["--db", str(path)]


def test_feeds_lists_title_address_and_error_as_text(hostile_db):
    result = CliRunner().invoke(main, [*hostile_db, "feeds"])
    assert result.exit_code == 0, result.output
    assert_printable(result.output)
    assert "[bold red]rusuh[/bold red] [link=https://jahat.test]tautan[/link]" in result.output
    assert "merah atas tebal gnp.exe nol isolasi bom" in result.output
    assert "last error: HTTP 500 jendela [bold red]rusuh[/bold red]" in result.output


def test_feeds_export_is_xml_with_plain_titles(hostile_db):
    result = CliRunner().invoke(main, [*hostile_db, "feeds", "export"])
    assert result.exit_code == 0, result.output
    assert_printable(result.output)
    outline = ElementTree.fromstring(result.output.split("\n", 1)[1]).find("body/outline")
    assert outline.get("title").startswith("[bold red]rusuh[/bold red]")
    assert outline.get("xmlUrl") == "https://warta-jahat.test/feed.xml?merah atas tebal"


def test_actors_lists_names_as_text(hostile_db):
    result = CliRunner().invoke(main, [*hostile_db, "actors"])
    assert result.exit_code == 0, result.output
    assert_printable(result.output)
    assert "Condro merah atas tebal [b]Sasongko[/b] gnp.exe nol isolasi bom" in result.output
    assert "[i]Kapolres[/i] · Polres pranala" in result.output


@pytest.fixture
def hostile_page(tmp_path: Path) -> Path:
    page = tmp_path / "jahat.html"
    html = render_blogger_page(f"Demo buruh {MARKUP} {CSI}", PARAGRAPHS, datetime(2025, 12, 1, 9, 0))
    page.write_text(html, encoding="utf-8")
    return page


def test_extract_prints_plain_text(hostile_page):
    result = CliRunner().invoke(main, ["extract", str(hostile_page)])
    assert result.exit_code == 0, result.output
    assert_printable(result.output, escapes_removed=False)
    assert "Demo buruh [bold red]rusuh[/bold red]" in result.output
    assert "Condro Sasongko" in result.output and "gnp.exe nol isolasi bom" in result.output


def test_extract_json_is_exact_and_prints_as_text(hostile_page):
    result = CliRunner().invoke(main, ["extract", str(hostile_page), "--json"])
    assert result.exit_code == 0, result.output
    assert_printable(result.output, escapes_removed=False)
    extracted = extract_article(decode_page(hostile_page.read_bytes()), None)
    assert json.loads(result.output)["text"] == extracted.text
    assert json.loads(result.output)["title"] == extracted.title


def test_tag_json_is_exact_and_prints_as_text():
    text = "\n".join(PARAGRAPHS)
    result = CliRunner().invoke(main, ["tag", "-", "--published", "2025-12-01T09:00:00+07:00"], input=text)
    assert result.exit_code == 0, result.output
    assert_printable(result.output, escapes_removed=False)
    assert "\\u001b[31mmerah" in result.output and "\\u009b1mtebal" in result.output  # C1: json.dumps leaves it raw
    expected = tag_article("", text, datetime.fromisoformat("2025-12-01T09:00:00+07:00")).to_json()
    assert json.loads(result.output) == json.loads(json.dumps(expected))
