"""Place tags and engagements keep their article's date (`dated_at`, migration 0016), on both backends, and a search
led by a place or a type reads its page and first count by it.

Each write path (store and tag, re-tag, an analyst's coding and its undo, a not-relevant mark, a changed publication
date, a row moved to another article, a deletion) is taken on its own and every kept date checked against the
article's. Then searches led by a filter, with words in many of its articles, are checked against the plain plan:
the same rows in the same order, page after page, and the same counts.
"""

from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import event, text

from storage import search
from storage.articles import NewArticle, add_articles, set_read, update_articles
from storage.engine import connect_engine
from storage.feed_order import PUBLISHED
from storage.feeds import add_feed
from storage.identity import delete_article
from storage.manual_tags import (PlaceChoice, confirm_coding, set_event_date, set_kabupaten, set_not_relevant,
                                 set_type, undo_last)
from storage.migrate import upgrade
from storage.search import SearchSource
from storage.search_parser import parse_query
from storage.tags import replace_auto_tags
from tests.support.tagged import tags_of

ANALYST = "penguji"
KARAWANG = ("32.15", "Kabupaten Karawang", "Jawa Barat")
SERANG = ("36.04", "Kabupaten Serang", "Banten")
BEKASI = ("32.16", "Kabupaten Bekasi", "Jawa Barat")
START = datetime(2025, 6, 1, 8, tzinfo=timezone.utc)
ARTICLES = 48
HIDDEN = 16


def _published(number: int) -> datetime | None:
    """Dates that do not follow the ids (every fifth article is older than the one before it), a tie every
    seventh, and no date every eleventh (the article is then dated by its arrival)."""
    if number % 11 == 10:
        return None
    if number % 7 == 6:
        return START + timedelta(hours=number - 1)
    return START + timedelta(hours=number - (30 if number % 5 == 4 else 0))


def _tags(number: int, version: str = "uji-1") -> dict:
    """Most articles in Karawang (some by a kecamatan only, some by an engagement only), the rest in Serang or Bekasi;
    an engagement on two in three, without its own date on some (dated then by the article)."""
    code, name, province = (KARAWANG, KARAWANG, SERANG, KARAWANG, BEKASI)[number % 5]
    places = [{"code": code, "name": name, "province": province}]
    if number % 9 == 3:
        places = [{"code": f"{code}.05", "name": "Kecamatan Uji", "level": "kecamatan", "province": province,
                   "precision": 3}]
    day = None if number % 6 == 1 else (date(2025, 6, 1) + timedelta(days=number % 20)).isoformat()
    engagements = [{"type": ("protest", "strike", "clash")[number % 3], "date": day, "code": code,
                    "kabupaten_kota": name, "province": province}]
    if number % 8 == 5:
        return {"places": [], "engagements": engagements}
    return {"places": places, "engagements": engagements if number % 3 != 2 else []}


def _article(number: int, published: datetime | None) -> NewArticle:
    words = ["buruh" if number % 2 else "warga", "polisi" if number % 3 else "aparat",
             "mogok" if number % 7 == 0 else ""]
    return NewArticle(f"g{number}", f"https://warta-uji.test/{number}", f"Berita {number}", published, "",
                      " ".join(words), "extracted", f"h{number}")


@pytest.fixture
def desk(engine):
    """ARTICLES articles, most of them tagged; some read, some recoded by hand, one marked not relevant."""
    feed = add_feed(engine, "https://warta-uji.test/feed.xml", title="Warta Uji")
    add_articles(engine, feed.id, [_article(number, _published(number)) for number in range(ARTICLES)])
    for article_id in range(1, ARTICLES + 1):
        replace_auto_tags(engine, article_id, tags_of(_tags(article_id - 1)))
        if article_id % 5 == 2:
            set_read(engine, article_id, True)
    set_kabupaten(engine, 2, PlaceChoice(*SERANG), ANALYST)  # an article of Karawang recoded to Serang
    set_kabupaten(engine, 8, PlaceChoice(*KARAWANG), ANALYST)  # and one of Serang to Karawang
    set_type(engine, 14, "mediation", ANALYST)
    set_not_relevant(engine, HIDDEN, True, ANALYST)
    return engine


def assert_dated(engine) -> int:
    """Every place tag's and engagement's kept date is its article's, as stored (text on SQLite, compared as such);
    returns how many rows keep one."""
    rows = 0
    with engine.connect() as connection:
        for table in ("placetag", "engagement"):
            kept = connection.execute(text(f"SELECT t.id, t.dated_at, coalesce(a.published_at, a.fetched_at)"
                                           f" FROM {table} t JOIN article a ON a.id = t.article_id")).all()
            assert [(row_id, dated) for row_id, dated, _article in kept] == \
                   [(row_id, article) for row_id, _dated, article in kept], table
            rows += len(kept)
    return rows


def test_stored_and_tagged_rows_keep_their_articles_dates(desk) -> None:
    assert assert_dated(desk) > ARTICLES


def test_a_retag_keeps_the_dates(desk) -> None:
    for article_id in (1, 2, 9, 30):
        replace_auto_tags(desk, article_id, tags_of(_tags(article_id + 1), "uji-2"))
    replace_auto_tags(desk, 3, tags_of({}, "uji-2"))
    assert_dated(desk)


def test_manual_coding_and_its_undo_keep_the_dates(desk) -> None:
    set_type(desk, 3, "clash", ANALYST)
    set_kabupaten(desk, 3, PlaceChoice(*BEKASI), ANALYST)
    set_event_date(desk, 3, date(2025, 7, 1), ANALYST)
    confirm_coding(desk, 5, ANALYST)
    assert_dated(desk)
    for _change in range(4):
        undo_last(desk, ANALYST)
        assert_dated(desk)


def test_not_relevant_marks_keep_the_dates(desk) -> None:
    set_not_relevant(desk, 1, True, ANALYST)
    set_not_relevant(desk, HIDDEN, False, ANALYST)
    assert_dated(desk)


def test_a_changed_publication_date_moves_the_kept_dates(desk) -> None:
    """An upstream edit that dates an undated article, or changes its date; and raw SQL."""
    with desk.connect() as connection:
        feed_id = connection.execute(text("SELECT id FROM feed")).scalar_one()
    undated = 11  # number 10: no date
    update_articles(desk, feed_id, [_article(undated - 1, START + timedelta(days=90))])
    update_articles(desk, feed_id, [_article(0, START - timedelta(days=3))])
    with desk.begin() as connection:
        connection.execute(text("UPDATE article SET published_at = NULL WHERE id = 2"))
        connection.execute(text("UPDATE article SET fetched_at = :moment WHERE id = 2"),
                           {"moment": START + timedelta(days=200)})
    dated = assert_dated(desk)
    with desk.connect() as connection:
        kept = connection.execute(text(f"SELECT dated_at FROM engagement WHERE article_id = {undated}")).scalars().all()
    assert kept and all(str(day).startswith("2025-08-30") for day in kept)
    assert dated > ARTICLES


def test_a_row_moved_to_another_article_takes_its_date(desk) -> None:
    with desk.begin() as connection:
        connection.execute(text("UPDATE placetag SET article_id = 12 WHERE article_id = 2"))
        connection.execute(text("UPDATE engagement SET article_id = 12 WHERE article_id = 1"))
        connection.execute(text("UPDATE placetag SET dated_at = NULL WHERE article_id = 5"))
    assert_dated(desk)


def test_deleted_articles_take_their_rows_along(desk) -> None:
    for article_id in (1, 2, HIDDEN):
        assert delete_article(desk, article_id)
        assert_dated(desk)


def test_the_migration_dates_what_was_stored_before_it(backend_url) -> None:
    engine = connect_engine(backend_url)
    upgrade(engine, "0015")
    feed = add_feed(engine, "https://warta-uji.test/feed.xml")
    add_articles(engine, feed.id, [_article(number, _published(number)) for number in range(12)])
    with engine.begin() as connection:  # the rows as 0015 stores them: no kept date
        for number in range(12):
            code, name, province = KARAWANG
            connection.execute(text(
                "INSERT INTO placetag (article_id, code, name, level, province, precision, is_main, source, created_at)"
                " VALUES (:id, :code, :name, 'kabupaten', :province, 2, false, 'auto', :now)"),
                {"id": number + 1, "code": code, "name": name, "province": province, "now": START})
    upgrade(engine)
    assert assert_dated(engine) == 12
    replace_auto_tags(engine, 3, tags_of(_tags(3)))
    assert_dated(engine)
    engine.dispose()


# Searches led by a filter --------------------------------------------------------------------------------


LED = (
    "buruh kab:32.15 is:unread",
    "buruh kab:32.15",
    "polisi kab:32.15 OR kab:36.04",
    "buruh -mogok kab:karawang",
    "buruh prov:32",
    "polisi type:protest OR type:strike",
    "buruh type:mediation",
    "buruh kab:36.04 is:unread",
    "buruh kab:32.15 since:2025-06-05",
    "buruh kab:32.15 is:hidden",
)


@pytest.fixture
def led(monkeypatch):
    """The filter leads, checked a few articles at a time: its words stand as common (not gathered first)."""
    monkeypatch.setattr(search, "CANDIDATES_AT_ONCE", 3)
    monkeypatch.setattr(search, "_rare_words", lambda _connection, _query, _rare, _newest: None)


def _plain(source: SearchSource, limit: int, before: tuple | None = None) -> list[int]:
    return [row.id for row in source._ordered_page(limit, before, PUBLISHED, None, 0)]


@pytest.mark.parametrize("text", LED)
def test_a_page_led_by_a_filter_is_the_plain_plans(desk, led, text) -> None:
    source = SearchSource(desk, parse_query(text))
    every = _plain(source, 100)
    assert every, text
    assert [row.id for row in source.page(100, order=PUBLISHED)] == every
    first = source.page(4, order=PUBLISHED)
    assert [row.id for row in first] == every[:4]
    after = source.page(100, PUBLISHED.key_of(first[-1]), order=PUBLISHED)
    assert [row.id for row in after] == every[4:]
    ceiling = sorted(every)[len(every) // 2]
    assert ([row.id for row in source.page(100, order=PUBLISHED, ceiling=ceiling)]
            == [article_id for article_id in every if article_id <= ceiling])


@pytest.mark.parametrize("text", LED)
def test_a_first_count_led_by_a_filter_is_the_counts(desk, led, text) -> None:
    source = SearchSource(desk, parse_query(text))
    total = source.count()
    assert total == len(_plain(source, 100))
    for cap in (0, 1, total - 2, total - 1, total, total + 5):
        if cap >= 0:
            assert source.count_at_most(cap) == min(total, cap + 1), cap


def test_the_first_count_merges_the_words_with_the_filters_articles(desk, led) -> None:
    """SQLite reads the words' list and the filter's articles in step (a merge), not the list copied into a temporary
    index: SQLite drops a subquery's ORDER BY without a LIMIT, and with it the merge (search.MERGED)."""
    if desk.dialect.name != "sqlite":
        pytest.skip("PostgreSQL counts by its own plan")
    statements = []
    event.listen(desk, "before_cursor_execute",
                 lambda _c, _cursor, statement, parameters, _context, _many: statements.append((statement, parameters)))
    assert SearchSource(desk, parse_query("buruh kab:32.15 is:unread")).count_at_most(2) == 3
    merged = [(statement, parameters) for statement, parameters in statements if "INTERSECT" in statement]
    assert merged
    with desk.connect() as connection:
        for statement, parameters in merged:
            plan = " ".join(row[3] for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters))
            assert "MERGE (INTERSECT)" in plan


def test_a_filters_articles_are_sorted_by_their_kept_dates_alone(desk) -> None:
    """No article row is read to sort a place's or a type's articles by date."""
    if desk.dialect.name != "sqlite":
        pytest.skip("PostgreSQL sorts by its own plan")
    for text_ in ("kab:32.15", "kab:karawang", "prov:32", "type:protest OR type:strike"):
        candidates = search._candidates(parse_query(text_).groups[0], in_force=True)
        listed = candidates[0] if len(candidates) == 1 else search.union(*candidates)
        statement = search._newest_first(listed, ("2025-06-02 00:00:00", 5), 40)
        compiled = statement.compile(desk, compile_kwargs={"literal_binds": True})
        with desk.connect() as connection:
            plan = " ".join(row[3] for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}"))
        assert " article " not in f"{plan} " and "COVERING INDEX" in plan, (text_, plan)
