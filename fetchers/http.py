"""HTTP for the poller: one shared client, conditional GET, hard limits, and failures worded for people.

Every request has a connect timeout and a total deadline, follows at most five redirects,
and reads the decompressed body under a size cap so a runaway response is cut off while
streaming instead of after it filled memory. Decompression is Pantau's own (`_Inflater`):
httpx inflates each network chunk whole, and a 64 KB chunk of a gzip bomb is 64 MiB.

The client is httpx (redirects, headers, errors) over aiohttp's connection pool and C parser
(httpx-aiohttp's transport, by an httpx maintainer): httpx's own pool spent 1.3–1.9 ms CPU per page on
this 2-core machine, this 0.25–0.3 ms, and CPU is what bounds a cold poll of a thousand feeds.
"""

import asyncio
import email.utils
import socket
import ssl
import urllib.request
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cache
from http import HTTPStatus
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urlsplit

import aiohttp
import brotli
import httpx
from httpx_aiohttp import AiohttpTransport

from fetchers.errors import FailureKind, FetchError

PROJECT_URL = "https://github.com/pantau-desk/pantau"
MiB = 1024 * 1024
CONNECT_TIMEOUT_S = 10.0
DEADLINE_S = 30.0
MAX_REDIRECTS = 5
FEED_MAX_BYTES = 5 * MiB
PAGE_MAX_BYTES = 10 * MiB
ERROR_BODY_PEEK_BYTES = 64 * 1024


def _pantau_version() -> str:
    try:
        return version("pantau")
    except PackageNotFoundError:
        return "0"


USER_AGENT = f"Pantau/{_pantau_version()} (+{PROJECT_URL})"


@dataclass(frozen=True)
class FetchLimits:
    """The limits every request obeys; tests and the bench shrink them."""

    connect_timeout_s: float = CONNECT_TIMEOUT_S
    deadline_s: float = DEADLINE_S
    feed_max_bytes: int = FEED_MAX_BYTES
    page_max_bytes: int = PAGE_MAX_BYTES


@dataclass(frozen=True)
class Validators:
    """What the server said last time, sent back so an unchanged feed costs a 304."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


@dataclass(frozen=True)
class Fetched:
    """A successful answer: a 2xx with a body, or a 304 without one."""

    url: str
    status: int
    headers: httpx.Headers
    body: bytes
    redirects: tuple[tuple[int, str], ...] = ()

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def moved_permanently_to(self) -> str | None:
        """The final address when every redirect hop was permanent (301/308), else None.

        One temporary hop (302/303/307) anywhere in the chain means the old address stays right.
        """
        if not self.redirects or any(status not in (301, 308) for status, _ in self.redirects):
            return None
        return self.url

    @property
    def validators(self) -> Validators:
        return Validators(self.headers.get("etag"), self.headers.get("last-modified"))

    @property
    def media_type(self) -> str:
        """The Content-Type without its parameters, lower-cased ("" when absent)."""
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


class _BodilessTransport(AiohttpTransport):
    """httpx-aiohttp's transport for GETs only. httpx builds a redirect's next request around an unread
    empty stream, which the transport would send as a chunked body ("0") the server cannot parse:
    reading it first makes it the empty body it is."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        return await super().handle_async_request(request)


@cache
def _tls_context() -> ssl.SSLContext:
    """httpx's default TLS context, made once: loading the CA bundle takes a good part of a warm poll."""
    return httpx.create_ssl_context()


def make_client(
    limits: FetchLimits = FetchLimits(), *, user_agent: str = USER_AGENT, max_connections: int = 100
) -> httpx.AsyncClient:
    """The client the poller shares across feeds: Pantau's User-Agent, timeouts and redirect limit."""

    def session() -> aiohttp.ClientSession:
        """Made on first use, inside the running event loop, as aiohttp requires. The environment's proxy
        settings are honoured when there are any: aiohttp looks them (and ~/.netrc) up again on every
        request, in a thread, so a machine without a proxy skips that."""
        connector = aiohttp.TCPConnector(limit=max_connections, ssl=_tls_context())
        return aiohttp.ClientSession(connector=connector, trust_env=bool(urllib.request.getproxies()))

    return httpx.AsyncClient(
        transport=_BodilessTransport(client=session),
        headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate, br"},
        timeout=httpx.Timeout(limits.deadline_s, connect=limits.connect_timeout_s, pool=None),
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
    )


def check_url(url: str) -> None:
    """Refuse anything but absolute http(s) addresses before any socket is opened."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(FailureKind.BAD_URL, f"not an http(s) address: {url!r}")


async def fetch(
    client: httpx.AsyncClient,
    url: str,
    *,
    max_bytes: int,
    validators: Validators | None = None,
    limits: FetchLimits = FetchLimits(),
    headers: dict[str, str] | None = None,
) -> Fetched:
    """GET `url` within the deadline and size cap; raise FetchError for anything but 2xx/304."""
    check_url(url)
    request_headers = {**(validators.headers() if validators else {}), **(headers or {})}
    host = urlsplit(url).hostname or url
    try:
        async with asyncio.timeout(limits.deadline_s):
            async with client.stream("GET", url, headers=request_headers) as response:
                return await _read(response, max_bytes)
    except TimeoutError as error:
        raise FetchError(FailureKind.TIMEOUT, f"timed out after {limits.deadline_s:g} s") from error
    except httpx.TooManyRedirects as error:
        raise FetchError(FailureKind.REDIRECTS, f"more than {MAX_REDIRECTS} redirects (a redirect loop?)") from error
    except httpx.UnsupportedProtocol as error:
        raise FetchError(FailureKind.BAD_URL, f"redirected to an address that is not http(s): {error}") from error
    except httpx.HTTPError as error:
        raise _transport_failure(error, host, limits) from error


def _transport_failure(error: httpx.HTTPError, host: str, limits: FetchLimits) -> FetchError:
    """Word a failure of the connection by what aiohttp raised underneath. The transport's own
    httpx classes are not to be trusted here: it files a refused connection and a server hanging
    up mid-body as connect timeouts."""
    causes = list(_causes(error))
    if any(isinstance(cause, aiohttp.ConnectionTimeoutError) for cause in causes):
        return FetchError(FailureKind.TIMEOUT, f"connection to {host} timed out after {limits.connect_timeout_s:g} s")
    if any(isinstance(cause, TimeoutError) for cause in causes):
        return FetchError(FailureKind.TIMEOUT, f"timed out after {limits.deadline_s:g} s")
    return _network_failure(error, host)


async def _read(response: httpx.Response, max_bytes: int) -> Fetched:
    if response.status_code == 304:
        await _read_capped(response, ERROR_BODY_PEEK_BYTES, truncate=True)  # ends the message: keeps the connection
        return _fetched(response, b"")
    if not 200 <= response.status_code < 300:
        peek = await _read_capped(response, ERROR_BODY_PEEK_BYTES, truncate=True)
        raise _status_failure(response, peek)
    declared = response.headers.get("content-length", "")
    if not response.headers.get("content-encoding") and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(FailureKind.TOO_LARGE, f"body larger than {_size(max_bytes)}")
    body = await _read_capped(response, max_bytes)
    if not body.strip():
        raise FetchError(FailureKind.EMPTY, "empty body")
    return _fetched(response, body)


async def _read_capped(response: httpx.Response, max_bytes: int, truncate: bool = False) -> bytes:
    """Read the decompressed body, stopping as soon as it passes `max_bytes`."""
    inflater = _Inflater(response.headers.get("content-encoding", ""))
    chunks, size = [], 0
    async for raw in response.aiter_raw():
        chunk = inflater.inflate(raw, max_bytes - size + 1)
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            if truncate:
                break
            raise FetchError(FailureKind.TOO_LARGE, f"body larger than {_size(max_bytes)}")
    return b"".join(chunks)[: max_bytes if truncate else None]


class _Inflater:
    """Undo a Content-Encoding chunk by chunk, never making more than the caller still accepts."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding.strip().lower()
        if self.encoding in ("gzip", "x-gzip"):
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS | 16)
        elif self.encoding == "deflate":
            self._zlib = zlib.decompressobj()
        elif self.encoding == "br":
            self._brotli = brotli.Decompressor()
        elif self.encoding not in ("", "identity"):
            raise FetchError(FailureKind.CORRUPT, f"the server used an unknown content encoding {encoding!r}")
        self._started = False

    def inflate(self, data: bytes, limit: int) -> bytes:
        """At most `limit` bytes of output for `data`; reaching `limit` means the caller stops reading."""
        try:
            if self.encoding in ("gzip", "x-gzip", "deflate"):
                return self._inflate_zlib(data, limit)
            if self.encoding == "br":
                return self._brotli.process(data, output_buffer_limit=limit)[:limit]
        except (zlib.error, brotli.error) as error:
            raise FetchError(FailureKind.CORRUPT, f"the {self.encoding} body is corrupt: {error}") from error
        return data

    def _inflate_zlib(self, data: bytes, limit: int) -> bytes:
        try:
            output = self._zlib.decompress(data, limit)
        except zlib.error:
            if self.encoding != "deflate" or self._started:
                raise
            self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate, as some servers send it
            output = self._zlib.decompress(data, limit)
        self._started = True
        return output


def _fetched(response: httpx.Response, body: bytes) -> Fetched:
    hops = tuple((hop.status_code, str(hop.headers.get("location", ""))) for hop in response.history)
    return Fetched(
        url=str(response.url), status=response.status_code, headers=response.headers, body=body, redirects=hops
    )


def _status_failure(response: httpx.Response, peek: bytes) -> FetchError:
    status = response.status_code
    retry_after = parse_retry_after(response.headers.get("retry-after"))
    if status in (403, 429, 503) and _is_bot_challenge(response, peek):
        return FetchError(
            FailureKind.BOT_CHALLENGE,
            f"blocked by a bot challenge page (HTTP {status}); the site wants a browser",
            status=status,
            retry_after_s=retry_after,
        )
    return FetchError(FailureKind.HTTP, f"HTTP {status} {_phrase(response)}".rstrip(), status, retry_after)


def _phrase(response: httpx.Response) -> str:
    try:
        return HTTPStatus(response.status_code).phrase
    except ValueError:
        return response.reason_phrase


def _is_bot_challenge(response: httpx.Response, peek: bytes) -> bool:
    if response.headers.get("cf-mitigated", "").lower() == "challenge":
        return True
    text = peek[:ERROR_BODY_PEEK_BYTES].lower()
    return b"cf-chl" in text or b"challenge-platform" in text or b"<title>just a moment" in text


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait, from a Retry-After of either delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


def _network_failure(error: httpx.HTTPError, host: str) -> FetchError:
    """Word a transport error by its root cause: DNS, refused connection, TLS, or other."""
    causes = list(_causes(error))
    for cause in causes:
        if isinstance(cause, socket.gaierror):
            temporary = cause.errno == socket.EAI_AGAIN
            detail = " (temporary failure, will retry)" if temporary else ""
            return FetchError(FailureKind.DNS, f"DNS lookup failed for host {host}{detail}", temporary=temporary)
        if isinstance(cause, ssl.SSLError):
            return FetchError(FailureKind.TLS, f"TLS handshake with {host} failed: {_tls_reason(causes)}")
        if isinstance(cause, ConnectionRefusedError):
            return FetchError(FailureKind.CONNECT, f"connection refused by {host}")
    text = " ".join(str(cause) for cause in causes).lower()
    if "name or service not known" in text or "nodename nor servname" in text:
        return FetchError(FailureKind.DNS, f"DNS lookup failed for host {host}")
    if isinstance(error, httpx.ConnectError) or any(isinstance(cause, aiohttp.ClientConnectorError) for cause in causes):
        if "refused" in text or "all connection attempts failed" in text:
            return FetchError(FailureKind.CONNECT, f"connection refused by {host}")
        return FetchError(FailureKind.CONNECT, f"could not connect to {host}: {error}")
    if any(isinstance(cause, (aiohttp.ServerDisconnectedError, aiohttp.ClientPayloadError)) for cause in causes):
        return FetchError(FailureKind.NETWORK, f"{host} broke off the response: {error}")
    return FetchError(FailureKind.NETWORK, f"network error talking to {host}: {error}")


def _tls_reason(causes: list[BaseException]) -> str:
    """OpenSSL's own short reason when one is there (aiohttp's wrapper has none), else the error's text."""
    reasons = [getattr(cause, "reason", None) for cause in causes if isinstance(cause, ssl.SSLError)]
    return next((reason for reason in reasons if reason), None) or next(
        str(cause) for cause in causes if isinstance(cause, ssl.SSLError))


def _causes(error: BaseException):
    seen: set[int] = set()
    pending = [error]
    while pending:
        current = pending.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        pending.extend([current.__cause__, current.__context__])
        pending.extend(getattr(current, "exceptions", ()))


def _size(limit: int) -> str:
    if limit >= MiB and limit % MiB == 0:
        return f"{limit // MiB} MiB"
    if limit >= 1024 and limit % 1024 == 0:
        return f"{limit // 1024} KiB"
    return f"{limit} bytes"
