"""Exports of the demo desk read back: ACLED's columns, the taxonomy mapping, filters, CSV and JSON lines."""

import csv
import io
import json
from collections import Counter
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from sqlmodel import Session, select

from storage.engine import make_engine
from storage.exports import ACLED_COLUMNS, PANTAU_COLUMNS, ExportFilter, engagement_records, write_export
from storage.models import Engagement
from tests.backends import database_url
from tui.cli import main

ACLED_NAMES = (
    "event_date year time_precision disorder_type event_type sub_event_type actor1 assoc_actor_1 inter1 actor2 "
    "assoc_actor_2 inter2 interaction country admin1 admin2 admin3 location geo_precision source source_scale notes"
).split()


def stored_engagements(engine) -> dict[int, Engagement]:
    with Session(engine) as session:
        return {row.id: row for row in session.exec(select(Engagement))}


def export_rows(engine, fmt: str = "acled-csv", filters: ExportFilter = ExportFilter()) -> list[dict]:
    out = io.StringIO()
    count = write_export(engagement_records(engine, filters), fmt, out)
    out.seek(0)
    rows = [json.loads(line) for line in out] if fmt == "jsonl" else list(csv.DictReader(out))
    assert len(rows) == count
    return rows


def test_acled_columns_in_acled_order_one_row_per_engagement(demo_desk):
    out = io.StringIO()
    write_export(engagement_records(demo_desk.engine), "acled-csv", out)
    header = out.getvalue().splitlines()[0].split(",")
    assert header[: len(ACLED_NAMES)] == ACLED_NAMES == list(ACLED_COLUMNS)
    assert header[len(ACLED_NAMES):] == list(PANTAU_COLUMNS)
    rows = export_rows(demo_desk.engine)
    stored = stored_engagements(demo_desk.engine)
    assert sorted(int(row["pantau_engagement_id"]) for row in rows) == sorted(stored)
    assert len(stored) > 30


def test_every_row_carries_its_engagement(demo_desk):
    stored = stored_engagements(demo_desk.engine)
    for row in export_rows(demo_desk.engine):
        engagement = stored[int(row["pantau_engagement_id"])]
        assert row["pantau_type"] == engagement.type
        assert row["event_date"] == engagement.event_date.isoformat()
        assert row["year"] == str(engagement.event_date.year)
        assert row["time_precision"] == str(engagement.date_precision)
        assert (row["admin1"], row["admin2"]) == (engagement.province or "", engagement.kabupaten_kota or "")
        assert row["country"] == "Indonesia"
        assert row["source"] in ("Kilas Banten Demo", "Portal Priangan Demo")
        assert engagement.evidence in row["notes"]
        for name in json.loads(engagement.labour_actors):
            assert name == name.lower() or name in row["assoc_actor_1"] + row["assoc_actor_2"]


EXPECTED_CODING = {
    "protest": ("Demonstrations", "Protests", "Peaceful protest", "Protesters (Indonesia)", "Protesters only"),
    "clash": ("Demonstrations", "Riots", "Violent demonstration", "Rioters (Indonesia)", "State forces-Rioters"),
    "dispersal": ("Demonstrations", "Protests", "Protest with intervention", "Protesters (Indonesia)",
                  "State forces-Protesters"),
    "agreement": ("Strategic developments", "Strategic developments", "Agreement",
                  "Police Forces of Indonesia (2024-)", "State forces-Civilians"),
    "dialogue": ("", "", "", "Police Forces of Indonesia (2024-)", "State forces-Civilians"),
    "social_service": ("", "", "", "Police Forces of Indonesia (2024-)", "State forces-Civilians"),
}


def test_taxonomy_maps_to_acled_types_and_actors(demo_desk):
    rows = export_rows(demo_desk.engine)
    seen = Counter(row["pantau_type"] for row in rows)
    assert {"protest_security", "clash", "dialogue", "social_service"} <= set(seen)
    for row in rows:
        if row["pantau_type"] not in EXPECTED_CODING or row["pantau_secondary_types"]:
            continue
        disorder, event_type, sub_event, actor1, interaction = EXPECTED_CODING[row["pantau_type"]]
        assert (row["disorder_type"], row["event_type"], row["sub_event_type"]) == (disorder, event_type, sub_event)
        assert (row["actor1"], row["interaction"]) == (actor1, interaction)
        assert row["acled_recorded"] == ("yes" if event_type else "no")
        if not event_type:
            assert "Not an ACLED event type" in row["notes"]
            assert row["assoc_actor_2"].startswith("Labor Group (Indonesia)")


def test_demo_article_one_as_acled_would_code_it(demo_desk):
    """Demo article 001: Kapolres Serang visits the ASPSB secretariat in Kecamatan Cikande on 4 August 2025."""
    [row] = [r for r in export_rows(demo_desk.engine) if r["article_url"].endswith("kapolres-serang-silaturahmi-aspsb-cikande.html")]
    assert row["event_date"] == "2025-08-04" and row["pantau_type"] == "dialogue"
    assert (row["admin1"], row["admin2"], row["admin3"], row["location"]) == ("Banten", "Kabupaten Serang", "Cikande", "Cikande")
    assert row["geo_precision"] == "1"
    assert row["assoc_actor_2"] == "Labor Group (Indonesia); ASPSB Kabupaten Serang"
    assert row["inter1"] == "State forces" and row["inter2"] == "Civilians"
    assert row["source"] == "Kilas Banten Demo"


def test_filters_by_kabupaten_type_and_dates(demo_desk):
    stored = stored_engagements(demo_desk.engine).values()
    serang = export_rows(demo_desk.engine, filters=ExportFilter(kabupaten=("serang",)))
    assert {row["admin2"] for row in serang} == {"Kabupaten Serang", "Kota Serang"}
    assert len(serang) == sum(e.kabupaten_kota in ("Kabupaten Serang", "Kota Serang") for e in stored)
    by_code = export_rows(demo_desk.engine, filters=ExportFilter(kabupaten=("36.04",)))
    assert {row["admin2"] for row in by_code} == {"Kabupaten Serang"}
    since, until = date(2025, 9, 1), date(2025, 10, 31)
    window = export_rows(demo_desk.engine, filters=ExportFilter(since=since, until=until, types=("protest", "strike")))
    expected = [e for e in stored if e.type in ("protest", "strike") and since <= e.event_date <= until]
    assert sorted(int(row["pantau_engagement_id"]) for row in window) == sorted(e.id for e in expected)
    assert expected


def test_plain_csv_and_jsonl_agree(demo_desk):
    plain = export_rows(demo_desk.engine, "csv")
    lines = export_rows(demo_desk.engine, "jsonl")
    assert [row["engagement_id"] for row in plain] == [str(line["engagement_id"]) for line in lines]
    for row, line in zip(plain, lines):
        assert row["police_actors"] == "; ".join(line["police_actors"])
        assert row["event_date"] == line["event_date"]
        assert isinstance(line["secondary_types"], list) and isinstance(line["year_inferred"], bool)


@pytest.mark.parametrize("fmt", ["acled-csv", "csv", "jsonl"])
def test_export_command_writes_the_file(demo_desk, tmp_path, fmt):
    target = tmp_path / f"out.{fmt}"
    result = CliRunner().invoke(main, ["--db", demo_desk.url, "export", "--format", fmt, "--kab", "36.04", "-o", str(target)])
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    expected = sum(e.kabupaten_code == "36.04" for e in stored_engagements(demo_desk.engine).values())
    lines = [line for line in text.splitlines() if line]
    assert expected and f"Wrote {expected} engagements" in result.output
    assert "Kabupaten Serang" in text
    if fmt == "jsonl":
        assert len(lines) == expected


def test_export_refuses_a_bad_date(demo_desk):
    result = CliRunner().invoke(main, ["--db", demo_desk.url, "export", "--since", "8/12/2025"])
    assert result.exit_code != 0 and "`8/12/2025` is not a date: write 2025-12-01, or 7d" in result.output


def test_export_takes_the_relative_dates_search_takes(demo_desk):
    """`--since 30d` is refused no more: the days back from today, as `since:30d` in the search bar."""
    def exported(*options: str) -> list[str]:
        result = CliRunner().invoke(main, ["--db", demo_desk.url, "export", "--format", "jsonl", *options])
        assert result.exit_code == 0, result.output
        return result.output.splitlines()

    today = datetime.now(ZoneInfo("Asia/Jakarta")).date()
    assert exported("--since", "30d") == exported("--since", (today - timedelta(days=30)).isoformat())
    everything = exported()
    assert everything and exported("--since", "900m") == everything
    assert exported("--until", "900m") == [] and exported("--since", "1w", "--until", "2w") == []


def test_export_of_an_unknown_place_is_an_error_naming_it_and_writes_nothing(demo_desk, tmp_path):
    target = tmp_path / "out.csv"
    result = CliRunner().invoke(main, ["--db", demo_desk.url, "export", "--kab", "serang", "--kab", "bandng",
                                       "-o", str(target)])
    assert result.exit_code == 2
    assert "no kabupaten/kota 'bandng': did you mean Kabupaten Bandung, Kota Bandung" in result.output
    assert not target.exists() and list(tmp_path.iterdir()) == []
    atlantis = CliRunner().invoke(main, ["--db", demo_desk.url, "export", "--kab", "atlantis"])
    assert atlantis.exit_code == 2 and "no kabupaten/kota 'atlantis'" in atlantis.output
    assert "event_date" not in atlantis.output
    spaced = CliRunner().invoke(main, ["--db", demo_desk.url, "export", "--format", "jsonl", "--kab", " Kabupaten  SERANG "])
    assert spaced.exit_code == 0 and spaced.output.splitlines() == CliRunner().invoke(
        main, ["--db", demo_desk.url, "export", "--format", "jsonl", "--kab", "36.04"]).output.splitlines()


def test_a_hand_coded_article_exports_the_analysts_engagement_and_a_not_relevant_one_nothing(backend, tmp_path):
    """A desk of its own: the module's shared demo desk is never written to."""
    from storage.manual_tags import set_not_relevant, set_type
    from tests.support.demo_desk import fill_from_demo_sites

    with database_url(backend, tmp_path) as url:
        engine = make_engine(url)
        fill_from_demo_sites(engine)
        by_article = Counter(engagement.article_id for engagement in stored_engagements(engine).values())
        recoded, dropped = sorted(by_article)[:2]
        set_type(engine, recoded, "hearing", "analyst")
        set_not_relevant(engine, dropped, True, "analyst")
        rows = export_rows(engine, "jsonl")
        engine.dispose()

    exported = Counter(row["article_id"] for row in rows)
    assert exported[recoded] == 1
    assert {row["type"] for row in rows if row["article_id"] == recoded} == {"hearing"}
    assert dropped not in exported
    others = {article: count for article, count in by_article.items() if article not in (recoded, dropped)}
    assert {article: exported[article] for article in others} == others


def test_a_type_set_by_hand_exports_the_actors_the_article_has_and_never_invents_police(backend_engine):
    """Issue 15, defect 6: `hearing` set by hand on an article without a police actor exported actor1 "Police
    Forces of Indonesia (2024-)". The police stand in a row only when the article names one."""
    from storage.articles import NewArticle, add_articles, newest_articles
    from storage.feeds import add_feed
    from storage.manual_tags import add_actor, set_type

    feed = add_feed(backend_engine, "http://example.test/feed")
    add_articles(backend_engine, feed.id, [NewArticle(f"g{n}", f"http://example.test/{n}", f"Berita {n}",
                                                      datetime(2025, 12, 1, 3, tzinfo=ZoneInfo("UTC")), "", "isi",
                                                      "ok", "") for n in range(3)])
    hearing, arrest, dispersal = sorted(row.id for row in newest_articles(backend_engine, 3))
    set_type(backend_engine, hearing, "hearing", "analis")
    set_type(backend_engine, arrest, "arrest", "analis")
    set_type(backend_engine, dispersal, "dispersal", "analis")
    add_actor(backend_engine, hearing, "analis", "labour", "KSPSI")

    def exported(article_id: int, fmt: str = "acled-csv") -> dict:
        rows = export_rows(backend_engine, fmt)
        [row] = [row for row in rows if (row["article_url"].endswith(f"/{article_id - hearing}"))]
        return row

    row = exported(hearing)
    assert (row["actor1"], row["inter1"]) == ("", "")
    assert (row["actor2"], row["assoc_actor_2"]) == ("Civilians (Indonesia)", "Labor Group (Indonesia); KSPSI")
    assert row["interaction"] == "Civilians only" and "No police actor named." in row["notes"]
    assert "Police" not in row["actor1"] + row["actor2"] + row["notes"]
    plain = exported(hearing, "jsonl")
    assert (plain["police_actors"], plain["labour_actors"]) == ([], ["KSPSI"])

    arrested = exported(arrest)
    assert (arrested["event_type"], arrested["sub_event_type"], arrested["actor1"]) == (
        "Strategic developments", "Arrests", "")
    dispersed = exported(dispersal)
    assert (dispersed["sub_event_type"], dispersed["actor1"], dispersed["actor2"], dispersed["interaction"]) == (
        "Protest with intervention", "Protesters (Indonesia)", "", "Protesters only")

    add_actor(backend_engine, hearing, "analis", "police", "Condro Sasongko", rank="AKBP", position="Kapolres")
    row = exported(hearing)
    assert (row["actor1"], row["inter1"], row["interaction"]) == (
        "Police Forces of Indonesia (2024-)", "State forces", "State forces-Civilians")
    assert "Police: Condro Sasongko." in row["notes"]
    assert exported(hearing, "jsonl")["police_actors"] == ["Condro Sasongko"]


def test_the_export_reads_acled_coding_as_the_tagger_stored_it(backend_engine):
    """A dispersal with protesters taken to hospital is excessive force to the tagger, which reads the text; the
    export shows what was stored, never the coding of the type alone ('Protest with intervention')."""
    from storage.articles import NewArticle, add_articles
    from storage.feeds import add_feed
    from storage.tags import replace_auto_tags
    from tagging import tag_article

    text = ("Kapolres Serang AKBP Condro Sasongko membenarkan aksi buruh Aliansi Serikat Pekerja Serikat Buruh (ASPSB) "
            "di Kabupaten Serang dibubarkan dengan gas air mata pada Senin (8/12/2025). Dua buruh dirawat di rumah sakit.")
    feed = add_feed(backend_engine, "http://example.test/feed")
    add_articles(backend_engine, feed.id, [NewArticle("g1", "http://example.test/1", "Aksi dibubarkan", None, "",
                                                      text, "ok", "")])
    replace_auto_tags(backend_engine, 1, tag_article("", text))
    [row] = export_rows(backend_engine)
    assert (row["pantau_type"], row["event_type"], row["sub_event_type"]) == (
        "dispersal", "Protests", "Excessive force against protesters")
    [plain] = export_rows(backend_engine, "jsonl")
    assert (plain["acled_disorder_type"], plain["acled_sub_event_type"]) == (
        "Demonstrations", "Excessive force against protesters")
