"""Merging and splitting actors: mentions move, later tagging follows a merge, mistakes are refused."""

import pytest

from storage.actors import ActorEditError, list_actors, merge_actors, split_actor
from storage.manual_tags import known_actors
from storage.articles import NewArticle, add_articles, newest_articles
from storage.feeds import add_feed
from storage.tags import article_mentions, replace_auto_tags
from tests.support.tagged import tags_of


def police(name: str) -> dict:
    return {"kind": "police", "name": name, "position": "Kapolsek", "rank": "AKP",
            "organisation": None, "unit": "Polsek Cikande", "spans": [[0, 5]]}


@pytest.fixture
def articles(engine) -> list[int]:
    feed = add_feed(engine, "http://example.test/feed")
    add_articles(engine, feed.id, [NewArticle(f"g{n}", "", f"t{n}", None, "", "isi", "ok", "") for n in range(3)])
    return sorted(row.id for row in newest_articles(engine, 10))


def test_merge_moves_mentions_and_later_tagging_follows(engine, articles):
    replace_auto_tags(engine, articles[0], tags_of({"actors": [police("Bambang Wiryawan")]}, "t1"))
    replace_auto_tags(engine, articles[1], tags_of({"actors": [police("Kapten Udin")]}, "t1"))
    keep, other = (article_mentions(engine, a)[0].actor_id for a in articles[:2])
    assert merge_actors(engine, keep, other) == 1
    assert [c.actor.id for c in list_actors(engine)] == [keep]
    replace_auto_tags(engine, articles[2], tags_of({"actors": [police("Kapten Udin")]}, "t1"))
    assert article_mentions(engine, articles[2])[0].actor_id == keep


def test_split_moves_chosen_articles_to_a_new_actor(engine, articles):
    for article_id in articles:
        replace_auto_tags(engine, article_id, tags_of({"actors": [police("Asep Saepudin")]}, "t1"))
    actor_id = article_mentions(engine, articles[0])[0].actor_id
    created = split_actor(engine, actor_id, [articles[2]], "Asep Saepuloh")
    assert article_mentions(engine, articles[2])[0].actor_id == created.id
    assert article_mentions(engine, articles[0])[0].actor_id == actor_id
    counts = {c.actor.name: c.mentions for c in list_actors(engine)}
    assert counts == {"Asep Saepudin": 2, "Asep Saepuloh": 1}


def test_an_actor_a_retag_left_named_nowhere_is_not_offered(engine, articles):
    replace_auto_tags(engine, articles[0], tags_of({"actors": [police("Operasional")]}, "t1"))
    replace_auto_tags(engine, articles[1], tags_of({"actors": [police("Asep Saepudin")]}, "t1"))
    replace_auto_tags(engine, articles[0], tags_of({"actors": [police("Dadan Kurniawan")]}, "t2"))
    assert {c.actor.name for c in list_actors(engine)} == {"Asep Saepudin", "Dadan Kurniawan"}
    assert {actor.name for actor in known_actors(engine)} == {"Asep Saepudin", "Dadan Kurniawan"}


def test_impossible_edits_are_refused(engine, articles):
    replace_auto_tags(engine, articles[0], tags_of({"actors": [police("Asep Saepudin")]}, "t1"))
    actor_id = article_mentions(engine, articles[0])[0].actor_id
    with pytest.raises(ActorEditError, match="into itself"):
        merge_actors(engine, actor_id, actor_id)
    with pytest.raises(ActorEditError, match="no actor"):
        merge_actors(engine, actor_id, 999)
    with pytest.raises(ActorEditError, match="not mentioned"):
        split_actor(engine, actor_id, [articles[1]], "Orang Lain")
