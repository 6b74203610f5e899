"""The desk's pure parts: paging by key, times in the desk's zone, feed health, key display."""

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from textual.binding import Binding

from storage.articles import ArticleRow
from storage.feed_order import ARRIVAL
from storage.models import Feed
from tui.polling import summary_is_offline
from tui.widgets.status_bar import feed_health
from tui.screens.help import keys_for
from tui.widgets.feed_list import PageRequest, format_time, one_line, read_pages
from tui.widgets.reader import paragraphs

JAKARTA = ZoneInfo("Asia/Jakarta")


class ListSource:
    """Rows with the given ids, served newest first by key or at an offset, as storage does (in arrival order)."""

    def __init__(self, ids: list[int]) -> None:
        self.ids = sorted(ids, reverse=True)
        self.calls: list[tuple] = []

    def count(self) -> int:
        return len(self.ids)

    def page(self, limit: int, before: tuple | None = None, *, order=ARRIVAL, ceiling: int | None = None,
             offset: int = 0) -> list[ArticleRow]:
        self.calls.append((before, offset))
        kept = [i for i in self.ids if (ceiling is None or i <= ceiling) and (before is None or i < before[0])]
        return [ArticleRow(i, f"t{i}", "s", None, False, False) for i in kept[offset:offset + limit]]

    def after(self, after_id: int) -> list[ArticleRow]:
        return []


def test_read_pages_go_on_below_the_last_key():
    source = ListSource([i for i in range(1, 101) if i % 10])
    request = PageRequest(generation=1, first_page=0, before=None, wanted=frozenset({3}))
    pages = dict(read_pages(source, request, page_size=20))
    assert sorted(pages) == [0, 1, 2, 3]
    assert [row.id for row in pages[0]][:3] == [99, 98, 97]
    assert source.calls[1] == ((pages[0][-1].id,), 0), "each page starts below the last key of the one before"
    assert len(pages[3]) == 20 and pages[3][-1].id == 12, "rows 60..79 of ids without multiples of ten"


def test_a_page_far_down_is_read_at_its_offset_and_the_ceiling_holds():
    source = ListSource(list(range(1, 1001)))
    request = PageRequest(generation=1, first_page=30, before=None, wanted=frozenset({30, 31}), ceiling=900)
    pages = dict(read_pages(source, request, page_size=20))
    assert source.calls == [(None, 600), ((281,), 0)]
    assert [row.id for row in pages[30]][:2] == [300, 299], "articles above the ceiling arrived later"
    assert pages[31][0].id == 280


def test_read_pages_stops_at_the_end_and_when_cancelled():
    source = ListSource(list(range(1, 31)))
    request = PageRequest(generation=1, first_page=0, before=None, wanted=frozenset({5}))
    assert [page for page, _ in read_pages(source, request, page_size=20)] == [0, 1]
    assert list(read_pages(source, request, lambda: True, page_size=20)) == []


def test_times_show_in_the_desk_zone():
    now = datetime(2025, 11, 3, 12, 0, tzinfo=timezone.utc)
    assert format_time(datetime(2025, 11, 3, 2, 0), JAKARTA, now) == "09:00", "today; naive means UTC"
    assert format_time(datetime(2025, 11, 2, 16, 0), JAKARTA, now) == "02 Nov", "23:00 on 2 Nov in Jakarta"
    assert format_time(datetime(2025, 11, 2, 2, 0, tzinfo=timezone.utc), JAKARTA, now) == "02 Nov"
    assert format_time(datetime(2024, 5, 1, 2, 0, tzinfo=timezone.utc), JAKARTA, now) == "01/05/24"
    assert format_time(None, JAKARTA, now) == "—"


def test_feed_text_is_flattened_to_one_row_and_paragraphs_are_spaced():
    assert one_line("Buruh\nmogok\tdi  Serang") == "Buruh mogok di Serang"
    assert paragraphs("Satu.\nDua.\n\n\nTiga.") == "Satu.\n\nDua.\n\nTiga."


def test_feed_health_counts_failing_feeds_by_consecutive_failures_or_no_network():
    polled = datetime(2025, 11, 3, tzinfo=timezone.utc)
    feeds = [
        Feed(url="a", last_polled_at=polled, last_status="200"),
        Feed(url="b", last_polled_at=polled, last_status="error", last_error="HTTP 503", consecutive_failures=2),
        Feed(url="c"),
        Feed(url="d", last_polled_at=polled, last_error="404", consecutive_failures=1, enabled=False),
        Feed(url="e", last_polled_at=polled, last_status="200", last_error="entries cut at 500 of 2,000"),
        Feed(url="f", last_polled_at=polled, last_status="offline", last_error="offline: no route"),
    ]
    health = feed_health(feeds)
    assert (health.ok, health.failing, health.pending) == (2, 2, 1), "a note on a feed that answered is no failure"
    assert health.last_poll_at == polled and not health.all_failing
    assert feed_health(feeds[1:2]).all_failing
    assert feed_health(feeds[5:6]).all_failing, "no network leaves the failure count alone, yet nothing answers"
    assert not feed_health(feeds[4:5]).all_failing


class Summary:
    def __init__(self, polled: int, failed: int, offline: bool = False) -> None:
        self.polled, self.failed, self.offline = polled, failed, offline


def test_a_poll_is_offline_when_it_says_so_or_every_feed_failed():
    assert summary_is_offline(Summary(0, 0, offline=True))
    assert summary_is_offline(Summary(3, 3))
    assert not summary_is_offline(Summary(3, 1))
    assert not summary_is_offline(Summary(0, 0))


def test_help_shows_remapped_keys_as_typed():
    binding = Binding("f1,question_mark", "help", "Help", id="app.help")
    assert keys_for(binding, {}) == "f1, ?"
    assert keys_for(binding, {"app.help": "ctrl+h"}) == "ctrl+h"
