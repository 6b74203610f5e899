"""The demo desk: a fresh database polling the two fictional sites that `DemoServer` serves."""

from dataclasses import replace

from core.locations import demo_db_url
from demo.server import DemoServer
from storage.engine import make_engine
from storage.feeds import add_feed
from tui.app import PantauApp
from tui.config import Settings

DEMO_POLL_INTERVAL_S = 3


def demo_app(settings: Settings, server: DemoServer, db_url: str | None = None) -> PantauApp:
    """An app on a fresh demo database whose feeds are the running demo server's."""
    settings = replace(settings, db_url=db_url or demo_db_url(fresh=True))
    engine = make_engine(settings.db_url)
    for url, name in zip(server.feed_urls, server.site_names):
        add_feed(engine, url, title=name, site=server.base_url, poll_interval_s=DEMO_POLL_INTERVAL_S)
    return PantauApp(engine, settings, poll_interval_s=DEMO_POLL_INTERVAL_S)
