"""The demo desk: its own database, kept between runs, polling the fictional sites that `DemoServer` serves.

What an analyst does on the demo (tags, stars, saved searches, the audit log) is kept in demo.db for
the next demo; `pantau demo --fresh` starts over. The desk says it is a demo in its title, and when it
opened because no configured feed could be reached, it says so inside the app.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from math import ceil
from urllib.parse import urlsplit

from sqlalchemy import Engine

from core.locations import demo_db_url
from demo.hidden_sources import HIDDEN_SITES, load_hidden_articles
from demo.server import DemoServer
from demo.sites import SITES
from storage.articles import article_count
from storage.engine import make_engine
from storage.feeds import add_feed, list_feeds, move_feed
from tui.app import PantauApp
from tui.config import Settings

DEMO_POLL_INTERVAL_S = 3
DEMO_INITIAL = 6
"""Articles of each site out when a new demo starts."""
TITLE = "Pantau DEMO"
SUBTITLE = "fictional news from five invented sites"
OFFLINE_NOTICE = ("No configured feed could be reached from this machine, so this is the demo desk: fictional news "
                  "from five invented sites, served on this computer. What you tag here is kept for the next demo; "
                  "your own desk opens when the network is back.")
DEMO_NOTICE = ("The demo desk: fictional news from five invented sites (one without a feed, watched through "
               "its front page). What you tag here is kept for the next demo "
               "(pantau demo --fresh starts over).")


@contextmanager
def demo_desk(settings: Settings, release_every_s: float, *, fresh: bool = False, offline: bool = False,
              db_url: str | None = None) -> Iterator[PantauApp]:
    """The demo server and a desk on the demo database, going on where the last demo stopped.

    The server takes the port of the last run when it is free, so stored links still open; it releases
    at least as many articles as are stored, so the desk is not waiting for articles it already has. (When
    that port is taken, Warta Lebak's articles come again: its front page knows them by their addresses.)
    """
    url = db_url or demo_db_url(fresh)
    engine = make_engine(url)
    hidden_at_start = len(load_hidden_articles()) - len(HIDDEN_SITES)
    initial = max(DEMO_INITIAL, ceil((article_count(engine) - hidden_at_start) / len(SITES)))
    with DemoServer(initial=initial, release_every_s=release_every_s, port=_last_port(engine)) as server:
        app = demo_app(replace(settings, db_url=url), server, engine=engine)
        app.notify(OFFLINE_NOTICE if offline else DEMO_NOTICE, title="Demo desk", severity="warning",
                   timeout=30 if offline else 10)
        yield app


def demo_app(settings: Settings, server: DemoServer, db_url: str | None = None, *,
             engine: Engine | None = None) -> PantauApp:
    """A desk whose feeds are the running demo server's: added on a new demo database, moved to the server's
    address on a kept one. Its title says it is a demo."""
    engine = engine or make_engine(db_url or settings.db_url)
    stored = {urlsplit(feed.url).path: feed for feed in list_feeds(engine)}
    for url, kind, name in server.sources:
        feed = stored.get(urlsplit(url).path)
        if feed is None:
            add_feed(engine, url, title=name, site=server.base_url, poll_interval_s=DEMO_POLL_INTERVAL_S, kind=kind)
        elif feed.url != url:
            move_feed(engine, feed.id, url, site=server.base_url)
    app = PantauApp(engine, settings, poll_interval_s=DEMO_POLL_INTERVAL_S)
    app.title = TITLE
    app.sub_title = f"{SUBTITLE} · {engine.url.render_as_string(hide_password=True)}"
    return app


def _last_port(engine: Engine) -> int:
    """The port the demo feeds were served from last time, or 0 (any) on a new demo database."""
    ports = [urlsplit(feed.url).port for feed in list_feeds(engine)]
    return next((port for port in ports if port), 0)
