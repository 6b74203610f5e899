"""Quick search on the desk: `/`, typing, each filter, a malformed query, escape, clear, saved searches."""

from datetime import datetime, timezone

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select
from textual.command import CommandPalette
from textual.widgets import Input

from storage.articles import NewArticle, add_articles, set_read
from storage.feeds import add_feed
from storage.models import Article, ArticleTag, NotRelevant
from storage.saved_searches import save_search, saved_searches
from storage.tags import replace_auto_tags
from tests.support.tagged import tags_of
from tests.tui.tui_support import palette_offers, until
from tui.search import NO_MATCH
from tui.widgets.search_bar import SaveSearchScreen, SearchBar

SERANG = {"places": [{"code": "36.04", "name": "Kabupaten Serang", "level": "kabupaten", "province": "Banten",
                      "precision": 2}],
          "engagements": [{"type": "protest", "date": "2025-12-02", "code": "36.04",
                           "kabupaten_kota": "Kabupaten Serang", "province": "Banten"}],
          "actors": [{"kind": "police", "name": "Condro Sasongko", "rank": "AKBP"}]}
KARAWANG = {"places": [{"code": "32.15", "name": "Kabupaten Karawang", "level": "kabupaten",
                        "province": "Jawa Barat", "precision": 2}],
            "engagements": [{"type": "dispersal", "date": "2025-11-09", "code": "32.15",
                             "kabupaten_kota": "Kabupaten Karawang", "province": "Jawa Barat"}],
            "actors": [{"kind": "labour", "name": "KSPSI"}]}
CORPUS = [
    # title, body, feed, published, tags
    ("Buruh demo di Serang", "Serikat buruh menggelar unjuk rasa; polisi berjaga.", "kilas",
     datetime(2025, 12, 2, 3, tzinfo=timezone.utc), SERANG),
    ("Polisi bubarkan blokade di Karawang", "Polisi membubarkan blokade buruh pabrik.", "priangan",
     datetime(2025, 11, 10, 3, tzinfo=timezone.utc), KARAWANG),
    ("Dialog kapolres dengan ojek", "Paguyuban ojek bertemu kapolsek.", "kilas",
     datetime(2025, 10, 1, 3, tzinfo=timezone.utc), {}),
    ("Mogok kerja di pabrik sepatu", "Serikat pekerja mogok menuntut upah.", "priangan",
     datetime(2025, 12, 5, 3, tzinfo=timezone.utc), {}),
    ("Konser musik di Bandung", "Konser akhir pekan.", "kilas", datetime(2025, 12, 6, 3, tzinfo=timezone.utc), {}),
]
VISIBLE = ["Mogok kerja di pabrik sepatu", "Buruh demo di Serang", "Polisi bubarkan blokade di Karawang",
           "Dialog kapolres dengan ojek"]
"""Newest publication first; the concert is marked not relevant, which only `is:hidden` shows."""


@pytest.fixture
def desk_corpus(engine: Engine) -> dict[str, int]:
    feeds = {"kilas": add_feed(engine, "http://127.0.0.1/kilas-banten/feed", title="Kilas Banten").id,
             "priangan": add_feed(engine, "http://127.0.0.1/portal-priangan/feed", title="Portal Priangan").id}
    ids = {}
    for number, (title, body, feed, published, tags) in enumerate(CORPUS):
        add_articles(engine, feeds[feed], [NewArticle(f"g{number}", f"http://x.test/{number}", title, published, "",
                                                      body, "extracted", f"h{number}")])
        with Session(engine) as session:
            ids[title] = session.exec(select(Article.id).where(Article.guid == f"g{number}")).one()
        if tags:
            replace_auto_tags(engine, ids[title], tags_of(tags, "uji-1"))
    set_read(engine, ids["Dialog kapolres dengan ojek"], True)
    with Session(engine) as session:
        starred = session.get(Article, ids["Mogok kerja di pabrik sepatu"])
        starred.is_starred = True
        session.add(starred)
        session.add(ArticleTag(article_id=ids["Mogok kerja di pabrik sepatu"], tag="upah", created_by="penguji"))
        session.add(NotRelevant(article_id=ids["Konser musik di Bandung"], created_by="penguji"))
        session.commit()
    return ids


def titles(app) -> list[str]:
    feed = app.feed_list
    return [feed.row_at(position).title for position in range(feed.total) if feed.row_at(position) is not None]


def bar(app) -> SearchBar:
    return app.query_one(SearchBar)


async def shows(pilot, expected: list[str]) -> None:
    await until(pilot, lambda: titles(pilot.app) == expected, describe=lambda: titles(pilot.app))


async def opened(pilot) -> list[str]:
    """The unfiltered feed once it is on screen."""
    await until(pilot, lambda: len(titles(pilot.app)) >= len(VISIBLE), describe=lambda: titles(pilot.app))
    return titles(pilot.app)


async def press_text(pilot, text: str) -> None:
    await pilot.press(*("space" if char == " " else char for char in text))


async def type_query(pilot, text: str) -> None:
    await pilot.press("slash")
    assert isinstance(pilot.app.focused, Input) and pilot.app.focused.id == "search-input"
    await press_text(pilot, text)


async def test_slash_opens_the_bar_and_typing_filters_the_feed(make_desk, desk_corpus):
    app = make_desk()
    async with app.run_test(size=(160, 40)) as pilot:
        await opened(pilot)
        assert not bar(app).display
        await type_query(pilot, "serikat")
        assert bar(app).display
        await shows(pilot, ["Mogok kerja di pabrik sepatu", "Buruh demo di Serang"])
        assert app.search.filter_text == "serikat"
        await until(pilot, lambda: str(bar(app).count.content) == "(2)")
        await pilot.press("space", "-", "m", "o", "g", "o", "k")
        await shows(pilot, ["Buruh demo di Serang"])
        assert app.focused.id == "search-input", "typing stays in the bar"


async def test_the_focused_bar_shows_what_is_typed(make_desk, desk_corpus):
    """The bar is one row: a focused Input's tall border used to cover it, leaving only "filter: ▊▔▔▔"."""
    app = make_desk()
    async with app.run_test(size=(160, 40)) as pilot:
        await opened(pilot)
        await type_query(pilot, "serikat")
        field = bar(app).input
        assert field.has_focus
        assert field.content_region.height == 1
        assert field.region.y == bar(app).region.y, "the text is on the bar's own row"
        assert "serikat" in field.render_line(0).text


@pytest.mark.parametrize(("query", "expected"), [
    ("buruh", ["Buruh demo di Serang", "Polisi bubarkan blokade di Karawang"]),
    ('"unjuk rasa"', ["Buruh demo di Serang"]),
    ("ojek OR mogok", ["Mogok kerja di pabrik sepatu", "Dialog kapolres dengan ojek"]),
    ("-buruh", ["Mogok kerja di pabrik sepatu", "Dialog kapolres dengan ojek"]),
    ('actor:"condro sasongko"', ["Buruh demo di Serang"]),
    ("kab:36.04", ["Buruh demo di Serang"]),
    ("kab:karawang", ["Polisi bubarkan blokade di Karawang"]),
    ('prov:"jawa barat"', ["Polisi bubarkan blokade di Karawang"]),
    ("type:dispersal", ["Polisi bubarkan blokade di Karawang"]),
    ("-type:protest polisi", ["Polisi bubarkan blokade di Karawang"]),
    ("tag:upah", ["Mogok kerja di pabrik sepatu"]),
    ("feed:priangan", ["Mogok kerja di pabrik sepatu", "Polisi bubarkan blokade di Karawang"]),
    ("since:2025-12-01", ["Mogok kerja di pabrik sepatu", "Buruh demo di Serang"]),
    ("until:2025-10-31", ["Dialog kapolres dengan ojek"]),
    ("is:unread feed:kilas", ["Buruh demo di Serang"]),
    ("is:starred", ["Mogok kerja di pabrik sepatu"]),
    ("is:hidden", ["Konser musik di Bandung"]),
])
async def test_each_filter_narrows_the_feed(make_desk, desk_corpus, query, expected):
    app = make_desk()
    async with app.run_test(size=(160, 40)) as pilot:
        await opened(pilot)
        await type_query(pilot, query)
        await shows(pilot, expected)
        await until(pilot, lambda: str(bar(app).count.content) == f"({len(expected)})")


async def test_a_malformed_query_shows_its_message_and_keeps_the_list(make_desk, desk_corpus, wait_for_workers):
    app = make_desk()
    async with app.run_test(size=(160, 40)) as pilot:
        await opened(pilot)
        await type_query(pilot, "buruh")
        await shows(pilot, ["Buruh demo di Serang", "Polisi bubarkan blokade di Karawang"])
        bar(app).input.insert_text_at_cursor(" since:kemarin")  # at once: no half-typed query is searched for
        await until(pilot, lambda: bar(app).has_error and "`kemarin`" in str(bar(app).error.content),
                    describe=lambda: str(bar(app).error.content))
        error = str(bar(app).error.content)
        assert "`kemarin` is not a date" in error and "^" in error
        await wait_for_workers(app)
        assert titles(app) == ["Buruh demo di Serang", "Polisi bubarkan blokade di Karawang"], "the list stays"
        assert app.search.filter_text == "buruh"
        await pilot.press("enter")
        assert app.focused.id == "search-input", "enter on a malformed query stays in the bar"
        await pilot.press("escape")
        assert app.focused is app.feed_list and not bar(app).has_error
        assert bar(app).text == "buruh", "escape puts back the filter that is applied"
        for text in ('"buruh', "foo:bar", "OR", "-", "x" * 600):
            app.search.apply(text)
            await until(pilot, lambda: bar(app).has_error)
            assert titles(app) == ["Buruh demo di Serang", "Polisi bubarkan blokade di Karawang"]


async def test_escape_keeps_the_filter_and_ctrl_l_clears_it(make_desk, desk_corpus):
    app = make_desk()
    async with app.run_test(size=(160, 40)) as pilot:
        initial = await opened(pilot)
        await type_query(pilot, "kab:36.04 OR kab:32.15")
        await shows(pilot, ["Buruh demo di Serang", "Polisi bubarkan blokade di Karawang"])
        await pilot.press("escape")
        assert app.focused is app.feed_list
        assert bar(app).display and str(bar(app).label.content) == "filter:"
        await pilot.press("j")
        await until(pilot, lambda: app.current_article is not None
                    and app.current_article.title == "Polisi bubarkan blokade di Karawang")
        await pilot.press("slash")
        assert bar(app).text == "kab:36.04 OR kab:32.15", "the bar reopens on the filter"
        await pilot.press("enter")
        assert app.focused is app.feed_list
        await pilot.press("ctrl+l")
        await shows(pilot, initial)
        assert app.search.filter_text == "" and not bar(app).display


async def test_a_search_with_no_results_clears_the_reader(make_desk, desk_corpus):
    """The reader kept the article shown before the search, as if it matched."""
    app = make_desk()
    async with app.run_test(size=(160, 40)) as pilot:
        await opened(pilot)
        await until(pilot, lambda: app.reader.article_id is not None and app.actors.article_loaded)
        await type_query(pilot, "tidakadayangcocok")
        await until(pilot, lambda: app.search.filter_text == "tidakadayangcocok" and app.feed_list.total == 0)
        assert app.reader.article_id is None and app.current_view is None
        assert app.reader.parts["title"].plain == NO_MATCH
        assert "no article selected" in app.actors.plain_lines
        app.search.apply("buruh kab:serangg")
        await until(pilot, lambda: app.search.filter_text == "buruh kab:serangg" and app.feed_list.total == 0)
        hint = "no kabupaten/kota 'serangg': did you mean Kabupaten Serang, Kota Serang"
        await until(pilot, lambda: hint in app.reader.parts["title"].plain, describe=lambda: app.reader.parts["title"].plain)
        await pilot.pause()
        assert hint in app.reader.parts["title"].plain, "the empty feed's own notice says it too"
        await pilot.press("ctrl+l")
        await until(pilot, lambda: app.reader.article_id is not None)


async def test_apply_filter_and_clear_filter_from_code(make_desk, desk_corpus):
    app = make_desk()
    async with app.run_test(size=(160, 40)) as pilot:
        initial = await opened(pilot)
        app.search.apply('actor:"Condro Sasongko"')
        await shows(pilot, ["Buruh demo di Serang"])
        assert app.focused is app.feed_list and bar(app).text == 'actor:"Condro Sasongko"'
        app.search.apply("kab:36.04 since:2025-12-01 until:2025-12-07")
        await shows(pilot, ["Buruh demo di Serang"])
        app.search.apply("type:dispersal")
        await shows(pilot, ["Polisi bubarkan blokade di Karawang"])
        app.search.clear()
        await shows(pilot, initial)


async def test_live_arrivals_follow_the_filter(make_desk, engine, desk_corpus):
    app = make_desk()
    async with app.run_test(size=(160, 40)) as pilot:
        await opened(pilot)
        app.search.apply("mogok")
        await shows(pilot, ["Mogok kerja di pabrik sepatu"])
        feed_id = add_feed(engine, "http://127.0.0.1/kabar/feed", title="Kabar").id
        add_articles(engine, feed_id, [
            NewArticle("n1", "http://x.test/n1", "Mogok lanjutan di Cikarang", None, "", "Buruh mogok lagi.", "ok", "n1"),
            NewArticle("n2", "http://x.test/n2", "Pasar malam dibuka", None, "", "Hiburan warga.", "ok", "n2"),
        ])
        await shows(pilot, ["Mogok lanjutan di Cikarang", "Mogok kerja di pabrik sepatu"])


async def test_saved_search_round_trip(make_desk, engine, desk_corpus):
    app = make_desk()
    async with app.run_test(size=(160, 40)) as pilot:
        initial = await opened(pilot)
        await type_query(pilot, "kab:36.04")
        await shows(pilot, ["Buruh demo di Serang"])
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, SaveSearchScreen))
        name_input = app.screen.query_one("#save-name", Input)
        assert name_input.value == "kab:36.04", "the query is the default name"
        name_input.value = ""
        await press_text(pilot, "Serang")
        await pilot.press("enter")
        await until(pilot, lambda: ("Serang", "kab:36.04") in app.search.saved_searches)
        assert [(saved.name, saved.query, saved.created_by) for saved in saved_searches(engine)] == [
            ("Serang", "kab:36.04", "penguji")]
        await pilot.press("escape", "ctrl+l")
        await shows(pilot, initial)
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await press_text(pilot, "Search: Serang")
        await until(pilot, lambda: palette_offers(app, "Search: Serang"))
        await pilot.press("enter")
        await shows(pilot, ["Buruh demo di Serang"])
        assert app.search.filter_text == "kab:36.04"


async def test_saved_searches_stored_elsewhere_are_in_the_palette(make_desk, engine, desk_corpus):
    save_search(engine, "Mogok", "mogok OR tag:upah", "analis")
    app = make_desk()
    async with app.run_test(size=(160, 40)) as pilot:
        initial = await opened(pilot)
        await until(pilot, lambda: app.search.saved_searches == [("Mogok", "mogok OR tag:upah")])
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await press_text(pilot, "Search: Mogok")
        await until(pilot, lambda: palette_offers(app, "Search: Mogok"))
        await pilot.press("enter")
        await shows(pilot, ["Mogok kerja di pabrik sepatu"])
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await press_text(pilot, "Clear filter")
        await until(pilot, lambda: palette_offers(app, "Clear filter"))
        await pilot.press("enter")
        await shows(pilot, initial)
