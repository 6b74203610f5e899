"""The timeline's kept counts equal a recount from the engagement rows after every kind of write, on both backends.

Each test takes one write path on its own (store and tag, re-tag, an analyst's coding and its undo, a
not-relevant mark, a publication date, a deletion) and checks the counts the database keeps against
counting the engagements afresh, so a path the upkeep misses fails its own test.
"""

from dataclasses import replace
from datetime import date, timedelta

import pytest
from alembic import command
from sqlalchemy import text

from storage.articles import add_articles, update_articles
from storage.feeds import add_feed
from storage.identity import delete_article
from storage.manual_tags import (PlaceChoice, confirm_coding, set_event_date, set_kabupaten, set_not_relevant,
                                 set_type, undo_last)
from storage.engine import make_engine
from storage.migrate import alembic_config, upgrade
from storage.tags import replace_auto_tags
from storage.timeline import GRAINS, engagement_timeline, kept_counts, recounted
from tests.support.tagged import tags_of
from tests.tui.desk_corpus import ARTICLES, BEKASI, KOTA_SERANG, NOT_RELEVANT, RECODED, SERANG, TAGGER, engagement
from tests.tui.desk_corpus import fill_tagged_desk
from tests.tui.tui_support import article

ANALYST = "penguji"
KARAWANG = PlaceChoice("32.15", "Kabupaten Karawang", "Jawa Barat")


def assert_in_step(engine) -> dict:
    """The kept counts of every grain equal a recount; returns the days'."""
    for grain in GRAINS:
        assert kept_counts(engine, grain) == recounted(engine, grain), grain
    return kept_counts(engine, "day")


@pytest.fixture
def desk(engine):
    """The hand-tagged desk of the timeline tests: stored, tagged, one article recoded, one not relevant."""
    fill_tagged_desk(engine)
    return engine


def test_stored_and_tagged_articles_are_counted(desk) -> None:
    kept = assert_in_step(desk)
    assert kept[("36.04", date(2025, 12, 1), "protest")] == 1
    assert kept[("36.73", date(2025, 12, 4), "mediation")] == 1
    assert ("36.73", date(2025, 12, 4), "protest") not in kept
    assert all(code != "36.71" for code, _day, _type in kept)


def test_a_retag_moves_the_counts(desk) -> None:
    moved = {"engagements": [engagement("clash", BEKASI, "2025-12-05"), engagement("arrest", SERANG, "2025-12-05")]}
    replace_auto_tags(desk, 1, tags_of(moved, "uji-2"))
    replace_auto_tags(desk, 2, tags_of({}, "uji-2"))
    kept = assert_in_step(desk)
    assert kept[("32.16", date(2025, 12, 5), "clash")] == 1
    assert ("36.04", date(2025, 12, 1), "protest") not in kept


def test_a_retag_of_a_recoded_article_changes_nothing_counted(desk) -> None:
    before = assert_in_step(desk)
    replace_auto_tags(desk, RECODED, tags_of({"engagements": [engagement("clash", SERANG, "2025-12-09")]}, "uji-2"))
    assert assert_in_step(desk) == before


def test_manual_coding_and_its_undo(desk) -> None:
    set_type(desk, 3, "clash", ANALYST)
    assert assert_in_step(desk)[("36.04", date(2025, 12, 10), "clash")] == 1
    set_kabupaten(desk, 3, KARAWANG, ANALYST)
    assert ("32.15", date(2025, 12, 10), "clash") in assert_in_step(desk)
    set_event_date(desk, 3, date(2025, 12, 11), ANALYST)
    assert ("32.15", date(2025, 12, 11), "clash") in assert_in_step(desk)
    set_event_date(desk, 4, None, ANALYST)
    assert ("32.16", date(2025, 12, 2), "strike") not in assert_in_step(desk)
    confirm_coding(desk, 1, ANALYST)
    assert_in_step(desk)
    for _change in range(5):
        undo_last(desk, ANALYST)
        assert_in_step(desk)
    assert assert_in_step(desk)[("36.04", date(2025, 12, 10), "protest")] == 1


def test_not_relevant_marks_take_an_article_out_and_back(desk) -> None:
    set_not_relevant(desk, 1, True, ANALYST)
    assert ("36.04", date(2025, 12, 1), "protest") not in assert_in_step(desk)
    set_not_relevant(desk, NOT_RELEVANT, False, ANALYST)
    assert assert_in_step(desk)[("36.71", date(2025, 12, 2), "protest")] == 1
    set_not_relevant(desk, 1, False, ANALYST)
    assert assert_in_step(desk)[("36.04", date(2025, 12, 1), "protest")] == 1


def test_a_publication_date_dates_the_engagements_without_their_own(engine) -> None:
    feed = add_feed(engine, "https://warta-uji.test/feed.xml")
    undated = replace(article(1), published_at=None)
    add_articles(engine, feed.id, [undated])
    replace_auto_tags(engine, 1, tags_of({"engagements": [engagement("protest", KOTA_SERANG, None)]}, TAGGER))
    assert assert_in_step(engine) == {}
    update_articles(engine, feed.id, [article(1)])
    published = article(1).published_at.date()
    assert assert_in_step(engine) == {("36.73", published, "protest"): 1}


def test_deleted_articles_leave_the_counts(desk) -> None:
    for article_id in (1, RECODED, NOT_RELEVANT):
        assert delete_article(desk, article_id)
        assert_in_step(desk)
    assert ("36.04", date(2025, 12, 1), "protest") not in kept_counts(desk, "day")


def test_the_timeline_reads_the_kept_counts(desk) -> None:
    with desk.begin() as connection:
        connection.execute(text("UPDATE timeline_count SET n = n + 40 WHERE kabupaten_code = '36.04' AND grain = 'week'"))
    week = engagement_timeline(desk, "week").cells
    assert week[("36.04", date(2025, 12, 1))] == {"protest": 41, "clash": 41}


def test_the_migration_counts_what_was_stored_before_it(backend_url) -> None:
    """The desk is filled by today's models, which have grown since 0009, then taken back to 0009 and upgraded."""
    engine = make_engine(backend_url)
    fill_tagged_desk(engine)
    with engine.connect() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0009")
        connection.commit()
    upgrade(engine)
    kept = assert_in_step(engine)
    assert sum(kept.values()) == len(ARTICLES) - 1
    engine.dispose()


def test_many_writes_in_a_row_stay_in_step(desk) -> None:
    """Many small changes of every kind on a few articles, checked once at the end: nothing drifts."""
    places = (KARAWANG, PlaceChoice(*SERANG), PlaceChoice(*BEKASI))
    for step in range(60):
        article_id = step % len(ARTICLES) + 1
        day = date(2025, 12, 1) + timedelta(days=step % 9)
        match step % 5:
            case 0:
                set_type(desk, article_id, ("clash", "protest", "arrest")[step % 3], ANALYST)
            case 1:
                set_kabupaten(desk, article_id, places[step % 3], ANALYST)
            case 2:
                set_event_date(desk, article_id, day, ANALYST)
            case 3:
                set_not_relevant(desk, article_id, step % 2 == 0, ANALYST)
            case 4:
                tags = {"engagements": [engagement("strike", SERANG, day.isoformat())]}
                replace_auto_tags(desk, article_id, tags_of(tags, f"uji-{step}"))
    assert_in_step(desk)
