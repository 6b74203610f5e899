"""Manual tagging: survives re-tagging, every change audited with who and when, undo per analyst,
the later of two single-value changes wins, and two writers on one article lose nothing."""

import sqlite3
import threading
from datetime import date

import pytest
from sqlmodel import Session, col, select

from storage.articles import NewArticle, add_articles, newest_articles
from storage.engine import make_engine
from storage.feeds import add_feed
from storage.identity import delete_article
from storage.models import MANUAL, Actor, Article, ArticleTag, Engagement, TagAudit
from storage.manual_tags import (
    PlaceChoice,
    TaggingError,
    add_actor,
    add_tag,
    article_tagging,
    audit_log,
    known_actors,
    known_tags,
    relevant,
    remove_actor,
    remove_tag,
    row_details,
    set_event_date,
    set_kabupaten,
    set_not_relevant,
    set_starred,
    set_type,
    undo_last,
)
from storage.tags import actor_key, article_engagements, article_mentions, replace_auto_tags
from storage.timeline import engagement_timeline
from tests.support.tagged import tags_of

SERANG = PlaceChoice("36.04", "Kabupaten Serang", "Banten")
BEKASI = PlaceChoice("32.75", "Kota Bekasi", "Jawa Barat")

TAGS = {
    "places": [{"name": "Kabupaten Serang", "code": "36.04", "level": "kabupaten",
                "province": "Banten", "precision": 2, "span": [20, 36]}],
    "actors": [{"kind": "police", "name": "Condro Sasongko", "position": "Kapolres", "rank": "AKBP",
                "organisation": None, "unit": "Polres Serang", "spans": [[0, 14]]}],
    "engagements": [{"type": "dialogue", "secondary_types": [], "date": "2025-12-08", "date_precision": 1,
                     "year_inferred": False, "kabupaten_kota": "Kabupaten Serang", "code": "36.04",
                     "province": "Banten", "police_actors": ["Condro Sasongko"], "labour_actors": [],
                     "other_actors": [], "evidence": {"text": "ngariung", "span": [50, 58]}}],
}


def stored_articles(engine, count: int = 1) -> list[int]:
    feed = add_feed(engine, "http://example.test/feed")
    add_articles(engine, feed.id, [NewArticle(f"g{n}", "", f"Berita {n}", None, "", "isi", "ok", "")
                                   for n in range(count)])
    return sorted(row.id for row in newest_articles(engine, count))


@pytest.fixture
def tagged(engine) -> int:
    """One article the tagger coded as a dialogue in Kabupaten Serang."""
    article_id = stored_articles(engine)[0]
    replace_auto_tags(engine, article_id, tags_of(TAGS, "t1"))
    return article_id


def test_manual_type_supersedes_the_tagger_and_survives_retagging(engine, tagged):
    change = set_type(engine, tagged, "strike", "alice")
    assert (change.field, change.old_value, change.new_value) == ("type", "dialogue", "strike")
    replace_auto_tags(engine, tagged, tags_of(TAGS, "t2"))
    rows = article_engagements(engine, tagged)
    assert sorted((row.type, row.source) for row in rows) == [("dialogue", "auto"), ("strike", "manual")]
    manual = next(row for row in rows if row.source == MANUAL)
    assert (manual.created_by, manual.event_date, manual.kabupaten_code) == ("alice", date(2025, 12, 8), "36.04")
    assert article_tagging(engine, tagged).engagement_type == "strike"
    assert row_details(engine, [tagged])[tagged].engagement_type == "strike"
    timeline = engagement_timeline(engine, "week")
    assert [cell for cell in timeline.cells.values()] == [{"strike": 1}]


def test_setting_the_type_again_keeps_one_manual_row_and_both_in_the_audit(engine, tagged):
    set_type(engine, tagged, "strike", "alice")
    set_type(engine, tagged, "protest", "bob")
    manual = [row for row in article_engagements(engine, tagged) if row.source == MANUAL]
    assert [(row.type, row.created_by) for row in manual] == [("protest", "bob")]
    log = audit_log(engine, tagged)
    assert [(entry.created_by, entry.old_value, entry.new_value) for entry in log] == [
        ("alice", "dialogue", "strike"), ("bob", "strike", "protest")]
    assert all(entry.created_at.tzinfo is not None or engine.dialect.name == "sqlite" for entry in log)


def test_kabupaten_moves_the_article_and_its_engagements(engine, tagged):
    change = set_kabupaten(engine, tagged, BEKASI, "alice")
    assert change.old_value == "Kabupaten Serang (36.04, Banten)"
    assert change.new_value == "Kota Bekasi (32.75, Jawa Barat)"
    tagging = article_tagging(engine, tagged)
    assert (tagging.kabupaten_code, tagging.kabupaten, tagging.province) == ("32.75", "Kota Bekasi", "Jawa Barat")
    assert tagging.engagement_type == "dialogue" and tagging.type_source == MANUAL
    assert row_details(engine, [tagged])[tagged].kabupaten == "Kota Bekasi"
    assert [place.code for place in engagement_timeline(engine).places] == ["32.75"]
    replace_auto_tags(engine, tagged, tags_of(TAGS, "t2"))
    assert article_tagging(engine, tagged).kabupaten_code == "32.75"


def test_kabupaten_on_an_article_without_engagements(engine):
    article_id = stored_articles(engine)[0]
    set_kabupaten(engine, article_id, SERANG, "alice")
    assert article_engagements(engine, article_id) == []
    assert row_details(engine, [article_id])[article_id].kabupaten == "Kabupaten Serang"
    set_type(engine, article_id, "arrest", "alice")
    (manual,) = article_engagements(engine, article_id)
    assert (manual.type, manual.kabupaten_code, manual.event_date) == ("arrest", "36.04", None)


def test_undo_restores_the_tagger_coding_and_is_audited(engine, tagged):
    set_type(engine, tagged, "strike", "alice")
    set_kabupaten(engine, tagged, BEKASI, "alice")
    first = undo_last(engine, "alice")
    assert (first.action, first.field, first.new_value) == ("undo", "kabupaten", "Kabupaten Serang (36.04, Banten)")
    tagging = article_tagging(engine, tagged)
    assert (tagging.engagement_type, tagging.kabupaten_code) == ("strike", "36.04")
    undo_last(engine, "alice")
    tagging = article_tagging(engine, tagged)
    assert (tagging.engagement_type, tagging.type_source) == ("dialogue", "auto")
    assert [row.source for row in article_engagements(engine, tagged)] == ["auto"]
    assert undo_last(engine, "alice") is None
    log = audit_log(engine, tagged)
    assert [entry.action for entry in log] == ["set", "set", "undo", "undo"]
    assert log[1].reverted_by_id == log[2].id and log[0].reverted_by_id == log[3].id


def test_undo_reverts_only_the_users_own_actions(engine, tagged):
    add_tag(engine, tagged, "PHK  Massal", "alice")
    add_tag(engine, tagged, "upah", "bob")
    assert undo_last(engine, "alice").old_value == "phk massal"
    assert article_tagging(engine, tagged).tags == ["upah"]


def test_the_later_single_value_change_wins_and_undo_keeps_it(engine, tagged):
    set_type(engine, tagged, "strike", "alice")
    set_type(engine, tagged, "protest", "bob")
    undone = undo_last(engine, "alice")
    assert undone.new_value == "kept: later change by bob"
    assert article_tagging(engine, tagged).engagement_type == "protest"
    assert [entry.new_value for entry in audit_log(engine, tagged)] == [
        "strike", "protest", "kept: later change by bob"]


def test_free_tags_add_remove_undo(engine, tagged):
    add_tag(engine, tagged, "mogok", "alice")
    with pytest.raises(TaggingError, match="already"):
        add_tag(engine, tagged, " MOGOK ", "bob")
    remove_tag(engine, tagged, "mogok", "bob")
    assert article_tagging(engine, tagged).tags == []
    undo_last(engine, "bob")
    assert article_tagging(engine, tagged).tags == ["mogok"]
    with Session(engine) as session:
        assert session.exec(select(ArticleTag.created_by)).all() == ["alice"]
    assert known_tags(engine) == ["mogok"]


def test_actor_add_creates_edits_and_undo(engine, tagged):
    change = add_actor(engine, tagged, "alice", "labour", "Serikat Pekerja Nasional", position="Ketua DPC")
    assert change.action == "add" and change.new_value == "Serikat Pekerja Nasional (labour, Ketua DPC)"
    edit = add_actor(engine, tagged, "bob", "labour", "serikat pekerja  nasional", rank=None, position="Sekretaris")
    assert edit.action == "edit"
    names = {(view.name, view.source, view.position) for view in article_mentions(engine, tagged)}
    assert names == {("Condro Sasongko", "auto", "Kapolres"), ("Serikat Pekerja Nasional", "manual", "Sekretaris")}
    with Session(engine) as session:
        assert len(session.exec(select(Actor).where(Actor.kind == "labour")).all()) == 1
    undo_last(engine, "bob")
    assert {view.position for view in article_mentions(engine, tagged) if view.source == MANUAL} == {"Ketua DPC"}
    undo_last(engine, "alice")
    assert [view.source for view in article_mentions(engine, tagged)] == ["auto"]
    assert [actor.name for actor in known_actors(engine)][0] == "Condro Sasongko"
    with pytest.raises(TaggingError, match="kind"):
        add_actor(engine, tagged, "alice", "alien", "X")


def test_event_date_by_hand_undo_and_no_engagement(engine, tagged):
    """The text says "Rabu (22/10/2025)" and the tagger found another day (or none): the analyst dates it."""
    change = set_event_date(engine, tagged, date(2025, 10, 22), "alice")
    assert (change.field, change.old_value, change.new_value) == ("event_date", "2025-12-08", "2025-10-22")
    coding = article_tagging(engine, tagged)
    assert coding.event_date == date(2025, 10, 22) and coding.type_source == MANUAL
    assert coding.engagement_type == "dialogue" and coding.kabupaten == "Kabupaten Serang", "the rest is kept"
    set_event_date(engine, tagged, None, "alice")
    assert article_tagging(engine, tagged).event_date is None
    undo_last(engine, "alice")
    assert article_tagging(engine, tagged).event_date == date(2025, 10, 22)
    undo_last(engine, "alice")
    assert article_tagging(engine, tagged).event_date == date(2025, 12, 8)
    assert article_tagging(engine, tagged).type_source == "auto"
    bare = stored_articles(engine, 2)[1]
    with pytest.raises(TaggingError, match="no engagement"):
        set_event_date(engine, bare, date(2025, 10, 22), "alice")


def test_an_actors_organisation_and_unit_by_hand_and_undo(engine, tagged):
    add_actor(engine, tagged, "alice", "police", "Condro Sasongko", organisation="Polri", unit="Polres Serang Kota")
    [condro] = [view for view in article_mentions(engine, tagged) if view.source == MANUAL]
    assert (condro.organisation, condro.unit) == ("Polri", "Polres Serang Kota")
    add_actor(engine, tagged, "alice", "police", "Condro Sasongko", organisation=" ", unit=None)
    with Session(engine) as session:
        actor = session.exec(select(Actor).where(Actor.name == "Condro Sasongko")).one()
        assert (actor.organisation, actor.unit) == ("Polri", "Polres Serang Kota"), "blank fields leave them"
    undo_last(engine, "alice")
    undo_last(engine, "alice")
    with Session(engine) as session:
        actor = session.exec(select(Actor).where(Actor.name == "Condro Sasongko")).one()
        assert (actor.organisation, actor.unit) == (None, "Polres Serang")


def test_actor_tagged_by_hand_survives_retagging_and_removal_can_be_undone(engine, tagged):
    add_actor(engine, tagged, "alice", "police", "Condro Sasongko", rank="Kombes")
    replace_auto_tags(engine, tagged, tags_of(TAGS, "t2"))
    assert sorted(view.source for view in article_mentions(engine, tagged)) == ["auto", "manual"]
    actor_id = article_mentions(engine, tagged)[0].actor_id
    remove_actor(engine, tagged, actor_id, "alice")
    assert article_mentions(engine, tagged) == []
    undo_last(engine, "alice")
    assert sorted(view.rank for view in article_mentions(engine, tagged)) == ["AKBP", "Kombes"]


def test_not_relevant_hides_and_undo_shows_again(engine):
    first, second = stored_articles(engine, 2)
    set_not_relevant(engine, first, True, "alice")
    with Session(engine) as session:
        visible = session.exec(select(Article.id).where(relevant())).all()
    assert visible == [second]
    assert row_details(engine, [first, second])[first].not_relevant
    assert row_details(engine, [first])[first].manual is False
    undo_last(engine, "alice")
    with Session(engine) as session:
        assert sorted(session.exec(select(Article.id).where(relevant())).all()) == [first, second]


def test_star_and_undo(engine, tagged):
    set_starred(engine, tagged, True, "alice")
    assert newest_articles(engine, 1)[0].is_starred
    undo_last(engine, "alice")
    assert not newest_articles(engine, 1)[0].is_starred


def test_row_details_for_a_page(engine):
    ids = stored_articles(engine, 4)
    replace_auto_tags(engine, ids[0], tags_of(TAGS, "t1"))
    replace_auto_tags(engine, ids[1], tags_of(TAGS, "t1"))
    set_type(engine, ids[1], "strike", "alice")
    add_tag(engine, ids[2], "upah", "alice")
    details = row_details(engine, ids)
    assert [(details[i].engagement_type, details[i].kabupaten, details[i].manual) for i in ids] == [
        ("dialogue", "Kabupaten Serang", False), ("strike", "Kabupaten Serang", True), (None, None, True),
        (None, None, False)]
    assert row_details(engine, []) == {}


def test_tagging_a_missing_article_is_refused(engine):
    with pytest.raises(TaggingError, match="gone"):
        set_type(engine, 999, "strike", "alice")


def test_an_article_with_manual_tags_can_still_be_deleted(engine, tagged):
    add_tag(engine, tagged, "upah", "alice")
    set_not_relevant(engine, tagged, True, "alice")
    assert delete_article(engine, tagged)
    with Session(engine) as session:
        assert session.exec(select(TagAudit)).all() == []


def test_two_writers_on_one_article_lose_nothing(engine, backend_url, tagged):
    """Two desks (engines) tag the same article 200 times each at once: every tag and audit row stays,
    and the type the article ends with is the one the last audited change set."""
    second = make_engine(backend_url)
    errors: list[BaseException] = []

    def analyst(desk, user: str) -> None:
        try:
            for n in range(200):
                add_tag(desk, tagged, f"{user}-{n}", user)
                set_type(desk, tagged, "strike" if n % 2 else "protest", user)
        except BaseException as error:  # reported by the main thread
            errors.append(error)

    threads = [threading.Thread(target=analyst, args=(desk, user))
               for desk, user in ((engine, "alice"), (second, "bob"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    second.dispose()
    assert errors == []
    tags = article_tagging(engine, tagged).tags
    assert len(tags) == 400 and {tag.split("-")[0] for tag in tags} == {"alice", "bob"}
    log = audit_log(engine, tagged)
    assert len(log) == 800
    last_type = [entry for entry in log if entry.field == "type"][-1]
    manual = [row for row in article_engagements(engine, tagged) if row.source == MANUAL]
    assert [(row.type, row.created_by) for row in manual] == [(last_type.new_value, last_type.created_by)]
    with Session(engine) as session:
        assert session.exec(select(col(Engagement.id)).where(Engagement.source == MANUAL)).all() == [manual[0].id]


def test_conflicting_kabupaten_changes_keep_the_later_and_log_the_earlier(engine, tagged):
    """Two analysts place one article: the later place stands, and the audit shows both, the later
    naming the earlier place it replaced."""
    set_kabupaten(engine, tagged, BEKASI, "alice")
    set_kabupaten(engine, tagged, SERANG, "bob")
    tagging = article_tagging(engine, tagged)
    assert (tagging.kabupaten_code, tagging.type_source) == ("36.04", MANUAL)
    assert [(entry.created_by, entry.old_value, entry.new_value) for entry in audit_log(engine, tagged)] == [
        ("alice", "Kabupaten Serang (36.04, Banten)", "Kota Bekasi (32.75, Jawa Barat)"),
        ("bob", "Kota Bekasi (32.75, Jawa Barat)", "Kabupaten Serang (36.04, Banten)"),
    ]
    assert undo_last(engine, "alice").new_value == "kept: later change by bob"
    assert article_tagging(engine, tagged).kabupaten_code == "36.04"


def test_a_tag_waiting_past_the_busy_timeout_is_retried_not_refused(tmp_path, monkeypatch, caplog):
    """Another connection holds SQLite's write lock longer than the busy timeout: the change waits,
    runs again, and is stored; the analyst never sees "database is locked"."""
    monkeypatch.setattr("storage.engine.BUSY_TIMEOUT_MS", 50)
    path = tmp_path / "busy.db"
    desk = make_engine(f"sqlite:///{path}")
    article_id = stored_articles(desk)[0]
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.4, holder.execute, args=("COMMIT",))
    release.start()
    try:
        add_tag(desk, article_id, "upah", "alice")
    finally:
        release.join()
        holder.close()
    assert article_tagging(desk, article_id).tags == ["upah"]
    assert any("lost a race for the database" in record.message for record in caplog.records)
    desk.dispose()


def test_two_analysts_creating_one_new_actor_at_once_share_it(engine):
    """The first analyst's actor row is written but not committed when the second one adds the same name."""
    first, second = stored_articles(engine, 2)
    added: list = []
    with Session(engine) as analyst:
        analyst.add(Actor(kind="police", key=actor_key("Iptu Baru Sekali"), name="Iptu Baru Sekali"))
        analyst.flush()
        other = threading.Thread(target=lambda: added.append(
            add_actor(engine, second, "bima", "police", "Iptu Baru Sekali")))
        other.start()
        other.join(timeout=0.5)
        analyst.commit()
    other.join(timeout=30)
    assert len(added) == 1 and added[0].new_value.startswith("Iptu Baru Sekali")
    with Session(engine) as session:
        actors = session.exec(select(Actor).where(Actor.key == actor_key("Iptu Baru Sekali"))).all()
        assert len(actors) == 1
        assert [m.actor_id for m in article_mentions(engine, second)] == [actors[0].id]
    assert article_mentions(engine, first) == []
