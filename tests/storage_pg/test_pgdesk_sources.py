"""Sources of every kind on both backends: a site resolved by discovery, a listing page polled, their health kept."""

from demo.server import DemoServer
from fetchers.pipeline import run_cycle
from storage.articles import article_count
from storage.feeds import add_feed, get_feed
from storage.fetch_state import PollRecord, record_polls
from storage.models import utcnow


async def test_a_site_resolves_to_its_listing_page_and_is_polled_again_with_its_validators(backend_engine):
    with DemoServer(initial=3, release_every_s=3600) as server:
        site = add_feed(backend_engine, server.base_url + "/warta-lebak/", kind="site", platform="custom CMS")
        first = await run_cycle(backend_engine, [site])
        row = get_feed(backend_engine, site.id)
        assert (first.new_articles, row.kind, row.platform) == (2, "listing", "custom CMS")
        assert row.etag and row.last_ok_at is not None
        second = await run_cycle(backend_engine, [row])
        assert (second.not_modified, article_count(backend_engine)) == (1, 2)


def test_extraction_failures_are_counted_and_reset(backend_engine):
    source = add_feed(backend_engine, "https://warta.example/", kind="listing")
    record_polls(backend_engine, [PollRecord(source.id, "ok", utcnow(), pages_failed=2, extraction_error="x: failed")])
    record_polls(backend_engine, [PollRecord(source.id, "ok", utcnow(), pages_failed=1, extraction_error="y: failed")])
    row = get_feed(backend_engine, source.id)
    assert (row.extraction_failures, row.extraction_error) == (3, "y: failed")
    record_polls(backend_engine, [PollRecord(source.id, "ok", utcnow(), pages_extracted=1)])
    row = get_feed(backend_engine, source.id)
    assert (row.extraction_failures, row.extraction_error) == (0, None)
