"""The palette's "Brief…": period and places from the search filter, written by a worker with progress, the path
announced; the same file `pantau brief` writes; bad input said, nothing written."""

import time
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.widgets import Input, Label, ProgressBar

from tests.tui.desk_corpus import fill_tagged_desk
from tests.tui.tui_support import messages, palette_offers, until
from tui.cli import main
from storage.actor_stats import latest_dated
from tui.screens.brief import BriefCancelled, BriefScreen, newest_news_week, prefill

TODAY = date(2025, 12, 15)


async def open_brief(pilot) -> BriefScreen:
    app = pilot.app
    await until(pilot, lambda: app.current_article is not None)
    await pilot.press("ctrl+p", *"brief")
    await until(pilot, lambda: palette_offers(app, "Brief…"))
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, BriefScreen))
    await pilot.pause()
    return app.screen


def field(screen: BriefScreen, name: str) -> Input:
    return screen.query_one(f"#brief-{name}", Input)


def error_text(screen: BriefScreen) -> str:
    return str(screen.query_one("#brief-error", Label).render())


@pytest.fixture
def desk(make_desk, engine):
    fill_tagged_desk(engine)
    return make_desk()


@pytest.fixture
def out(tmp_path) -> Path:
    folder = tmp_path / "briefs"
    folder.mkdir()
    return folder


async def test_palette_brief_takes_the_search_and_writes_what_pantau_brief_writes(desk, db_url, out, wait_for_workers):
    target = out / "serang.html"
    async with desk.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: desk.current_article is not None)
        desk.search.apply("buruh kab:36.04 since:2025-12-01 until:2025-12-07")
        await until(pilot, lambda: desk.search.filter_text != "")
        screen = await open_brief(pilot)
        assert [field(screen, name).value for name in ("week", "since", "until", "prov", "kab")] == [
            "", "2025-12-01", "2025-12-07", "", "36.04"]
        assert field(screen, "path").value.endswith(".html")
        steps: list[float] = []
        screen.query_one("#brief-progress", ProgressBar).watch_progress = lambda progress: steps.append(progress)
        field(screen, "path").value = str(target)
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(desk.screen, BriefScreen))
        await wait_for_workers(desk)
        notes = messages(desk)
    assert f"Brief of 2025-W49 (1 Dec 2025 – 7 Dec 2025) (2 engagements) written to {target}" in notes
    assert steps and steps[-1] >= 2
    result = CliRunner().invoke(main, ["--db", db_url, "brief", "--week", "2025-W49", "--kab", "36.04",
                                       "-o", str(out / "cli.html")])
    assert result.exit_code == 0, result.output
    made = [line for line in target.read_text(encoding="utf-8").splitlines() if "Made " not in line]
    expected = [line for line in (out / "cli.html").read_text(encoding="utf-8").splitlines() if "Made " not in line]
    assert made == expected
    assert sorted(path.name for path in out.iterdir()) == ["cli.html", "serang.html"]


def test_without_dates_in_the_search_the_brief_is_last_weeks():
    assert prefill("", TODAY) == {"week": "2025-W50"}
    assert prefill("prov:banten buruh", TODAY) == {"prov": "banten", "week": "2025-W50"}
    assert prefill("since:2w kab:serang OR kab:bekasi", TODAY) == {"since": "2025-12-01", "kab": "serang, bekasi"}


def test_a_desk_whose_news_is_older_than_last_week_opens_the_brief_on_the_newest_articles_week():
    assert newest_news_week(TODAY, date(2025, 12, 9)) is None, "last week has news (or may have)"
    assert newest_news_week(TODAY, date(2025, 12, 8)) is None
    assert newest_news_week(TODAY, date(2025, 12, 7)) == "2025-W49"
    assert newest_news_week(TODAY, date(2025, 2, 19)) == "2025-W08"
    assert newest_news_week(TODAY, None) is None


async def test_the_demo_brief_opens_on_a_week_with_news(desk, engine):
    """The demo's news is months old: the brief opened on last week and wrote a page of 0 engagements."""
    newest = latest_dated(engine).date()
    async with desk.run_test(size=(120, 40)) as pilot:
        screen = await open_brief(pilot)
        await until(pilot, lambda: field(screen, "week").value == newest_news_week(date.today(), newest))
        assert newest.strftime("%d %b %Y") in str(screen.query_one("#brief-newest", Label).render())


@pytest.mark.parametrize(("values", "message"), [
    ({"week": "2025-W99"}, "2025 has no week 99"),
    ({"week": "minggu lalu"}, "is not an ISO week"),
    ({"week": "2025-W48", "since": "2025-11-01"}, "give a week or since/until, not both"),
    ({"week": "", "since": "2025-12-08", "until": "2025-12-01"}, "starts (2025-12-08) after it ends (2025-12-01)"),
    ({"week": "", "since": "kemarin"}, "'since': 'kemarin' is not a date"),
    ({"kab": "serang, atlantis"}, "no kabupaten/kota 'atlantis'"),
    ({"path": "{out}"}, "is a folder"),
    ({"path": "{out}/tidak/ada.html"}, "there is no folder"),
])
async def test_bad_input_is_said_and_nothing_is_written(desk, out, values, message):
    async with desk.run_test(size=(120, 40)) as pilot:
        screen = await open_brief(pilot)
        field(screen, "path").value = str(out / "brief.html")
        for name, value in values.items():
            field(screen, name).value = value.format(out=out)
        await pilot.press("enter")
        await until(pilot, lambda: message in error_text(screen), describe=lambda: error_text(screen))
        assert desk.screen is screen
    assert list(out.iterdir()) == []


async def test_escape_stops_a_brief_under_way_and_leaves_no_file(desk, out, monkeypatch):
    """A brief that takes long (its steps stretched here) stops at its next step when the analyst presses escape."""
    from brief import files

    stopped = []

    def slow_write(engine, request, on_progress):
        try:
            for _ in range(200):
                on_progress(0, files.STEPS[0])
                time.sleep(0.02)
        except BriefCancelled:
            stopped.append(True)
            raise
        return files.write_brief(engine, request, on_progress)

    monkeypatch.setattr("tui.screens.brief.write_brief", slow_write)
    async with desk.run_test(size=(120, 40)) as pilot:
        screen = await open_brief(pilot)
        field(screen, "path").value = str(out / "brief.html")
        await pilot.press("enter")
        await until(pilot, lambda: "Reading the engagements" in str(screen.query_one("#brief-step", Label).render()))
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(desk.screen, BriefScreen))
        await until(pilot, lambda: stopped == [True])
    assert list(out.iterdir()) == []
