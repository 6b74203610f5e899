"""Export from the palette: the screen writes what `pantau export` writes, says what went wrong, and cancels.

The desk is desk_corpus's hand-tagged one (7 tagged articles, one recoded by hand); every file
the screen writes is compared with the one `pantau export` writes from the same database.
"""

import csv
import os
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.widgets import Input, Label, Select

from storage.manual_tags import set_type
from tests.tui.desk_corpus import fill_tagged_desk
from tests.tui.tui_support import messages, palette_offers, until
from tui.cli import main
from tui.screens.export import ExportScreen, fields_from_search, read_request

TODAY = date(2025, 12, 15)



def cli_export(db_url: str, out: Path, *options: str) -> Path:
    result = CliRunner().invoke(main, ["--db", db_url, "export", *options, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


async def open_export(pilot) -> ExportScreen:
    app = pilot.app
    await until(pilot, lambda: app.current_article is not None)
    await pilot.press("ctrl+p", *"export")
    await until(pilot, lambda: palette_offers(app, "Export…"))
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, ExportScreen))
    await pilot.pause()
    return app.screen


def field(screen: ExportScreen, name: str) -> Input:
    return screen.query_one(f"#export-{name}", Input)


def error_text(screen: ExportScreen) -> str:
    return str(screen.query_one("#export-error", Label).render())


@pytest.fixture
def desk(make_desk, engine):
    fill_tagged_desk(engine)
    return make_desk()


@pytest.fixture
def out(tmp_path) -> Path:
    """A folder of its own for exports (the database lives in tmp_path)."""
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


async def test_palette_export_writes_what_pantau_export_writes(desk, db_url, tmp_path, out, wait_for_workers):
    target = out / "acled.csv"
    async with desk.run_test(size=(120, 40)) as pilot:
        screen = await open_export(pilot)
        assert field(screen, "path").value.endswith(".csv")
        field(screen, "path").value = str(target)
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(desk.screen, ExportScreen))
        await wait_for_workers(desk)
        notes = messages(desk)
    columns, rows = read_csv(target)
    expected_columns, expected_rows = read_csv(cli_export(db_url, tmp_path / "cli.csv"))
    assert columns == expected_columns and columns[:3] == ["event_date", "year", "time_precision"]
    assert rows == expected_rows and len(rows) >= 5
    assert f"Exported {len(rows)} engagements to {target}" in notes
    assert [path.name for path in out.iterdir()] == ["acled.csv"]


async def test_filters_come_from_the_search_filter_and_jsonl_follows_the_format(desk, db_url, tmp_path):
    async with desk.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: desk.current_article is not None)
        desk.search.apply("buruh kab:serang type:protest OR type:clash since:2025-12-01")
        await until(pilot, lambda: desk.search.filter_text != "")
        screen = await open_export(pilot)
        assert [field(screen, name).value for name in ("since", "until", "kab", "type")] == [
            "2025-12-01", "", "serang", "protest, clash"]
        default = field(screen, "path").value
        screen.query_one("#export-format", Select).value = "jsonl"
        await until(pilot, lambda: field(screen, "path").value == default.replace(".csv", ".jsonl")
                    .replace("pantau-acled", "pantau-engagements"))
        target = tmp_path / "serang.jsonl"
        field(screen, "path").value = str(target)
        await pilot.click("#export-run")
        await until(pilot, lambda: not isinstance(desk.screen, ExportScreen))
    expected = cli_export(db_url, tmp_path / "cli.jsonl", "--format", "jsonl", "--kab", "serang",
                          "--type", "protest", "--type", "clash", "--since", "2025-12-01")
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines == expected.read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 3  # Kabupaten Serang's two protests from 1 Dec and its clash, at least


@pytest.mark.parametrize(("name", "value", "message"), [
    ("path", "{missing}/out.csv", "there is no folder"),
    ("path", "{tmp}", "is a folder"),
    ("since", "2025-13-01", "'since': '2025-13-01' is not a date"),
    ("type", "demo", "no engagement type demo"),
    ("kab", "serang, atlantis", "no kabupaten/kota 'atlantis'"),
])
async def test_bad_input_is_said_and_nothing_is_written(desk, out, name, value, message):
    async with desk.run_test(size=(120, 40)) as pilot:
        screen = await open_export(pilot)
        field(screen, "path").value = str(out / "out.csv")
        field(screen, name).value = value.format(missing=out / "nowhere", tmp=out)
        await pilot.press("enter")
        await until(pilot, lambda: message in error_text(screen), describe=lambda: error_text(screen))
        assert desk.screen is screen
    assert list(out.iterdir()) == []


async def test_the_form_starts_at_its_first_field_and_tab_walks_it_in_order(desk, out):
    """What a newcomer types goes where they see the cursor: started at the file (the last field), a tab went on to the
    Export button, the date typed next was lost and enter exported every engagement."""
    async with desk.run_test(size=(120, 40)) as pilot:
        screen = await open_export(pilot)
        assert screen.focused is field(screen, "since")
        field(screen, "path").value = str(out / "out.csv")
        await pilot.press(*"2025-13-45")
        assert field(screen, "since").value == "2025-13-45"
        await pilot.press("tab", *"2025-12-31", "tab", "tab", "tab")
        assert field(screen, "until").value == "2025-12-31"
        assert screen.focused is field(screen, "path")
        await pilot.press("enter")
        message = "'since': '2025-13-45' is not a date"
        await until(pilot, lambda: message in error_text(screen), describe=lambda: error_text(screen))
    assert list(out.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
async def test_unwritable_folder_is_said_and_leaves_nothing(desk, out):
    locked = out / "locked"
    locked.mkdir(mode=0o500)
    async with desk.run_test(size=(120, 40)) as pilot:
        screen = await open_export(pilot)
        field(screen, "path").value = str(locked / "out.csv")
        await pilot.press("enter")
        await until(pilot, lambda: "Permission denied" in error_text(screen), describe=lambda: error_text(screen))
        assert error_text(screen).startswith(f"cannot write {locked / 'out.csv'}")
        assert not field(screen, "path").disabled
    assert list(locked.iterdir()) == []


async def test_a_file_the_system_refuses_is_said_and_leaves_nothing(desk, out):
    target = out / ("x" * 300 + ".csv")  # longer than any file name the file system takes, even for root
    async with desk.run_test(size=(120, 40)) as pilot:
        screen = await open_export(pilot)
        field(screen, "path").value = str(target)
        await pilot.press("enter")
        await until(pilot, lambda: "File name too long" in error_text(screen), describe=lambda: error_text(screen))
        assert error_text(screen).startswith(f"cannot write {target}")
        assert desk.screen is screen and not field(screen, "path").disabled
    assert list(out.iterdir()) == []


async def test_a_failed_write_leaves_the_old_file_and_no_partial_one(desk, out, monkeypatch):
    target = out / "out.csv"
    target.write_text("earlier export\n", encoding="utf-8")

    def full_disk(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("storage.exports.os.replace", full_disk)
    async with desk.run_test(size=(120, 40)) as pilot:
        screen = await open_export(pilot)
        field(screen, "path").value = str(target)
        await pilot.press("enter")
        await until(pilot, lambda: "No space left on device" in error_text(screen), describe=lambda: error_text(screen))
    assert target.read_text(encoding="utf-8") == "earlier export\n"
    assert [path.name for path in out.iterdir()] == ["out.csv"]


async def test_escape_cancels(desk, out, wait_for_workers):
    async with desk.run_test(size=(120, 40)) as pilot:
        screen = await open_export(pilot)
        field(screen, "path").value = str(out / "out.csv")
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(desk.screen, ExportScreen))
        await wait_for_workers(desk)
    assert list(out.iterdir()) == []


def test_fields_from_search_keep_only_what_must_hold():
    assert fields_from_search("kab:36.04 OR kab:bekasi type:strike since:7d until:2025-12-31", TODAY) == {
        "kab": "36.04, bekasi", "type": "strike", "since": "2025-12-08", "until": "2025-12-31"}
    assert fields_from_search("buruh -type:protest kab:serang OR tag:upah is:unread", TODAY) == {}
    assert fields_from_search('"unbalanced', TODAY) == {}


def test_types_are_taken_by_the_names_the_desk_shows(engine, db_url, tmp_path):
    """The feed shows 'escort' and 'social'; `--type escort` exports what `--type protest_security` does, and the
    form reads the same names."""
    set_type(engine, fill_tagged_desk(engine)[0], "protest_security", "penguji")
    shown = cli_export(db_url, tmp_path / "shown.csv", "--type", "escort")
    stored = cli_export(db_url, tmp_path / "stored.csv", "--type", "protest_security")
    assert shown.read_text(encoding="utf-8") == stored.read_text(encoding="utf-8")
    assert len(read_csv(shown)[1]) == 1
    request = read_request("csv", "", "", "", "escort, jointsec", str(tmp_path / "out.csv"))
    assert request.filters.types == ("protest_security", "joint_security")


def test_export_screen_snapshot(desk, snap_compare):
    async def run_before(pilot) -> None:
        await until(pilot, lambda: desk.current_article is not None)
        desk.sub_title = "pantau.db"
        desk.push_screen(ExportScreen(desk.engine, "kab:serang type:protest", today=TODAY, directory=Path("/desk")))
        await pilot.pause()

    assert snap_compare(desk, terminal_size=(100, 30), run_before=run_before)
