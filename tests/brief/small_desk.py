"""Small hand-made desks for the brief's tests: every engagement, story and source below is known."""

from dataclasses import replace

from sqlalchemy import Engine
from sqlmodel import Session, select

from fetchers.sketch import bands, signature
from storage.articles import NewArticle, add_articles
from storage.feeds import add_feed
from storage.models import Article
from storage.tags import replace_auto_tags
from tests.support.tagged import tags_of
from tests.tui.tui_support import article

SERANG = {"code": "36.04", "kabupaten_kota": "Kabupaten Serang", "province": "Banten"}
STORY = ("Ribuan buruh dari kawasan industri Cikande berunjuk rasa di depan kantor Bupati Serang menuntut kenaikan "
         "upah minimum. Kapolres Serang AKBP Condro Sasongko memimpin pengamanan aksi yang berlangsung tertib hingga "
         "sore. Ketua KSPSI Serang Ridwan Saputra menyampaikan tuntutan kepada perwakilan pemerintah daerah.")


def engagement(kind: str, day: str | None, confidence: float = 0.9, **more) -> dict:
    return {"type": kind, "date": day, "confidence": confidence, "police_actors": ["Polres Serang"],
            "labour_actors": ["KSPSI"], "evidence": {"text": f"Buruh dan polisi: {kind}.", "span": [0, 10]},
            **SERANG, **more}


def store(engine: Engine, feed_url: str, feed_title: str, articles: list[NewArticle], tags: list[dict]) -> list[int]:
    """Store `articles` through one feed and tag each with its engagement; return their ids."""
    feed = add_feed(engine, feed_url, title=feed_title)
    add_articles(engine, feed.id, articles)
    stored = _ids_of(engine, [item.guid for item in articles])
    for article_id, payload in zip(stored, tags, strict=True):
        replace_auto_tags(engine, article_id, tags_of({"actors": [], "places": [], "engagements": [payload]}, "uji-1"))
    return stored


def _ids_of(engine: Engine, guids: list[str]) -> list[int]:
    with Session(engine) as session:
        by_guid = {guid: article_id for article_id, guid in session.exec(select(Article.id, Article.guid))}
    return [by_guid[guid] for guid in guids]


def syndicated_story(engine: Engine) -> list[int]:
    """One story carried by three outlets (a protest on 2 Dec 2025 each), and an unrelated dialogue the same week."""
    sketch = signature(STORY)
    ids = []
    for number, outlet in enumerate(("Kilas Uji", "Warta Uji", "Kabar Uji"), start=1):
        site = f"https://{outlet.split()[0].lower()}.test"
        copy = replace(article(number, f"{outlet}: buruh Serang berunjuk rasa", STORY), url=f"{site}/berita/{number}",
                       signature=sketch, bands=bands(sketch))
        ids += store(engine, f"{site}/feed.xml", outlet, [copy], [engagement("protest", "2025-12-02")])
    ids += store(engine, "https://lain.test/feed.xml", "Lain Uji", [article(9, "Kapolres bertemu serikat buruh")],
                 [engagement("dialogue", "2025-12-04")])
    return ids
