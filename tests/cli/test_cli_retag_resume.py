"""`pantau retag` shows its progress, stops cleanly on ctrl+c, and `--resume` re-tags only what it had not reached."""

from pathlib import Path

from click.testing import CliRunner

import fetchers.tag_step
from storage.engine import make_engine
from storage.tags import articles_pending
from tagging import TAGGER_VERSION
from tests.cli.test_cli_tag_export_agree import corpus_articles
from storage.articles import add_articles
from storage.feeds import add_feed
from tui.cli import main

STOP_AT = 3


def test_an_interrupted_retag_is_resumed_where_it_stopped(tmp_path: Path, monkeypatch) -> None:
    db = tmp_path / "desk.db"
    engine = make_engine(f"sqlite:///{db}")
    stored = corpus_articles()
    add_articles(engine, add_feed(engine, "https://desk.test/feed.xml").id, stored)
    tag_one = fetchers.tag_step._tag_one
    calls = []

    def interrupted(engine, article_id: int) -> bool:
        calls.append(article_id)
        if len(calls) > STOP_AT:
            raise KeyboardInterrupt
        return tag_one(engine, article_id)

    monkeypatch.setattr(fetchers.tag_step, "_tag_one", interrupted)
    stopped = CliRunner().invoke(main, ["--db", str(db), "retag"])
    assert stopped.exit_code == 130
    assert f"Interrupted after re-tagging {STOP_AT} of {len(stored)} articles" in stopped.output
    assert articles_pending(engine, TAGGER_VERSION) == len(stored) - STOP_AT

    monkeypatch.setattr(fetchers.tag_step, "_tag_one", tag_one)
    resumed = CliRunner().invoke(main, ["--db", str(db), "retag", "--resume"])
    assert resumed.exit_code == 0, resumed.output
    assert f"Re-tagged {len(stored) - STOP_AT} of {len(stored) - STOP_AT} articles" in resumed.output
    assert articles_pending(engine, TAGGER_VERSION) == 0
    engine.dispose()
