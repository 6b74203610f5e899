"""Floors against the hand-annotated gold set of tests/gold/ (scored by bench/_gold.py)."""

import pytest

from bench._gold import expected_fields, gold_files, load_gold, predicted_fields, read_article, evaluate
from tagging import tag_article

ISSUE_FIELDS = ("places", "police actors", "labour actors", "engagement type", "event date")


@pytest.fixture
def seed_gold(shared_seed_texts: dict[str, str]) -> list:
    paths = gold_files("seeds")
    assert len(paths) == len(shared_seed_texts) == 5
    return paths


def test_tag_seeds_every_place_date_and_type_right(seed_gold: list) -> None:
    for path in seed_gold:
        gold = load_gold(path)
        article = read_article(gold["article"], gold.get("published"))
        tags = tag_article(article.title, article.text, article.published)
        predicted, expected = predicted_fields(tags), expected_fields(gold)
        for name in ("places", "engagement place", "event date", "engagement type", "primary type"):
            assert predicted[name] == expected[name], (path.stem, name)


def test_tag_seeds_actor_f1_at_least_0_9(seed_gold: list) -> None:
    report = evaluate(seed_gold)
    assert report.scores["police actors"].f1 >= 0.9
    assert report.scores["labour actors"].f1 >= 0.9


def test_tag_seeds_003_and_004_are_negatives(seed_gold: list) -> None:
    for stem in ("seed_003", "seed_004"):
        gold = load_gold(next(p for p in seed_gold if p.stem == stem))
        article = read_article(gold["article"], gold.get("published"))
        assert tag_article("", article.text, article.published).engagements == ()


def test_tag_seed_004_year_comes_from_the_weekday_without_publication(seed_gold: list) -> None:
    gold = load_gold(next(p for p in seed_gold if p.stem == "seed_004"))
    article = read_article(gold["article"])
    dates = tag_article("", article.text).dates
    assert [d.date.isoformat() for d in dates] == ["2019-02-11"]


def test_tag_whole_gold_set_every_field_at_least_0_85(shared_seed_texts: dict[str, str]) -> None:
    paths = gold_files()
    assert len(paths) >= 45, "the demo corpus gold should be in tests/gold/demo"
    report = evaluate(paths)
    for name in ISSUE_FIELDS:
        assert report.scores[name].f1 >= 0.85, (name, report.scores[name])
