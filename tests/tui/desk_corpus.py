"""A small hand-tagged desk for the actors and timeline tests: every count below is known.

Week of Mon 1 Dec 2025: Kabupaten Serang has a protest (1 Dec) and a clash (3 Dec), Kabupaten
Bekasi a strike (2 Dec), Kota Serang a protest the analyst recoded as mediation (4 Dec), and
Kota Tangerang a protest on an article marked not relevant. Kabupaten Serang has another
protest on 10 Dec; Kabupaten Bekasi a dialogue without an event date, dated by its article's
publication (3 Nov 2025). Condro Sasongko is named in three articles, KSPSI in two.
"""

from sqlalchemy import Engine

from storage.articles import NewArticle, add_articles
from storage.feeds import add_feed
from storage.manual_tags import set_not_relevant, set_type
from storage.tags import replace_auto_tags
from tests.support.tagged import tags_of
from tests.tui.tui_support import article

TAGGER = "uji-1"
SERANG = ("36.04", "Kabupaten Serang", "Banten")
KOTA_SERANG = ("36.73", "Kota Serang", "Banten")
TANGERANG = ("36.71", "Kota Tangerang", "Banten")
BEKASI = ("32.16", "Kabupaten Bekasi", "Jawa Barat")
CONDRO = {"kind": "police", "name": "Condro Sasongko", "rank": "AKBP", "position": "Kapolres",
          "unit": "Polres Serang", "spans": [[0, 15]]}
KSPSI = {"kind": "labour", "name": "KSPSI", "organisation": "KSPSI", "spans": []}
RIDWAN = {"kind": "labour", "name": "Ridwan Saputra", "position": "Ketua", "organisation": "SPN", "spans": []}

# (title, engagement type, place, event date or None, actors)
ARTICLES = [
    ("Buruh Serang unjuk rasa di depan kantor bupati", "protest", SERANG, "2025-12-01", [CONDRO, KSPSI]),
    ("Aksi buruh di Serang ricuh, polisi turun tangan", "clash", SERANG, "2025-12-03", [CONDRO]),
    ("Buruh Serang kembali berdemo", "protest", SERANG, "2025-12-10", [CONDRO, RIDWAN]),
    ("Ribuan buruh Bekasi mogok kerja", "strike", BEKASI, "2025-12-02", [KSPSI]),
    ("Silaturahmi Kapolres Bekasi dengan serikat pekerja", "dialogue", BEKASI, None, []),
    ("Demo buruh di Tangerang (bukan berita desk)", "protest", TANGERANG, "2025-12-02", []),
    ("Buruh Kota Serang datangi DPRD", "protest", KOTA_SERANG, "2025-12-04", []),
]
NOT_RELEVANT = 6
RECODED = 7


def engagement(kind: str, place: tuple[str, str, str], day: str | None) -> dict:
    code, name, province = place
    return {"type": kind, "date": day, "code": code, "kabupaten_kota": name, "province": province}


def fill_tagged_desk(engine: Engine) -> list[int]:
    """Store and tag the articles above (ids 1 … 7, oldest first); return their ids."""
    feed = add_feed(engine, "https://warta-uji.test/feed.xml", title="Warta Uji")
    articles: list[NewArticle] = [article(number, title) for number, (title, *_rest) in enumerate(ARTICLES)]
    add_articles(engine, feed.id, articles)
    ids = list(range(1, len(ARTICLES) + 1))
    for article_id, (_title, kind, place, day, actors) in zip(ids, ARTICLES):
        tags = {"actors": actors, "places": [], "engagements": [engagement(kind, place, day)]}
        replace_auto_tags(engine, article_id, tags_of(tags, TAGGER))
    set_not_relevant(engine, NOT_RELEVANT, True, "penguji")
    set_type(engine, RECODED, "mediation", "penguji")
    return ids
