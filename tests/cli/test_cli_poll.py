"""`pantau poll --once` against the demo sites on 127.0.0.1: a summary, stored and tagged articles."""

from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import text

from demo.server import DemoServer
from storage.articles import add_articles, article_count
from storage.engine import make_engine
from storage.feeds import add_feed, disable_feed
from storage.tags import articles_to_tag
from tagging import TAGGER_VERSION
from tests.tui.tui_support import article
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


def test_actors_listed_and_merged_from_the_command_line(tmp_path: Path):
    db = str(tmp_path / "desk.db")
    runner = CliRunner()
    with DemoServer(initial=4, release_every_s=3600) as server:
        for url in server.feed_urls:
            runner.invoke(main, ["--db", db, "feeds", "add", url])
        assert runner.invoke(main, ["--db", db, "poll", "--once"]).exit_code == 0
    listing = runner.invoke(main, ["--db", db, "actors", "--kind", "police"])
    assert listing.exit_code == 0
    header, *lines = listing.output.splitlines()
    assert header.split() == ["id", "kind", "named", "name", "post", "·", "unit", "·", "organisation"]
    ids = [int(line.split()[0]) for line in lines]
    assert len(ids) >= 2
    merged = runner.invoke(main, ["--db", db, "actors", "merge", str(ids[0]), str(ids[1])])
    assert merged.exit_code == 0 and f"Merged actor {ids[1]} into {ids[0]}" in merged.output
    after = runner.invoke(main, ["--db", db, "actors", "--kind", "police"]).output
    assert str(ids[1]) not in [line.split()[0] for line in after.splitlines()[1:]]
    refused = runner.invoke(main, ["--db", db, "actors", "merge", str(ids[0]), str(ids[0])])
    assert refused.exit_code != 0 and "into itself" in refused.output


def test_poll_once_says_when_it_re_tags_an_older_tagger_s_articles(tmp_path: Path):
    """After a tagger upgrade the cycle re-tags every stored article: minutes to hours on a large desk."""
    db = tmp_path / "desk.db"
    engine = make_engine(f"sqlite:///{db}")
    feed = add_feed(engine, "https://warta-uji.test/feed.xml", title="Warta Uji")
    add_articles(engine, feed.id, [article(number) for number in range(1, 4)])
    disable_feed(engine, feed.url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE article SET tagger_version = '0.1.9'"))
    result = CliRunner().invoke(main, ["poll", "--once", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "Re-tagging 3 articles tagged by another tagger version (0.1.9) before this cycle ends." in result.stderr
    assert articles_to_tag(engine, TAGGER_VERSION) == []
    quiet = CliRunner().invoke(main, ["poll", "--once", "--db", str(db)])
    assert "Re-tagging" not in quiet.output
    engine.dispose()
