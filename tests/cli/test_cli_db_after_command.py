"""`--db` after the command's name (`pantau retag --db X`), as newcomers type it: the same as before it, on real
desk files, with PANTAU_DB naming another desk that must stay untouched."""

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from storage.articles import add_articles
from storage.engine import make_engine
from storage.feeds import add_feed
from tests.tui.tui_support import article
from tui.cli import main


def desk(path: Path, titles: list[str]) -> Path:
    """A closed desk file holding one untagged article per title."""
    engine = make_engine(f"sqlite:///{path}")
    feed = add_feed(engine, "https://warta-uji.test/feed.xml", title="Warta Uji")
    add_articles(engine, feed.id, [article(number, title) for number, title in enumerate(titles, 1)])
    engine.dispose()
    return path


def rows(path: Path, query: str) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        return connection.execute(query).fetchall()


@pytest.fixture
def default_desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The desk PANTAU_DB names: a command given --db must not act on it."""
    path = desk(tmp_path / "default.db", ["Berita meja bawaan"])
    monkeypatch.setenv("PANTAU_DB", str(path))
    return path


@pytest.fixture
def named_desk(tmp_path: Path) -> Path:
    return desk(tmp_path / "named.db", ["Buruh mogok di Cilegon", "Polisi jaga pabrik", "Buruh audiensi ke Polres"])


def pantau(*arguments: str) -> Result:
    result = CliRunner().invoke(main, list(arguments))
    assert result.exit_code == 0, result.output
    return result


def untagged(path: Path) -> int:
    return rows(path, "SELECT count(*) FROM article WHERE tagger_version IS NULL")[0][0]


def test_retag_search_doctor_and_feeds_take_db_after_their_name(named_desk: Path, default_desk: Path):
    retagged = pantau("retag", "--db", str(named_desk))
    assert "Re-tagged 3 of 3 articles" in retagged.output
    assert untagged(named_desk) == 0 and untagged(default_desk) == 1, "the named desk was re-tagged, not PANTAU_DB's"

    found = pantau("search", "--db", str(named_desk), "buruh")
    assert found.stdout.splitlines()[-1] == "3 articles match.", "PANTAU_DB's desk holds one"
    found_after_words = pantau("search", "audiensi", "--limit", "1", "--db", str(named_desk))
    assert "Buruh audiensi ke Polres" in found_after_words.stdout

    doctor = pantau("doctor", "--offline", "--db", str(named_desk))
    assert "all 3 articles indexed" in doctor.stdout

    pantau("feeds", "add", "http://127.0.0.1:9/feed.xml", "--kind", "FEED", "--title", "Lokal", "--db", str(named_desk))
    assert ("Lokal",) in rows(named_desk, "SELECT title FROM feed")
    assert ("Lokal",) not in rows(default_desk, "SELECT title FROM feed")


def test_db_after_a_group_s_name_reaches_its_commands(named_desk: Path, default_desk: Path):
    listed = pantau("feeds", "--db", str(named_desk))
    assert "Warta Uji" in listed.output
    pantau("actors", "--db", str(named_desk))
    pantau("db", "--db", str(named_desk), "remove-orphans")
    upgraded = pantau("db", "upgrade", "--db", str(named_desk))
    assert "already at schema" in upgraded.output


def test_before_the_name_as_always_and_after_it_wins_when_both_are_given(named_desk: Path, default_desk: Path,
                                                                          tmp_path: Path):
    pantau("--db", str(named_desk), "retag")
    assert untagged(named_desk) == 0 and untagged(default_desk) == 1
    other = desk(tmp_path / "other.db", ["Satu", "Dua"])
    both = pantau("--db", str(named_desk), "retag", "--db", str(other))
    assert "Re-tagged 2 of 2 articles" in both.output
    assert untagged(other) == 0 and untagged(default_desk) == 1


def test_without_db_the_command_uses_pantau_db(default_desk: Path):
    assert "Re-tagged 1 of 1 articles" in pantau("retag").output
    assert untagged(default_desk) == 0


def test_a_damaged_desk_named_after_the_command_is_the_one_the_error_names(tmp_path: Path, default_desk: Path):
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not a database at all " * 200)
    result = CliRunner().invoke(main, ["search", "buruh", "--db", str(garbage)])
    assert result.exit_code != 0
    assert f"the database {garbage} is damaged" in result.output


def test_help_lists_db_where_the_command_reads_the_desk():
    for command in (["retag"], ["search"], ["doctor"], ["feeds", "add"], ["db", "upgrade"], ["export"]):
        assert "--db PATH|URL" in pantau(*command, "--help").output, command
    for command in (["tag"], ["extract"], ["eval"], ["demo"], ["db", "copy"]):
        assert "--db" not in pantau(*command, "--help").output, command
    assert "--db PATH|URL" in pantau("--help").output


def test_tag_accepts_db_after_its_name_and_ignores_it(tmp_path: Path):
    """`pantau --db X tag` always ignored X; after the name it is no longer an error either."""
    result = CliRunner().invoke(main, ["tag", "--db", str(tmp_path / "unused.db")], input="Buruh demo di Serang.")
    assert result.exit_code == 0, result.output
    assert '"places"' in result.stdout and not (tmp_path / "unused.db").exists()


def test_learn_keeps_its_own_db(tmp_path: Path, named_desk: Path):
    """`pantau learn --db` was already learn's option: its help and meaning are unchanged."""
    help_text = pantau("learn", "--help").output
    assert help_text.count("--db") == 1 and "The desk database whose manual types are labels" in help_text
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "articles.jsonl").write_text("")
    (corpus / "gold.jsonl").write_text("")
    missing = CliRunner().invoke(main, ["--db", str(named_desk), "learn", "--corpus", str(corpus),
                                        "--db", str(tmp_path / "nowhere.db")])
    assert missing.exit_code != 0 and f"no database at {tmp_path / 'nowhere.db'}" in missing.output
    nothing = CliRunner().invoke(main, ["learn", "--corpus", str(corpus), "--db", str(named_desk),
                                        "--out", str(tmp_path / "m.json")])
    assert nothing.exit_code != 0 and "nothing to learn from" in nothing.output
