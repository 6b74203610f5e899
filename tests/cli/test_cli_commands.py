"""The `pantau` command line, run as the installed console script and in-process with click's runner."""

import subprocess
import sys
from datetime import datetime, timezone
from importlib.metadata import version
from pathlib import Path

from click.testing import CliRunner

from fetchers.opml import read_opml
from storage.engine import make_engine
from storage.feeds import add_feed, record_poll
from tui.cli import main

PANTAU = Path(sys.executable).with_name("pantau")


def test_console_script_help_lists_commands():
    result = subprocess.run([PANTAU, "--help"], capture_output=True, text=True, check=True)
    for command in ("demo", "poll", "feeds"):
        assert f"  {command}" in result.stdout


def test_console_script_version():
    result = subprocess.run([PANTAU, "--version"], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == f"pantau, version {version('pantau')}"


def test_fresh_database_starts_with_the_default_feeds(tmp_path: Path):
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "desk.db"), "feeds"])
    assert result.exit_code == 0, result.output
    assert "Kilas24News" in result.output and "never" in result.output


def test_feeds_add_remove_export_import(tmp_path: Path):
    runner = CliRunner()
    db = ["--db", str(tmp_path / "desk.db")]
    added = runner.invoke(main, [*db, "feeds", "add", "http://127.0.0.1:9/feed.xml", "--title", "Lokal"])
    assert added.exit_code == 0 and "Added site 1, unconfirmed" in added.output
    exported = tmp_path / "feeds.opml"
    assert runner.invoke(main, [*db, "feeds", "export", str(exported)]).exit_code == 0
    urls = [entry.url for entry in read_opml(exported)]
    assert "http://127.0.0.1:9/feed.xml" in urls

    removed = runner.invoke(main, [*db, "feeds", "remove", "http://127.0.0.1:9/feed.xml"])
    assert removed.exit_code == 0 and "articles are kept" in removed.output
    after = runner.invoke(main, [*db, "feeds", "export"])
    assert "http://127.0.0.1:9/feed.xml" not in after.output

    other = ["--db", str(tmp_path / "other.db")]
    imported = runner.invoke(main, [*other, "feeds", "import", str(exported)])
    assert imported.exit_code == 0 and f"Imported {len(urls)} feeds" in imported.output


def test_bad_input_gets_a_clear_message(tmp_path: Path):
    runner = CliRunner()
    db = ["--db", str(tmp_path / "desk.db")]
    not_http = runner.invoke(main, [*db, "feeds", "add", "ftp://example.test/feed"])
    assert not_http.exit_code != 0 and "only http:// and https://" in not_http.output
    missing = runner.invoke(main, [*db, "feeds", "remove", "999"])
    assert missing.exit_code != 0 and "no feed matches" in missing.output
    broken = tmp_path / "broken.opml"
    broken.write_text("<opml><body><outline", encoding="utf-8")
    unreadable = runner.invoke(main, [*db, "feeds", "import", str(broken)])
    assert unreadable.exit_code != 0 and "cannot read" in unreadable.output
    assert "Traceback" not in unreadable.output


def test_pantau_db_may_be_a_plain_path(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("PANTAU_DB", str(tmp_path / "named.db"))
    result = CliRunner().invoke(main, ["feeds"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "named.db").exists()


def test_unusable_database_is_a_clear_message(tmp_path: Path):
    result = CliRunner().invoke(main, ["--db", "nosuchdialect://x/y", "feeds"])
    assert result.exit_code != 0
    assert "cannot open the database nosuchdialect://x/y" in result.output


def test_feeds_enable_and_per_feed_options(tmp_path: Path):
    runner = CliRunner()
    db = ["--db", str(tmp_path / "desk.db")]
    runner.invoke(main, [*db, "feeds", "add", "http://127.0.0.1:9/feed.xml"])
    runner.invoke(main, [*db, "feeds", "remove", "1"])
    assert "disabled" in runner.invoke(main, [*db, "feeds"]).output
    enabled = runner.invoke(main, [*db, "feeds", "enable", "1"])
    assert enabled.exit_code == 0 and "polled again" in enabled.output
    assert "disabled" not in runner.invoke(main, [*db, "feeds"]).output
    options = runner.invoke(main, [*db, "feeds", "set", "1", "--interval", "300", "--user-agent", "DeskBot/1", "--ignore-cache"])
    assert options.exit_code == 0, options.output
    assert "interval 300 s, user agent DeskBot/1, HTTP caching ignored" in options.output
    missing = runner.invoke(main, [*db, "feeds", "set", "99", "--interval", "300"])
    assert missing.exit_code != 0 and "no feed 99" in missing.output


def test_feeds_shows_times_in_the_configured_zone_as_the_desk_does(tmp_path: Path, monkeypatch):
    """WIB by default (the desk's zone), the config file's zone when it names one, UTC with a word when unknown."""
    path = tmp_path / "desk.db"
    engine = make_engine(f"sqlite:///{path}")
    feed = add_feed(engine, "http://127.0.0.1:9/feed.xml")
    record_poll(engine, feed.id, status="ok", next_poll_at=datetime(2025, 12, 1, 12, 0, tzinfo=timezone.utc))
    engine.dispose()
    runner = CliRunner()

    default = runner.invoke(main, ["--db", str(path), "feeds"])
    assert default.exit_code == 0, default.output
    assert "next=2025-12-01 19:00 WIB" in default.stdout and "UTC" not in default.output

    config = tmp_path / "config.toml"
    monkeypatch.setenv("PANTAU_CONFIG", str(config))
    config.write_text('timezone = "Asia/Jayapura"\n', encoding="utf-8")
    assert "next=2025-12-01 21:00 WIT" in runner.invoke(main, ["--db", str(path), "feeds"]).stdout

    config.write_text('timezone = "Asia/Atlantis"\n', encoding="utf-8")
    unknown = runner.invoke(main, ["--db", str(path), "feeds"])
    assert unknown.exit_code == 0 and "next=2025-12-01 12:00 UTC" in unknown.stdout
    assert "Unknown time zone 'Asia/Atlantis' in the configuration; showing UTC." in unknown.stderr
