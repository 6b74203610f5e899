"""Tag rows: re-tagging replaces automatic tags, keeps manual ones, and one person stays one actor."""

import json

from sqlalchemy import update
from sqlmodel import Session, select

from storage.articles import NewArticle, add_articles, newest_articles
from storage.feeds import add_feed
from storage.models import MANUAL, Actor, ActorMention, Article, Engagement
from storage.tags import (article_engagements, article_mentions, article_places, articles_to_tag, replace_auto_tags,
                          sampled_tagger_versions, tagging_backlog)
from tagging import tag_article
from tests.support.tagged import tags_of


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
    replace_auto_tags(engine, article_id, tags_of(TAGS, "t1"))
    with Session(engine) as session:
        session.add(Engagement(article_id=article_id, type="mediation", source=MANUAL, created_by="analis"))
        session.commit()
    replace_auto_tags(engine, article_id, tags_of(TAGS, "t2"))
    engagements = article_engagements(engine, article_id)
    assert sorted((e.type, e.source) for e in engagements) == [("dialogue", "auto"), ("mediation", "manual")]
    assert [e.tagger_version for e in engagements if e.source == "auto"] == ["t2"]
    assert len(article_mentions(engine, article_id)) == 2


def test_one_officer_across_rank_changes_and_near_spellings(engine):
    first = stored_article(engine, "first")
    second = stored_article(engine, "second")
    replace_auto_tags(engine, first, tags_of({"actors": [officer("Iptu", "Saeful Sani")]}, "t1"))
    replace_auto_tags(engine, second, tags_of({"actors": [officer("AKP", "Saeful Sanni")]}, "t1"))
    with Session(engine) as session:
        assert len(session.exec(select(Actor)).all()) == 1
    ranks = [article_mentions(engine, a)[0].rank for a in (first, second)]
    assert ranks == ["Iptu", "AKP"]


def office(unit: str | None) -> dict:
    return {"kind": "government", "name": None, "position": None, "rank": None,
            "organisation": "Dinas Tenaga Kerja", "unit": unit, "spans": [[0, 18]]}


def test_a_body_named_without_its_area_is_not_another_areas_body(engine):
    bogor = stored_article(engine, "bogor")
    karawang = stored_article(engine, "karawang")
    replace_auto_tags(engine, bogor, tags_of({"actors": [office("Kabupaten Bogor")]}, "t1"))
    replace_auto_tags(engine, karawang, tags_of({"actors": [office(None)]}, "t1"))
    replace_auto_tags(engine, stored_article(engine, "bogor again"), tags_of({"actors": [office("Kabupaten Bogor")]}, "t1"))
    assert [m.unit for m in article_mentions(engine, karawang)] == [None]
    assert [m.unit for m in article_mentions(engine, bogor)] == ["Kabupaten Bogor"]
    with Session(engine) as session:
        assert len(session.exec(select(Actor)).all()) == 2


def test_articles_to_tag_follows_the_tagger_version(engine):
    article_id = stored_article(engine, "a")
    assert articles_to_tag(engine, "t1") == [article_id]
    replace_auto_tags(engine, article_id, tags_of(TAGS, "t1"))
    assert articles_to_tag(engine, "t1") == []
    assert articles_to_tag(engine, "t2") == [article_id]


INJURED = ("Kapolres Serang AKBP Condro Sasongko membenarkan aksi buruh Aliansi Serikat Pekerja Serikat Buruh "
           "(ASPSB) di Kecamatan Cikande, Kabupaten Serang, dibubarkan dengan gas air mata pada Senin (8/12/2025). "
           "Dua buruh dirawat di rumah sakit.")


def test_every_field_the_tagger_computes_is_stored(engine):
    """The tagger's own values go in; what it read from the text (excessive force, trigger spans, how a place
    was decided, what each mention says) comes back out of the rows."""
    article_id = stored_article(engine, "a")
    tags = tag_article("", INJURED)
    [found] = tags.engagements
    replace_auto_tags(engine, article_id, tags)
    [row] = article_engagements(engine, article_id)
    assert (row.acled_disorder_type, row.acled_event_type, row.acled_sub_event_type) == (
        "Demonstrations", "Protests", "Excessive force against protesters")
    assert json.loads(row.triggers) == [span.to_json() for span in found.triggers] and found.triggers
    assert (row.date_span_start, row.date_span_end) == (found.date.span.start, found.date.span.end)
    assert (row.weekday_conflict, row.place_precision, row.confidence) == (
        found.date.weekday_conflict, found.place.precision, found.confidence)
    assert json.loads(row.notes) == list(found.notes)
    places = article_places(engine, article_id)
    assert [(p.code, p.basis, p.confidence, p.is_main) for p in places] == [
        (p.code, p.basis, p.confidence, p == tags.main_place) for p in tags.places]
    assert sum(p.is_main for p in places) == 1
    police = next(a for a in tags.actors if a.kind == "police")
    with Session(engine) as session:
        mention = session.exec(select(ActorMention).join(Actor).where(Actor.kind == "police")).one()
        assert json.loads(mention.mentions) == [
            {"rank": m.rank, "position": m.position, "titles": list(m.titles)} for m in police.mentions]
        assert mention.confidence == police.confidence
    assert tag_article("", INJURED).to_json(extended=True)["engagements"][0]["acled"]["sub_event_type"] == \
        "Excessive force against protesters"


def stored_with_versions(engine, versions: list[str | None]) -> list[int]:
    """One article per version, ids in that order."""
    feed = add_feed(engine, "http://example.test/feed")
    add_articles(engine, feed.id, [NewArticle(f"g{n}", "", f"g{n}", None, "", "isi", "ok", "")
                                   for n in range(len(versions))])
    ids = sorted(row.id for row in newest_articles(engine, len(versions)))
    with Session(engine) as session:
        for article_id, version in zip(ids, versions):
            session.execute(update(Article).where(Article.id == article_id).values(tagger_version=version))
        session.commit()
    return ids


def test_the_backlog_counts_what_each_older_version_and_no_version_left(engine):
    ids = stored_with_versions(engine, ["0.2", "0.2", None, "0.1", "0.3"])
    backlog = tagging_backlog(engine, "0.3")
    assert backlog.by_version == {"0.2": 2, None: 1, "0.1": 1}
    assert backlog.total == 4 and backlog.older_versions == ["0.1", "0.2"]
    assert tagging_backlog(engine, "0.3", among=ids[2:]).by_version == {None: 1, "0.1": 1}


def test_the_sample_finds_an_older_run_in_the_middle_of_the_ids(engine):
    """A re-tag interrupted half-way: the oldest and the newest ids are this version's, a run between is older."""
    assert sampled_tagger_versions(engine) == set()
    versions = ["0.3"] * 640
    versions[300:330] = ["0.2"] * 30
    stored_with_versions(engine, versions)
    assert sampled_tagger_versions(engine) == {"0.3", "0.2"}
    assert sampled_tagger_versions(engine, samples=2) == {"0.3"}, "two samples read the ends only"
