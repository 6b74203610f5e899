"""The search language on both backends: each filter, negation, OR, phrases, dates, and bad input."""

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, inspect
from sqlmodel import Session, select

from storage.articles import NewArticle, add_articles, article_count, set_read
from storage.feeds import add_feed
from storage.models import Article, ArticleTag, NotRelevant
from storage.saved_searches import delete_saved_search, save_search, saved_searches
from storage.feed_order import PUBLISHED
from storage.search import SearchSource, search_select
from storage.search_parser import MAX_QUERY_LENGTH, QuerySyntaxError, parse_query
from storage.tags import replace_auto_tags
from tests.support.tagged import tags_of

RECENT = datetime.now(timezone.utc) - timedelta(days=2)

CORPUS = [
    # (feed, title, body, published, tags)
    ("kilas", "Buruh demo di Serang", "Serikat buruh menggelar unjuk rasa di depan kantor bupati Serang; polisi berjaga.",
     RECENT, {
         "places": [{"code": "36.04", "name": "Kabupaten Serang", "level": "kabupaten", "province": "Banten",
                     "precision": 2}],
         "engagements": [{"type": "protest", "date": "2025-12-02", "code": "36.04",
                          "kabupaten_kota": "Kabupaten Serang", "province": "Banten"}],
         "actors": [{"kind": "police", "name": "Condro Sasongko", "rank": "AKBP"}],
     }),
    ("priangan", "Polisi bubarkan blokade jalan di Karawang", "Polisi membubarkan blokade buruh pabrik di Karawang.",
     datetime(2025, 11, 10, 3, tzinfo=timezone.utc), {
         "places": [{"code": "32.15.01", "name": "Kecamatan Karawang Barat", "level": "kecamatan",
                     "province": "Jawa Barat", "precision": 3}],
         "engagements": [{"type": "dispersal", "secondary_types": ["blockade"], "date": "2025-11-09",
                          "code": "32.15", "kabupaten_kota": "Kabupaten Karawang", "province": "Jawa Barat"}],
         "actors": [{"kind": "labour", "name": "KSPSI"}],
     }),
    ("kilas", "Dialog kapolres dengan ojek", "Paguyuban ojek bertemu kapolsek membahas keamanan.",
     datetime(2025, 10, 1, 3, tzinfo=timezone.utc), {}),
    ("priangan", "Mogok kerja di Tangerang", "Serikat pekerja mogok kerja menuntut upah; polisi mengawal.",
     datetime(2025, 12, 5, 3, tzinfo=timezone.utc), {
         "places": [{"code": "36.03", "name": "Kabupaten Tangerang", "level": "kabupaten", "province": "Banten",
                     "precision": 2}],
         "engagements": [{"type": "strike", "date": "2025-12-05", "code": "36.03",
                          "kabupaten_kota": "Kabupaten Tangerang", "province": "Banten"}],
     }),
    ("kilas", "Konser musik di Bandung", "Konser musik akhir pekan di Bandung ramai penonton.",
     datetime(2025, 12, 6, 3, tzinfo=timezone.utc), {}),
]
HIDDEN = 4
READ_AND_STARRED = 2
TAGGED_PEMILU = 3
VISIBLE = {0, 1, 2, 3}

QUERIES = {
    "": VISIBLE,
    "buruh": {0, 1},
    "BURUH": {0, 1},
    "buruh polisi": {0, 1},
    '"unjuk rasa"': {0},
    '"rasa unjuk"': set(),
    "ojek OR mogok": {2, 3},
    "serikat -mogok": {0},
    "polisi -serang": {1, 3},
    "polis* kab:36.04 OR kab:32.15": {0, 1},
    'buruh "unjuk rasa" -mogok': {0},  # the phrase is matched beside the words the exclusion is taken from
    '"unjuk rasa" buruh -polisi': set(),
    '"unjuk rasa" -mogok': {0},
    '"unjuk rasa" OR mogok -tangerang': {0},
    '"kerja menuntut" serikat -bupati -ojek': {3},
    "buruh NOT karawang": {0},
    "-buruh": {2, 3},
    "-buruh -ojek": {3},
    "polis*": {0, 1, 3},
    "actor:condro": {0},
    'actor:"Condro Sasongko"': {0},
    "actor:condro-sasongko": {0},
    "actor:sasong": set(),
    "actor:kspsi": {1},
    "-actor:condro": {1, 2, 3},
    "kab:36.04": {0},
    "kab:32.15": {1},
    "kab:serang": {0},
    'kab:"Kabupaten Tangerang"': {3},
    "kab:ANG": {0, 1, 3},  # a name's letters in any case, from each name read once (storage.search._names_like)
    "kab:bar": set(),  # Karawang Barat is a kecamatan: kab: names a kabupaten or kota
    "kab:36": set(),  # half of a code, as it is typed: no name holds it
    "kab:ang -kab:tangerang": {0, 1},
    "prov:JAWA": {1},
    "prov:ban OR kab:karawang": {0, 1, 3},
    "-kab:36.04": {1, 2, 3},
    "kab:36.04 OR kab:36.03": {0, 3},
    "prov:36": {0, 3},
    "prov:banten": {0, 3},
    'prov:"jawa barat"': {1},
    "type:protest": {0},
    "type:blockade": set(),  # only a secondary type there: type: matches an engagement's own type, as the timeline counts
    "type:strike OR type:dispersal": {1, 3},
    "-type:protest": {1, 2, 3},
    "tag:pemilu": {TAGGED_PEMILU},
    "tag:PEMILU": {TAGGED_PEMILU},
    "tag:pemilihan": set(),
    "feed:kilas": {0, 2},
    "feed:PRIANGAN": {1, 3},
    "-feed:kilas": {1, 3},
    "since:7d": {0},
    "since:2025-12-01": {0, 3},
    "until:2025-11-30": {1, 2},
    "since:2025-11-09 until:2025-11-09": {1},
    "since:2025-11-01 until:2025-11-30": {1},
    "is:unread": {0, 1, 3},
    "is:read": {READ_AND_STARRED},
    "is:starred": {READ_AND_STARRED},
    "-is:starred": {0, 1, 3},
    "is:hidden": {HIDDEN},
    "konser": set(),
    "konser is:hidden": {HIDDEN},
    "buruh OR kab:36.03": {0, 1, 3},
    "polisi kab:36.03 OR actor:kspsi": {1, 3},
    "serikat -kab:36.03 -actor:condro": set(),
    "buruh feed:kilas since:2025-12-01 is:unread": {0},
    "'; DROP TABLE article; --": set(),
    "100% buruh_": set(),
    "feed:%": set(),
    "kab:_": set(),
}


@pytest.fixture
def stored(engine: Engine) -> list[int]:
    feeds = {
        "kilas": add_feed(engine, "http://127.0.0.1/kilas-banten/feed", title="Kilas Banten").id,
        "priangan": add_feed(engine, "http://127.0.0.1/portal-priangan/feed", title="Portal Priangan").id,
    }
    ids = []
    for number, (feed, title, body, published, tags) in enumerate(CORPUS):
        add_articles(engine, feeds[feed], [NewArticle(f"g{number}", f"http://x.test/{number}", title, published, "",
                                                      body, "extracted", f"h{number}")])
        with Session(engine) as session:
            ids.append(session.exec(select(Article.id).where(Article.guid == f"g{number}")).one())
        if tags:
            replace_auto_tags(engine, ids[-1], tags_of(tags, "uji-1"))
    set_read(engine, ids[READ_AND_STARRED], True)
    with Session(engine) as session:
        starred = session.get(Article, ids[READ_AND_STARRED])
        starred.is_starred = True
        session.add(starred)
        session.add(ArticleTag(article_id=ids[TAGGED_PEMILU], tag="Pemilu", created_by="penguji"))
        session.add(NotRelevant(article_id=ids[HIDDEN], created_by="penguji"))
        session.commit()
    return ids


def found(engine: Engine, ids: list[int], text: str) -> set[int]:
    source = SearchSource(engine, parse_query(text))
    rows = source.page(100, None)
    assert source.count() == len(rows)
    assert [row.id for row in rows] == sorted((row.id for row in rows), reverse=True)
    return {ids.index(row.id) for row in rows}


@pytest.mark.parametrize("text", QUERIES)
def test_each_query_finds_its_articles(engine, stored, text):
    assert found(engine, stored, text) == QUERIES[text]


def test_the_analysts_coding_supersedes_the_taggers(engine, stored):
    """Recoded by hand (type and kabupaten/kota), an article is found by its new coding only, as the reader and
    the timeline show it."""
    from storage.manual_tags import PlaceChoice, set_kabupaten, set_type

    set_type(engine, stored[0], "mediation", "penguji")
    set_kabupaten(engine, stored[0], PlaceChoice("32.15", "Kabupaten Karawang", "Jawa Barat"), "penguji")
    assert found(engine, stored, "type:protest") == set()
    assert found(engine, stored, "type:mediation") == {0}
    assert found(engine, stored, "kab:36.04") == set()
    assert found(engine, stored, "kab:32.15") == {0, 1}
    assert found(engine, stored, "prov:banten") == {3}


def test_a_place_beside_dates_is_one_engagement_in_that_range(engine, stored):
    """kab: with since:/until: finds articles with an engagement there on those days (a timeline cell), not an
    article placed there that was published in the range with its engagement on another day."""
    assert found(engine, stored, "kab:36.04 since:2025-12-01 until:2025-12-07") == {0}
    assert found(engine, stored, "kab:36.04 since:2025-12-03 until:2025-12-07") == set()
    assert found(engine, stored, "kab:32.15 since:2025-11-09 until:2025-11-09") == {1}
    assert found(engine, stored, "since:2025-11-10 until:2025-11-30") == {1}  # published 10 Nov
    assert found(engine, stored, "since:2025-12-03 until:2025-12-04") == set()  # one range, not two filters


def test_search_select_is_the_same_set(engine, stored):
    statement = search_select(parse_query("buruh OR kab:36.03"), engine.dialect.name)
    with Session(engine) as session:
        assert list(session.exec(statement)) == [stored[3], stored[1], stored[0]]


def test_sql_in_the_query_is_only_searched(engine, stored):
    for text in ("'; DROP TABLE article; --", 'feed:"x\'); DELETE FROM feed; --"', "actor:'||(SELECT 1)||'"):
        found(engine, stored, text)
    assert "article" in inspect(engine).get_table_names()
    assert article_count(engine) == len(CORPUS)


def test_pages_by_key_and_arrivals(engine, stored):
    source = SearchSource(engine, parse_query("polisi"))
    first = source.page(2, None)
    assert [row.id for row in first] == [stored[3], stored[1]]
    assert [row.id for row in source.page(2, (first[-1].id,))] == [stored[0]]
    assert [row.id for row in source.after(stored[1])] == [stored[3]]
    assert source.after(stored[3]) == []


@pytest.mark.parametrize("text", ["polisi", "since:2025-01-01", "polisi -ojek"])
def test_pages_by_publication_date_with_a_ceiling(engine, stored, text):
    """Newest publication first, below the last row's (date, id), holding only the articles stored up to the
    ceiling; words alone and filters alone give the same order."""
    source = SearchSource(engine, parse_query(text))
    every = source.page(100, order=PUBLISHED)
    dates = [(row.dated_at, row.id) for row in every]
    assert dates == sorted(dates, reverse=True) and len(every) >= 2
    first = source.page(1, order=PUBLISHED)
    assert source.page(100, PUBLISHED.key_of(first[0]), order=PUBLISHED) == every[1:]
    assert source.page(100, order=PUBLISHED, offset=1) == every[1:]
    ceiling = min(row.id for row in every)
    assert [row.id for row in source.page(100, order=PUBLISHED, ceiling=ceiling)] == [ceiling]


@pytest.mark.parametrize(("text", "position", "words"), [
    ('buruh "unjuk rasa', 6, "never closed"),
    ("foo:bar", 0, "unknown filter `foo:`"),
    ("buruh since:yesterdayish", 6, "not a date"),
    ("until:2025-02-30", 0, "not a date"),
    ("since:", 0, "needs a value"),
    ("OR", 0, "OR must stand between"),
    ("buruh OR", 6, "OR must stand between"),
    ("AND polisi", 0, "AND must stand between"),
    ("buruh NOT", 6, "NOT must stand before"),
    ("buruh -", 6, "`-` must be followed"),
    ("type:bentrokan", 0, "no engagement type"),
    ("is:penting", 0, "is:penting"),
    ("actor:--", 0, "needs a name"),
    ("a" * 10_000, MAX_QUERY_LENGTH, "10,000 characters"),
])
def test_malformed_queries_say_what_is_wrong_and_where(text, position, words):
    with pytest.raises(QuerySyntaxError) as raised:
        parse_query(text)
    assert words in raised.value.message
    assert raised.value.position == position


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from([*'ab "-:*()%_\'\\;é', " OR ", " NOT ", " AND ", "kab:", "actor:", "since:", "is:",
                                 "tag:", "feed:", "type:", "7d", "2025-12-01", "unread", "hidden"]), max_size=16).map("".join))
def test_any_text_either_runs_or_is_a_syntax_error(engine, stored, text):
    try:
        query = parse_query(text)
    except QuerySyntaxError as error:
        assert error.message and 0 <= error.position <= len(text)
        return
    SearchSource(engine, query).count()


def test_saved_searches_round_trip(engine):
    save_search(engine, "  Serang minggu ini ", "kab:36.04 since:7d", "penguji")
    save_search(engine, "Mogok", "mogok OR type:strike", "penguji")
    save_search(engine, "Mogok", "mogok", "analis")
    assert [(saved.name, saved.query, saved.created_by) for saved in saved_searches(engine)] == [
        ("Mogok", "mogok", "analis"), ("Serang minggu ini", "kab:36.04 since:7d", "penguji")]
    assert delete_saved_search(engine, "Mogok") and not delete_saved_search(engine, "Mogok")
    with pytest.raises(ValueError):
        save_search(engine, "   ", "buruh", "penguji")


POLICE_TITLES = [
    "Kapolres Serang menemui buruh pabrik",
    "Polresta Tangerang menjaga unjuk rasa",
    "Polres Karawang berdialog dengan serikat",
    "Polrestabes Bandung mengamankan demo",
    "Serikat buruh menolak PHK massal",
]
"""Article n of the search that forgives, as the expected sets below number them."""

FORGIVING = {
    "kapol": {0},  # the last word as it is typed, no article's word of its own: the start of words
    "Kapolr": {0},
    "buruh kapol": {0},
    "buruh kapol ": {0},  # a space after it changes nothing (the desk does not search again either)
    "polre": {1, 2, 3},
    "polrest": {1, 3},
    "polres": {2},  # a whole word that articles have is that word
    "Polresta": {1},
    "ser": {0, 2, 4},  # serang, serikat: three letters are enough
    "ka": set(),  # two are not: the word `ka` alone
    '"polre"': set(),  # quoted: the word itself
    "polres serikat": {2},  # a word before the last is the word itself
    "kapol kab:36.04": set(),  # the last term is a filter: kapol is a word, and none is written so
    "polres-kar": {2},  # a phrase whose last word starts with kar
    "kap*": {0},  # `*` asks for the start of words anywhere, however short
    "polres* OR kapol* buruh": {0},
    "-polres": {0, 1, 3, 4},  # excluding a word: that word alone
    "-polres*": {0, 4},  # excluding the family: polres, Polresta, Polrestabes
    "buruh -polres*": {0, 4},
    "-kapol": {0, 1, 2, 3, 4},  # an excluded word is never taken as the start of others
    "serikat NOT polres*": {4},
}


@pytest.fixture
def police_titles(engine: Engine) -> list[int]:
    feed = add_feed(engine, "http://127.0.0.1/polisi/feed", title="Warta Polisi")
    add_articles(engine, feed.id, [NewArticle(f"p{n}", f"http://x.test/p{n}", title, RECENT, "", "isi berita",
                                              "extracted", f"p{n}") for n, title in enumerate(POLICE_TITLES)])
    with Session(engine) as session:
        return list(session.exec(select(Article.id).order_by(Article.id)))


@pytest.mark.parametrize("text", FORGIVING)
def test_search_that_forgives(engine, police_titles, text):
    """Issue 15: `kapol` finds Kapolres as it is typed, `polres` stays the word; `-polres*` excludes the family,
    `-polres` the word."""
    assert found(engine, police_titles, text) == FORGIVING[text]


def test_a_prefix_with_more_words_than_are_spelt_out_is_read_by_the_index(engine, police_titles, monkeypatch):
    import storage.search

    monkeypatch.setattr(storage.search, "PREFIX_WORDS", 1)
    assert found(engine, police_titles, "polre") == {1, 2, 3}
    assert found(engine, police_titles, "-polres*") == {0, 4}


def test_a_prefix_finds_a_word_that_arrives_after_the_search(engine, police_titles):
    source = SearchSource(engine, parse_query("polre"))
    assert len(source.page(10, None)) == 3
    feed = add_feed(engine, "http://127.0.0.1/lain/feed")
    add_articles(engine, feed.id, [NewArticle("p9", "http://x.test/p9", "Polresko baru", RECENT, "", "isi",
                                              "extracted", "p9")])
    assert [row.title for row in source.after(police_titles[-1])] == ["Polresko baru"]


def test_on_sqlite_a_prefix_is_read_as_the_words_it_starts(engine, police_titles, monkeypatch):
    """FTS5 gathers a prefix's whole list before its first row; an OR of the words it starts is read row by row
    and stops at the page's end (bench/search.py): the index is handed the words."""
    if engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL's GIN index reads a prefix itself")
    from storage import fulltext

    seen: list[str] = []
    index_matches = fulltext.index_matches
    monkeypatch.setattr(fulltext, "index_matches", lambda query: seen.append(query) or index_matches(query))
    SearchSource(engine, parse_query("buruh polre")).page(10, None)
    assert seen == ["buruh AND (polres OR polresta OR polrestabes)"]


@pytest.mark.parametrize(("typed", "type_id"), [
    ("type:escort", "protest_security"), ("type:Escort", "protest_security"), ("type:protest-security", "protest_security"),
    ("type:jointsec", "joint_security"), ("type:notice", "pre_protest_coordination"), ("type:social", "social_service"),
    ("type:complaint", "legal_complaint"), ("type:clash", "clash"),
])
def test_a_type_is_found_by_the_name_the_desk_shows(typed, type_id):
    """The feed and the type keys show 'escort', 'jointsec', 'notice': a newcomer types what they see."""
    assert parse_query(typed).groups == parse_query(f"type:{type_id}").groups


def test_an_unknown_type_lists_the_names_the_desk_shows():
    with pytest.raises(QuerySyntaxError) as raised:
        parse_query("type:bentrokan")
    assert "escort (protest_security)" in raised.value.message and "clash," in raised.value.message
