"""Generated feeds and pages through the real parse → extract → tag → store steps and a SQLite file.

Titles, summaries and page text are arbitrary unicode (controls, NUL, surrogates excepted only
where UTF-8 cannot carry them), links and GUIDs repeat or go missing, dates run from year 1 to
9999. Whatever comes in, nothing may raise but a worded FetchError, and every stored article must
read back equal to what the pipeline built.
"""

import os
import tempfile
from datetime import datetime, timezone
from email.utils import format_datetime
from html import escape
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import Session, select

from fetchers.errors import FetchError
from fetchers.feeds import parse_feed
from fetchers.poller import build_article
from fetchers.tag_step import tag_pending
from storage.articles import NewArticle, add_articles
from storage.engine import make_engine
from storage.feeds import add_feed
from storage.models import Article

settings.register_profile("ci", max_examples=20, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PROFILE = "ci" if os.environ.get("CI") == "true" else "dev"

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)
dates = st.one_of(st.none(), st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30),
                                          timezones=st.just(timezone.utc)))
links = st.one_of(st.none(), st.sampled_from(["http://contoh.example/a", "http://contoh.example/b"]),
                  st.integers(0, 50).map(lambda n: f"http://contoh.example/berita/{n}"), text)
guids = st.one_of(st.none(), st.sampled_from(["sama", "g1"]), text)
entries = st.fixed_dictionaries({"title": st.one_of(st.none(), text), "summary": text, "link": links,
                                 "guid": guids, "date": dates})


def rss(items: list[dict], atom: bool) -> str:
    parts = []
    for item in items:
        fields = []
        if item["title"] is not None:
            fields.append(f"<title>{escape(item['title'])}</title>")
        if item["link"] is not None:
            fields.append(f'<link href="{escape(item["link"])}"/>' if atom else f"<link>{escape(item['link'])}</link>")
        if item["guid"] is not None:
            fields.append(f"<id>{escape(item['guid'])}</id>" if atom else f"<guid>{escape(item['guid'])}</guid>")
        if item["date"] is not None:
            stamp = item["date"].isoformat() if atom else format_datetime(item["date"], usegmt=True)
            fields.append(f"<updated>{stamp}</updated>" if atom else f"<pubDate>{stamp}</pubDate>")
        fields.append(f"<summary>{escape(item['summary'])}</summary>" if atom
                      else f"<description>{escape(item['summary'])}</description>")
        parts.append(("<entry>" if atom else "<item>") + "".join(fields) + ("</entry>" if atom else "</item>"))
    if atom:
        return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                f"<title>t</title>{''.join(parts)}</feed>")
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>{"".join(parts)}</channel></rss>'


def page(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)
    return (f"<html><head><title>{escape(title)}</title></head><body><article><h1>{escape(title)}</h1>"
            f"{body}</article></body></html>").encode("utf-8", "surrogatepass")


@settings.get_profile(PROFILE)
@given(items=st.lists(entries, max_size=6), atom=st.booleans(),
       pages=st.lists(st.tuples(text, st.lists(text, max_size=4)), min_size=1, max_size=3))
def test_generated_feeds_and_pages_store_what_the_pipeline_built(items, atom, pages):
    try:
        parsed = parse_feed(rss(items, atom).encode("utf-8"), "http://contoh.example/feed.xml")
    except FetchError as error:
        assert error.message
        return
    built = [
        build_article(entry, page(*pages[number % len(pages)]), "text/html; charset=utf-8", entry.link or "")
        for number, entry in enumerate(parsed.entries)
    ]
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{Path(folder) / 'pantau.db'}")
        try:
            feed = add_feed(engine, "http://contoh.example/feed.xml")
            add_articles(engine, feed.id, built)
            tag_pending(engine)
            with Session(engine) as session:
                stored = list(session.exec(select(Article)))
        finally:
            engine.dispose()
    assert_stored_as_built(stored, built)


def assert_stored_as_built(stored: list[Article], built: list[NewArticle]) -> None:
    by_guid = {article.guid: article for article in built}
    stored_links = {article.link_key for article in stored if article.link_key}
    assert len({article.guid for article in stored}) == len(stored)
    for article in stored:
        made = by_guid[article.guid]
        assert (article.title, article.url, article.summary, article.body, article.published_at) == (
            made.title, made.url, made.summary, made.body, made.published_at
        )
        assert article.published_at is None or datetime(1970, 1, 1, tzinfo=timezone.utc) <= article.published_at
    for made in built:
        assert made.guid in {article.guid for article in stored} or made.link_key in stored_links
