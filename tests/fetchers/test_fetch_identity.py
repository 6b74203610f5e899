"""Issue 3 identity and duplicates end to end: one article through two feeds, an entry under a new
address, upstream edits in place, tombstones, and syndicated copies grouped as one story."""

from dataclasses import replace

from sqlmodel import Session, select

from fetchers.poller import poll_feeds
from storage.articles import set_read
from storage.feeds import add_feed, get_feed
from storage.identity import delete_article
from storage.models import ArticleLink
from storage.stories import story_articles, story_sources
from tests.fetchers.conftest import Site, article_page, article_paragraphs, BASE_DATE
from tests.fetchers.test_fetch_poller import stored_articles


def links(engine) -> list[tuple[int, int, str]]:
    with Session(engine) as session:
        rows = session.exec(select(ArticleLink.article_id, ArticleLink.feed_id, ArticleLink.guid))
        return sorted(rows)


async def test_one_article_through_two_feeds_is_stored_once_with_a_link_per_feed(engine, local_server):
    origin = Site(local_server, prefix="/asal")
    item = origin.add_item(1)
    origin.publish()
    aggregator = Site(local_server, prefix="/agregat")
    aggregator.items.append(replace(item, guid="agregat-1", link=item.link + "?utm_source=agregat&fbclid=x#atas"))
    aggregator.publish()
    first, second = add_feed(engine, origin.feed_url), add_feed(engine, aggregator.feed_url)

    assert (await poll_feeds(engine, [first])).new_articles == 1
    assert (await poll_feeds(engine, [second])).new_articles == 0

    [article] = stored_articles(engine)
    assert links(engine) == [(article.id, first.id, item.guid), (article.id, second.id, "agregat-1")]
    assert local_server.hits(origin.page_path(1)) == 1
    assert story_sources(engine, article.id) == 2


async def test_the_same_article_in_two_feeds_of_one_cycle_is_stored_once(engine, local_server):
    origin = Site(local_server, prefix="/asal")
    item = origin.add_item(1)
    origin.publish()
    copy = Site(local_server, prefix="/salinan")
    copy.items.append(replace(item, guid="salinan-1", link=item.link + "?utm_medium=rss"))
    copy.publish()
    summary = await poll_feeds(engine, [add_feed(engine, origin.feed_url), add_feed(engine, copy.feed_url)])
    assert summary.new_articles == 1 and summary.failed == 0
    assert len(stored_articles(engine)) == 1 and len(links(engine)) == 2


async def test_a_duplicate_entry_under_a_new_address_is_not_new(engine, local_server):
    site = Site(local_server, prefix="/pindah")
    item = site.add_item(1)
    site.publish()
    feed = add_feed(engine, site.feed_url)
    await poll_feeds(engine, [feed])
    moved_path = "/pindah/2025/11/berita-1.html"
    local_server.route(moved_path, body="<html><body><p>dipindah</p></body></html>", content_type="text/html")
    site.items[0] = replace(item, link=local_server.url(moved_path))
    site.publish()
    summary = await poll_feeds(engine, [get_feed(engine, feed.id)])
    assert summary.new_articles == 0 and len(stored_articles(engine)) == 1
    assert local_server.hits(moved_path) == 0


async def test_a_duplicate_link_under_a_new_guid_is_not_new(engine, local_server):
    site = Site(local_server, prefix="/guid")
    item = site.add_item(1)
    site.publish()
    feed = add_feed(engine, site.feed_url)
    await poll_feeds(engine, [feed])
    site.items[0] = replace(item, guid="guid-baru", link=item.link + "?utm_campaign=ulang")
    site.publish()
    assert (await poll_feeds(engine, [get_feed(engine, feed.id)])).new_articles == 0
    assert len(stored_articles(engine)) == 1


async def test_an_upstream_edit_updates_in_place_keeping_date_and_read_state(engine, local_server):
    site = Site(local_server, prefix="/ralat")
    item = site.add_item(1)
    site.publish()
    feed = add_feed(engine, site.feed_url)
    await poll_feeds(engine, [feed])
    [before] = stored_articles(engine)
    set_read(engine, before.id)

    corrected = [*article_paragraphs(1)[:2], "Ralat: jumlah buruh yang hadir sekitar dua ratus orang, bukan ratusan."]
    local_server.route(
        site.page_path(1), body=article_page("Judul diralat", corrected, BASE_DATE), content_type="text/html"
    )
    site.items[0] = replace(item, title="Judul diralat", description="Ringkasan yang diralat.", published=None)
    site.publish()
    summary = await poll_feeds(engine, [get_feed(engine, feed.id)])

    assert summary.new_articles == 0
    [after] = stored_articles(engine)
    assert after.id == before.id
    assert (after.title, after.summary) == ("Judul diralat", "Ringkasan yang diralat.")
    assert after.body.splitlines()[-1].startswith("Ralat:")
    assert after.published_at == before.published_at
    assert after.is_read and after.updated_at is not None


async def test_an_edit_can_mark_the_article_unread(engine, local_server):
    site = Site(local_server, prefix="/ralat2")
    item = site.add_item(1)
    site.publish()
    feed = add_feed(engine, site.feed_url)
    await poll_feeds(engine, [feed])
    set_read(engine, stored_articles(engine)[0].id)
    site.items[0] = replace(item, description="Ringkasan baru.")
    site.publish()
    await poll_feeds(engine, [get_feed(engine, feed.id)], mark_unread_on_edit=True)
    assert not stored_articles(engine)[0].is_read


async def test_a_deleted_article_never_returns_as_new(engine, local_server):
    site = Site(local_server, prefix="/hapus")
    site.add_item(1)
    site.add_item(2)
    site.publish()
    feed = add_feed(engine, site.feed_url)
    await poll_feeds(engine, [feed])
    first = stored_articles(engine)[0]
    assert delete_article(engine, first.id)
    site.add_item(3)
    site.publish()
    summary = await poll_feeds(engine, [get_feed(engine, feed.id)])
    assert summary.new_articles == 1
    assert [article.title[-1] for article in stored_articles(engine)] == ["2", "3"]
    other = Site(local_server, prefix="/lain")
    other.items.append(replace(site.items[-1], guid="lain-1"))  # the deleted article, via another feed
    other.publish()
    assert (await poll_feeds(engine, [add_feed(engine, other.feed_url)])).new_articles == 0


async def test_syndicated_copies_are_one_story_with_three_sources(engine, local_server):
    paragraphs = article_paragraphs(7)
    sites = []
    for number, prefix in enumerate(("/media-a", "/media-b", "/media-c"), start=1):
        site = Site(local_server, prefix=prefix)
        site.add_item(number, title=f"Versi {prefix}")
        copy = [f"{prefix.strip('/').upper()} — {paragraphs[0]}", *paragraphs[1:]]
        if number == 3:
            copy.append("Baca juga: berita lain dari redaksi kami hari ini.")
        local_server.route(site.page_path(number), body=article_page(f"Versi {prefix}", copy, BASE_DATE),
                           content_type="text/html")
        site.publish()
        sites.append(site)
    unrelated = Site(local_server, prefix="/lain")
    unrelated.add_item(9, title="Harga cabai naik")
    local_server.route(
        unrelated.page_path(9),
        body=article_page("Harga cabai naik", ["Harga cabai di pasar tradisional Serang naik tajam menjelang "
                                              "akhir tahun karena pasokan dari petani berkurang akibat hujan."] * 3,
                          BASE_DATE),
        content_type="text/html",
    )
    unrelated.publish()
    for site in [*sites, unrelated]:
        await poll_feeds(engine, [add_feed(engine, site.feed_url)])

    articles = stored_articles(engine)
    assert len(articles) == 4
    first = articles[0]
    assert story_sources(engine, first.id) == 3
    assert story_articles(engine, first.id) == [article.id for article in articles[:3]]
    assert story_sources(engine, articles[3].id) == 1


async def test_language_is_stored(engine, local_server):
    site = Site(local_server, prefix="/bahasa")
    site.add_item(1)
    site.publish()
    await poll_feeds(engine, [add_feed(engine, site.feed_url)])
    assert stored_articles(engine)[0].language == "id"
