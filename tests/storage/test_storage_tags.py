"""Tag rows: re-tagging replaces automatic tags, keeps manual ones, and one person stays one actor."""

from sqlmodel import Session, select

from storage.articles import NewArticle, add_articles, newest_articles
from storage.feeds import add_feed
from storage.models import MANUAL, Actor, Engagement
from storage.tags import article_engagements, article_mentions, articles_to_tag, replace_auto_tags


def stored_article(engine, guid: str) -> int:
    feed = add_feed(engine, "http://example.test/feed")
    add_articles(engine, feed.id, [NewArticle(guid, "", guid, None, "", "isi", "ok", "")])
    return next(row.id for row in newest_articles(engine, 50) if row.title == guid)


def officer(rank: str, name: str = "Condro Sasongko") -> dict:
    return {"kind": "police", "name": name, "position": "Kapolres", "rank": rank,
            "organisation": None, "unit": "Polres Serang", "spans": [[0, 10]]}


TAGS = {
    "places": [{"name": "Kabupaten Serang", "code": "36.04", "level": "kabupaten",
                "province": "Banten", "precision": 2, "span": [20, 36]}],
    "actors": [officer("AKBP"), {"kind": "labour", "name": "ASPSB", "position": None, "rank": None,
                                 "organisation": "Aliansi Serikat Pekerja Serikat Buruh", "unit": None,
                                 "spans": [[40, 45]]}],
    "engagements": [{"type": "dialogue", "secondary_types": [], "date": "2025-12-08", "date_precision": 1,
                     "year_inferred": False, "kabupaten_kota": "Kabupaten Serang", "code": "36.04",
                     "province": "Banten", "police_actors": ["Condro Sasongko"], "labour_actors": ["ASPSB"],
                     "other_actors": [], "evidence": {"text": "ngariung", "span": [50, 58]}}],
}


def test_retag_replaces_auto_and_keeps_manual(engine):
    article_id = stored_article(engine, "a")
    replace_auto_tags(engine, article_id, TAGS, "t1")
    with Session(engine) as session:
        session.add(Engagement(article_id=article_id, type="mediation", source=MANUAL, created_by="analis"))
        session.commit()
    replace_auto_tags(engine, article_id, TAGS, "t2")
    engagements = article_engagements(engine, article_id)
    assert sorted((e.type, e.source) for e in engagements) == [("dialogue", "auto"), ("mediation", "manual")]
    assert [e.tagger_version for e in engagements if e.source == "auto"] == ["t2"]
    assert len(article_mentions(engine, article_id)) == 2


def test_one_officer_across_rank_changes_and_near_spellings(engine):
    first = stored_article(engine, "first")
    second = stored_article(engine, "second")
    replace_auto_tags(engine, first, {"actors": [officer("Iptu", "Saeful Sani")]}, "t1")
    replace_auto_tags(engine, second, {"actors": [officer("AKP", "Saeful Sanni")]}, "t1")
    with Session(engine) as session:
        assert len(session.exec(select(Actor)).all()) == 1
    ranks = [article_mentions(engine, a)[0].rank for a in (first, second)]
    assert ranks == ["Iptu", "AKP"]


def test_articles_to_tag_follows_the_tagger_version(engine):
    article_id = stored_article(engine, "a")
    assert articles_to_tag(engine, "t1") == [article_id]
    replace_auto_tags(engine, article_id, TAGS, "t1")
    assert articles_to_tag(engine, "t1") == []
    assert articles_to_tag(engine, "t2") == [article_id]
