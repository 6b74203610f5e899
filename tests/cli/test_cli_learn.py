"""`pantau learn`: trains the ranker on the corpus's tune part and the desk's manual types (a real SQLite file),
cross-validates, and writes the model only when it beats the rules alone — the same bytes for the same labels."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from storage.articles import NewArticle, add_articles, newest_articles
from storage.engine import make_engine
from storage.feeds import add_feed
from storage.manual_tags import set_type
from tagging import learned, tag_article
from tagging.learned import Model
from tests.support.ranker_fiction import HELD_OUT, TRAINING, FictionalArticle
from tui.cli import main


def desk(path: Path, articles: list[FictionalArticle]) -> Path:
    """A desk database where an analyst typed each article by hand."""
    engine = make_engine(f"sqlite:///{path}")
    feed = add_feed(engine, "http://example.test/feed")
    add_articles(engine, feed.id, [NewArticle(f"g{n}", f"http://example.test/{n}", f"Berita {n}", None, "", a.text,
                                              "ok", "") for n, a in enumerate(articles)])
    ids = sorted(row.id for row in newest_articles(engine, len(articles)))
    for article_id, article in zip(ids, articles):
        set_type(engine, article_id, article.type, "analis1")
    engine.dispose()
    return path


@pytest.fixture
def empty_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "articles.jsonl").write_text("")
    (folder / "gold.jsonl").write_text("")
    return folder


def learn(*args: str):
    return CliRunner().invoke(main, ["learn", *args])


def test_learn_trains_on_the_desks_manual_types(tmp_path: Path, empty_corpus: Path):
    db = desk(tmp_path / "desk.db", TRAINING + HELD_OUT)
    out = tmp_path / "model.json"
    result = learn("--db", str(db), "--corpus", str(empty_corpus), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert f"0 of the corpus's tune part, {len(TRAINING + HELD_OUT)} typed by hand on the desk" in result.output
    assert "fold 1:" in result.output and "all: 0.500 →" in result.output
    model = Model.from_json(json.loads(out.read_text(encoding="utf-8")))
    assert model.trained_on["desk_labels"] == len(TRAINING + HELD_OUT)
    assert model.cross_validated["model"] > model.cross_validated["rules"] == 0.5
    hearing = next(a for a in HELD_OUT if a.type == "hearing")
    with learned.using(model):
        assert tag_article("", hearing.text).engagements[0].type == "hearing"


def test_the_same_labels_write_the_same_file(tmp_path: Path, empty_corpus: Path):
    db = desk(tmp_path / "desk.db", TRAINING)
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    for out in (first, second):
        assert learn("--db", str(db), "--corpus", str(empty_corpus), "--out", str(out)).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def test_a_ranker_no_better_than_the_rules_is_not_kept(tmp_path: Path, empty_corpus: Path):
    agreeing = [a for a in TRAINING + HELD_OUT if a.type == "mediation"]
    db = desk(tmp_path / "desk.db", agreeing)
    out = tmp_path / "model.json"
    out.write_text(json.dumps(Model(weights={"type=hearing": 1.0}).to_json()))
    result = learn("--db", str(db), "--corpus", str(empty_corpus), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "does not beat the rules alone: no model written" in result.output
    assert "Removed the earlier model" in result.output and not out.exists()
    assert learn("--db", str(db), "--corpus", str(empty_corpus), "--out", str(out), "--always").exit_code == 0
    assert out.is_file()


def test_learn_without_labels_or_database_says_what_to_do(tmp_path: Path, empty_corpus: Path):
    missing = learn("--db", str(tmp_path / "nowhere.db"), "--corpus", str(empty_corpus))
    assert missing.exit_code != 0 and "no database at" in missing.output
    db = desk(tmp_path / "desk.db", [])
    nothing = learn("--db", str(db), "--corpus", str(empty_corpus), "--out", str(tmp_path / "m.json"))
    assert nothing.exit_code != 0 and "nothing to learn from" in nothing.output
    unreadable = learn("--db", str(db), "--corpus", str(tmp_path / "no-corpus"), "--out", str(tmp_path / "m.json"))
    assert unreadable.exit_code != 0 and "cannot read the corpus" in unreadable.output
