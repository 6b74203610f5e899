"""Keyboard tagging on the desk: every tagging key against a real SQLite file, rows and reader showing the tags."""

from datetime import date, datetime, timezone

import pytest
from sqlalchemy import Engine
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, OptionList

from core.vocabulary import engagement_types, short_label
from storage.manual_tags import TagChange, add_tag, article_tagging, audit_log, set_type
from storage.models import MANUAL
from storage.tags import article_engagements, article_mentions, replace_auto_tags
from tests.support.tagged import tags_of
from tests.tui.tui_support import fill, messages, notices, until
from tui.screens.event_date import EventDateScreen, parse_event_date
from tui.screens.help import HelpScreen
from tui.screens.pickers import PICKER_KEYS, ActorEditor, Choice, FuzzyPicker, kabupaten_places, rank_choices
from tui.config import DEFAULT_TYPE_KEYS
from tui.hand_tagging import describe_change, label_type_keys
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
    replace_auto_tags(engine, newest, tags_of(TAGS, "t1"))
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
        assert " H     Audiensi buruh" in row_text(feed), "type letter, no mark, no star, no manual tags"
        assert TITLES[2] in row_text(feed)


async def test_number_key_sets_the_type_and_undo_reverts_it(make_desk, engine: Engine):
    newest = tagged_desk(engine)
    app = make_desk()
    async with app.run_test(size=(160, 30)) as pilot:
        feed = await started(pilot)
        first, second = app.tagging.type_key_order[:2]
        await pilot.press("1")
        await until(pilot, lambda: manual_type(engine, newest) == first)
        await pilot.press("2")
        await until(pilot, lambda: manual_type(engine, newest) == second)
        await until(pilot, lambda: feed.details_of(newest).engagement_type == second and feed.details_of(newest).manual)
        assert "✎" in row_text(feed)
        await until(pilot, lambda: any(f"Type set: {engagement_types()[second].label} ·" in message for message in messages(app)))
        await pilot.press("ctrl+z")
        await until(pilot, lambda: manual_type(engine, newest) == first)
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
        notices(app).clear()
        await pilot.press("ctrl+z")
        await until(pilot, lambda: manual_type(engine, feed.current.id) is None)
        await until(pilot, lambda: len(notices(app)) == 1)
        note = notices(app)[0]
        assert note.message.endswith(f"on this article: “{TITLES[1]}”") and note.severity == "information"
        await pilot.press("ctrl+z")
        await until(pilot, lambda: manual_type(engine, newest) is None)
        await until(pilot, lambda: len(notices(app)) == 2)
        note = notices(app)[-1]
        assert note.message == f"Undone: type back to Hearing / audience on another article: “{TITLES[2]}”"
        assert note.severity == "warning"


def legend_text(app) -> str:
    return app.desk.type_legend.render().plain


async def test_type_keys_stay_fixed_as_types_are_used_and_across_restarts(make_desk, engine: Engine):
    """The keys 1–9 followed the types most used in the database, so "3 arrest" became "8 arrest" between
    sessions; now the default mapping holds whatever is tagged, and the legend always shows it."""
    newest = tagged_desk(engine)
    for article_id in (newest - 1, newest - 2):
        set_type(engine, article_id, "dialogue", "lain")
    for _session in range(2):
        app = make_desk()
        async with app.run_test(size=(160, 30)) as pilot:
            await started(pilot)
            assert app.tagging.type_key_order == list(DEFAULT_TYPE_KEYS)
            assert legend_text(app).startswith("types 1 clash  2 dispersal  3 arrest  4 blockade  5 strike")
            await pilot.press("9")
            await until(pilot, lambda: manual_type(engine, newest) == DEFAULT_TYPE_KEYS[8])
        assert DEFAULT_TYPE_KEYS[8] == "dialogue", "the most used type now, as it was not before"


async def test_type_keys_come_from_the_config_and_the_legend_footer_and_help_name_them(make_desk, engine: Engine):
    newest = tagged_desk(engine)
    app = make_desk(type_keys=("hearing", "arrest"), keymap={"tag.type_2": "0"})
    async with app.run_test(size=(200, 30)) as pilot:
        await started(pilot)
        assert app.tagging.type_key_order == ["hearing", "arrest"]
        assert legend_text(app) == "types 1 hearing  0 arrest"
        assert app.focused is app.feed_list
        descriptions = {active.binding.id: active.binding.description for active in app.screen.active_bindings.values()}
        assert descriptions["tag.type_1"] == "hearing"
        await pilot.press("0")
        await until(pilot, lambda: manual_type(engine, newest) == "arrest")
        await pilot.press("alt+4")
        assert app.desk.type_legend.has_class("-idle"), "dim where the number keys do nothing"
        await pilot.press("alt+2")
        assert not app.desk.type_legend.has_class("-idle")
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        tagging = dict(app.screen.groups)["Tagging (feed and reader)"]
        assert tagging[0].description == "Type: hearing (Hearing / audience)"
        assert {binding.id for binding in tagging} >= {"tag.pick_type", "tag.pick_tag", "tag.actor", "tag.kabupaten",
                                                       "tag.not_relevant", "tag.star", "tag.undo"}


async def test_the_legend_shortens_its_labels_on_a_narrow_terminal(make_desk, engine: Engine):
    tagged_desk(engine)
    app = make_desk()
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        legend = legend_text(app)
        assert legend == "1 clash 2 disp 3 arrest 4 block 5 strike 6 escort 7 mediat 8 compl 9 dialog"
        assert len(legend) <= 78


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


@pytest.mark.parametrize("size", [(80, 24), (160, 45)])
@pytest.mark.parametrize("key", ["e", "K", "t"])
async def test_every_picker_says_how_to_choose_on_screen(make_desk, engine: Engine, key, size):
    """The type picker (`e`) and the kabupaten/kota picker (`K`) had no word of their keys; the tag picker's ✓ line
    stays above the keys line. The list gives up rows before the lines under it do: at 24 rows the kabupaten/kota
    list's 20 had pushed them out of the box."""
    tagged_desk(engine)
    app = make_desk()
    async with app.run_test(size=size) as pilot:
        await started(pilot)
        await pilot.press(key)
        await until(pilot, lambda: isinstance(app.screen, FuzzyPicker))
        await pilot.pause()
        labels = list(app.screen.query(".picker-hint"))
        keys = labels[-1]
        assert str(keys.render()) == PICKER_KEYS
        box = app.screen.query_one(Vertical)
        assert keys.region.width >= len(PICKER_KEYS)
        assert box.region.y < keys.region.y < box.region.bottom - 1  # inside the box's border, not cut off
        if key == "t":
            assert str(labels[0].render()).startswith("✓ marks tags")


async def test_the_type_picker_names_types_as_the_feed_does(make_desk, engine: Engine):
    """A row reads 'notice'; typing it in the picker offered 'hearing' first, and enter set that."""
    newest = tagged_desk(engine)
    app = make_desk()
    async with app.run_test(size=(160, 40)) as pilot:
        await started(pilot)
        await pilot.press("e", *"notice")
        await until(pilot, lambda: isinstance(app.screen, FuzzyPicker))
        first = app.screen.query_one(OptionList).get_option_at_index(0)
        assert str(first.prompt).startswith("notice (pre_protest_coordination) — ")
        await pilot.press("enter")
        await until(pilot, lambda: manual_type(engine, newest) == "pre_protest_coordination")
        await pilot.press("e", *"escort")
        await until(pilot, lambda: isinstance(app.screen, FuzzyPicker))
        await pilot.press("enter")
        await until(pilot, lambda: manual_type(engine, newest) == "protest_security")


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
        assert str(options.get_option_at_index(0).prompt) == "Condro Sasongko — police, Polres Serang"
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


async def test_the_actor_editor_offers_offices_of_one_name_apart_and_skips_nameless_actors(make_desk, engine: Engine):
    """The demo's tagger knows Disnaker of several kabupaten and a Gubernur with no name: typing 'disnaker'
    in the editor crashed the desk (two options with one id)."""
    newest = tagged_desk(engine)
    office = {"kind": "government", "name": None, "position": None, "rank": None, "organisation": "Disnaker",
              "spans": [[0, 8]]}
    nameless = {**office, "organisation": None, "unit": None, "position": "Gubernur"}
    for article_id, unit in ((newest - 1, "Kota Cilegon"), (newest - 2, "Kabupaten Serang")):
        actors = [{**office, "unit": unit}, nameless]
        replace_auto_tags(engine, article_id, tags_of({**TAGS, "engagements": [], "actors": actors}, "t1"))
    app = make_desk()
    async with app.run_test(size=(160, 40)) as pilot:
        await started(pilot)
        await pilot.press("a", *"disnaker")
        options = app.screen.query_one("#actor-options", OptionList)
        shown = [str(options.get_option_at_index(index).prompt) for index in range(options.option_count)]
        assert set(shown[:2]) == {"Disnaker — government, Kabupaten Serang", "Disnaker — government, Kota Cilegon"}
        assert not any(prompt.startswith(" —") for prompt in shown), "a nameless actor is no choice"
        await pilot.press(*["down"] * (1 + shown.index("Disnaker — government, Kota Cilegon")))
        assert app.screen.query_one("#actor-unit", Input).value == "Kota Cilegon"


async def test_the_actor_editor_sets_an_actors_organisation_and_unit(make_desk, engine: Engine):
    newest = tagged_desk(engine)
    app = make_desk()
    async with app.run_test(size=(160, 40)) as pilot:
        await started(pilot)
        await pilot.press("a", *"condro", "down")
        assert app.screen.query_one("#actor-unit", Input).value == "Polres Serang", "a known actor's unit comes along"
        app.screen.query_one("#actor-organisation", Input).focus()
        await pilot.press(*"Polri", "tab", *"Satintelkam", "enter")
        await until(pilot, lambda: any(view.source == MANUAL for view in article_mentions(engine, newest)))
        [condro] = [view for view in article_mentions(engine, newest) if view.source == MANUAL]
        assert (condro.organisation, condro.unit) == ("Polri", "Satintelkam"), "the unit typed over the known one"


async def test_d_sets_the_event_date_as_the_news_writes_it(make_desk, engine: Engine):
    """The text says "Rabu (22/10/2025)" and the desk said "date unknown": the analyst types the day."""
    newest = tagged_desk(engine)
    app = make_desk()
    async with app.run_test(size=(160, 40)) as pilot:
        await started(pilot)
        await pilot.press("d")
        assert isinstance(app.screen, EventDateScreen)
        field = app.screen.query_one("#event-date", Input)
        assert field.value == "08/12/2025", "the date the article has"
        field.value = ""
        await pilot.press(*"31/02", "enter")
        assert isinstance(app.screen, EventDateScreen)
        assert "not a day of the calendar" in str(app.screen.query_one("#event-date-error").content)
        field.value = ""
        await pilot.press(*"22/10", "enter")
        await until(pilot, lambda: article_tagging(engine, newest).event_date == date(2025, 10, 22))
        await until(pilot, lambda: "Event: 22 Oct 2025" in app.reader.parts["tags"].plain)
        await pilot.press("ctrl+z")
        await until(pilot, lambda: article_tagging(engine, newest).event_date == date(2025, 12, 8))


def test_event_dates_are_read_day_first_or_iso():
    published = datetime(2025, 10, 23, 3, tzinfo=timezone.utc)
    assert parse_event_date("22/10/2025", None) == date(2025, 10, 22)
    assert parse_event_date("22-10-25", None) == date(2025, 10, 22)
    assert parse_event_date("22.10", published) == date(2025, 10, 22)
    assert parse_event_date("2025-10-22", None) == date(2025, 10, 22)
    assert parse_event_date("22/10", datetime(2026, 2, 12, tzinfo=timezone.utc)) == date(2025, 10, 22)
    assert parse_event_date("29/2", datetime(2025, 3, 1, tzinfo=timezone.utc)) == date(2024, 2, 29)
    assert parse_event_date("  ", published) is None
    for wrong, message in (("kemarin", "not a day"), ("22/10", "no publication date"), ("30/02/2025", "calendar")):
        with pytest.raises(ValueError, match=message):
            parse_event_date(wrong, None)


async def test_space_marks_rows_and_tagging_keys_act_on_every_marked_row(make_desk, engine: Engine):
    newest = tagged_desk(engine)
    app = make_desk()
    async with app.run_test(size=(160, 40)) as pilot:
        feed = await started(pilot)
        await pilot.press("space", "j", "space")
        assert feed.marked_ids == [newest, newest - 2] and feed.cursor == 3 - 1
        assert feed.border_subtitle.startswith("2 marked")
        assert "▶" in row_text(feed, 0) and "▶" not in row_text(feed, 1)
        await pilot.press("5")
        await until(pilot, lambda: manual_type(engine, newest) == "strike" and manual_type(engine, newest - 2) == "strike")
        assert manual_type(engine, newest - 1) is None, "the unmarked row is left alone"
        await until(pilot, lambda: any("on 2 marked articles" in message for message in messages(app)))
        assert feed.marked_ids == [] and "▶" not in row_text(feed, 0)
        await pilot.press("space", "s")
        await until(pilot, lambda: article_tagging(engine, feed.row_at(2).id).starred)
        await pilot.press("ctrl+z", "ctrl+z")
        await until(pilot, lambda: manual_type(engine, newest - 2) is None)


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
    typed_start = rank_choices("ser", [Choice(place.code, str(place)) for place in places], limit=5)
    assert {choice.value for choice in typed_start[:2]} == {"36.04", "36.73"}


def test_a_typed_first_name_ranks_its_actor_above_a_name_merely_alike():
    """'budi' offered 'Disnaker — government' above 'Budi Santosa Wijaya' (a score larger by 1e-14)."""
    labels = ["Disnaker — government", "Dinas Tenaga Kerja — government",
              "Budi Santosa Wijaya — police, Polres Cilegon", "Budi Santoso — person, Serikat Pekerja PT Wira Logam"]
    found = rank_choices("budi", [Choice(str(index), label) for index, label in enumerate(labels)])
    assert {choice.label for choice in found[:2]} == set(labels[2:])
    longer = ["Sumber Daya Manusia — person", "Agus Wirawan — police, Polres Cilegon"]
    found = rank_choices("agus", [Choice(str(index), label) for index, label in enumerate(longer)])
    assert found[0].label == longer[1], "a word starting as typed beats a higher score of a shorter label"


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


async def test_undo_notices_name_fields_in_words_not_database_ids(make_desk, engine: Engine):
    """Undoing `x` said "Undone: not_relevant back to no": the column's name, not what the analyst pressed."""
    tagged_desk(engine)
    app = make_desk()
    async with app.run_test(size=(160, 30)) as pilot:
        feed = await started(pilot)
        await pilot.press("x")
        await until(pilot, lambda: feed.total == 2)
        notices(app).clear()
        await pilot.press("ctrl+z")
        await until(pilot, lambda: feed.total == 3 and len(notices(app)) == 1)
        assert notices(app)[0].message.startswith("Undone: not relevant back to no on ")
    kabupaten = TagChange(1, "undo", "kabupaten", "Kabupaten Serang", None, 9)
    event_date = TagChange(1, "undo", "event_date", "2025-12-09", "2025-12-08", 10)
    assert describe_change(kabupaten) == "Undone: kabupaten/kota back to nothing"
    assert describe_change(event_date) == "Undone: event date back to 2025-12-08"


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
        third = app.tagging.type_key_order[2]
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
        assert app.tagging.idle, "no write was asked for (keys queue theirs at once)"
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
        replace_auto_tags(engine, newest, tags_of(TAGS, "t1"))
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


def test_notices_name_types_by_their_label():
    """The analyst chose a type by its label; a notice that answers with the database's id reads as jargon."""
    confirm = TagChange(1, "confirm", "type", "protest_security", "protest_security", 7)
    undo = TagChange(1, "undo", "type", "dispersal", "protest_security", 8)
    kabupaten = TagChange(1, "set", "kabupaten", None, "Kabupaten Serang", 9)
    assert describe_change(confirm) == "Confirmed the tagger's coding: Security escort of a labour action · undo: ctrl+z"
    assert describe_change(undo) == "Undone: type back to Security escort of a labour action"
    assert describe_change(kabupaten) == "Kabupaten/kota set: Kabupaten Serang · undo: ctrl+z"


async def test_the_actor_editor_tabs_from_the_name_to_the_fields_and_shows_their_hints_whole(make_desk, engine: Engine):
    """Tab from the name went into the list of suggestions, which took the rank typed next and showed nothing;
    the rank and unit hints were cut ("rank (AKBP, Kompol", "unit (Polres Serang, Satintelkam") at 80 columns."""
    newest = tagged_desk(engine)
    app = make_desk()
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, ActorEditor))
        editor = app.screen
        for field in editor.query(Input):
            assert len(field.placeholder) <= field.content_size.width, (field.id, field.placeholder)
        await pilot.press(*"Budi Santoso", "tab")
        assert editor.focused is editor.query_one("#actor-kind")
        await pilot.press("tab", *"AKP", "tab", *"Kasatreskrim", "enter")
        await until(pilot, lambda: any(view.source == MANUAL for view in article_mentions(engine, newest)))
        [budi] = [view for view in article_mentions(engine, newest) if view.source == MANUAL]
        assert (budi.name, budi.rank, budi.position) == ("Budi Santoso", "AKP", "Kasatreskrim")
