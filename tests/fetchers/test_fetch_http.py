"""fetchers.http against a real local server: limits, validators, and failures worded for people."""

import asyncio
import socket
from datetime import datetime, timezone

import httpx
import pytest

from fetchers.errors import FailureKind, FetchError
from fetchers.http import (
    FEED_MAX_BYTES,
    USER_AGENT,
    FetchLimits,
    Validators,
    fetch,
    make_client,
    parse_retry_after,
)

FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'


async def get(url: str, *, max_bytes: int = FEED_MAX_BYTES, **options):
    async with make_client(options.get("limits", FetchLimits())) as client:
        return await fetch(client, url, max_bytes=max_bytes, **options)


async def failure(url: str, **options) -> FetchError:
    with pytest.raises(FetchError) as raised:
        await get(url, **options)
    return raised.value


async def test_fetch_sends_pantau_user_agent_and_returns_body(local_server):
    local_server.route("/feed.xml", body=FEED, content_type="application/rss+xml")
    fetched = await get(local_server.url("/feed.xml"))
    assert fetched.status == 200 and fetched.body == FEED
    assert fetched.media_type == "application/rss+xml"
    sent = local_server.requests_for("/feed.xml")[0].headers["user-agent"]
    assert sent == USER_AGENT
    assert sent.startswith("Pantau/0.") and "(+https://github.com/pantau-desk/pantau)" in sent


async def test_fetch_sends_validators_and_reports_304(local_server):
    local_server.route("/feed.xml", body=FEED, etag='"v1"', last_modified="Mon, 03 Nov 2025 08:00:00 GMT")
    first = await get(local_server.url("/feed.xml"))
    second = await get(local_server.url("/feed.xml"), validators=first.validators)
    assert first.validators == Validators('"v1"', "Mon, 03 Nov 2025 08:00:00 GMT")
    assert second.not_modified and second.body == b""
    headers = local_server.requests_for("/feed.xml")[1].headers
    assert headers["if-none-match"] == '"v1"'
    assert headers["if-modified-since"] == "Mon, 03 Nov 2025 08:00:00 GMT"


async def test_fetch_decompresses_gzip(local_server):
    local_server.route("/feed.xml", body=FEED, gzip=True)
    fetched = await get(local_server.url("/feed.xml"))
    assert fetched.body == FEED
    assert "gzip" in local_server.requests_for("/feed.xml")[0].headers["accept-encoding"]


async def test_body_over_the_feed_cap_is_refused(local_server):
    local_server.route("/big.xml", body=b"<rss>" + b" " * FEED_MAX_BYTES)
    error = await failure(local_server.url("/big.xml"))
    assert error.kind == FailureKind.TOO_LARGE
    assert error.message == "body larger than 5 MiB"


async def test_cap_applies_to_the_decompressed_stream(local_server):
    """A small gzip that inflates past the cap is cut off while reading, not trusted by its length."""
    local_server.route("/bomb.xml", body=b"\0" * (2 * 1024 * 1024), gzip=True)
    error = await failure(local_server.url("/bomb.xml"), max_bytes=1024 * 1024)
    assert error.message == "body larger than 1 MiB"


@pytest.mark.parametrize(
    ("status", "message"),
    [(404, "HTTP 404 Not Found"), (500, "HTTP 500 Internal Server Error"), (410, "HTTP 410 Gone")],
)
async def test_error_statuses_are_worded(local_server, status, message):
    local_server.route("/feed.xml", status=status, body="nope")
    error = await failure(local_server.url("/feed.xml"))
    assert (error.kind, error.status, error.message) == (FailureKind.HTTP, status, message)
    assert not error.network


async def test_429_carries_retry_after_and_is_soft(local_server):
    local_server.route("/feed.xml", status=429, headers={"Retry-After": "120"})
    error = await failure(local_server.url("/feed.xml"))
    assert error.message == "HTTP 429 Too Many Requests"
    assert error.retry_after_s == 120 and error.soft


async def test_bot_challenge_is_named(local_server):
    page = "<html><head><title>Just a moment...</title></head><body>cf-chl</body></html>"
    local_server.route("/feed.xml", status=403, body=page, content_type="text/html")
    error = await failure(local_server.url("/feed.xml"))
    assert error.kind == FailureKind.BOT_CHALLENGE
    assert "bot challenge" in error.message and "403" in error.message


async def test_empty_body_is_an_error(local_server):
    local_server.route("/feed.xml", body=b"  \n")
    error = await failure(local_server.url("/feed.xml"))
    assert (error.kind, error.message) == (FailureKind.EMPTY, "empty body")


async def test_deadline_covers_a_slow_server(local_server):
    local_server.route("/slow.xml", body=FEED, delay_s=2)
    error = await failure(local_server.url("/slow.xml"), limits=FetchLimits(deadline_s=0.3))
    assert (error.kind, error.message) == (FailureKind.TIMEOUT, "timed out after 0.3 s")
    assert error.network and error.soft


async def test_deadline_covers_a_body_that_never_finishes(local_server):
    local_server.route("/stall.xml", body=FEED, body_delay_s=2)
    error = await failure(local_server.url("/stall.xml"), limits=FetchLimits(deadline_s=0.3))
    assert error.message == "timed out after 0.3 s"


async def test_client_defaults_connect_timeout_and_redirect_limit():
    async with make_client() as client:
        assert client.timeout.connect == 10 and client.timeout.read == 30
        assert client.max_redirects == 5 and client.follow_redirects


async def test_redirects_are_followed_and_recorded(local_server):
    local_server.route("/old.xml", status=301, headers={"Location": "/mid.xml"})
    local_server.route("/mid.xml", status=302, headers={"Location": "/new.xml"})
    local_server.route("/new.xml", body=FEED)
    fetched = await get(local_server.url("/old.xml"))
    assert fetched.url == local_server.url("/new.xml")
    assert [status for status, _ in fetched.redirects] == [301, 302]


async def test_redirect_loop_stops_after_five(local_server):
    local_server.route("/a.xml", status=302, headers={"Location": "/b.xml"})
    local_server.route("/b.xml", status=302, headers={"Location": "/a.xml"})
    error = await failure(local_server.url("/a.xml"))
    assert error.kind == FailureKind.REDIRECTS and "more than 5 redirects" in error.message
    assert local_server.hits("/a.xml") + local_server.hits("/b.xml") == 6


@pytest.mark.parametrize("url", ["ftp://example.com/feed.xml", "file:///etc/passwd", "feed.xml", "http://"])
async def test_only_http_addresses_are_fetched(url):
    error = await failure(url)
    assert error.kind == FailureKind.BAD_URL and "not an http(s) address" in error.message


async def test_redirect_to_another_scheme_is_refused(local_server):
    local_server.route("/feed.xml", status=302, headers={"Location": "ftp://example.com/feed.xml"})
    error = await failure(local_server.url("/feed.xml"))
    assert error.kind == FailureKind.BAD_URL


async def test_connection_refused_is_a_network_failure():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    error = await failure(f"http://127.0.0.1:{port}/feed.xml")
    assert error.message == "connection refused by 127.0.0.1"
    assert error.kind == FailureKind.CONNECT and error.network


async def test_connect_timeout_is_named_apart_from_the_deadline():
    """A server whose listen queue is full never answers the handshake: the connect timeout, not
    the total deadline, ends the attempt, and says so."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(0)
        queued = [socket.socket() for _ in range(4)]
        for waiting in queued:
            waiting.setblocking(False)
            waiting.connect_ex(server.getsockname())
        limits = FetchLimits(connect_timeout_s=0.3, deadline_s=5)
        try:
            error = await failure(f"http://127.0.0.1:{server.getsockname()[1]}/feed.xml", limits=limits)
        finally:
            for waiting in queued:
                waiting.close()
    assert (error.kind, error.message) == (FailureKind.TIMEOUT, "connection to 127.0.0.1 timed out after 0.3 s")
    assert error.network and error.soft


@pytest.mark.parametrize(
    ("errno", "message", "temporary"),
    [
        (socket.EAI_NONAME, "DNS lookup failed for host berita.invalid", False),
        (socket.EAI_AGAIN, "DNS lookup failed for host berita.invalid (temporary failure, will retry)", True),
    ],
)
async def test_dns_failures_are_named(errno, message, temporary):
    """The resolver's error, as httpx wraps it, is traced back to DNS (no real lookup is made)."""

    def resolver_fails(request: httpx.Request) -> httpx.Response:
        try:
            raise socket.gaierror(errno, "lookup failed")
        except socket.gaierror as cause:
            raise httpx.ConnectError("lookup failed", request=request) from cause

    async with httpx.AsyncClient(transport=httpx.MockTransport(resolver_fails)) as client:
        with pytest.raises(FetchError) as raised:
            await fetch(client, "http://berita.invalid/feed.xml", max_bytes=100)
    error = raised.value
    assert (error.kind, error.message, error.temporary) == (FailureKind.DNS, message, temporary)
    assert error.network


def test_retry_after_accepts_seconds_and_http_dates():
    now = datetime(2025, 11, 3, 8, 0, tzinfo=timezone.utc)
    assert parse_retry_after("90", now) == 90
    assert parse_retry_after("Mon, 03 Nov 2025 08:05:00 GMT", now) == 300
    assert parse_retry_after("Mon, 03 Nov 2025 07:00:00 GMT", now) == 0
    assert parse_retry_after("soon", now) is None
    assert parse_retry_after(None, now) is None


class _RawServer:
    """One-shot TCP server on 127.0.0.1 that answers every connection with `reply`, then hangs up."""

    def __init__(self, reply: bytes) -> None:
        self.reply = reply
        self.server: asyncio.Server | None = None

    async def __aenter__(self) -> int:
        async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            await reader.read(4096)
            writer.write(self.reply)
            await writer.drain()
            writer.close()

        self.server = await asyncio.start_server(answer, "127.0.0.1", 0)
        return self.server.sockets[0].getsockname()[1]

    async def __aexit__(self, *_exc) -> None:
        self.server.close()
        await self.server.wait_closed()


async def test_a_server_hanging_up_mid_body_is_worded_as_such():
    half = b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 5000\r\n\r\n" + FEED
    async with _RawServer(half) as port:
        error = await failure(f"http://127.0.0.1:{port}/feed.xml")
    assert error.kind == FailureKind.NETWORK and error.message.startswith("127.0.0.1 broke off the response")


async def test_a_failed_tls_handshake_is_named():
    async with _RawServer(b"HTTP/1.1 400 Bad Request\r\n\r\nnot tls") as port:
        error = await failure(f"https://127.0.0.1:{port}/feed.xml")
    assert error.kind == FailureKind.TLS and error.message.startswith("TLS handshake with 127.0.0.1 failed")
