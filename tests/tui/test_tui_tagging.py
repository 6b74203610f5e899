"""Keyboard tagging on the desk: every tagging key against a real SQLite file, rows and reader showing the tags."""

from sqlalchemy import Engine
from textual.app import App, ComposeResult
from textual.widgets import Input, OptionList

from storage.manual_tags import add_tag, article_tagging, audit_log, set_type
from storage.models import MANUAL
from storage.tags import article_engagements, article_mentions, replace_auto_tags
from tests.tui.tui_support import fill, until
from tui.screens.help import HelpScreen
from tui.screens.pickers import ActorEditor, FuzzyPicker, kabupaten_places, rank_choices, Choice
from tui.tagging_actions import label_type_keys, short_label, taxonomy, type_keys
from tui.widgets.feed_list import WIDE_ROW, FeedList

TITLES = ["Buruh Cilegon mogok kerja", "Polisi jaga pabrik di Serang", "Audiensi buruh di Polres Serang"]
BODY = "Kapolres Serang AKBP Condro Sasongko menerima buruh.\nSerikat pekerja menyampaikan aspirasi."
TAGS = {
    "places": [{"name": "Kabupaten Serang", "code": "36.04", "level": "kabupaten", "province": "Banten",
                "precision": 2, "span": [9, 15]}],
    "actors": [{"kind": "police", "name": "Condro Sasongko", "position": "Kapolres", "rank": "AKBP",
                "organisation": None, "unit": "Polres Serang", "spans": [[16, 36]]}],
    "engagements": [{"type": "hearing", "secondary_types": [], "date": "2025-12-08", "date_precision": 1,
                     "year_inferred": False, "kabupaten_kota": "Kabupaten Serang", "code": "36.04",
                     "province": "Banten", "police_actors": [], "labour_actors": [], "other_actors": [],
                     "evidence": {"text": "menerima", "span": [37, 45]}}],
}


def row_text(feed: FeedList, position: int = 0) -> str:
    return feed.render_line(position - feed.scroll_offset.y).text


def tagged_desk(engine: Engine) -> int:
    """Three articles; the newest (selected first) has the tagger's tags and a body naming an officer."""
    from storage.articles import newest_articles
    from sqlmodel import Session
    from storage.models import Article

    fill(engine, TITLES)
    newest = newest_articles(engine, 1)[0].id
    with Session(engine) as session:
        row = session.get(Article, newest)
        row.body = BODY
        session.add(row)
        session.commit()
    replace_auto_tags(engine, newest, TAGS, "t1")
    return newest


async def started(pilot) -> FeedList:
    feed = pilot.app.feed_list
    await until(pilot, lambda: feed.current is not None and pilot.app.reader.tagging is not None)
    return feed


def manual_type(engine: Engine, article_id: int) -> str | None:
    rows = [row.type for row in article_engagements(engine, article_id) if row.source == MANUAL]
    return rows[0] if rows else None


async def test_rows_show_kabupaten_type_and_markers(make_desk, engine: Engine):
    newest = tagged_desk(engine)
    add_tag(engine, newest - 1, "upah", "lain")
    app = make_desk()
    async with app.run_test(size=(260, 30)) as pilot:
        feed = await started(pilot)
        await until(pilot, lambda: feed.details_of(newest).kabupaten is not None, describe=lambda: row_text(feed))
        assert feed.size.width >= WIDE_ROW
        first, second, third = (row_text(feed, n) for n in range(3))
        assert "Kab. Serang" in first and "hearing" in first and "✎" not in first
        assert "✎" in second, "manual tags are marked"
        assert "Kab. Serang" not in third and "hearing" not in third


async def test_narrow_rows_show_the_type_as_a_letter(make_desk, engine: Engine):
    newest = tagged_desk(engine)
    app = make_desk()
    async with app.run_test(size=(120, 30)) as pilot:
        feed = await started(pilot)
        await until(pilot, lambda: feed.details_of(newest).engagement_type is not None)
        assert feed.size.width < WIDE_ROW
        assert " H    Audiensi buruh" in row_text(feed), "type letter, no star, no manual tags"
        assert TITLES[2] in row_text(feed)


async def test_number_key_sets_the_type_and_undo_reverts_it(make_desk, engine: Engine):
    newest = tagged_desk(engine)
    app = make_desk()
    async with app.run_test(size=(160, 30)) as pilot:
        feed = await started(pilot)
        key_one = app.type_key_order[0]
        assert key_one == "hearing", "the most used type comes first"
        await pilot.press("1")
        await until(pilot, lambda: manual_type(engine, newest) == "hearing")
        await pilot.press("2")
        second = app.type_key_order[1]
        await until(pilot, lambda: manual_type(engine, newest) == second)
        await until(pilot, lambda: feed.details_of(newest).engagement_type == second and feed.details_of(newest).manual)
        assert "✎" in row_text(feed)
        await until(pilot, lambda: any(f"Type set: {second}" in n.message for n in app._notifications))
        await pilot.press("ctrl+z")
        await until(pilot, lambda: manual_type(engine, newest) == "hearing")
        await pilot.press("ctrl+z")
        await until(pilot, lambda: manual_type(engine, newest) is None)
        assert [entry.created_by for entry in audit_log(engine, newest)] == ["penguji"] * 4
        await until(pilot, lambda: app.reader.tagging is not None and app.reader.tagging.type_source == "auto")


async def test_undo_names_the_article_it_changes(make_desk, engine: Engine):
    """ctrl+z goes back through your changes on every article: one undone on an article other than the selected
    one is named, as a warning (it used to say only "Undone: type back to nothing")."""
    newest = tagged_desk(engine)
    app = make_desk()
    async with app.run_test(size=(160, 30)) as pilot:
        feed = await started(pilot)
        await pilot.press("1")
        await until(pilot, lambda: manual_type(engine, newest) is not None)
        await pilot.press("j")
        await until(pilot, lambda: feed.current.title == TITLES[1])
        await pilot.press("2")
        await until(pilot, lambda: manual_type(engine, feed.current.id) is not None)
        app.clear_notifications()
        await pilot.press("ctrl+z")
        await until(pilot, lambda: manual_type(engine, feed.current.id) is None)
        await until(pilot, lambda: len(app._notifications) == 1)
        note = list(app._notifications)[0]
        assert note.message.endswith(f"on this article: “{TITLES[1]}”") and note.severity == "information"
        await pilot.press("ctrl+z")
        await until(pilot, lambda: manual_type(engine, newest) is None)
        await until(pilot, lambda: len(app._notifications) == 2)
        note = list(app._notifications)[-1]
        assert note.message == f"Undone: type back to hearing on another article: “{TITLES[2]}”"
        assert note.severity == "warning"


async def test_type_keys_follow_usage_and_the_footer_and_help_name_them(make_desk, engine: Engine):
    tagged_desk(engine)
    app = make_desk()
    async with app.run_test(size=(200, 30)) as pilot:
        await started(pilot)
        await until(pilot, lambda: app.type_key_order[0] == "hearing")
        descriptions = {binding.id: binding.description
                        for bindings in app.feed_list._bindings.key_to_bindings.values() for binding in bindings}
        assert descriptions["tag.type_1"] == "hearing"
        footer_keys = [binding.description for (_node, binding, _enabled, _tooltip) in app.screen.active_bindings.values()]
        assert "hearing" in footer_keys
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        titles = [title for title, _bindings in app.screen.groups]
        tagging = dict(app.screen.groups)["Tagging"]
        assert "Tagging" in titles
        assert tagging[0].description == "Type: hearing (Hearing / audience)"
        assert {binding.id for binding in tagging} >= {"tag.pick_type", "tag.pick_tag", "tag.actor", "tag.kabupaten",
                                                       "tag.not_relevant", "tag.star", "tag.undo"}


def test_type_keys_order():
    assert type_keys({}) == [type_id for type_id, _label in taxonomy()][:9]
    assert type_keys({"ceremony": 5, "strike": 5, "dialogue": 9})[:3] == ["dialogue", "strike", "ceremony"]


async def test_e_opens_the_type_picker(make_desk, engine: Engine):
    newest = tagged_desk(engine)
    app = make_desk()
    async with app.run_test(size=(160, 40)) as pilot:
        await started(pilot)
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, FuzzyPicker))
        options = app.screen.query_one(OptionList)
        assert options.option_count == 16
        await pilot.press(*"mediat", "enter")
        await until(pilot, lambda: manual_type(engine, newest) == "mediation")


async def test_t_creates_a_tag_and_takes_it_off_again(make_desk, engine: Engine):
    newest = tagged_desk(engine)
    add_tag(engine, newest - 1, "upah minimum", "lain")
    app = make_desk()
    async with app.run_test(size=(160, 40)) as pilot:
        await started(pilot)
        await pilot.press("t")
        await until(pilot, lambda: isinstance(app.screen, FuzzyPicker))
        await pilot.press(*"phk massal")
        first = app.screen.query_one(OptionList).get_option_at_index(0)
        assert str(first.prompt) == "Create “phk massal”"
        await pilot.press("enter")
        await until(pilot, lambda: article_tagging(engine, newest).tags == ["phk massal"])
        await pilot.press("t")
        await until(pilot, lambda: isinstance(app.screen, FuzzyPicker))
        await pilot.press(*"upa")
        options = app.screen.query_one(OptionList)
        assert [str(options.get_option_at_index(n).prompt) for n in (0, 1)] == ["upah minimum", "Create “upa”"]
        await pilot.press("enter")
        await until(pilot, lambda: article_tagging(engine, newest).tags == ["phk massal", "upah minimum"])
        await pilot.press("t")
        await until(pilot, lambda: isinstance(app.screen, FuzzyPicker))
        await pilot.press(*"phk", "enter")
        await until(pilot, lambda: article_tagging(engine, newest).tags == ["upah minimum"])
        await until(pilot, lambda: "Tags: upah minimum" in app.reader.parts["tags"].plain)


async def test_a_adds_a_new_actor_and_completes_known_ones(make_desk, engine: Engine):
    newest = tagged_desk(engine)
    app = make_desk()
    async with app.run_test(size=(160, 40)) as pilot:
        await started(pilot)
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, ActorEditor))
        await pilot.press(*"condro")
        options = app.screen.query_one("#actor-options", OptionList)
        assert str(options.get_option_at_index(0).prompt) == "Condro Sasongko — police"
        await pilot.press("down")
        assert app.screen.query_one("#actor-name", Input).value == "Condro Sasongko"
        app.screen.query_one("#actor-rank", Input).value = "Kombes"
        await pilot.press("enter")
        await until(pilot, lambda: any(view.source == MANUAL for view in article_mentions(engine, newest)))
        assert {(view.rank, view.source) for view in article_mentions(engine, newest)} == {
            ("AKBP", "auto"), ("Kombes", "manual")}
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, ActorEditor))
        await pilot.press(*"SPSI Serang")
        app.screen.query_one("#actor-kind").value = "labour"
        await pilot.press("enter")
        await until(pilot, lambda: "SPSI Serang" in {view.name for view in article_mentions(engine, newest)})
        kinds = {view.name: view.kind for view in article_mentions(engine, newest)}
        assert kinds["SPSI Serang"] == "labour"


async def test_capital_k_sets_the_kabupaten_from_the_gazetteer(make_desk, engine: Engine):
    newest = tagged_desk(engine)
    app = make_desk()
    async with app.run_test(size=(160, 40)) as pilot:
        feed = await started(pilot)
        await pilot.press("K")
        await until(pilot, lambda: isinstance(app.screen, FuzzyPicker))
        await pilot.press(*"kota bekasi")
        first = app.screen.query_one(OptionList).get_option_at_index(0)
        assert str(first.prompt) == "Kota Bekasi (32.75, Jawa Barat)"
        await pilot.press("enter")
        await until(pilot, lambda: article_tagging(engine, newest).kabupaten_code == "32.75")
        await until(pilot, lambda: feed.details_of(newest).kabupaten == "Kota Bekasi")
        await until(pilot, lambda: "Kota Bekasi (32.75, Jawa Barat)" in app.reader.parts["tags"].plain)


def test_the_gazetteer_offers_every_kabupaten_and_kota():
    places = kabupaten_places()
    assert len(places) == 514
    assert str(next(place for place in places if place.code == "36.04")) == "Kabupaten Serang (36.04, Banten)"
    found = rank_choices("srang", [Choice(place.code, str(place)) for place in places], limit=5)
    assert "36.04" in [choice.value for choice in found] or "36.73" in [choice.value for choice in found]


async def test_x_hides_the_row_and_undo_brings_it_back(make_desk, engine: Engine):
    newest = tagged_desk(engine)
    app = make_desk()
    async with app.run_test(size=(160, 30)) as pilot:
        feed = await started(pilot)
        await pilot.press("j")
        await until(pilot, lambda: feed.current.title == TITLES[1])
        hidden = feed.current.id
        await pilot.press("x")
        await until(pilot, lambda: feed.total == 2 and feed.current is not None and feed.current.id != hidden)
        assert feed.cursor == 1 and feed.current.title == TITLES[0], "the row below takes its place"
        assert all(TITLES[1] not in row_text(feed, n) for n in range(2))
        await pilot.press("ctrl+z")
        await until(pilot, lambda: feed.total == 3)
        assert newest in {feed.row_at(n).id for n in range(3)}


async def test_s_stars_and_the_row_shows_it(make_desk, engine: Engine):
    newest = tagged_desk(engine)
    app = make_desk()
    async with app.run_test(size=(160, 30)) as pilot:
        feed = await started(pilot)
        await pilot.press("s")
        assert feed.current.is_starred and "★" in row_text(feed)
        await until(pilot, lambda: article_tagging(engine, newest).starred)
        await pilot.press("ctrl+z")
        await until(pilot, lambda: not article_tagging(engine, newest).starred)
        await until(pilot, lambda: not feed.current.is_starred)


async def test_keys_work_from_the_reader(make_desk, engine: Engine):
    newest = tagged_desk(engine)
    app = make_desk()
    async with app.run_test(size=(160, 30)) as pilot:
        await started(pilot)
        app.reader.focus()
        await pilot.press("3")
        third = app.type_key_order[2]
        await until(pilot, lambda: manual_type(engine, newest) == third)


async def test_reader_highlights_actor_spans_and_shows_tag_lines(make_desk, engine: Engine):
    newest = tagged_desk(engine)
    set_type(engine, newest, "dialogue", "lain")
    app = make_desk()
    async with app.run_test(size=(160, 30)) as pilot:
        await started(pilot)
        await until(pilot, lambda: app.reader.body_text.spans)
        body = app.reader.body_text
        (span,) = body.spans
        assert body.plain[span.start:span.end] == "AKBP Condro Sasongko"
        assert span.style == app.reader.get_component_rich_style("reader--police")
        assert body.plain.count("\n\n") == 1, "paragraphs stay spaced"
        line = app.reader.parts["tags"].plain
        assert "Type: dialogue (by hand)" in line and "Event: 08 Dec 2025" in line
        assert "Kabupaten Serang (36.04, Banten)" in line


async def test_tagging_keys_do_nothing_while_an_input_has_focus(make_desk, engine: Engine):
    newest = tagged_desk(engine)
    app = make_desk()
    async with app.run_test(size=(160, 30)) as pilot:
        await started(pilot)
        field = Input(id="scratch")
        await app.screen.mount(field)
        field.focus()
        await pilot.press("1", "x", "s", "e", "K")
        assert field.value == "1xseK"
        assert not isinstance(app.screen, FuzzyPicker)
        assert not app._tagging_jobs and not app._tagging_busy, "no write was asked for (keys queue theirs at once)"
        assert audit_log(engine, newest) == []


async def test_rows_pick_up_tags_stored_after_they_were_shown(make_desk, engine: Engine):
    """The poller tags articles after storing them: rows already on screen show the tags once they are stored."""
    from storage.articles import newest_articles

    fill(engine, TITLES)
    newest = newest_articles(engine, 1)[0].id
    app = make_desk()
    async with app.run_test(size=(120, 30)) as pilot:
        feed = await started(pilot)
        assert feed.details_of(newest).engagement_type is None
        replace_auto_tags(engine, newest, TAGS, "t1")
        await until(pilot, lambda: feed.details_of(newest).engagement_type == "hearing")
        assert " H " in row_text(feed)


async def test_type_keys_are_labelled_on_a_pane_no_longer_on_screen():
    """The worker reading the type order can answer while the app closes and its panes are gone:
    the labels still change, and nothing asks a screen that is no longer there."""

    class OnePane(App[None]):
        def compose(self) -> ComposeResult:
            yield FeedList()

    async with OnePane().run_test() as pilot:
        pane = pilot.app.query_one(FeedList)
        await pane.remove()
        label_type_keys(pane, ["arrest", "clash"])
    descriptions = {binding.id: binding.description
                    for bindings in pane._bindings.key_to_bindings.values() for binding in bindings}
    assert descriptions["tag.type_1"] == short_label("arrest")
    assert descriptions["tag.type_2"] == short_label("clash")
