"""A desk holding the whole fictional demo corpus, polled from the demo sites and tagged by the real pipeline."""

import asyncio

from sqlalchemy import Engine

from demo.server import DemoServer
from fetchers.pipeline import run_cycle
from storage.feeds import add_feed, enabled_feeds


def fill_from_demo_sites(engine: Engine) -> None:
    """Poll both demo sites with every article released, then tag what arrived (the real pipeline)."""
    with DemoServer(initial=0, release_every_s=3600) as server:
        server.release_all()
        for url, name in zip(server.feed_urls, server.site_names):
            add_feed(engine, url, title=name)
        summary = asyncio.run(run_cycle(engine, enabled_feeds(engine)))
    assert summary.failed == 0 and summary.new_articles > 40
