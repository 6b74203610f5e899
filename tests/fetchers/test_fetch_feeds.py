"""fetchers.feeds: entries with stable ids, plain-text titles, aware dates; non-feeds refused."""

import threading
from datetime import datetime, timezone

import pytest

from fetchers import feeds
from fetchers.errors import FailureKind, FetchError
from fetchers.feeds import normalize_link, parse_feed, parse_feed_async
from tests.fetchers.conftest import Item, rss

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">Kabar &lt;b&gt;Lebak&lt;/b&gt;</title>
  <link rel="alternate" href="http://kabar-lebak.example/"/>
  <entry>
    <id>tag:blogger.com,1999:blog-1.post-42</id>
    <title type="html">&lt;b&gt;Mogok&lt;/b&gt; kerja di Rangkasbitung &amp;amp; sekitarnya</title>
    <link rel="alternate" href="http://kabar-lebak.example/2025/11/mogok.html"/>
    <published>2025-11-04T09:30:00+07:00</published>
    <updated>2025-11-04T10:00:00+07:00</updated>
    <author><name>Redaksi</name></author>
    <content type="html">&lt;p&gt;Paragraf satu.&lt;/p&gt;&lt;p&gt;Paragraf dua.&lt;/p&gt;</content>
  </entry>
</feed>"""


def test_atom_entry_has_plain_title_aware_date_and_html_content():
    feed = parse_feed(ATOM.encode(), "http://kabar-lebak.example/feeds/posts/default")
    assert feed.title == "Kabar Lebak"
    assert feed.site == "http://kabar-lebak.example/"
    [entry] = feed.entries
    assert entry.guid == "tag:blogger.com,1999:blog-1.post-42"
    assert entry.title == "Mogok kerja di Rangkasbitung & sekitarnya"
    assert entry.published == datetime(2025, 11, 4, 2, 30, tzinfo=timezone.utc)
    assert entry.published.tzinfo is not None
    assert entry.content == "<p>Paragraf satu.</p><p>Paragraf dua.</p>"
    assert entry.author == "Redaksi"


def test_rss_content_encoded_is_the_content_and_description_the_summary():
    item = Item(
        title="<em>Unjuk rasa</em> buruh &amp; dialog",
        link="http://contoh.example/a.html",
        guid="a-1",
        published=datetime(2025, 11, 3, 8, 0, tzinfo=timezone.utc),
        description="<p>Ringkasan <b>singkat</b>.</p>",
        content="<p>Isi lengkap.</p>",
    )
    [entry] = parse_feed(rss([item]).encode()).entries
    assert entry.title == "Unjuk rasa buruh & dialog"
    assert entry.summary == "Ringkasan singkat."
    assert entry.content == "<p>Isi lengkap.</p>"
    assert entry.published == datetime(2025, 11, 3, 8, 0, tzinfo=timezone.utc)


def test_guid_falls_back_to_normalised_link_then_to_a_hash():
    with_link = Item(title="Satu", link="HTTP://Contoh.Example/a.html?utm_source=rss&id=7#atas")
    without_link = Item(title="Dua", link="")
    entries = parse_feed(rss([with_link, without_link]).encode(), "http://contoh.example/feed").entries
    assert entries[0].guid == "http://contoh.example/a.html?id=7"
    assert entries[1].guid.startswith("sha256:")
    again = parse_feed(rss([without_link]).encode(), "http://contoh.example/feed").entries
    assert again[0].guid == entries[1].guid


def test_repeated_guid_falls_back_to_the_link():
    items = [
        Item(title="Baru", link="http://c.example/1", guid="x"),
        Item(title="Lama", link="http://c.example/2", guid="x"),
    ]
    entries = parse_feed(rss(items).encode()).entries
    assert [(entry.title, entry.guid) for entry in entries] == [
        ("Baru", "http://c.example/1"),
        ("Lama", "http://c.example/2"),
    ]


def test_a_feed_of_mostly_empty_guids_is_identified_by_links():
    items = [Item(title=f"Berita {n}", link=f"http://c.example/{n}?utm_source=rss", guid=None) for n in range(4)]
    items[0] = Item(title="Berita 0", link="http://c.example/0", guid="unik-0")
    entries = parse_feed(rss(items).encode()).entries
    assert [entry.guid for entry in entries] == [f"http://c.example/{n}" for n in range(4)]


def test_an_entry_seen_twice_is_kept_once():
    item = Item(title="Sama", link="http://c.example/1", guid="x")
    assert [entry.title for entry in parse_feed(rss([item, item]).encode()).entries] == ["Sama"]


def test_entry_hash_changes_with_the_text_not_the_link():
    before = parse_feed(rss([Item(title="A", link="http://c.example/1", guid="g", description="satu")]).encode())
    moved = parse_feed(rss([Item(title="A", link="http://c.example/2", guid="g", description="satu")]).encode())
    edited = parse_feed(rss([Item(title="A", link="http://c.example/1", guid="g", description="dua")]).encode())
    assert before.entries[0].entry_hash == moved.entries[0].entry_hash
    assert before.entries[0].entry_hash != edited.entries[0].entry_hash


def test_ill_formed_feed_with_entries_is_accepted():
    body = (
        b"<rss version='2.0'><channel><title>Kabar & Co</title>"
        b"<item><title>Polisi & buruh</title><link>http://c.example/1</link></item></channel>"
    )
    feed = parse_feed(body)
    assert [entry.title for entry in feed.entries] == ["Polisi & buruh"]
    assert feed.ill_formed


def test_html_page_is_not_a_feed():
    page = b"<!DOCTYPE html><html><head><title>Beranda</title></head><body><p>Halo</p></body></html>"
    with pytest.raises(FetchError) as raised:
        parse_feed(page, "http://c.example/feed", "text/html; charset=utf-8")
    assert raised.value.kind == FailureKind.NOT_FEED
    assert raised.value.message == "feed is not XML: got text/html"


def test_html_without_content_type_is_named_too():
    with pytest.raises(FetchError) as raised:
        parse_feed(b"<html><body>Halo</body></html>")
    assert raised.value.message == "feed is not XML: got an HTML page"


def test_json_is_not_a_feed():
    with pytest.raises(FetchError) as raised:
        parse_feed(b'{"items": []}', content_type="application/json")
    assert raised.value.message == "feed is not XML: got application/json"


def test_xml_that_is_no_feed_is_refused():
    with pytest.raises(FetchError) as raised:
        parse_feed(b"<?xml version='1.0'?><catalog><book>Satu</book></catalog>", content_type="application/xml")
    assert raised.value.message.startswith("not a feed")


def test_empty_feed_is_a_feed():
    feed = parse_feed(rss([]).encode())
    assert feed.entries == [] and feed.title == "Kabar Contoh"


def test_feed_served_as_text_html_is_still_read():
    body = rss([Item(title="Satu", link="http://c.example/1", guid="1")]).encode()
    assert len(parse_feed(body, content_type="text/html").entries) == 1


@pytest.mark.parametrize(
    ("channel", "seconds"),
    [
        ("<ttl>45</ttl>", 2700),
        ('<sy:updatePeriod xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">hourly</sy:updatePeriod>'
         '<sy:updateFrequency xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">2</sy:updateFrequency>', 1800),
        ("", None),
    ],
)
def test_feed_update_hints_are_read(channel, seconds):
    assert parse_feed(rss([], extra_channel=channel).encode()).ttl_s == seconds


async def test_parsing_runs_off_the_event_loop(monkeypatch):
    threads: list[int] = []
    original = feeds.feedparser.parse

    def spy(*args, **kwargs):
        threads.append(threading.get_ident())
        return original(*args, **kwargs)

    monkeypatch.setattr(feeds.feedparser, "parse", spy)
    await parse_feed_async(rss([]).encode())
    assert threads and threads[0] != threading.get_ident()


def test_normalize_link_drops_tracking_and_fragment():
    assert normalize_link("https://Berita.Example/a?fbclid=1&utm_medium=x&p=2#c") == "https://berita.example/a?p=2"
    assert normalize_link("") == ""
