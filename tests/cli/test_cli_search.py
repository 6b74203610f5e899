"""`pantau search`: the desk's search on the command line, on a real SQLite file."""

from pathlib import Path

from click.testing import CliRunner

from storage.articles import add_articles
from storage.engine import make_engine
from storage.feeds import add_feed
from tests.tui.tui_support import article
from tui.cli import main


def test_search_lists_what_the_desk_finds_newest_first_and_says_why_nothing_matches(tmp_path: Path):
    """`pantau search buruh` was 'No such command'; a newcomer looks for the desk's search there first."""
    path = tmp_path / "desk.db"
    engine = make_engine(f"sqlite:///{path}")
    feed = add_feed(engine, "https://warta-uji.test/feed.xml", title="Warta Uji")
    add_articles(engine, feed.id, [article(1, "Buruh mogok di Cilegon"), article(2, "Polisi jaga pabrik"),
                                   article(3, "Buruh audiensi ke Polres Serang")])
    engine.dispose()
    runner = CliRunner()
    found = runner.invoke(main, ["--db", str(path), "search", "buruh", "--limit", "1"])
    assert found.exit_code == 0, found.output
    lines = found.stdout.splitlines()
    assert lines[0].endswith("Warta Uji             Buruh audiensi ke Polres Serang"), "newest first"
    assert lines[1] == "3 articles match; the newest 1 shown (--limit)."
    excluded = runner.invoke(main, ["--db", str(path), "search", "buruh", "-mogok"])
    assert excluded.exit_code == 0, excluded.output
    assert excluded.stdout.splitlines()[-1] == "2 articles match.", "-mogok excludes the word, as in the desk"
    phrase = runner.invoke(main, ["--db", str(path), "search", '"mogok di"'])
    assert phrase.stdout.splitlines()[-1] == "1 article matches."
    typo = runner.invoke(main, ["--db", str(path), "search", "kab:serangg"])
    assert typo.exit_code == 0
    assert "No article matches 'kab:serangg': no kabupaten/kota 'serangg': did you mean Kabupaten Serang" in typo.stdout
