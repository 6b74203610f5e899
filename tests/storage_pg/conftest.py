"""Fixtures of the shared-desk tests: both backends, and a desk filled from the demo sites."""

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import Engine

from demo.server import DemoServer
from fetchers.pipeline import run_cycle
from storage.engine import make_engine
from storage.feeds import add_feed, enabled_feeds
from tests.backends import BACKENDS, backend, backend_engine, backend_url, database_url  # noqa: F401  (fixtures)


@dataclass(frozen=True)
class DemoDesk:
    url: str
    engine: Engine


def fill_from_demo_sites(engine: Engine) -> None:
    """Poll both demo sites with every article released, then tag what arrived (the real pipeline)."""
    with DemoServer(initial=0, release_every_s=3600) as server:
        server.release_all()
        for url, name in zip(server.feed_urls, server.site_names):
            add_feed(engine, url, title=name)
        summary = asyncio.run(run_cycle(engine, enabled_feeds(engine)))
    assert summary.failed == 0 and summary.new_articles > 40


@pytest.fixture(scope="module", params=BACKENDS)
def demo_desk(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoDesk]:
    """A desk holding the whole demo corpus, polled and tagged; shared by a module's tests, never written to."""
    with database_url(request.param, tmp_path_factory.mktemp("demo")) as url:
        engine = make_engine(url)
        fill_from_demo_sites(engine)
        yield DemoDesk(url, engine)
        engine.dispose()
