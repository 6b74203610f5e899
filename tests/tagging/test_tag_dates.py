"""Event dates: Indonesian forms, the year from publication and weekday, flags and precision."""

from datetime import date, datetime, timedelta, timezone

from tagging import tag_article
from tagging.dates import find_dates, reference_date

WIB = timezone(timedelta(hours=7))


def only(text: str, ref: date):
    found = find_dates(text, ref)
    assert len(found) == 1, found
    return found[0]


def test_tag_kamis_27_11_published_8_december_is_27_november_2025() -> None:
    d = only("aksi unjuk rasa pada Kamis (27/11) lalu", date(2025, 12, 8))
    assert (d.date, d.precision, d.year_inferred, d.weekday_conflict) == (date(2025, 11, 27), 1, True, False)
    assert d.span.text == "Kamis (27/11)"


def test_tag_the_weekday_is_evidence_for_the_year() -> None:
    # 11 February fell on a Monday in 2019, not in 2020-2025.
    d = only("Senin (11/2)", date(2025, 6, 1))
    assert (d.date, d.year_inferred, d.weekday_conflict) == (date(2019, 2, 11), True, False)


def test_tag_a_weekday_that_contradicts_its_date_is_flagged() -> None:
    d = only("Selasa (8/12/2025)", date(2025, 12, 9))
    assert (d.date, d.weekday_conflict, d.year_inferred) == (date(2025, 12, 8), True, False)


def test_tag_a_matching_weekday_is_not_flagged() -> None:
    assert not only("Senin (8/12/2025)", date(2025, 12, 9)).weekday_conflict


def test_tag_indonesian_month_names_and_variants() -> None:
    ref = date(2026, 3, 1)
    assert only("Senin, 16 februari 2026", ref).date == date(2026, 2, 16)
    assert only("pada 5 Pebruari 2026", ref).date == date(2026, 2, 5)
    assert only("pada 30 Nopember", ref).date == date(2025, 11, 30)


def test_tag_jumat_with_an_apostrophe_parses() -> None:
    d = only("Jum'at (5/12)", date(2025, 12, 8))
    assert (d.date, d.weekday_conflict) == (date(2025, 12, 5), False)


def test_tag_a_month_alone_has_month_precision() -> None:
    d = only("sepanjang Desember 2025", date(2026, 1, 10))
    assert (d.date, d.precision) == (date(2025, 12, 1), 3)


def test_tag_an_announced_date_looks_forward() -> None:
    d = only("aksi akan digelar Kamis (12/2) mendatang", date(2026, 2, 9))
    assert d.date == date(2026, 2, 12)


def test_tag_blogger_date_lines_and_iso_stamps_are_not_event_dates() -> None:
    text = ", Desember 08, 2025 WIB Last Updated 2025-12-08T14:25:45Z\nKapolres hadir Senin (8/12/2025)."
    found = find_dates(text, date(2025, 12, 8))
    assert [d.span.text for d in found] == ["Senin (8/12/2025)"]
    assert reference_date(text, None) == date(2025, 12, 8)


def test_tag_publication_time_is_read_in_wib() -> None:
    late_utc = datetime(2025, 12, 7, 20, 0, tzinfo=timezone.utc)  # already 8 December in WIB
    assert reference_date("", late_utc) == date(2025, 12, 8)


def test_tag_engagement_carries_the_inferred_year_flag() -> None:
    text = ("Kapolres Serang AKBP Condro Sasongko mengawal aksi unjuk rasa buruh ASPSB di Kabupaten Serang "
            "pada Kamis (27/11).")
    engagement = tag_article("", text, datetime(2025, 12, 8, 9, tzinfo=WIB)).to_json()["engagements"][0]
    assert (engagement["date"], engagement["date_precision"], engagement["year_inferred"]) == ("2025-11-27", 1, True)
