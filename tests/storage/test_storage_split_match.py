"""A costly full-text match read as two halves of the ids at once (storage.split_match) lists what one reading lists,
lowest id first, cut at the same limit, wherever the matches lie: all below the middle, all above it, on both sides,
or none; and the upper half is read on a connection of its own in the helper thread."""

import threading
from datetime import datetime, timedelta, timezone

import pytest

from storage import split_match
from storage.articles import NewArticle, add_articles
from storage.engine import make_engine
from storage.feeds import add_feed

ARTICLES = 30
MIDDLE = ARTICLES // 2
WITH_MOGOK = {3, 7, 8, 15, 16, 22, 30}
BOTH = {2, 3, 5, 11, 15, 16, 17, 21, 28, 30}
"""Articles with 'buruh' and 'unjuk rasa': on both sides of the middle (15)."""
LOW = {2, 5, 11}
"""Articles with 'pabrik': below the middle only."""
HIGH = {17, 21, 28}
"""Articles with 'pekerja': above the middle only."""


def _body(number: int) -> str:
    words = ["kantor bupati"]
    words += ["buruh unjuk rasa"] if number in BOTH else ["rasa unjuk buruh"]
    words += ["mogok"] if number in WITH_MOGOK else []
    words += ["pabrik"] if number in LOW else []
    words += ["pekerja"] if number in HIGH else []
    return " ".join(words)


@pytest.fixture
def engine(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'split.db'}")
    feed = add_feed(engine, "http://127.0.0.1/belah/feed", title="Belah").id
    start = datetime(2025, 3, 1, tzinfo=timezone.utc)
    add_articles(engine, feed, [NewArticle(f"g{number}", f"http://x.test/{number}", f"Kabar {number}",
                                           start + timedelta(hours=number), "", _body(number), "extracted",
                                           f"h{number}") for number in range(1, ARTICLES + 1)])
    yield engine
    engine.dispose()


@pytest.fixture
def halves(monkeypatch) -> list[str]:
    """Splitting forced on this small desk; the names of the threads that read an upper half."""
    monkeypatch.setattr(split_match, "SPLIT_FROM", 1)
    monkeypatch.setattr(split_match, "PARTS", 2)
    readers: list[str] = []
    read_apart = split_match._read_apart

    def recorded(engine, arguments):
        readers.append(threading.current_thread().name)
        return read_apart(engine, arguments)

    monkeypatch.setattr(split_match, "_read_apart", recorded)
    return readers


WORDS = {
    '"unjuk rasa" AND ((buruh) NOT (mogok))': sorted(BOTH - WITH_MOGOK),
    '"unjuk rasa" AND ((pabrik) NOT (mogok))': sorted(LOW & (BOTH - WITH_MOGOK)),
    '"unjuk rasa" AND ((pekerja) NOT (mogok))': sorted(HIGH & (BOTH - WITH_MOGOK)),
    "(pekerja) NOT (buruh)": [],
    '"kantor bupati"': list(range(1, ARTICLES + 1)),
}


def whole(engine, words: str, limit: int) -> list[int]:
    with engine.connect() as connection:
        return split_match._read(connection, split_match._WHOLE, {"words": words, "wanted": limit})


@pytest.mark.parametrize("words", WORDS)
def test_halves_list_what_one_reading_lists(engine, halves, words):
    found = whole(engine, words, ARTICLES + 1)
    assert found == WORDS[words]
    with engine.connect() as connection:
        for limit in range(len(found) + 2):
            assert split_match.matching_ids(connection, words, ARTICLES, limit) == found[:limit]
    assert halves and all(name.startswith("pantau-match") for name in halves)


def test_the_newest_articles_above_the_newest_id_read_are_in_the_upper_half(engine, halves):
    """Stored after the newest id was read: a split reading keeps them, as one reading would."""
    with engine.connect() as connection:
        assert split_match.matching_ids(connection, '"kantor bupati"', MIDDLE, ARTICLES + 1) == list(
            range(1, ARTICLES + 1))


def test_a_small_range_or_one_core_is_read_once(engine, halves, monkeypatch):
    with engine.connect() as connection:
        monkeypatch.setattr(split_match, "SPLIT_FROM", ARTICLES + 1)
        assert split_match.matching_ids(connection, '"kantor bupati"', ARTICLES, 5) == [1, 2, 3, 4, 5]
        monkeypatch.setattr(split_match, "SPLIT_FROM", 1)
        monkeypatch.setattr(split_match, "PARTS", 1)
        assert split_match.matching_ids(connection, '"kantor bupati"', ARTICLES, 5) == [1, 2, 3, 4, 5]
    assert halves == []
