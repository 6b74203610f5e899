"""A local web server for the two demo news sites, publishing the corpus a few articles at a time.

`pantau demo` polls it like any real site: feeds list what has been released so far (newest
first, 25 at most), unreleased pages answer 404, and every response carries ETag and
Last-Modified so conditional GETs get their 304. Everything runs on 127.0.0.1 in background
threads; `stop()` closes open keep-alive connections and joins every thread it started.
"""

import hashlib
import logging
import socket
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import format_datetime, parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import zip_longest
from urllib.parse import parse_qs, urlsplit

from demo.hidden_sources import (
    HIDDEN_BY_KEY,
    HIDDEN_SITES,
    KEPALA,
    KEPALA_FEED,
    PETA,
    PETA_FEED,
    PETA_NEWS_SITEMAP,
    PETA_SITEMAP_INDEX,
    WARTA,
    HiddenSite,
    hidden_path,
    load_hidden_articles,
    render_front_page,
    render_hidden_article,
    render_kepala_rss,
    render_peta_news_sitemap,
    render_peta_pages_sitemap,
    render_peta_rss,
    render_peta_sitemap_index,
    render_robots,
)
from demo.sites import (
    BLOGGER,
    FEED_MAX_ITEMS,
    SITES,
    WORDPRESS,
    DemoArticle,
    DemoSite,
    article_path,
    feed_path,
    load_corpus,
    render_blogger_article,
    render_blogger_atom,
    render_blogger_rss,
    render_index,
    render_wordpress_article,
    render_wordpress_rss,
)

log = logging.getLogger(__name__)

HOST = "127.0.0.1"
KEEP_ALIVE_S = 5.0
RECENT_HEADLINES = 5
BLOGGER_MAX_RESULTS = 500
HTML = "text/html; charset=UTF-8"
ATOM = "application/atom+xml; charset=UTF-8"
RSS = "application/rss+xml; charset=UTF-8"
XML = "application/xml; charset=UTF-8"
TEXT = "text/plain; charset=UTF-8"
HIDDEN_EVERY = 4
"""The clock releases an article of the three sites without a usual feed at every this many releases."""


@dataclass(frozen=True)
class Response:
    status: int
    content_type: str = HTML
    body: bytes = b""
    last_modified: datetime | None = None
    location: str | None = None


class DemoServer:
    """Serves the Blogger-style and the WordPress-style demo site, and the three sites of
    `demo.hidden_sources` (no feed; a feed found through the sitemap; a feed named only in the page head),
    from one local port.

    At start the oldest `initial` articles of each of the first two sites are out; then one more every
    `release_every_s` seconds, alternating sites in published order, until all are out. Of the other three
    sites all but the newest article are out at start; the clock releases one of theirs at every
    `HIDDEN_EVERY`th release (`release_hidden` does it by hand). `port` is tried first (a kept demo desk's
    feeds name the port of their last run), else any free one.
    """

    def __init__(
        self, initial: int = 6, release_every_s: float = 3.0, *, articles: Sequence[DemoArticle] | None = None,
        port: int = 0, hidden: Sequence[DemoArticle] | None = None,
    ) -> None:
        if initial < 0:
            raise ValueError("initial must be zero or more")
        if release_every_s <= 0:
            raise ValueError("release_every_s must be positive")
        corpus = list(articles) if articles is not None else load_corpus()
        self._release_every_s = release_every_s
        self._by_site = {
            site.key: sorted((a for a in corpus if a.site == site.key), key=lambda a: (a.published, a.number))
            for site in SITES
        }
        self._routes = {article_path(article): article for article in corpus}
        self._released = {site.key: self._by_site[site.key][:initial] for site in SITES}
        self._pending = [
            article
            for pair in zip_longest(*(self._by_site[site.key][initial:] for site in SITES))
            for article in pair
            if article is not None
        ]
        hidden = list(hidden) if hidden is not None else load_hidden_articles()
        self._hidden_routes = {hidden_path(article): article for article in hidden}
        newest = {site.key: max((a for a in hidden if a.site == site.key), key=lambda a: a.published, default=None)
                  for site in HIDDEN_SITES}
        self._hidden_out = [article for article in hidden if article is not newest[article.site]]
        self._hidden_pending = sorted((a for a in newest.values() if a is not None), key=lambda a: a.published)
        self._ticks = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._port = port
        self._httpd: _HTTPServer | None = None
        self._threads: list[threading.Thread] = []

    # --- lifecycle -------------------------------------------------------------------------

    def start(self) -> None:
        """Bind the port asked for (else a free one) on 127.0.0.1 and start serving and releasing in background threads."""
        if self._httpd is not None:
            raise RuntimeError("the demo server is already started")
        try:
            self._httpd = _HTTPServer(self, self._port)
        except OSError:
            if not self._port:
                raise
            self._httpd = _HTTPServer(self, 0)
        self._threads = [
            threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.1}, name="demo-http", daemon=True),
            threading.Thread(target=self._release_loop, name="demo-release", daemon=True),
        ]
        for thread in self._threads:
            thread.start()

    def stop(self) -> None:
        """Stop releasing and serving, close open connections and join every thread; idempotent."""
        self._stop.set()
        httpd, self._httpd = self._httpd, None
        if httpd is not None:
            httpd.shutdown()
            httpd.close_open_connections()
            httpd.server_close()
        for thread in self._threads:
            thread.join()
        self._threads = []

    def __enter__(self) -> "DemoServer":
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # --- addresses ---------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        if self._httpd is None:
            raise RuntimeError("the demo server is not started")
        return f"http://{HOST}:{self._httpd.server_address[1]}"

    @property
    def feed_urls(self) -> list[str]:
        """The Blogger Atom feed and the WordPress RSS feed, in the order of `site_names`."""
        return [self.base_url + feed_path(site) for site in SITES]

    @property
    def site_names(self) -> list[str]:
        return [site.name for site in SITES]

    @property
    def site_urls(self) -> list[str]:
        return [f"{self.base_url}{site.prefix}/" for site in SITES]

    def page_url(self, article: DemoArticle) -> str:
        return self.base_url + (hidden_path(article) if article.site in HIDDEN_BY_KEY else article_path(article))

    def hidden_site_url(self, site: HiddenSite) -> str:
        """The address a desk user would give for one of the three other sites: its front page."""
        return f"{self.base_url}{site.prefix}/"

    @property
    def sources(self) -> list[tuple[str, str, str]]:
        """(address, kind, name) of every demo source as discovery finds it: the two feeds, Warta Lebak's front
        page, Kabar Karawang's feed (through its sitemap) and Suara Cilegon's feed (from its page head)."""
        feeds = [(url, "feed", name) for url, name in zip(self.feed_urls, self.site_names)]
        return [*feeds, (self.hidden_site_url(WARTA), "listing", WARTA.name),
                (self.base_url + PETA.prefix + PETA_FEED, "feed", PETA.name),
                (self.base_url + KEPALA.prefix + KEPALA_FEED, "feed", KEPALA.name)]

    # --- releasing ---------------------------------------------------------------------------

    def release_next(self) -> DemoArticle | None:
        """Publish the next article now; None once everything is out."""
        with self._lock:
            if not self._pending:
                return None
            article = self._pending.pop(0)
            self._released[article.site].append(article)
            return article

    def release_all(self) -> None:
        with self._lock:
            for article in self._pending:
                self._released[article.site].append(article)
            self._pending.clear()

    def release_hidden(self) -> DemoArticle | None:
        """Publish the next article of the three other sites now; None once all of theirs are out."""
        with self._lock:
            if not self._hidden_pending:
                return None
            article = self._hidden_pending.pop(0)
            self._hidden_out.append(article)
            return article

    def hidden_released(self) -> list[DemoArticle]:
        """What the three other sites have published so far, oldest first."""
        with self._lock:
            return sorted(self._hidden_out, key=lambda a: (a.published, a.number))

    def released(self) -> list[DemoArticle]:
        """What is published so far, oldest first."""
        with self._lock:
            out = [article for site in SITES for article in self._released[site.key]]
        return sorted(out, key=lambda a: (a.published, a.number))

    @property
    def pending_count(self) -> int:
        with self._lock:
            return len(self._pending)

    def _release_loop(self) -> None:
        while not self._stop.wait(self._release_every_s):
            self._ticks += 1
            hidden = self.release_hidden() if self._ticks % HIDDEN_EVERY == 0 else None
            if self.release_next() is None and hidden is None and not self._hidden_pending:
                return

    def _snapshot(self, site: DemoSite) -> list[DemoArticle]:
        with self._lock:
            return list(self._released[site.key])

    # --- routing -----------------------------------------------------------------------------

    def respond(self, target: str) -> Response:
        """The response for a request target (path and query); rendering happens outside the lock."""
        parts = urlsplit(target)
        path, query = parts.path, parse_qs(parts.query)
        if path == "/":
            return _html(_landing_page(self.base_url))
        if path == "/robots.txt":
            return Response(HTTPStatus.OK, TEXT, render_robots(self.base_url).encode())
        if path.startswith(tuple(site.prefix for site in HIDDEN_SITES)):
            return self._hidden(path, query)
        for site in SITES:
            if path == site.prefix:
                return Response(HTTPStatus.MOVED_PERMANENTLY, location=self.base_url + site.prefix + "/")
            if path == site.prefix + "/":
                released = self._snapshot(site)
                return _html(render_index(site, released[::-1], self.base_url), _newest(released))
        if path in (feed_path(BLOGGER), BLOGGER.prefix + "/feeds/posts/summary"):
            return self._blogger_feed(query)
        if path == feed_path(WORDPRESS).rstrip("/"):
            return Response(HTTPStatus.MOVED_PERMANENTLY, location=self.base_url + feed_path(WORDPRESS))
        if path == feed_path(WORDPRESS):
            return self._wordpress_feed()
        return self._article(path)

    def _blogger_feed(self, query: dict[str, list[str]]) -> Response:
        released = self._snapshot(BLOGGER)
        try:
            limit = min(max(int(query.get("max-results", [FEED_MAX_ITEMS])[0]), 1), BLOGGER_MAX_RESULTS)
        except ValueError:
            return _not_found()
        newest = released[::-1][:limit]
        if query.get("alt", ["atom"])[0] == "rss":
            return Response(HTTPStatus.OK, RSS, render_blogger_rss(newest, self.base_url, len(released)).encode(), _newest(released))
        return Response(HTTPStatus.OK, ATOM, render_blogger_atom(newest, self.base_url, len(released)).encode(), _newest(released))

    def _hidden(self, path: str, query: dict[str, list[str]]) -> Response:
        """The three other sites: front pages, Kabar Karawang's sitemaps and both feeds, and article pages."""
        site = next(site for site in HIDDEN_SITES if path.startswith(site.prefix))
        with self._lock:
            out = sorted((a for a in self._hidden_out if a.site == site.key), key=lambda a: a.published, reverse=True)
        local = path.removeprefix(site.prefix)
        newest = _newest(out)
        if local == "":
            return Response(HTTPStatus.MOVED_PERMANENTLY, location=self.base_url + site.prefix + "/")
        if local == "/":
            page = query.get("page", ["1"])[0]
            if not page.isdigit() or int(page) < 1:
                return _not_found()
            return _html(render_front_page(site, out, self.base_url, int(page)), newest)
        routes = {
            (PETA, PETA_SITEMAP_INDEX): lambda: Response(HTTPStatus.OK, XML, render_peta_sitemap_index(self.base_url).encode(), newest),
            (PETA, PETA_NEWS_SITEMAP): lambda: Response(HTTPStatus.OK, XML, render_peta_news_sitemap(out, self.base_url).encode(), newest),
            (PETA, "/sitemap-pages.xml"): lambda: Response(HTTPStatus.OK, XML, render_peta_pages_sitemap(self.base_url).encode()),
            (PETA, PETA_FEED): lambda: Response(HTTPStatus.OK, RSS, render_peta_rss(out, self.base_url).encode(), newest),
            (KEPALA, KEPALA_FEED): lambda: Response(HTTPStatus.OK, RSS, render_kepala_rss(out, self.base_url).encode(), newest),
        }
        if (site, local) in routes:
            return routes[site, local]()
        article = self._hidden_routes.get(path)
        if article is None or article not in out:
            return _not_found()
        return _html(render_hidden_article(article, self.base_url), article.updated)

    def _wordpress_feed(self) -> Response:
        released = self._snapshot(WORDPRESS)
        previous_of = {article.slug: before for before, article in zip(released, released[1:])}
        body = render_wordpress_rss(released[::-1][:FEED_MAX_ITEMS], self.base_url, previous_of)
        return Response(HTTPStatus.OK, RSS, body.encode(), _newest(released))

    def _article(self, path: str) -> Response:
        article = self._routes.get(path) or self._routes.get(path + "/")
        if article is None:
            return _not_found()
        site = BLOGGER if article.site == BLOGGER.key else WORDPRESS
        released = self._snapshot(site)
        if article not in released:
            return _not_found()
        if path != article_path(article):
            return Response(HTTPStatus.MOVED_PERMANENTLY, location=self.page_url(article))
        index = released.index(article)
        previous = released[index - 1] if index else None
        following = released[index + 1] if index + 1 < len(released) else None
        recent = [other for other in released[::-1] if other is not article][:RECENT_HEADLINES]
        if site is BLOGGER:
            page = render_blogger_article(article, self.base_url, recent, previous)
        else:
            page = render_wordpress_article(article, self.base_url, recent, previous, following)
        return _html(page, article.updated)


def _html(page: str, last_modified: datetime | None = None) -> Response:
    return Response(HTTPStatus.OK, HTML, page.encode("utf-8"), last_modified)


def _not_found() -> Response:
    page = "<!DOCTYPE html><html lang='id'><head><meta charset='UTF-8'><title>404</title></head>"
    page += "<body><h1>Halaman tidak ditemukan</h1><p>Maaf, halaman yang Anda cari tidak tersedia.</p></body></html>"
    return Response(HTTPStatus.NOT_FOUND, HTML, page.encode("utf-8"))


def _newest(articles: Sequence[DemoArticle]) -> datetime | None:
    return max((article.updated for article in articles), default=None)


def _landing_page(base_url: str) -> str:
    links = "".join(f'<li><a href="{base_url}{site.prefix}/">{site.name}</a></li>' for site in (*SITES, *HIDDEN_SITES))
    return f"<!DOCTYPE html><html lang='id'><head><meta charset='UTF-8'><title>Pantau demo</title></head><body><ul>{links}</ul></body></html>"


# --- HTTP ------------------------------------------------------------------------------------


def entity_tag(body: bytes) -> str:
    return '"' + hashlib.sha1(body).hexdigest()[:20] + '"'


def http_date(moment: datetime) -> str:
    return format_datetime(moment.astimezone(timezone.utc), usegmt=True)


def is_not_modified(if_none_match: str | None, if_modified_since: str | None, etag: str, last_modified: datetime | None) -> bool:
    """RFC 9110 §13.2.2: If-None-Match decides when present; If-Modified-Since only otherwise."""
    if if_none_match is not None:
        return any(tag == "*" or tag == etag for tag in _entity_tags(if_none_match))
    if if_modified_since is None or last_modified is None:
        return False
    try:
        since = parsedate_to_datetime(if_modified_since)
    except (TypeError, ValueError):
        return False
    if since.tzinfo is None:
        since = since.replace(tzinfo=timezone.utc)
    return int(last_modified.timestamp()) <= int(since.timestamp())


def _entity_tags(header: str) -> Iterator[str]:
    for tag in header.split(","):
        tag = tag.strip()
        yield tag[2:] if tag.startswith("W/") else tag


class _Handler(BaseHTTPRequestHandler):
    server: "_HTTPServer"
    protocol_version = "HTTP/1.1"
    server_version = "DemoNews/1.0"
    sys_version = ""
    timeout = KEEP_ALIVE_S
    disable_nagle_algorithm = True  # headers and body go out in two writes; don't wait on delayed ACKs

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: a demo polled every few seconds must not write a line per request to stderr."""

    def _answer(self, send_body: bool) -> None:
        response = self.server.demo.respond(self.path)
        etag = entity_tag(response.body)
        if response.status == HTTPStatus.OK and is_not_modified(
            self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since"), etag, response.last_modified
        ):
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self._validators(etag, response.last_modified)
            self.end_headers()
            return
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        if response.location:
            self.send_header("Location", response.location)
        if response.status == HTTPStatus.OK:
            self.send_header("Cache-Control", "private, max-age=0")
            self._validators(etag, response.last_modified)
        self.end_headers()
        if send_body:
            self.wfile.write(response.body)

    def _validators(self, etag: str, last_modified: datetime | None) -> None:
        self.send_header("ETag", etag)
        if last_modified is not None:
            self.send_header("Last-Modified", http_date(last_modified))


class _HTTPServer(ThreadingHTTPServer):
    """Tracks open connections so `stop()` can end idle keep-alive ones instead of waiting them out."""

    daemon_threads = False
    block_on_close = True

    def __init__(self, demo: DemoServer, port: int) -> None:
        self.demo = demo
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__((HOST, port), _Handler)

    def process_request(self, request, client_address) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def close_open_connections(self) -> None:
        with self._open_lock:
            for connection in self._open:
                try:
                    connection.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def handle_error(self, request, client_address) -> None:
        log.debug("demo server: request from %s failed", client_address, exc_info=True)
