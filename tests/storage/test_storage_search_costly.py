"""A phrase or an excluded word (`buruh "unjuk rasa" -mogok`) on SQLite, whichever way the led search takes
(storage.search._led_page): the newest articles walked first when the newest ids hold enough matches
(`_walk_may_fill`), else the words' articles listed at once (read in the index's own order, whole or in two halves
of the ids side by side, then sorted by date); a first count reads the index in no order. Every way gives the plain plan's rows in its order, page after page, and
its counts, on a real SQLite file: fewer matches than a page, matches only in the oldest articles, an exclusion that
removes every match, a hidden match, dates out of the ids' order, and a match just inside or just outside the window
of newest ids the walk is judged by."""

from datetime import datetime, timedelta, timezone

import pytest
from sqlmodel import Session

from storage import search, split_match
from storage.articles import NewArticle, add_articles
from storage.engine import make_engine
from storage.feed_order import PUBLISHED
from storage.feeds import add_feed
from storage.models import NotRelevant
from storage.search import SearchSource
from storage.search_parser import parse_query

ARTICLES = 40
WINDOW = 8
"""FIRST_STRETCH here: the newest ids the walk is judged by are 33 to 40."""
BURUH = {2, 3, 9, 14, 20, 22, 27, 31, 33, 38, 40}
PHRASE = {1, 2, 3, 4, 9, 10, 14, 15, 20, 22, 25, 27, 30, 33, 35, 38, 39, 40}
REVERSED = {5, 6, 31}
"""'rasa unjuk': both words of the phrase, not the phrase."""
WITHOUT_MOGOK = {1, 2, 4, 5, 9, 22, 27, 31, 32, 33, 38, 40}
OLDEST = {1, 2, 4}
"""'pekerja': only in the oldest articles."""
INSIDE, OUTSIDE = WINDOW * 4 + 1, WINDOW * 4
"""The articles with 'dalam' and 'luar': the newest window's oldest id, and the id just below it."""
HIDDEN = 22
UNDATED = 9
"""Published with no date: dated by when it was fetched, so newer than every other."""
SWAPPED = 38
"""Published before articles with lower ids."""

VISIBLE_MATCHES = {
    'buruh "unjuk rasa" -mogok': (BURUH & PHRASE & WITHOUT_MOGOK) - {HIDDEN},
    '"unjuk rasa" -mogok': (PHRASE & WITHOUT_MOGOK) - {HIDDEN},
    '"unjuk rasa" -ojek': PHRASE - {HIDDEN},
    'pekerja "unjuk rasa" -mogok': OLDEST,
    "buruh -pabrik": set(),
    "buruh -mogok": (BURUH & WITHOUT_MOGOK) - {HIDDEN},
    "dalam -mogok": {INSIDE},
    "luar -mogok": {OUTSIDE},
}
WAYS = ("judged", "walked first", "listed at once", "listed in halves", "listed in one batch", "walked to the end",
        "walked from the top")


def _body(number: int) -> str:
    words = ["kantor bupati jalan raya"]
    words += ["buruh pabrik"] if number in BURUH else []
    words += ["unjuk rasa"] if number in PHRASE else []
    words += ["rasa unjuk"] if number in REVERSED else []
    words += [] if number in WITHOUT_MOGOK else ["mogok kerja"]
    words += ["pekerja"] if number in OLDEST else []
    words += ["dalam"] if number == INSIDE else []
    words += ["luar"] if number == OUTSIDE else []
    return " ".join(words)


@pytest.fixture
def engine(tmp_path):
    """SQLite only: PostgreSQL runs the plain plan. Articles 1 to 40, an hour apart, stored in one go."""
    engine = make_engine(f"sqlite:///{tmp_path / 'costly.db'}")
    feed = add_feed(engine, "http://127.0.0.1/kilas/feed", title="Kilas").id
    start = datetime(2025, 1, 1, tzinfo=timezone.utc)

    def published(number: int) -> datetime | None:
        if number == UNDATED:
            return None
        return start + timedelta(hours=10.5 if number == SWAPPED else number)

    add_articles(engine, feed, [NewArticle(f"g{number}", f"http://x.test/{number}", f"Berita {number}",
                                           published(number), "", _body(number), "extracted", f"h{number}")
                                for number in range(1, ARTICLES + 1)])
    with Session(engine) as session:
        session.add(NotRelevant(article_id=HIDDEN, created_by="penguji"))
        session.commit()
    yield engine
    engine.dispose()


@pytest.fixture(params=WAYS)
def way(request, monkeypatch) -> str:
    monkeypatch.setattr(search, "FIRST_STRETCH", WINDOW)
    monkeypatch.setattr(search, "FIRST_STRETCHES", 2)
    if request.param != "listed in one batch":
        monkeypatch.setattr(search, "CANDIDATES_AT_ONCE", 2)
    forced = {"walked first": True, "listed at once": False, "listed in halves": False, "listed in one batch": False,
              "walked to the end": True, "walked from the top": False}
    if request.param == "listed in halves":  # two readings at once, split at the middle id (20)
        monkeypatch.setattr(split_match, "SPLIT_FROM", 1)
        monkeypatch.setattr(split_match, "PARTS", 2)
    if request.param in forced:
        monkeypatch.setattr(search, "_walk_may_fill", lambda *_: forced[request.param])
    if request.param in ("walked to the end", "walked from the top"):  # the words' list refused: too many
        monkeypatch.setattr(search, "rare_below", lambda _articles: 0)
    return request.param


def plain(source: SearchSource, limit: int, before: tuple | None = None) -> list[int]:
    return [row.id for row in source._ordered_page(limit, before, PUBLISHED, None, 0)]


@pytest.mark.parametrize("text", VISIBLE_MATCHES)
def test_every_way_gives_the_plain_plans_rows_and_counts(engine, way, text):
    source = SearchSource(engine, parse_query(text))
    every = plain(source, 100)
    assert set(every) == VISIBLE_MATCHES[text]
    for limit in (1, 2, 3, len(every), 100):
        assert [row.id for row in source.page(limit, order=PUBLISHED)] == every[:limit]
    for cap in range(len(every) + 2):
        assert source.count_at_most(cap) == min(len(every), cap + 1)
    assert source.count() == len(every)


@pytest.mark.parametrize("text", ['buruh "unjuk rasa" -mogok', '"unjuk rasa" -ojek'])
def test_pages_go_on_below_the_last_row_and_under_a_ceiling(engine, way, text):
    source = SearchSource(engine, parse_query(text))
    every = plain(source, 100)
    shown, before = [], None
    while page := source.page(2, before, order=PUBLISHED):
        assert [row.id for row in page] == plain(source, 2, before)
        shown += [row.id for row in page]
        before = PUBLISHED.key_of(page[-1])
    assert shown == every
    ceiling = sorted(every)[len(every) // 2]
    assert [row.id for row in source.page(100, order=PUBLISHED, ceiling=ceiling)] == [
        article_id for article_id in every if article_id <= ceiling]


def test_undated_and_swapped_articles_stand_where_their_dates_put_them(engine, way):
    rows = [row.id for row in SearchSource(engine, parse_query("buruh -mogok")).page(100, order=PUBLISHED)]
    assert rows[0] == UNDATED
    assert rows.index(SWAPPED) > rows.index(27)


@pytest.mark.parametrize(("text", "fills"), [("dalam -mogok", True), ("luar -mogok", False)])
def test_the_walk_is_judged_by_the_newest_ids_only(engine, monkeypatch, text, fills):
    """A page of 2 wants one match among the newest 8 ids (33 to 40) to walk 8 articles: article 33 is the window's
    oldest, 32 the first outside it."""
    monkeypatch.setattr(search, "FIRST_STRETCH", WINDOW)
    monkeypatch.setattr(search, "FIRST_STRETCHES", 1)
    with engine.connect() as connection:
        assert search._walk_may_fill(connection, parse_query(text), ARTICLES, 2) is fills
        assert search._walk_may_fill(connection, parse_query(text), ARTICLES, 4) is False


def test_a_page_the_window_cannot_hold_is_never_walked_for(engine, monkeypatch):
    """Wanting more matches than the window has ids, the walk is not tried (and nothing is read)."""
    monkeypatch.setattr(search, "FIRST_STRETCH", 1)
    monkeypatch.setattr(search, "FIRST_STRETCHES", 1)
    with engine.connect() as connection:
        assert search._walk_may_fill(connection, parse_query('"unjuk rasa" -ojek'), ARTICLES, 3) is False
