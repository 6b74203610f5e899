"""The learned ranker (tagging/learned.py, tagging/training.py): it learns from labelled fictional articles to
order the types the rules propose, only ever reorders them, is deterministic, and is read from its file like
the lexicons. The corpus's check fifth is never learned from."""

import json
from pathlib import Path

import pytest

from tagging import learned, tag_article
from tagging.corpus import default_corpus, is_check, load_corpus
from tagging.learned import Model
from tagging.training import Example, Recorded, corpus_examples, cross_validate, record, train
from tests.support.ranker_fiction import HELD_OUT, TRAINING, FictionalArticle


def recorded(articles: list[FictionalArticle], prefix: str) -> list[Recorded]:
    return [record(Example(f"{prefix}{n}", a.text, None, "", (a.type,))) for n, a in enumerate(articles)]


@pytest.fixture(scope="module")
def model() -> Model:
    return train(recorded(TRAINING, "train-"))


def primary(text: str, ranker) -> tuple[str, ...]:
    with learned.using(ranker):
        return tuple(e.type for e in tag_article("", text).engagements)


def test_the_rules_alone_give_both_families_one_type():
    assert {primary(a.text, None) for a in HELD_OUT} == {("mediation",)}


def test_a_model_trained_on_fictional_labels_types_held_out_articles(model: Model):
    for article in HELD_OUT:
        assert primary(article.text, model) == (article.type,), article.text


def test_the_model_only_reorders_the_rules_types_and_keeps_the_evidence_true(model: Model):
    for article in HELD_OUT:
        with learned.using(None):
            rules = tag_article("", article.text).engagements[0]
        with learned.using(model):
            ranked = tag_article("", article.text).engagements[0]
        assert {ranked.type, *ranked.secondary_types} == {rules.type, *rules.secondary_types}
        trigger = {"hearing": "audiensi", "mediation": "memediasi"}[ranked.type]
        assert trigger in ranked.evidence.text


def test_training_is_deterministic():
    first = json.dumps(train(recorded(TRAINING, "a-")).to_json())
    again = json.dumps(train(recorded(TRAINING, "a-")).to_json())
    assert first == again


def test_a_model_file_round_trips_and_another_format_is_refused(model: Model):
    assert Model.from_json(json.loads(json.dumps(model.to_json()))) == model
    with pytest.raises(ValueError, match="format"):
        Model.from_json({"format": 99, "weights": {}})


def test_cross_validation_scores_rules_and_model_on_unseen_folds():
    result = cross_validate(recorded(TRAINING + HELD_OUT, "cv-"))
    assert result.articles == len(TRAINING + HELD_OUT)
    assert sum(f.articles for f in result.folds) == result.articles
    assert result.rules == 0.5, "the rules get the mediation family right and the hearing family wrong"
    assert result.improves and result.model > result.rules


def test_labels_with_no_choice_teach_nothing():
    same = [FictionalArticle(a.text, "mediation") for a in TRAINING if a.type == "mediation"]
    result = cross_validate(recorded(same, "same-"))
    assert result.rules == 1.0 and not result.improves


def test_tag_article_uses_the_model_file_in_the_package(model: Model, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "engagement_model.json"
    path.write_text(json.dumps(model.to_json()), encoding="utf-8")
    monkeypatch.setattr(learned, "model_path", lambda: path)
    learned.shipped.cache_clear()
    try:
        assert learned.shipped() == model
        hearing = next(a for a in HELD_OUT if a.type == "hearing")
        assert tuple(e.type for e in tag_article("", hearing.text).engagements) == ("hearing",)
    finally:
        learned.shipped.cache_clear()


def test_without_a_model_file_the_rules_order_stands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(learned, "model_path", lambda: tmp_path / "none.json")
    learned.shipped.cache_clear()
    try:
        assert learned.shipped() is None
        assert {tuple(e.type for e in tag_article("", a.text).engagements) for a in HELD_OUT} == {("mediation",)}
    finally:
        learned.shipped.cache_clear()


def test_the_shipped_model_if_any_loads():
    learned.shipped.cache_clear()
    assert learned.shipped() is None or learned.shipped().weights


def test_learning_from_the_corpus_never_reads_the_check_fifth():
    folder = default_corpus()
    if folder is None:
        pytest.skip("../shared/corpus is absent; this test reads the real corpus")
    articles = load_corpus(folder)
    examples = corpus_examples(articles)
    assert examples, "the tune part has engagement articles"
    assert not any(is_check(example.key.removeprefix("corpus:")) for example in examples)
    assert len(examples) == sum(1 for a in articles if not a.in_check_fifth and a.gold.engagement)
