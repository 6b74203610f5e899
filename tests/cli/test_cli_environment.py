"""A bad environment gets one or two worded lines and a clean exit, or a degraded desk; never a traceback.

Damaged, truncated and newer-schema databases, a read-only and a full disk (real tmpfs mounts:
skipped with the reason where this machine does not allow mounting), SQLITE_FULL in the middle of
a write, unwritable config, data and log directories, and no network at all (a network namespace
of its own, `unshare -n`). Commands run as the installed console script, as a user would run them.
"""

import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import event
from sqlalchemy.exc import OperationalError
from textual.app import App

from fetchers.opml import default_feeds
from storage.engine import make_engine
from storage.feeds import add_feed, feed_count
from tests.tui.desk_corpus import fill_tagged_desk
from tests.tui.tui_support import until
from tui.app import PantauApp
from tui.cli import desk_app, main, run_logging_crashes
from tui.cli.common import DeskError, database_problem, open_engine
from tui.config import Settings
from tui.logs import log_file

PANTAU = Path(sys.executable).with_name("pantau")


def pantau(*arguments: str, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    return subprocess.run([*prefix, str(PANTAU), *arguments], capture_output=True, text=True, timeout=120)


def assert_worded_failure(result: subprocess.CompletedProcess, *phrases: str) -> None:
    """Non-zero exit, at most two lines on stderr, the phrases in them, and no traceback anywhere."""
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr + result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert 1 <= len(lines) <= 2, result.stderr
    for phrase in phrases:
        assert phrase in result.stderr, result.stderr


def made_database(path: Path) -> Path:
    """A real desk file with the default feeds, closed (no -wal or -shm left beside it)."""
    result = pantau("--db", str(path), "feeds")
    assert result.returncode == 0, result.stderr
    return path


DEFAULT_SOURCES = len(default_feeds())
"""The sources of the shipped list, which a new database starts with."""

def table_count(path: Path, table: str) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]


# Damaged and newer databases ---------------------------------------------------------------


def test_garbage_file_is_named_damaged_and_left_alone(tmp_path: Path):
    path = tmp_path / "garbage.db"
    garbage = bytes(range(256)) * 40
    path.write_bytes(garbage)
    for arguments in (["feeds"], ["poll", "--once"], ["export"], []):
        assert_worded_failure(pantau("--db", str(path), *arguments), "is damaged", "backup")
    assert path.read_bytes() == garbage


def test_truncated_database_is_named_damaged(tmp_path: Path):
    path = made_database(tmp_path / "desk.db")
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 3])
    assert_worded_failure(pantau("--db", str(path), "feeds"), "is damaged")
    doctor = pantau("--db", str(path), "doctor", "--offline")
    assert doctor.returncode == 1 and "Traceback" not in doctor.stdout + doctor.stderr
    assert "FAIL  integrity" in doctor.stdout


def test_database_from_a_newer_pantau_is_refused_with_what_to_do(tmp_path: Path):
    path = made_database(tmp_path / "desk.db")
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0999_future'")
    assert_worded_failure(pantau("--db", str(path), "feeds"), "newer Pantau", "0999_future", "install the newer Pantau")
    assert_worded_failure(pantau("--db", str(path)), "newer Pantau")
    assert table_count(path, "feed") == DEFAULT_SOURCES


# Read-only and full disks ------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MiB tmpfs of its own; skipped where this user may not mount one."""
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount_point)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here (needs root): {mounted.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def remount(mount_point: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(mount_point)], check=True)


def test_read_only_database_refuses_writes_and_serves_reads(small_disk: Path):
    path = made_database(small_disk / "desk.db")
    remount(small_disk, "ro")
    try:
        assert_worded_failure(pantau("--db", str(path), "feeds", "add", "https://baru.test/rss"),
                              "is read-only", "pantau db copy")
        assert_worded_failure(pantau("--db", str(path), "poll", "--once"), "is read-only")
        exported = pantau("--db", str(path), "export", "--format", "jsonl")
        assert exported.returncode == 0, exported.stderr
        doctor = pantau("--db", str(path), "doctor", "--offline")
        assert doctor.returncode == 0, doctor.stdout + doctor.stderr
        assert "ok    integrity" in doctor.stdout and "ok    search index" in doctor.stdout
    finally:
        remount(small_disk, "rw")
    assert table_count(path, "feed") == DEFAULT_SOURCES


async def test_read_only_desk_opens_without_polling_and_says_tagging_is_off(small_disk: Path, tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch):
    shown: list[str] = []
    notify = PantauApp.notify

    def recorded(app: PantauApp, message, *args, **options) -> None:
        shown.append(str(message))
        notify(app, message, *args, **options)

    monkeypatch.setattr(PantauApp, "notify", recorded)
    source = made_database(tmp_path / "source.db")
    engine = make_engine(f"sqlite:///{source}")
    fill_tagged_desk(engine)
    engine.dispose()
    path = small_disk / "desk.db"
    connection = sqlite3.connect(source)
    connection.execute("VACUUM INTO ?", (str(path),))
    connection.close()
    audit_rows = table_count(source, "tagaudit")
    remount(small_disk, "ro")
    try:
        engine = open_engine(Settings(db_url=f"sqlite:///{path}"), writes=False)
        app = desk_app(engine, Settings(db_url=f"sqlite:///{path}"))
        async with app.run_test(size=(120, 30)) as pilot:
            await until(pilot, lambda: any("read-only" in message for message in shown))
            assert not app.polling.scheduled
            await until(pilot, lambda: app.reader.article_id is not None)  # the keys act on an article
            notes_before = len(shown)
            for key in ("s", "m", "3", "R"):  # star, read, a type, poll: each refused up front, the desk stays up
                await pilot.press(key)
            await until(pilot, lambda: len(shown) >= notes_before + 4, describe=lambda: shown)
            refused = shown[notes_before:]
            assert all("read-only" in message for message in refused), refused
            assert app.is_running
        assert table_count(path, "tagaudit") == audit_rows
        with pytest.raises(DeskError, match="is read-only"):
            open_engine(Settings(db_url=f"sqlite:///{path}"))
    finally:
        remount(small_disk, "rw")


def test_full_disk_says_disk_full_and_keeps_what_is_stored(small_disk: Path):
    path = made_database(small_disk / "desk.db")
    before = path.read_bytes()
    filler = small_disk / "filler"
    subprocess.run(["dd", "if=/dev/zero", f"of={filler}", "bs=4k"], capture_output=True, check=False)
    assert shutil.disk_usage(small_disk).free < 64 * 1024
    assert_worded_failure(pantau("--db", str(path), "feeds", "add", "https://baru.test/rss"), "disk full")
    assert_worded_failure(pantau("--db", str(path), "poll", "--once"), "disk full")
    filler.unlink()
    assert integrity(path) == "ok"
    assert table_count(path, "feed") == DEFAULT_SOURCES
    assert path.read_bytes() == before


def test_sqlite_full_in_the_middle_of_a_write_rolls_back_and_is_worded(tmp_path: Path):
    """SQLITE_FULL without a small disk: a page cap makes the next growth fail as a full disk does."""
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    engine = make_engine(url)
    add_feed(engine, "https://ada.test/rss", title="Ada")
    pages = sqlite3.connect(tmp_path / "desk.db").execute("PRAGMA page_count").fetchone()[0]
    engine.dispose()
    event.listen(engine, "connect", lambda connection, _record: connection.execute(f"PRAGMA max_page_count={pages}"))
    with pytest.raises(OperationalError) as raised:
        add_feed(engine, "https://penuh.test/rss", title="x" * 200_000)
    assert "disk full" in database_problem(raised.value, url)
    engine.dispose()
    assert integrity(tmp_path / "desk.db") == "ok"
    assert feed_count(make_engine(url)) == 1


# Directories, configuration and logs -------------------------------------------------------


def test_unwritable_data_directory_says_what_to_do_and_db_flag_still_works(tmp_path: Path, monkeypatch):
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("a file where the data directory should be")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocked))
    assert_worded_failure(pantau("feeds"), "cannot create", "--db")
    assert pantau("--db", str(tmp_path / "desk.db"), "feeds").returncode == 0


def test_unwritable_log_directory_falls_back_to_a_temporary_log(tmp_path: Path, monkeypatch):
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("a file where the log directory should be")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocked))
    result = pantau("--db", str(tmp_path / "desk.db"), "feeds")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "cannot write the log in the platform log directory" in result.stderr and "logging to" in result.stderr


def test_unwritable_config_directory_is_only_read(tmp_path: Path, monkeypatch):
    config_home = tmp_path / "config"
    (config_home / "pantau").mkdir(parents=True)
    (config_home / "pantau" / "config.toml").write_text('theme = "textual-light"\n')
    config_home.chmod(0o500)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config_home))
    assert pantau("--db", str(tmp_path / "desk.db"), "feeds").returncode == 0


@pytest.mark.parametrize(("config", "environment", "phrase"), [
    ("theme = [unclosed", {}, "is not valid TOML"),
    ('poll_interval_s = "often"', {}, "`poll_interval_s` must be a whole number"),
    ("poll_interval_s = -5", {}, "positive number of seconds"),
    ("watch_terms = 3", {}, "must be a list of strings"),
    ("colour = 'red'", {}, "unknown settings colour"),
    ('type_keys = ["clash", "riot"]', {}, "`type_keys` names unknown types 'riot'; the types are clash"),
    ('type_keys = ["clash", "clash"]', {}, "`type_keys` needs one to nine different types"),
    ("type_keys = []", {}, "`type_keys` needs one to nine different types"),
    ("", {"PANTAU_POLL_INTERVAL": "sering"}, "PANTAU_POLL_INTERVAL must be a whole number"),
])
def test_bad_configuration_is_named(tmp_path: Path, monkeypatch, config: str, environment: dict, phrase: str):
    path = tmp_path / "config.toml"
    path.write_text(config)
    monkeypatch.setenv("PANTAU_CONFIG", str(path))
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "desk.db"), "feeds"])
    assert result.exit_code == 1 and "cannot read the configuration" in result.output and phrase in result.output
    assert "Traceback" not in result.output


def test_unexpected_error_is_logged_and_the_log_is_named(tmp_path: Path, monkeypatch):
    def broken(_engine):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr("tui.cli.feeds.list_feeds", broken)
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "desk.db"), "feeds"])
    assert result.exit_code == 1
    assert "unexpected error (ZeroDivisionError)" in result.output and str(log_file()) in result.output
    logged = log_file().read_text(encoding="utf-8")
    assert "Traceback" in logged and "ZeroDivisionError: a bug" in logged


def test_a_crash_inside_the_app_goes_to_the_log_not_the_screen(capfd):
    class Crashing(App[None]):
        def on_mount(self) -> None:
            raise ZeroDivisionError("crash inside the desk")

    with pytest.raises(DeskError, match="the details are in"):
        run_logging_crashes(Crashing(), headless=True)
    screen = capfd.readouterr()
    assert "Traceback" not in screen.out + screen.err and "ZeroDivisionError" not in screen.out + screen.err
    assert "ZeroDivisionError: crash inside the desk" in log_file().read_text(encoding="utf-8")


# No network --------------------------------------------------------------------------------


@pytest.fixture
def no_network() -> tuple[str, ...]:
    """A prefix that runs a command in a network namespace with no interface up at all."""
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.skip(f"cannot make a network namespace here (needs root): {probe.stderr.strip()}")
    return ("unshare", "-n")


def test_no_network_poll_says_offline_and_exits_cleanly(tmp_path: Path, no_network):
    path = made_database(tmp_path / "desk.db")
    result = pantau("--db", str(path), "poll", "--once", "--all", prefix=no_network)
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "offline: no feed could be reached" in result.stdout
    assert table_count(path, "feed") == DEFAULT_SOURCES


def test_no_network_extract_and_doctor_are_worded(tmp_path: Path, no_network):
    path = made_database(tmp_path / "desk.db")
    assert_worded_failure(pantau("extract", "https://kilas24news.test/berita", prefix=no_network), "cannot fetch")
    doctor = pantau("--db", str(path), "doctor", prefix=no_network)
    assert doctor.returncode == 1 and "Traceback" not in doctor.stdout + doctor.stderr
    assert f"0 of {DEFAULT_SOURCES} feeds answered: is this machine offline?" in doctor.stdout
