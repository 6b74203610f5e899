"""Every `pantau` command that prints ends quietly when its reader has gone (`pantau export | head`).

Each command runs as the installed console script with its standard output a pipe whose reading end is
closed before the command writes, so its first write (or the interpreter's last flush) meets a closed
pipe: nothing may be said about it on standard error, and the command stops with status 0 or 1.
`test_every_printing_command_is_tried` walks the command tree so a new command cannot be left out.
"""

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from demo.server import DemoServer
from tagging.corpus import is_check
from tui.cli import main

PANTAU = Path(sys.executable).with_name("pantau")
PAGE = ("<html><head><title>Buruh berunjuk rasa</title></head><body><article><h1>Buruh berunjuk rasa</h1>"
        + "<p>Ratusan buruh berunjuk rasa di depan kantor Bupati Serang pada Senin, dikawal Polres Serang.</p>" * 8
        + "</article></body></html>")
NOT_PRINTING = {"demo"}
"""Opens the desk on the terminal: nothing to pipe."""

# (command path, arguments after `--db DB`; FILE, PAGE, COPY and CORPUS stand for files of the test)
CASES = [
    ("--help", ["--help"]),
    ("--version", ["--version"]),
    ("feeds", ["feeds"]),
    ("feeds add", ["feeds", "add", "http://127.0.0.1:9/baru.xml"]),
    ("feeds remove", ["feeds", "remove", "http://127.0.0.1:9/baru.xml"]),
    ("feeds enable", ["feeds", "enable", "http://127.0.0.1:9/baru.xml"]),
    ("feeds set", ["feeds", "set", "1", "--interval", "900"]),
    ("feeds export", ["feeds", "export"]),
    ("feeds import", ["feeds", "import", "FILE"]),
    ("poll", ["poll"]),
    ("extract", ["extract", "PAGE"]),
    ("extract", ["extract", "PAGE", "--json"]),
    ("tag", ["tag", "PAGE", "--html"]),
    ("retag", ["retag"]),
    ("actors", ["actors"]),
    ("actors merge", ["actors", "merge", "1", "2"]),
    ("actors split", ["actors", "split", "1", "--articles", "1", "--name", "Petugas Baru"]),
    ("export", ["export"]),
    ("export", ["export", "--format", "jsonl"]),
    ("doctor", ["doctor", "--offline"]),
    ("db upgrade", ["db", "upgrade"]),
    ("db copy", ["db", "copy", "DB", "COPY"]),
    ("db rebuild-search", ["db", "rebuild-search"]),
    ("db remove-orphans", ["db", "remove-orphans"]),
    ("poll", ["poll", "--once"]),
    ("eval", ["eval", "--corpus", "CORPUS"]),
    ("learn", ["learn", "--corpus", "CORPUS", "--out", "model.json"]),
    ("brief", ["brief", "-o", "brief.html"]),
    ("search", ["search", "buruh"]),
]


def _commands(command: click.Command, path: str = "") -> set[str]:
    """Every command path `pantau --help` leads to, groups included (they print when run alone)."""
    found = {path} if path else set()
    if isinstance(command, click.Group):
        context = click.Context(command)
        for name in command.list_commands(context):
            found |= _commands(command.get_command(context, name), f"{path} {name}".strip())
    return found


def test_every_printing_command_is_tried():
    tried = {path for path, _arguments in CASES}
    assert _commands(main) - NOT_PRINTING - {"db"} <= tried


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A desk with the demo's articles, tagged, and the files the commands read; the feeds answer no more."""
    folder = tmp_path_factory.mktemp("pipe")
    db = str(folder / "desk.db")
    runner = CliRunner()
    with DemoServer(initial=3, release_every_s=3600) as server:
        for url in server.feed_urls:
            assert runner.invoke(main, ["--db", db, "feeds", "add", url]).exit_code == 0
        assert runner.invoke(main, ["--db", db, "poll", "--once"]).exit_code == 0
    opml = folder / "feeds.opml"
    assert runner.invoke(main, ["--db", db, "feeds", "export", str(opml)]).exit_code == 0
    page = folder / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    corpus = folder / "corpus"
    corpus.mkdir()
    write_small_corpus(corpus)
    return {"DB": db, "FILE": str(opml), "PAGE": str(page), "COPY": str(folder / "copy.db"), "CORPUS": str(corpus)}


def write_small_corpus(folder: Path, size: int = 12) -> None:
    """A labelled corpus of our own sentences, all in the tune part (the part `pantau learn` reads)."""
    texts = {
        "dialogue": "Kapolres Serang AKBP Dimas Wiratama bersilaturahmi dengan pengurus KSPSI di Cikande, Senin (8/12/2025).",
        "protest_security": "Ratusan buruh FSPMI berunjuk rasa di depan kantor Bupati Serang, Senin (8/12/2025), dikawal "
                            "personel Polres Serang.",
    }
    ids = [f"uji-{n}" for n in range(1, 4 * size) if not is_check(f"uji-{n}")][:size]
    labels = [list(texts)[n % 2] for n in range(size)]
    (folder / "articles.jsonl").write_text("".join(json.dumps({"id": i, "text": texts[t]}) + "\n"
                                                   for i, t in zip(ids, labels)), encoding="utf-8")
    (folder / "gold.jsonl").write_text("".join(json.dumps({"id": i, "engagement": True, "engagement_type_16": t}) + "\n"
                                               for i, t in zip(ids, labels)), encoding="utf-8")


@pytest.mark.parametrize(("path", "arguments"), CASES, ids=[" ".join(arguments) for _path, arguments in CASES])
def test_a_closed_pipe_ends_the_command_quietly(desk: dict[str, str], tmp_path: Path, path: str, arguments: list[str]):
    Path(desk["COPY"]).unlink(missing_ok=True)
    command = [str(PANTAU), "--db", desk["DB"], *(desk.get(argument, argument) for argument in arguments)]
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               cwd=tmp_path)
    process.stdout.close()
    try:
        stderr = process.stderr.read().decode()
        status = process.wait(timeout=60)
    finally:
        process.kill()
    assert "pipe" not in stderr.lower() and "error" not in stderr.lower() and "Traceback" not in stderr, stderr
    assert status in (0, 1), (status, stderr)
