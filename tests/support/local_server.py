"""A threaded HTTP server on 127.0.0.1 with a route table, for tests that need real HTTP.

Each route answers with a status, headers and body, optionally after a delay, gzipped, dripped
a few bytes at a time forever (`drip_s`), or as a 304 when the request's validators match the
route's ETag / Last-Modified. A body given with a Content-Encoding header is sent as it is, so
a test can serve a pre-compressed gzip bomb. Every request
is recorded so tests can assert what the client sent and how often.

    with LocalServer() as server:
        server.route("/feed.xml", body=rss, content_type="application/rss+xml", etag='"v1"')
        ... fetch server.url("/feed.xml") ...
        assert server.hits("/feed.xml") == 1
"""

import gzip as gzip_module
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest


@dataclass(frozen=True)
class RecordedRequest:
    """What the client sent: method, path (with query) and headers (names lower-cased)."""

    method: str
    path: str
    headers: dict[str, str]


@dataclass(frozen=True)
class Route:
    """One canned answer. `handler`, when set, builds the answer from the request instead."""

    status: int = 200
    body: bytes | str = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str | None = None
    delay_s: float = 0.0
    body_delay_s: float = 0.0
    gzip: bool = False
    drip_s: float = 0.0
    etag: str | None = None
    last_modified: str | None = None
    handler: Callable[[RecordedRequest], "Route"] | None = None

    def body_bytes(self) -> bytes:
        return self.body.encode("utf-8") if isinstance(self.body, str) else self.body

    def answers_not_modified(self, request: RecordedRequest) -> bool:
        """Whether the request's validators show the client already has this body."""
        if self.status != 200:
            return False
        if self.etag is not None and request.headers.get("if-none-match") == self.etag:
            return True
        if self.etag is None and self.last_modified is not None:
            return request.headers.get("if-modified-since") == self.last_modified
        return False


NOT_FOUND = Route(status=404, body="not found", content_type="text/plain")


class LocalServer:
    """A ThreadingHTTPServer on a free port of 127.0.0.1; use as a context manager.

    `peak_in_flight` is the most requests it was answering at once, for concurrency limits.
    """

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[RecordedRequest] = []
        self.in_flight = 0
        self.peak_in_flight = 0
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.02,), daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def route(self, path: str, **answer) -> Route:
        """Set (or replace) the answer for `path`; keyword arguments are `Route` fields."""
        route = Route(**answer)
        with self._lock:
            self.routes[path] = route
        return route

    def update(self, path: str, **changes) -> Route:
        """Change some fields of an existing route, e.g. a new body and ETag."""
        with self._lock:
            route = self.routes[path] = replace(self.routes[path], **changes)
        return route

    def requests_for(self, path: str) -> list[RecordedRequest]:
        with self._lock:
            return [request for request in self.requests if urlsplit(request.path).path == path]

    def hits(self, path: str) -> int:
        return len(self.requests_for(path))

    def start(self) -> "LocalServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> "LocalServer":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def _answer(self, request: RecordedRequest) -> Route:
        with self._lock:
            self.requests.append(request)
            self.in_flight += 1
            self.peak_in_flight = max(self.peak_in_flight, self.in_flight)
            return self.routes.get(urlsplit(request.path).path, NOT_FOUND)

    def _done(self) -> None:
        with self._lock:
            self.in_flight -= 1


def _handler_for(server: LocalServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go out in separate writes

        def do_GET(self) -> None:
            self._respond(send_body=True)

        def do_HEAD(self) -> None:
            self._respond(send_body=False)

        def _respond(self, send_body: bool) -> None:
            request = RecordedRequest(
                method=self.command,
                path=self.path,
                headers={name.lower(): value for name, value in self.headers.items()},
            )
            route = server._answer(request)
            try:
                self._send(route.handler(request) if route.handler else route, request, send_body)
            finally:
                server._done()

        def _send(self, route: Route, request: RecordedRequest, send_body: bool) -> None:
            if route.delay_s:
                time.sleep(route.delay_s)
            not_modified = route.answers_not_modified(request)
            body = b"" if not_modified else route.body_bytes()
            if route.gzip and body:
                body = gzip_module.compress(body)
            if route.drip_s:
                self._drip(route, body)
                return
            try:
                self._send_head(route, 304 if not_modified else route.status, len(body))
                if route.body_delay_s:
                    time.sleep(route.body_delay_s)
                if send_body and body:
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def _drip(self, route: Route, body: bytes) -> None:
            """The body, then a space every `drip_s` seconds in chunked encoding, until the client
            hangs up (at most a minute)."""
            self.send_response(route.status, _phrase(route.status))
            if route.content_type:
                self.send_header("Content-Type", route.content_type)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            try:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(body), body))
                for _ in range(int(60 / route.drip_s)):
                    time.sleep(route.drip_s)
                    self.wfile.write(b"1\r\n \r\n")
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                pass

        def _send_head(self, route: Route, status: int, length: int) -> None:
            self.send_response(status, _phrase(status))
            if route.content_type:
                self.send_header("Content-Type", route.content_type)
            if route.etag:
                self.send_header("ETag", route.etag)
            if route.last_modified:
                self.send_header("Last-Modified", route.last_modified)
            if route.gzip and length:
                self.send_header("Content-Encoding", "gzip")
            for name, value in route.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(length))
            self.end_headers()
            self.wfile.flush()

        def log_message(self, format: str, *args) -> None:  # noqa: A002  (the stdlib's name)
            """Stay quiet: the recorded requests are the log."""

    return Handler


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


@pytest.fixture
def local_server() -> Iterator[LocalServer]:
    """A running LocalServer, stopped after the test. Import it into a conftest.py to use it."""
    with LocalServer() as server:
        yield server
