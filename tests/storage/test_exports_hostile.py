"""Exports of hostile text: CSV cells read back without control characters and with formulas
neutralised; JSON lines carry no raw control or invisible character and read back exactly."""

import csv
import io
import json
from dataclasses import asdict

import pytest

from storage.articles import NewArticle, add_articles
from storage.exports import FORMATS, engagement_records, write_export
from storage.feeds import add_feed
from storage.tags import replace_auto_tags
from tests.support.hostile_text import BIDI, CSI, MARKUP, OSC8, unsafe_in
from tests.support.tagged import tags_of

FORMULA_TITLE = "=cmd|' /C calc'!A0 \x1b[31mjudul"
POLICE = ["=HYPERLINK(\"https://jahat.test\",\"klik\")", f"Polres {CSI}"]
LABOUR = ["@SUM(A1:A9)", f"+62 {BIDI}", "-2+3"]
EVIDENCE = f"-1+1 {OSC8} {MARKUP}\r\nbaris \x01dua"
FEED = f"+{MARKUP} \u202eWarta"


@pytest.fixture
def hostile_engagement(engine):
    feed = add_feed(engine, "https://warta-jahat.test/feed.xml", title=FEED)
    add_articles(engine, feed.id, [NewArticle("urn:jahat:1", "https://warta-jahat.test/1", FORMULA_TITLE, None,
                                              "", EVIDENCE, "extracted", "h1")])
    engagement = {"type": "protest", "date": "2025-12-01", "code": "36.04", "province": "Banten",
                  "kabupaten_kota": "Kabupaten \x1b]0;x\x07Serang", "police_actors": POLICE, "labour_actors": LABOUR,
                  "other_actors": [], "evidence": {"text": EVIDENCE, "span": [0, 10]}}
    replace_auto_tags(engine, 1, tags_of({"actors": [], "places": [], "engagements": [engagement]}, "uji-1"))
    return engine


def exported(engine, fmt: str) -> str:
    out = io.StringIO()
    assert write_export(engagement_records(engine), fmt, out) == 1
    return out.getvalue()


@pytest.mark.parametrize("fmt", [fmt for fmt in FORMATS if fmt.endswith("csv")])
def test_csv_cells_hold_no_controls_and_no_live_formula(hostile_engagement, fmt):
    text = exported(hostile_engagement, fmt)
    assert unsafe_in(text) == [] and "\r" not in text
    header, row = list(csv.reader(io.StringIO(text)))
    cells = dict(zip(header, row))
    for name, cell in cells.items():
        assert not cell.startswith(("=", "+", "-", "@", "\t")), (name, cell)
    if fmt == "csv":
        assert cells["article_title"] == "'=cmd|' /C calc'!A0 judul"
        assert cells["police_actors"].startswith("'=HYPERLINK(")
        assert cells["labour_actors"].startswith("'@SUM(A1:A9); +62 gnp.exe")
        assert cells["evidence"] == f"'-1+1 pranala {MARKUP}\nbaris dua"
        assert cells["outlets"] == f"'+{MARKUP} Warta"
    else:
        assert cells["source"] == f"'+{MARKUP} Warta"
        assert cells["admin2"] == "Kabupaten Serang"


def test_json_lines_read_back_exactly_and_print_as_text(hostile_engagement):
    text = exported(hostile_engagement, "jsonl")
    assert unsafe_in(text) == [] and "\x1b" not in text
    record = next(engagement_records(hostile_engagement))
    assert json.loads(text) == json.loads(json.dumps(asdict(record)))
    assert json.loads(text)["evidence"] == EVIDENCE
