"""The review list: articles with an uncertain engagement of the tagger's, until an analyst confirms, corrects
or hides them (both backends)."""

import copy

import pytest

from storage.manual_tags import TaggingError, confirm_coding, set_not_relevant, set_type, undo_last
from storage.review import REVIEW_BELOW, review_count
from storage.search import SearchSource
from storage.search_parser import parse_query
from storage.tags import article_engagements, replace_auto_tags
from tests.storage.test_storage_manual_tags import TAGS, stored_articles
from tests.support.tagged import tags_of


def tags_with_confidence(confidence: float) -> dict:
    tags = copy.deepcopy(TAGS)
    tags["engagements"][0]["confidence"] = confidence
    return tags


@pytest.fixture
def desk(engine) -> tuple[int, int, int]:
    """Three tagged articles: an uncertain engagement, a confident one, and one with no engagement."""
    uncertain, confident, untagged = stored_articles(engine, 3)
    replace_auto_tags(engine, uncertain, tags_of(tags_with_confidence(REVIEW_BELOW - 0.2), "t1"))
    replace_auto_tags(engine, confident, tags_of(tags_with_confidence(REVIEW_BELOW), "t1"))
    return uncertain, confident, untagged


def found(engine, text: str) -> set[int]:
    return {row.id for row in SearchSource(engine, parse_query(text)).page(100, None)}


def test_only_the_uncertain_engagement_waits_for_review(engine, desk):
    uncertain, _confident, _untagged = desk
    assert found(engine, "is:review") == {uncertain}
    assert review_count(engine) == 1
    assert uncertain not in found(engine, "-is:review")


def test_confirming_clears_the_review_and_keeps_the_taggers_coding(engine, desk):
    uncertain = desk[0]
    confirm_coding(engine, uncertain, "alice")
    assert found(engine, "is:review") == set()
    assert review_count(engine) == 0
    rows = article_engagements(engine, uncertain)
    assert [(row.type, row.source, row.kabupaten_code) for row in rows if row.source == "manual"] == [
        ("dialogue", "manual", "36.04")]
    replace_auto_tags(engine, uncertain, tags_of(tags_with_confidence(0.1), "t2"))
    assert review_count(engine) == 0


def test_undoing_a_confirmation_puts_it_back_on_the_list(engine, desk):
    confirm_coding(engine, desk[0], "alice")
    undo_last(engine, "alice")
    assert review_count(engine) == 1


def test_a_correction_or_a_not_relevant_mark_clears_the_review(engine, desk):
    uncertain = desk[0]
    set_type(engine, uncertain, "hearing", "alice")
    assert review_count(engine) == 0
    undo_last(engine, "alice")
    set_not_relevant(engine, uncertain, True, "alice")
    assert review_count(engine) == 0


def test_nothing_to_confirm_says_why(engine, desk):
    with pytest.raises(TaggingError, match="nothing to confirm: the tagger found no engagement here"):
        confirm_coding(engine, desk[2], "alice")
    confirm_coding(engine, desk[0], "alice")
    with pytest.raises(TaggingError, match="nothing to confirm: .* already coded by hand"):
        confirm_coding(engine, desk[0], "alice")
