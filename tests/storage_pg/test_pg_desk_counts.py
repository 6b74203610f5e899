"""The desk's counting queries (timeline, most-named actors, watch-list) give the same answers on both backends."""

from datetime import date, datetime, timezone

import pytest

from storage.actor_stats import latest_dated, recent_period_end, top_actors
from storage.timeline import engagement_timeline, period_end, period_start, periods_between
from storage.watch import articles_naming
from tests.tui.desk_corpus import fill_tagged_desk

DEC_1 = date(2025, 12, 1)


@pytest.fixture
def desk(backend_engine):
    fill_tagged_desk(backend_engine)
    return backend_engine


def totals(timeline) -> dict[tuple[str, date], int]:
    return {key: sum(counts.values()) for key, counts in timeline.cells.items()}


def test_weeks_count_engagements_per_place_dated_by_event_else_publication(desk) -> None:
    timeline = engagement_timeline(desk, "week")
    assert [place.name for place in timeline.places] == ["Kabupaten Serang", "Kota Serang", "Kabupaten Bekasi"]
    assert timeline.provinces == ["Banten", "Jawa Barat"]
    assert timeline.periods == periods_between(date(2025, 11, 3), date(2025, 12, 8), "week")
    assert len(timeline.periods) == 6
    assert timeline.cells[("36.04", DEC_1)] == {"protest": 1, "clash": 1}
    assert totals(timeline) == {
        ("36.04", DEC_1): 2,
        ("36.04", date(2025, 12, 8)): 1,
        ("32.16", DEC_1): 1,
        ("32.16", date(2025, 11, 3)): 1,
        ("36.73", DEC_1): 1,
    }


def test_manual_type_supersedes_the_taggers_and_not_relevant_articles_are_left_out(desk) -> None:
    timeline = engagement_timeline(desk, "week")
    assert timeline.cells[("36.73", DEC_1)] == {"mediation": 1}
    assert all(code != "36.71" for code, _start in timeline.cells)


def test_days_and_months(desk) -> None:
    days = engagement_timeline(desk, "day")
    assert totals(days)[("36.04", DEC_1)] == 1
    assert totals(days)[("36.04", date(2025, 12, 3))] == 1
    assert days.periods[0] == date(2025, 11, 3) and days.periods[-1] == date(2025, 12, 10)
    months = engagement_timeline(desk, "month")
    assert months.periods == [date(2025, 11, 1), DEC_1]
    assert totals(months) == {("36.04", DEC_1): 3, ("32.16", DEC_1): 1, ("32.16", date(2025, 11, 1)): 1,
                              ("36.73", DEC_1): 1}


def test_an_empty_desk_has_an_empty_timeline(backend_engine) -> None:
    timeline = engagement_timeline(backend_engine, "week")
    assert timeline.places == [] and timeline.periods == [] and timeline.cells == {}


def test_periods_start_on_monday_and_the_first_of_the_month() -> None:
    assert period_start(date(2025, 12, 7), "week") == DEC_1
    assert period_end(DEC_1, "week") == date(2025, 12, 7)
    assert period_start(date(2024, 2, 29), "month") == date(2024, 2, 1)
    assert period_end(date(2024, 2, 1), "month") == date(2024, 2, 29)
    assert period_end(date(2025, 12, 1), "month") == date(2025, 12, 31)
    with pytest.raises(ValueError):
        period_start(DEC_1, "year")


def test_top_actors_count_articles_since_a_moment(desk) -> None:
    counts = top_actors(desk, datetime(2025, 11, 1, tzinfo=timezone.utc))
    assert [(actor.name, actor.articles) for actor in counts[:2]] == [("Condro Sasongko", 3), ("KSPSI", 2)]
    assert top_actors(desk, datetime(2025, 11, 4, tzinfo=timezone.utc)) == []


def test_a_recent_period_ends_at_the_newest_article_when_that_is_older_than_the_period(desk) -> None:
    latest = latest_dated(desk)
    assert latest == datetime(2025, 11, 3, 8, tzinfo=timezone.utc), "the newest relevant article"
    assert recent_period_end(datetime(2025, 11, 6, tzinfo=timezone.utc), latest, 7) is None
    assert recent_period_end(datetime(2025, 11, 30, tzinfo=timezone.utc), latest, 7) == latest
    assert recent_period_end(datetime(2025, 11, 30, tzinfo=timezone.utc), latest, 30) is None
    assert recent_period_end(datetime(2025, 11, 30, tzinfo=timezone.utc), None, 7) is None


def test_top_actors_leave_out_articles_marked_not_relevant(desk) -> None:
    from storage.manual_tags import set_not_relevant

    set_not_relevant(desk, 1, True, "penguji")
    counts = {actor.name: actor.articles for actor in top_actors(desk, datetime(2025, 11, 1, tzinfo=timezone.utc))}
    assert counts["Condro Sasongko"] == 2 and counts["KSPSI"] == 1


def test_watch_terms_match_title_or_summary_ignoring_case(desk) -> None:
    assert articles_naming(desk, [1, 2, 3, 4], ["RICUH"]) == {2}
    assert articles_naming(desk, [1, 2, 3, 4], ["mogok", "ringkasan berita 2."]) == {3, 4}
    assert articles_naming(desk, [1, 2], ["100%_"]) == set()
    assert articles_naming(desk, [], ["ricuh"]) == set()
