"""`pantau doctor` on real databases: each problem found, worded with its remedy, and the remedy works.

Problems are made by hand in a real SQLite file (a damaged search index, orphan rows, a newer
schema); the clean case also runs on PostgreSQL. Feeds are checked against the local test server.
"""

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from storage.engine import make_engine
from storage.feeds import add_feed, record_poll
from tests.backends import database_url
from tests.support.local_server import local_server  # noqa: F401  (a fixture, used by name)
from tests.tui.tui_support import fill
from tui.cli import main


def doctor(db: str, *options: str):
    return CliRunner().invoke(main, ["--db", db, "doctor", *options])


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    """A SQLite desk with three articles and one feed."""
    path = tmp_path / "desk.db"
    engine = make_engine(f"sqlite:///{path}")
    fill(engine, ["Buruh dan polisi berdialog di Serang", "Unjuk rasa buruh di Cilegon", "Ojek daring mogok"])
    engine.dispose()
    return path


def sql(path: Path, *statements: str) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA foreign_keys=OFF")
        for statement in statements:
            connection.execute(statement)


def test_clean_sqlite_desk_passes(desk: Path):
    result = doctor(str(desk), "--offline")
    assert result.exit_code == 0, result.output
    for check in ("integrity", "schema", "search index", "orphans", "feeds (stored)"):
        assert f"ok    {check}" in result.output
    assert "No problems found." in result.output


def test_clean_postgres_desk_passes(tmp_path: Path):
    with database_url("postgres", tmp_path) as url:
        engine = make_engine(url)
        fill(engine, ["Buruh dan polisi berdialog di Serang"])
        engine.dispose()
        result = doctor(url, "--offline")
    assert result.exit_code == 0, result.output
    assert "ok    integrity" in result.output and "GIN search index is present and valid" in result.output


def test_article_missing_from_the_search_index_is_found_and_rebuilt(desk: Path):
    sql(desk, "INSERT INTO article_fts(article_fts, rowid, title, body) "
              "SELECT 'delete', id, title, body FROM article WHERE id = 2")
    result = doctor(str(desk), "--offline")
    assert result.exit_code == 1
    assert "FAIL  search index" in result.output and "not indexed: 2" in result.output
    assert "run `pantau db rebuild-search`" in result.output

    assert CliRunner().invoke(main, ["--db", str(desk), "db", "rebuild-search"]).exit_code == 0
    assert doctor(str(desk), "--offline").exit_code == 0


def test_stale_index_text_is_found(desk: Path):
    """The index holds every row id but an old text: only the text comparison sees it."""
    sql(desk, "DROP TRIGGER article_fts_update", "UPDATE article SET title = 'Judul baru sama sekali' WHERE id = 1")
    result = doctor(str(desk), "--offline")
    assert result.exit_code == 1 and "does not match the articles' text" in result.output
    CliRunner().invoke(main, ["--db", str(desk), "db", "rebuild-search"])
    assert "ok    search index" in doctor(str(desk), "--offline").output


def test_orphan_rows_are_found_and_removed_keeping_articles(desk: Path):
    sql(desk,
        "INSERT INTO articletag (article_id, tag, created_by, created_at) VALUES (999, 'pemilu', 'uji', '2025-01-01')",
        "INSERT INTO feed (id, url, title, site, consecutive_failures, last_status, enabled, created_at, "
        "ignore_http_cache, muted, failure_weight) VALUES (77, 'https://hilang.test/rss', 'Hilang', '', 0, 'new', 1, "
        "'2025-01-01', 0, 0, 0)",
        "UPDATE article SET feed_id = 77 WHERE id = 3",
        "DELETE FROM feed WHERE id = 77")
    result = doctor(str(desk), "--offline")
    assert result.exit_code == 1
    assert "FAIL  orphans" in result.output and "articletag.article_id 1" in result.output
    assert "article.feed_id 1" in result.output and "pantau db remove-orphans" in result.output

    repaired = CliRunner().invoke(main, ["--db", str(desk), "db", "remove-orphans"])
    assert repaired.exit_code == 0 and "articletag.article_id 1" in repaired.output
    assert doctor(str(desk), "--offline").exit_code == 0
    with sqlite3.connect(desk) as connection:
        assert connection.execute("SELECT count(*) FROM article").fetchone()[0] == 3
        assert connection.execute("SELECT title, enabled FROM feed WHERE id = 77").fetchone() == ("(lost feed 77)", 0)


def test_newer_schema_is_found(desk: Path):
    sql(desk, "UPDATE alembic_version SET version_num = '0999_future'")
    result = doctor(str(desk), "--offline")
    assert result.exit_code == 1
    assert "schema 0999_future comes from a newer Pantau" in result.output
    assert "install the newer Pantau" in result.output


def test_older_schema_is_a_warning_with_the_upgrade_command(desk: Path):
    sql(desk, "UPDATE alembic_version SET version_num = '0003'")
    result = doctor(str(desk), "--offline")
    assert "warn  schema" in result.output and "pantau db upgrade" in result.output


def test_damaged_pages_stop_at_the_integrity_check(desk: Path):
    data = bytearray(desk.read_bytes())
    page_size = 4096
    data[page_size * 3: page_size * 5] = b"\xff" * (page_size * 2)
    desk.write_bytes(bytes(data))
    result = doctor(str(desk), "--offline")
    assert result.exit_code == 1 and "FAIL  integrity" in result.output
    assert "Traceback" not in result.output


def test_missing_database_is_not_created(tmp_path: Path):
    result = doctor(str(tmp_path / "none.db"), "--offline")
    assert result.exit_code == 1 and "there is no database at" in result.output
    assert not (tmp_path / "none.db").exists()


def test_feeds_stored_health_and_online_check(desk: Path, local_server):
    local_server.route("/feed.xml", body=b"<rss version='2.0'><channel><title>Jalan</title></channel></rss>",
                       content_type="application/rss+xml")
    engine = make_engine(f"sqlite:///{desk}")
    good = add_feed(engine, local_server.url("/feed.xml"), title="Jalan")
    dead = add_feed(engine, local_server.url("/tidak-ada.xml"), title="Mati")
    record_poll(engine, dead.id, status="error", error="HTTP 404 Not Found",
                next_poll_at=datetime.now(timezone.utc))
    engine.dispose()
    stored = doctor(str(desk), "--offline")
    assert "warn  feeds (stored)" in stored.output and "1 failing" in stored.output
    online = doctor(str(desk))
    assert "feeds (online)" in online.output and "tidak-ada.xml" in online.output
    assert good.url not in online.output.split("failing:")[-1]


def test_timeline_counts_out_of_step_are_found_and_recounted(desk: Path):
    sql(desk, "INSERT INTO timeline_count VALUES ('week', '36.04', '2025-12-01', 'protest', 'Kabupaten Serang', "
              "'Banten', 3)")
    result = doctor(str(desk), "--offline")
    assert result.exit_code == 1
    assert "FAIL  timeline counts" in result.output and "differ from a recount (week)" in result.output
    assert "run `pantau db rebuild-search` (it recounts the timeline too)" in result.output

    assert CliRunner().invoke(main, ["--db", str(desk), "db", "rebuild-search"]).exit_code == 0
    assert "ok    timeline counts" in doctor(str(desk), "--offline").output
