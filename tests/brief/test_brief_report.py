"""The brief of the demo desk: its counts are the timeline's, every engagement is listed with every source and
link, the page is well-formed and fetches nothing, an empty period says so; stories, hand coding, dates, hostile text."""

import time
from collections import Counter
from dataclasses import replace
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from brief.content import HAND_CHECKED, NOT_PLACED, UNCERTAIN, BriefFilter, build_brief
from brief.files import BriefRequest, write_brief
from brief.html import render_html
from brief.markdown import render_markdown
from brief.period import between, iso_week
from storage.exports import ExportFilter, engagement_records
from storage.manual_tags import set_not_relevant, set_type
from storage.timeline import engagement_timeline
from tests.brief.small_desk import engagement, store, syndicated_story
from tests.support.hostile_text import everything_hostile, unsafe_in
from tests.tui.tui_support import article
from tui.cli import main

WEEK = iso_week("2025-W48")
WHOLE_DEMO = between(date(2025, 7, 1), date(2026, 3, 31), date(2026, 3, 31))
XHTML = "{http://www.w3.org/1999/xhtml}"
FETCHING_ELEMENTS = ("script", "link", "img", "iframe", "object", "embed", "audio", "video", "source", "base", "image",
                     "feImage", "foreignObject", "form")
"""Elements that load something or run something; SVG's <use> may stay, its href is checked to be "#…" like every href."""
FETCHING_ATTRIBUTES = ("src", "srcset", "action", "formaction", "ping", "background", "poster", "data", "manifest")


def page(text: str) -> etree._Element:
    """The page parsed strictly as XML: any unclosed element or stray '&' fails here."""
    return etree.fromstring(text.encode("utf-8"))


def local(element: etree._Element) -> str:
    return etree.QName(element).localname


def links(root: etree._Element) -> dict[str, str]:
    """href → text of every <a> in the page."""
    return {anchor.get("href"): "".join(anchor.itertext()) for anchor in root.iter(f"{XHTML}a")}


def table_rows(root: etree._Element, heading: str) -> dict[str, list[str]]:
    """The body rows of the table after the <h2> `heading`: first cell → the other cells' text."""
    h2 = next(element for element in root.iter(f"{XHTML}h2") if element.text == heading)
    table = h2.getnext()
    return {"".join(row[0].itertext()): ["".join(cell.itertext()) for cell in row[1:]]
            for row in table.iter(f"{XHTML}tr") if row.getparent().tag == f"{XHTML}tbody"}


def test_a_known_weeks_counts_are_the_timelines(demo_engine):
    root = page(render_html(build_brief(demo_engine, WEEK)))
    timeline = engagement_timeline(demo_engine, "week")
    names = {place.code: place.name for place in timeline.places}
    expected = {names[code]: sum(counts.values()) for (code, start), counts in timeline.cells.items() if start == WEEK.first}
    shown = {name: int(cells[0]) for name, cells in table_rows(root, "By kabupaten/kota").items()
             if int(cells[0]) and name != NOT_PLACED}
    assert shown == expected and sum(expected.values()) >= 3
    by_type = Counter()
    for (_code, start), counts in timeline.cells.items():
        if start == WEEK.first:
            by_type.update(counts)
    labels = {type_id: label for type_id, label, _count in build_brief(demo_engine, WEEK).by_type}
    assert {name: int(cells[0]) for name, cells in table_rows(root, "By engagement type").items() if int(cells[0])} == {
        labels[type_id]: count for type_id, count in by_type.items()}


def test_every_engagement_is_listed_with_every_source_and_link(demo_engine):
    brief = build_brief(demo_engine, WHOLE_DEMO)
    root = page(render_html(brief))
    records = list(engagement_records(demo_engine, ExportFilter(WHOLE_DEMO.first, WHOLE_DEMO.last)))
    assert len(records) > 30 and brief.total.total == len(records)
    entries = [item for item in root.iter(f"{XHTML}li") if item.getparent().get("class") == "entries"]
    assert len(entries) == len(brief.entries)
    found = links(root)
    for record in records:
        assert found.get(record.article_url) == record.article_title, record.article_url
    text = "".join(root.itertext())
    for record in records:
        assert record.evidence[:80] in text
        for name in (*record.police_actors, *record.labour_actors):
            assert name in text


def test_the_page_is_well_formed_and_fetches_nothing(demo_engine):
    brief = build_brief(demo_engine, WHOLE_DEMO)
    root = page(render_html(brief))
    sources = {source.url for entry in brief.entries for source in entry.sources}
    assert len(list(root.iter("{http://www.w3.org/2000/svg}svg"))) == 2
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        assert local(element) not in FETCHING_ELEMENTS, local(element)
        for name, value in element.attrib.items():
            attribute = etree.QName(name).localname
            assert attribute not in FETCHING_ATTRIBUTES and not attribute.startswith("on"), (local(element), attribute)
            if attribute == "href":
                assert value.startswith("#") or (local(element) == "a" and value in sources), value
            if attribute in ("style", "clip-path", "fill", "mask", "filter"):
                assert "url(" not in value.replace("url(#", ""), value
    styles = " ".join(element.text or "" for element in root.iter(f"{XHTML}style", "{http://www.w3.org/2000/svg}style"))
    assert "@import" not in styles and "url(" not in styles and "http" not in styles


def test_an_empty_period_says_so(demo_engine):
    empty = iso_week("2023-W02")
    brief = build_brief(demo_engine, empty)
    root = page(render_html(brief))
    said = "No engagements were recorded from 9 Jan 2023 to 15 Jan 2023 for every province and kabupaten/kota."
    assert said in "".join(root.itertext())
    assert not list(root.iter(f"{XHTML}figure")) and not list(root.iter(f"{XHTML}ol"))
    assert said in render_markdown(brief)


def test_a_province_or_kabupaten_filter_narrows_the_brief_to_it(demo_engine):
    whole = build_brief(demo_engine, WHOLE_DEMO)
    banten = build_brief(demo_engine, WHOLE_DEMO, BriefFilter(provinces=("Banten",)))
    by_code = build_brief(demo_engine, WHOLE_DEMO, BriefFilter(provinces=("36",)))
    serang = build_brief(demo_engine, WHOLE_DEMO, BriefFilter(kabupaten=("serang",)))
    assert 0 < serang.total.total < banten.total.total < whole.total.total
    assert banten.total == by_code.total
    assert {place for place, count in serang.by_place if count.total} == {"Kabupaten Serang", "Kota Serang"}
    assert "province Banten" in render_html(banten)


def test_the_analysts_coding_is_the_one_in_force(demo_copy):
    in_week = list(engagement_records(demo_copy, ExportFilter(WEEK.first, WEEK.last)))
    recoded, dropped = in_week[0], in_week[-1]
    assert recoded.article_id != dropped.article_id
    set_type(demo_copy, recoded.article_id, "hearing", "analis1")
    set_not_relevant(demo_copy, dropped.article_id, True, "analis1")

    brief = build_brief(demo_copy, WEEK)
    exported = list(engagement_records(demo_copy, ExportFilter(WEEK.first, WEEK.last)))
    timeline = engagement_timeline(demo_copy, "week")
    counted = sum(sum(counts.values()) for (_code, start), counts in timeline.cells.items() if start == WEEK.first)
    assert brief.total.total == len(exported) == counted == len(in_week) - 1
    hearing = next(count for type_id, _label, count in brief.by_type if type_id == "hearing")
    assert (hearing.total, hearing.hand_checked) == (1, 1) and brief.total.hand_checked == 1
    assert [entry.status for entry in brief.entries if entry.type == "hearing"] == [HAND_CHECKED]
    html = render_html(brief)
    assert dropped.article_url not in html and recoded.article_url in html


def test_copies_of_one_story_are_one_entry_with_every_source(engine):
    ids = syndicated_story(engine)
    brief = build_brief(engine, iso_week("2025-W49"))
    assert brief.total.total == 4
    protest = next(entry for entry in brief.entries if entry.type == "protest")
    assert protest.engagements == 3
    assert [source.outlet for source in protest.sources] == ["Kilas Uji", "Warta Uji", "Kabar Uji"]
    root = page(render_html(brief))
    found = links(root)
    for number, site in enumerate(("kilas", "warta", "kabar"), start=1):
        assert found[f"https://{site}.test/berita/{number}"].endswith("buruh Serang berunjuk rasa")
    assert "+2 sources" in "".join(root.itertext())
    assert "4 engagements in 2 entries" in "".join(root.itertext())
    markdown = render_markdown(brief)
    assert "**+2 sources**" in markdown and "(<https://kabar.test/berita/3>)" in markdown
    assert len(ids) == 4


def test_uncertain_engagements_are_marked(engine):
    store(engine, "https://uji.test/feed.xml", "Warta Uji", [article(1), article(2)],
          [engagement("protest", "2025-12-02", confidence=0.55), engagement("strike", "2025-12-03", confidence=0.95)])
    brief = build_brief(engine, iso_week("2025-W49"))
    assert (brief.total.total, brief.total.uncertain, brief.total.hand_checked) == (2, 1, 0)
    assert {entry.type: entry.status for entry in brief.entries}["protest"] == UNCERTAIN
    assert "uncertain: tagger only" in render_html(brief)


def test_an_undated_engagement_counts_on_its_utc_publication_day_on_a_machine_in_wib(engine, monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Jakarta")
    time.tzset()
    try:
        early = replace(article(1), published_at=datetime(2025, 12, 1, 3, 0, tzinfo=timezone.utc))  # Mon 10:00 WIB
        store(engine, "https://uji.test/feed.xml", "Warta Uji", [early], [engagement("dialogue", None)])
        brief = build_brief(engine, iso_week("2025-W49"))
    finally:
        monkeypatch.undo()
        time.tzset()
    assert [entry.day for entry in brief.entries] == [date(2025, 12, 1)]
    assert brief.series == {"dialogue": [1, 0, 0, 0, 0, 0, 0]}
    assert not brief.entries[0].dated_by_event


def test_hostile_text_from_a_feed_stays_text(engine):
    hostile = "<script>alert(1)</script> <img src=x onerror=alert(2)> " + everything_hostile()
    bad = replace(article(1, hostile, hostile), url="javascript:alert(3)")
    payload = engagement("clash", "2025-12-02", police_actors=[hostile], labour_actors=["</li><li>KSPSI"])
    payload["evidence"] = {"text": hostile, "span": [0, 10]}
    store(engine, "https://uji.test/feed.xml", "]]></style><script>x</script>", [bad], [payload])
    brief = build_brief(engine, iso_week("2025-W49"))
    html = render_html(brief)
    root = page(html)
    assert not [element for element in root.iter() if isinstance(element.tag, str) and local(element) in ("script", "img")]
    assert "javascript:" not in "".join(anchor.get("href", "") for anchor in root.iter(f"{XHTML}a"))
    assert "<script>alert(1)</script>" in "".join(root.itertext())
    assert unsafe_in(html) == []
    markdown = render_markdown(brief)
    assert "<script>" not in markdown and "](javascript" not in markdown and unsafe_in(markdown) == []
    assert "&lt;script&gt;alert\\(1\\)" not in markdown and "&lt;script&gt;alert(1)&lt;/script&gt;" in markdown


def test_pantau_brief_writes_html_or_markdown(demo_db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["--db", str(demo_db), "brief", "--week", "2025-W48"])
    assert result.exit_code == 0, result.output
    written = tmp_path / "pantau-brief-2025-W48.html"
    assert f"to {written}" in result.output and "[3/3] Writing the file" in result.output
    assert page(written.read_text(encoding="utf-8")) is not None
    result = CliRunner().invoke(main, ["--db", str(demo_db), "brief", "--since", "2025-11-24", "--until", "2025-11-30",
                                       "--province", "Banten", "-o", "minggu.md"])
    assert result.exit_code == 0, result.output
    markdown = (tmp_path / "minggu.md").read_text(encoding="utf-8")
    assert markdown.startswith("# Labour–police engagements: 2025-W48 (24 Nov 2025 – 30 Nov 2025)")
    assert "Where: province Banten." in markdown and "| Kabupaten Serang |" in markdown
    assert "<svg" not in markdown


def test_a_failed_write_leaves_the_old_file(demo_engine, tmp_path, monkeypatch):
    target = tmp_path / "brief.html"
    target.write_text("the brief of last week", encoding="utf-8")

    def refuse(*_arguments):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("brief.files.os.replace", refuse)
    with pytest.raises(OSError, match="No space left") as raised:
        write_brief(demo_engine, BriefRequest(WEEK, BriefFilter(), target))
    assert raised.value.filename == str(target)
    assert target.read_text(encoding="utf-8") == "the brief of last week"
    assert [path.name for path in tmp_path.iterdir()] == ["brief.html"]
