"""`pantau poll --once` against the demo sites on 127.0.0.1: a summary, stored and tagged articles."""

from pathlib import Path

from click.testing import CliRunner

from fetchers.demo_server import DemoServer
from storage.articles import article_count
from storage.engine import make_engine
from storage.tags import articles_to_tag
from tagging import TAGGER_VERSION
from tui.cli import main


def test_poll_once_stores_and_tags_then_finds_nothing_new(tmp_path: Path):
    db = str(tmp_path / "desk.db")
    runner = CliRunner()
    with DemoServer(initial=2, release_every_s=3600) as server:
        for url in server.feed_urls:
            assert runner.invoke(main, ["--db", db, "feeds", "add", url]).exit_code == 0

        first = runner.invoke(main, ["--db", db, "poll", "--once"])
        assert first.exit_code == 0, first.output
        assert "2 feeds polled: 0 not modified, 0 failed, 4 new articles" in first.output

        engine = make_engine(f"sqlite:///{db}")
        assert article_count(engine) == 4
        assert articles_to_tag(engine, TAGGER_VERSION) == []

        second = runner.invoke(main, ["--db", db, "poll", "--once", "--all"])
        assert "2 feeds polled: 2 not modified, 0 failed, 0 new articles" in second.output
        retagged = runner.invoke(main, ["--db", db, "retag"])
        assert retagged.exit_code == 0 and "Re-tagged 4 of 4 articles" in retagged.output
