"""The review list on the desk: the status bar counts uncertain engagements, `is:review` lists them, and `c`
confirms the tagger's coding (it leaves the list); a correction clears it too."""

import copy

from sqlalchemy import Engine

from storage.manual_tags import audit_log
from storage.review import REVIEW_BELOW
from storage.tags import replace_auto_tags
from tests.support.tagged import tags_of
from tests.tui.test_tui_tagging import TAGS, manual_type, started, tagged_desk
from tests.tui.tui_support import until


def uncertain_desk(engine: Engine) -> int:
    newest = tagged_desk(engine)
    tags = copy.deepcopy(TAGS)
    tags["engagements"][0]["confidence"] = REVIEW_BELOW - 0.3
    replace_auto_tags(engine, newest, tags_of(tags, "t1"))
    return newest


async def test_the_status_bar_counts_the_review_and_c_confirms(make_desk, engine: Engine):
    newest = uncertain_desk(engine)
    app = make_desk()
    async with app.run_test(size=(160, 45)) as pilot:
        await started(pilot)
        bar = app.status_bar
        await until(pilot, lambda: bar.review_count == 1, describe=lambda: str(bar.render()))
        assert "review: 1" in str(bar.render())
        await pilot.press("c")
        await until(pilot, lambda: bar.review_count == 0, describe=lambda: str(bar.render()))
        assert "review:" not in str(bar.render())
        assert manual_type(engine, newest) == "hearing"
        assert audit_log(engine, newest)[-1].action == "confirm"


async def test_is_review_lists_only_the_uncertain_article(make_desk, engine: Engine):
    newest = uncertain_desk(engine)
    app = make_desk()
    async with app.run_test(size=(160, 45)) as pilot:
        feed = await started(pilot)
        app.search.apply("is:review")
        await until(pilot, lambda: feed.total == 1 and feed.current is not None and feed.current.id == newest,
                    describe=lambda: f"{feed.total} rows")
        await pilot.press("1")
        await until(pilot, lambda: app.status_bar.review_count == 0)
