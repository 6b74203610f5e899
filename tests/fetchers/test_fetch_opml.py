"""Source lists as OPML: the shipped default names sites, claims nothing it could not check, and kinds survive a round trip."""

import re
from importlib.resources import files
from urllib.parse import urlsplit

from fetchers.opml import FeedListEntry, default_feeds, read_opml, write_opml

ISSUE_SITES = {"www.kilas24news.com", "portalbanten.net", "bantensiber.com", "kabar6.com", "www.sultannews.co.id",
               "www.xbintangindo.com", "jurnalkotatoday.com", "sandiwartanews.com", "prologmedia.com", "banten.suara.com"}


def test_the_default_list_names_the_regional_sites_by_their_addresses():
    entries = default_feeds()
    hosts = {urlsplit(entry.url).hostname for entry in entries}
    assert ISSUE_SITES <= hosts
    assert all(entry.kind == "site" and urlsplit(entry.url).path == "/" for entry in entries)
    platforms = {urlsplit(entry.url).hostname: entry.platform for entry in entries}
    assert platforms["www.kilas24news.com"] == "Blogger" and platforms["bantensiber.com"] == "WordPress"
    assert all(entry.platform for entry in entries)


def test_the_default_list_claims_no_address_was_confirmed():
    shipped = files("seeds").joinpath("feeds.opml").read_text(encoding="utf-8")
    descriptions = re.findall(r'description="([^"]*)"', shipped)
    assert descriptions and all(description.endswith("unconfirmed") for description in descriptions)
    assert not re.search(r"\bconfirmed\b", shipped.replace("unconfirmed", "").replace("Nothing here was confirmed", ""))


def test_kinds_and_platforms_survive_a_round_trip(tmp_path):
    entries = [
        FeedListEntry("https://warta.example/feed/", "Warta", "https://warta.example/"),
        FeedListEntry("https://lebak.example/", "Lebak", "https://lebak.example/", kind="listing", platform="custom CMS"),
        FeedListEntry("https://peta.example/news.xml", "Peta", "", kind="sitemap"),
    ]
    path = tmp_path / "sources.opml"
    path.write_text(write_opml(entries), encoding="utf-8")
    assert read_opml(path) == entries


def test_an_unknown_kind_is_read_as_a_feed(tmp_path):
    path = tmp_path / "sources.opml"
    path.write_text('<opml version="2.0"><body><outline text="x" xmlUrl="https://x.example/rss" pantauKind="majalah"/>'
                    '<outline text="y" htmlUrl="https://y.example/"/></body></opml>', encoding="utf-8")
    assert [(entry.url, entry.kind) for entry in read_opml(path)] == [("https://x.example/rss", "feed"),
                                                                      ("https://y.example/", "site")]
