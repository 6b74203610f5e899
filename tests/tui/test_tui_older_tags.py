"""Tags of an older tagger: the desk says so once when it opens, and its poll cycle shows the re-tagging it does.

Real SQLite desks (the `engine` fixture's file) whose articles carry an older `tagger_version`, or only this one's.
"""

import logging

import pytest
from sqlalchemy import Engine, text

from fetchers.tag_step import tag_pending
from storage.feeds import disable_feed
from storage.tags import articles_pending
from tagging import TAGGER_VERSION
from tests.tui.tui_support import fill, messages, until
from tui.older_tags import older_versions

OLDER = "0.1.9"


def stored_as_tagged_by(engine: Engine, version: str, count: int = 6) -> None:
    """`count` articles of a feed that is not polled, tagged, then marked as `version`'s tags."""
    fill(engine, [f"Buruh dan polisi bertemu, bagian {number}" for number in range(count)])
    disable_feed(engine, "https://warta-uji.test/feed.xml")
    tag_pending(engine)
    with engine.begin() as connection:
        connection.execute(text("UPDATE article SET tagger_version = :version"), {"version": version})


def older_tag_notices(app) -> list[str]:
    return [message for message in messages(app) if "older tagger" in message]


async def test_a_desk_that_does_not_poll_names_pantau_retag_once(make_desk, engine: Engine, wait_for_workers,
                                                                   caplog: pytest.LogCaptureFixture):
    stored_as_tagged_by(engine, OLDER)
    app = make_desk(poll=False)
    with caplog.at_level(logging.INFO, logger="tui.polling"):
        async with app.run_test(size=(160, 40)) as pilot:
            await until(pilot, lambda: bool(older_tag_notices(app)))
            await pilot.press("/", "b", "u", "enter")  # a search paints the feed again: still one notice
            await until(pilot, lambda: app.feed_list.started)
            await wait_for_workers(app)
            [notice] = older_tag_notices(app)
    assert f"older tagger ({OLDER}; this is {TAGGER_VERSION})" in notice
    assert "run `pantau retag`" in notice
    assert any(notice == record.getMessage() for record in caplog.records), "the log says it too"


async def test_a_desk_with_this_tagger_s_tags_only_says_nothing(make_desk, engine: Engine, wait_for_workers):
    stored_as_tagged_by(engine, TAGGER_VERSION)
    app = make_desk(poll=False)
    async with app.run_test(size=(160, 40)) as pilot:
        await until(pilot, lambda: app.feed_list.started)
        await wait_for_workers(app)
        await pilot.pause()
        assert older_tag_notices(app) == []


async def test_a_polling_desk_re_tags_them_in_its_first_cycle_and_the_status_bar_counts_it(make_desk,
                                                                                          engine: Engine):
    stored_as_tagged_by(engine, OLDER, count=6)
    app = make_desk(poll=True, poll_interval_s=60)
    async with app.run_test(size=(160, 40)) as pilot:
        await until(pilot, lambda: bool(older_tag_notices(app)))
        [notice] = older_tag_notices(app)
        assert "re-tags them after its first poll" in notice and "`pantau retag`" in notice
        await until(pilot, lambda: app.status_bar.tagging == (6, 6, True) and not app.polling.busy,
                    describe=lambda: app.status_bar.tagging)
        assert articles_pending(engine, TAGGER_VERSION) == 0
        app.status_bar.polling = (0, 0)  # as a cycle shows it, mid-way
        app.status_bar.tagging = (25, 6_000, True)
        assert "re-tagging 25/6,000" in app.status_bar.render().plain


def test_only_an_older_release_of_this_tagger_is_called_older(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr("tui.older_tags.TAGGER_VERSION", "0.2.5")
    assert older_versions(["0.2.4", "uji-1", None, "0.10.0", "0.2.5", "0.1.10"]) == ["0.1.10", "0.2.4"]
    monkeypatch.setattr("tui.older_tags.TAGGER_VERSION", "0.3.0rc1")
    assert older_versions(["0.2.4"]) == [], "a version it cannot order is compared with nothing"
