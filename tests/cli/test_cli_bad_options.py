"""Every option and argument of every `pantau` command, given a malformed value, gets a worded refusal.

The cases below name the parameter they exercise; `test_every_parameter_has_a_bad_value_case` walks
the command tree (what `pantau --help` shows) and fails when a command or option is added without
one. After each refusal the database still holds what it held, and nothing reached the screen as a
traceback.
"""

import sqlite3
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from tui.cli import main
from tui.cli.desk_db import DeskDbOption

SQL_FRAGMENTS = ("' OR 1=1 --", '"; DROP TABLE article; --', "1; DELETE FROM feed")

# (command path, parameter name, arguments after `--db DB`, phrase the refusal contains)
CASES = [
    ("", "db", ["--db", "nosuchdriver://host/x", "feeds"], "cannot open the database"),
    ("", "db", ["--db", "postgresql://pantau@127.0.0.1:1/none", "feeds"], "cannot open the database"),
    ("*", "db", ["retag", "--db", "nosuchdriver://host/x"], "cannot open the database"),
    ("*", "db", ["feeds", "add", "https://contoh.test/rss", "--db", "postgresql://pantau@127.0.0.1:1/none"],
     "cannot open the database"),
    ("demo", "release_every_s", ["demo", "--every", "sering"], "'sering' is not a valid float"),
    ("poll", "every_feed", ["poll", "--all"], "--all goes with --once"),
    ("search", "words", ["search", "type:foo"], "no engagement type `foo`"),
    ("search", "words", ["search"], "Missing argument 'QUERY...'"),
    ("search", "limit", ["search", "buruh", "--limit", "0"], "0 is not in the range x>=1"),
    ("demo", "release_every_s", ["demo", "--every=-1"], "-1.0 is not in the range x>=0.1"),
    ("feeds add", "address", ["feeds", "add", "ftp://contoh.test/rss"], "only http:// and https://"),
    ("feeds add", "address", ["feeds", "add", "-"], "only http:// and https://"),
    ("feeds add", "address", ["feeds", "add", SQL_FRAGMENTS[1]], "only http:// and https://"),
    ("feeds add", "kind", ["feeds", "add", "https://contoh.test/", "--kind", "majalah"], "'majalah' is not one of"),
    ("feeds add", "title", ["feeds", "add", "https://contoh.test/rss", "--title"], "requires an argument"),
    ("feeds remove", "url_or_id", ["feeds", "remove", SQL_FRAGMENTS[0]], "no feed matches"),
    ("feeds remove", "url_or_id", ["feeds", "remove", "-1"], "No such option"),
    ("feeds remove", "url_or_id", ["feeds", "remove", "--", "-1"], "no feed matches"),
    ("feeds enable", "url_or_id", ["feeds", "enable", SQL_FRAGMENTS[2]], "no feed matches"),
    ("feeds import", "opml_file", ["feeds", "import", "tidak-ada.opml"], "does not exist"),
    ("feeds export", "opml_file", ["feeds", "export", "/tidak/ada/feeds.opml"], "No such file or directory"),
    ("feeds set", "feed_id", ["feeds", "set", "satu"], "'satu' is not a valid integer"),
    ("feeds set", "feed_id", ["feeds", "set", "999", "--interval", "60"], "no feed 999"),
    ("feeds set", "interval_s", ["feeds", "set", "1", "--interval", "-5"], "-5 is not in the range x>=0"),
    ("feeds set", "user_agent", ["feeds", "set", "1", "--user-agent", "Pantau\r\nX-Evil: 1"], "control characters"),
    ("extract", "source", ["extract", "tidak-ada.html"], "cannot read tidak-ada.html"),
    ("extract", "source", ["extract", "http://"], "not an http(s) address"),
    ("tag", "source", ["tag", "tidak-ada.txt"], "cannot read tidak-ada.txt"),
    ("tag", "published", ["tag", "--published", "2025-13-45", "-"], "not an ISO date"),
    ("tag", "published", ["tag", "--published", "kemarin", "-"], "not an ISO date"),
    ("actors", "kind", ["actors", "--kind", "alien"], "'alien' is not one of"),
    ("actors", "limit", ["actors", "--limit", "-3"], "-3 is not in the range x>=1"),
    ("actors", "limit", ["actors", "--limit", "banyak"], "'banyak' is not a valid integer"),
    ("actors merge", "keep_id", ["actors", "merge", "x", "2"], "'x' is not a valid integer"),
    ("actors merge", "other_id", ["actors", "merge", "1", "1; DROP TABLE actor"], "is not a valid integer"),
    ("actors split", "actor_id", ["actors", "split", "-", "--articles", "1", "--name", "A"], "'-' is not a valid integer"),
    ("actors split", "article_ids", ["actors", "split", "1", "--articles", "1,dua", "--name", "A"], "article ids"),
    ("actors split", "name", ["actors", "split", "1", "--articles", "1"], "Missing option '--name'"),
    ("export", "fmt", ["export", "--format", "xlsx"], "'xlsx' is not one of"),
    ("export", "since", ["export", "--since", "yesterdayish"], "`yesterdayish` is not a date"),
    ("export", "since", ["export", "--since", "99999y"], "`99999y` is not a date"),
    ("export", "until", ["export", "--until", "2025-13-45"], "`2025-13-45` is not a date"),
    ("export", "kabupaten", ["export", "--kab", ""], "--kab needs a code or a name"),
    ("export", "kabupaten", ["export", "--kab", "atlantis", "-o", "ekspor.csv"], "no kabupaten/kota 'atlantis'"),
    ("export", "types", ["export", "--type", SQL_FRAGMENTS[0]], "no engagement type"),
    ("export", "output", ["export", "-o", "/tidak/ada/ekspor.csv"], "No such file or directory"),
    ("brief", "week", ["brief", "--week", "2025-48"], "is not an ISO week"),
    ("brief", "week", ["brief", "--week", "2025-W54"], "2025 has no week 54"),
    ("brief", "since", ["brief", "--since", "yesterdayish"], "`yesterdayish` is not a date"),
    ("brief", "until", ["brief", "--until", "2025-13-45"], "`2025-13-45` is not a date"),
    ("brief", "until", ["brief", "--since", "2025-12-08", "--until", "2025-12-01"], "starts (2025-12-08) after it ends"),
    ("brief", "provinces", ["brief", "--province", " "], "needs a code or a name"),
    ("brief", "kabupaten", ["brief", "--kab", ""], "needs a code or a name"),
    ("brief", "kabupaten", ["brief", "--kab", "serangg"], "no kabupaten/kota 'serangg': did you mean Kabupaten Serang"),
    ("brief", "output", ["brief", "-o", "/tidak/ada/brief.html"], "there is no folder /tidak/ada"),
    ("eval", "folder", ["eval", "--corpus", "/tidak/ada"], "cannot read the corpus in /tidak/ada"),
    ("learn", "folder", ["learn", "--corpus", "/tidak/ada"], "cannot read the corpus in /tidak/ada"),
    ("learn", "db", ["learn", "--db", "tidak-ada.db"], "no database at"),
    ("learn", "out", ["learn", "--out", "/tidak/ada/model.json"], "no directory /tidak/ada"),
    ("db copy", "source", ["db", "copy", "tidak-ada.db", "baru.db"], "there is no database at"),
    ("db copy", "target", ["db", "copy", "DB", "nosuchdriver://x"], "cannot open the database"),
]


def _parameters(command: click.Command, path: str = "") -> set[tuple[str, str]]:
    """(command path, parameter name) of every option and argument that takes a value; the `--db` every
    command shares is one parameter, path "*"."""
    found = {("*" if isinstance(parameter, DeskDbOption) else path, parameter.name) for parameter in command.params
             if parameter.name not in ("help", "version") and not getattr(parameter, "is_flag", False)}
    if isinstance(command, click.Group):
        context = click.Context(command)
        for name in command.list_commands(context):
            found |= _parameters(command.get_command(context, name), f"{path} {name}".strip())
    return found


def test_every_parameter_has_a_bad_value_case():
    covered = {(path, name) for path, name, _arguments, _phrase in CASES}
    assert _parameters(main) - covered == set()


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("desk") / "desk.db"
    result = CliRunner().invoke(main, ["--db", str(path), "feeds"])
    assert result.exit_code == 0, result.output
    return path


def _counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as connection:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables}


@pytest.mark.parametrize(("path", "name", "arguments", "phrase"), CASES,
                         ids=[f"{path or 'pantau'}-{name}-{index}" for index, (path, name, _a, _p) in enumerate(CASES)])
def test_bad_value_is_refused_with_a_message(desk: Path, tmp_path: Path, monkeypatch, path, name, arguments, phrase):
    monkeypatch.chdir(tmp_path)
    before = _counts(desk)
    arguments = [str(desk) if argument == "DB" else argument for argument in arguments]
    if arguments[0] != "--db":
        arguments = ["--db", str(desk), *arguments]
    result = CliRunner().invoke(main, arguments, input="")
    assert result.exit_code in (1, 2), (result.exit_code, result.output)
    assert isinstance(result.exception, SystemExit), result.exception
    assert phrase in result.output, result.output
    assert "Traceback" not in result.output
    assert _counts(desk) == before
    assert not (tmp_path / "tidak-ada.db").exists()
