"""Poll benchmark: N local sources × 25 items with article pages, polled cold and warm.

    .venv/bin/python bench/poll.py --feeds 1000 [--listing-share 0.2]

A share of the sources (a fifth by default) are listing pages — a site's front page linking its 25
articles among tag, author, next-page and editorial links, as a site without a feed is watched — and the
rest RSS feeds; both answer 304 to their ETag.

A separate process serves the feeds and pages on 127.0.0.1 from one asyncio loop (feeds answer 304 to their ETag),
so the server does not share the poller's interpreter. Pages are the demo Blogger template around
paragraphs drawn from the demo corpus's words, different on every page, with the furniture a real
site's page carries (bench._furniture: skin CSS, scripts, sidebar, related posts; about 100 KB a
page); `--bare-pages` serves the 9 KB template alone, where extraction is cheapest and the
pipeline's fixed cost per article weighs most. The server renders every
feed and page into a temporary file before the polls start and then only sends bytes: a real
site's server does not run on the desk's CPU, and the pages "alone" reads are rendered before its
clock too. Printed as figures:
cold poll (fetch, parse, extract, store) time and articles/s, warm poll time (every feed 304),
peak memory, and trafilatura alone on the same pages through the same pool of processes (half of
them before the cold poll, half after).

"Alone" is `extract_article` on pages rendered and decoded before its clock starts, eight pages
per pool job. End to end also pays for what alone does not: the local server
sending every page on the same two cores, HTTP, feedparser, the feed-text clean-up and MinHash
sketch of each article, and the SQLite writes. The CPU the poller process and the server used
during the cold poll are printed too, so the ratio can be read against them.

One local host stands for N sites, so the per-host limit is raised to the global one; with real
sites the per-host limit (2) spreads over many hosts instead.
"""

import argparse
import asyncio
import ctypes
import gc
import multiprocessing
import os
import random
import resource
import socket
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from functools import cache, partial
from html import escape
from http import HTTPStatus
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import click  # noqa: E402

from bench._furniture import furnish  # noqa: E402
from demo.sites import load_corpus, render_blogger_page  # noqa: E402
from fetchers.extract import extract_article  # noqa: E402
from fetchers.poller import extract_pool, poll_feeds, warm_extract_pool  # noqa: E402
from storage.articles import article_count  # noqa: E402
from storage.engine import make_engine  # noqa: E402
from storage.feeds import add_feed, enabled_feeds  # noqa: E402

ITEMS_PER_FEED = 25
BASE_DATE = datetime(2025, 11, 3, 1, 0, tzinfo=timezone.utc)
CONCURRENCY = 20
ALONE_BATCH = 500
ALONE_CHUNK = 8


@cache
def _vocabulary() -> tuple[str, ...]:
    return tuple(word for article in load_corpus() for paragraph in article.paragraphs for word in paragraph.split())


def page_title(feed: int, item: int) -> str:
    return f"Buruh dan polisi bertemu di kawasan industri {feed}-{item}"


def article_path(feed: int, item: int) -> str:
    """An article's address on its site, shaped as regional sites shape them (a dated path and a slug)."""
    return f"/f/{feed}/2025/11/buruh-dan-polisi-bertemu-{feed}-{item}.html"


def is_listing(feed: int, share: float) -> bool:
    """Whether source `feed` is a listing page: `share` of the sources, spread evenly among them."""
    return int((feed + 1) * share) > int(feed * share)


def listing_html(feed: int, base_url: str) -> str:
    """A front page: the site's 25 articles (a picture link and a headline each), newest first, among the
    links that are no articles (tags, authors, categories, the next page, editorial pages)."""
    root = f"{base_url}/f/{feed}"
    cards = "".join(
        f'<article><a href="{base_url}{article_path(feed, item)}"><img src="{root}/img/{item}.jpg"></a>'
        f'<h2><a href="{base_url}{article_path(feed, item)}">{escape(page_title(feed, item))}</a></h2>'
        f'<a href="{root}/penulis/redaksi-{feed}">Redaksi</a> <a href="{root}/tag/buruh-{item}">buruh</a></article>'
        for item in range(ITEMS_PER_FEED, 0, -1)
    )
    furniture = "".join(f'<li><a href="{root}{path}">{path}</a></li>' for path in (
        "/kategori/hukum-dan-kriminal/", "/redaksi", "/pedoman-media-siber", "/kontak", "/?page=2", "/page/2/",
        "/search?q=buruh+polisi"))
    return (f"<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'><title>Situs uji {feed}</title></head>"
            f"<body><nav><ul>{furniture}</ul></nav><main>{cards}</main></body></html>")


def page_html(feed: int, item: int, base_url: str, bare: bool = False) -> str:
    """An article page of the demo Blogger template with a real site's furniture (bench._furniture),
    or without it when `bare`; its words are drawn per page, so no two match."""
    rng = random.Random(feed * 1000 + item)
    words = _vocabulary()
    paragraphs = [
        " ".join(rng.choice(words) for _ in range(rng.randint(35, 60))).capitalize() + "." for _ in range(8)
    ]
    page = render_blogger_page(
        page_title(feed, item), paragraphs, BASE_DATE + timedelta(hours=item), url=base_url + article_path(feed, item)
    )
    return page if bare else furnish(page, feed, base_url)


def feed_xml(feed: int, base_url: str) -> str:
    items = []
    for item in range(ITEMS_PER_FEED, 0, -1):
        link = base_url + article_path(feed, item)
        items.append(
            f"<item><title>{escape(page_title(feed, item))}</title><link>{link}</link>"
            f"<guid>{link}</guid><pubDate>{format_datetime(BASE_DATE + timedelta(hours=item))}</pubDate>"
            f"<description>Ringkasan berita {feed}-{item}.</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Situs uji {feed}</title><link>{base_url}/f/{feed}/</link><description>bench</description>"
        f"{''.join(items)}</channel></rss>"
    )


class Site:
    """Every feed document, listing page and article page of the bench, rendered once into a temporary file.

    Only an index of offsets stays in memory, so the server's peak memory stays that of a small
    process however many pages there are.
    """

    def __init__(self, feeds: int, base_url: str, directory: str, bare: bool, listing_share: float) -> None:
        self._where: dict[str, tuple[int, int]] = {}
        self._file = open(Path(directory) / "site.bin", "w+b")  # noqa: SIM115  (read for the server's life)
        for feed in range(feeds):
            if is_listing(feed, listing_share):
                self._add(f"/f/{feed}/", listing_html(feed, base_url).encode())
            else:
                self._add(f"/f/{feed}/feed.xml", feed_xml(feed, base_url).encode())
            for item in range(1, ITEMS_PER_FEED + 1):
                self._add(article_path(feed, item), page_html(feed, item, base_url, bare).encode())
        self._file.flush()

    def _add(self, path: str, body: bytes) -> None:
        self._where[path] = (self._file.tell(), len(body))
        self._file.write(body)

    def body(self, path: str) -> bytes | None:
        if path not in self._where:
            return None
        offset, length = self._where[path]
        return os.pread(self._file.fileno(), length, offset)


def answer(site: Site, path: str, headers: dict[str, str]) -> tuple[int, bytes, str | None, str | None]:
    """Status, body, content type and ETag for a GET of `path`; feeds and listing pages answer 304 to their ETag."""
    if path.endswith(("/feed.xml", "/")):
        etag = f'"{path.split("/")[-1] or "list"}-{path.split("/")[2]}"'
        if headers.get("if-none-match") == etag:
            return 304, b"", None, etag
        if (body := site.body(path)) is not None:
            return 200, body, "application/rss+xml" if path.endswith(".xml") else "text/html; charset=utf-8", etag
    elif (body := site.body(path)) is not None:
        return 200, body, "text/html; charset=utf-8", None
    return 404, b"not found", "text/plain", None


async def _connection(site: Site, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """HTTP/1.1 keep-alive on one asyncio loop: unlike a thread per connection, twenty busy
    connections do not queue on the GIL's switch interval."""
    try:
        while head := await reader.readuntil(b"\r\n\r\n"):
            request_line, *lines = head.decode("latin-1").split("\r\n")
            headers = {name.strip().lower(): value.strip() for name, _, value in (l.partition(":") for l in lines if l)}
            status, body, content_type, etag = answer(site, request_line.split(" ")[1], headers)
            response = [f"HTTP/1.1 {status} {HTTPStatus(status).phrase}", f"Content-Length: {len(body)}"]
            response += [f"Content-Type: {content_type}"] if content_type else []
            response += [f"ETag: {etag}"] if etag else []
            writer.write(("\r\n".join(response) + "\r\n\r\n").encode() + body)
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


def _serve(port_pipe, feeds: int, bare: bool, listing_share: float) -> None:
    async def serve(listening: socket.socket, site: Site) -> None:
        server = await asyncio.start_server(partial(_connection, site), sock=listening)
        port_pipe.send(listening.getsockname()[1])
        await server.serve_forever()

    listening = socket.create_server(("127.0.0.1", 0))
    with tempfile.TemporaryDirectory() as directory:
        site = Site(feeds, f"http://127.0.0.1:{listening.getsockname()[1]}", directory, bare, listing_share)
        asyncio.run(serve(listening, site))


def start_server(feeds: int, bare: bool = False, listing_share: float = 0.0) -> tuple[multiprocessing.Process, str]:
    """The bench's site in a process of its own, answering once every page is rendered."""
    receive, send = multiprocessing.get_context("fork").Pipe(duplex=False)
    process = multiprocessing.get_context("fork").Process(target=_serve, args=(send, feeds, bare, listing_share),
                                                          daemon=True)
    process.start()
    return process, f"http://127.0.0.1:{receive.recv()}"


def process_cpu_s(pid: int) -> float:
    """User + system CPU seconds a process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _descendants(pid: int) -> list[int]:
    children = [int(child) for task in Path(f"/proc/{pid}/task").iterdir() for child in (task / "children").read_text().split()]
    return children + [grandchild for child in children for grandchild in _descendants(child)]


def pool_cpu_s(server: int) -> dict[int, float]:
    """CPU seconds so far of each process this bench started but the server: the extraction pool's
    processes (and their idle forkserver). Read per process, so a process started later counts from 0."""
    return {pid: process_cpu_s(pid) for pid in _descendants(os.getpid()) if pid != server}


def cpu_since(before: dict[int, float], after: dict[int, float]) -> float:
    return sum(seconds - before.get(pid, 0.0) for pid, seconds in after.items())


async def timed_poll(engine, label: str) -> tuple[float, object]:
    feeds = enabled_feeds(engine)
    with click.progressbar(length=len(feeds), label=label, file=sys.stderr) as bar:

        def on_progress(done: int, total: int) -> None:
            bar.update(done - bar.pos)

        started = time.perf_counter()
        summary = await poll_feeds(
            engine, feeds, concurrency=CONCURRENCY, per_host=CONCURRENCY, on_progress=on_progress
        )
        return time.perf_counter() - started, summary


def trafilatura_alone(pages: list[tuple[int, int]], base_url: str, bare: bool) -> float:
    """Seconds for extract_article alone on `pages`, through the same pool of processes.

    Pages are rendered before the clock starts, a batch at a time so they never all sit in memory.
    """
    pool, elapsed = extract_pool(), 0.0
    with click.progressbar(length=len(pages), label="trafilatura alone", file=sys.stderr) as bar:
        for start in range(0, len(pages), ALONE_BATCH):
            batch = [
                (page_html(feed, item, base_url, bare), base_url + article_path(feed, item))
                for feed, item in pages[start : start + ALONE_BATCH]
            ]
            started = time.perf_counter()
            for _ in pool.map(_extract, batch, chunksize=ALONE_CHUNK):
                bar.update(1)
            elapsed += time.perf_counter() - started
    return elapsed


def timed_alone(pages: list[tuple[int, int]], base_url: str, bare: bool, server: int) -> tuple[float, float]:
    """Seconds and CPU seconds of the extraction processes for `trafilatura_alone`.

    Half the pages run before the cold poll and half after it, so a change in the machine's speed
    during the run (other virtual machines on its host) weighs on both sides of the comparison.
    """
    pool_cpu = pool_cpu_s(server)
    elapsed = trafilatura_alone(pages, base_url, bare)
    return elapsed, cpu_since(pool_cpu, pool_cpu_s(server))


def _extract(page: tuple[str, str]) -> int:
    return len(extract_article(*page).text)


def reset_peak_memory() -> None:
    """Start this process's peak memory (VmHWM) afresh, so the polls' peak leaves out the pages
    rendered for alone before them: hand the heap they left back to the system (glibc keeps it),
    then reset the high-water mark (Linux: 5 in /proc/self/clear_refs)."""
    gc.collect()
    ctypes.CDLL("libc.so.6").malloc_trim(0)
    Path("/proc/self/clear_refs").write_text("5")


def poll_peak_mib() -> float:
    status = Path("/proc/self/status").read_text()
    return int(status.split("VmHWM:")[1].split()[0]) / 1024


def peak_rss_mib(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=1000, help="number of sources (default 1000)")
    parser.add_argument("--listing-share", type=float, default=0.2,
                        help="share of the sources that are listing pages rather than feeds (default 0.2)")
    parser.add_argument(
        "--extract-sample", type=int, default=0,
        help="pages for trafilatura alone (default: every page the poll stored)",
    )
    parser.add_argument(
        "--bare-pages", action="store_true",
        help="serve the demo template alone (~9 KB) instead of pages with a real site's furniture (~100 KB)",
    )
    options = parser.parse_args()
    server, base_url = start_server(options.feeds, options.bare_pages, options.listing_share)
    warm_extract_pool()  # start every extraction process before timing
    listings = sum(is_listing(feed, options.listing_share) for feed in range(options.feeds))
    with tempfile.TemporaryDirectory() as directory:
        engine = make_engine(f"sqlite:///{Path(directory) / 'bench.db'}")
        for feed in range(options.feeds):
            if is_listing(feed, options.listing_share):
                add_feed(engine, f"{base_url}/f/{feed}/", kind="listing")
            else:
                add_feed(engine, f"{base_url}/f/{feed}/feed.xml")
        pages = [(feed, item) for feed in range(options.feeds) for item in range(1, ITEMS_PER_FEED + 1)]
        if options.extract_sample:
            pages = random.Random(7).sample(pages, min(options.extract_sample, len(pages)))
        before, after = pages[: len(pages) // 2], pages[len(pages) // 2 :]
        alone_s, alone_pool_cpu = timed_alone(before, base_url, options.bare_pages, server.pid)
        reset_peak_memory()
        server_cpu, poller_cpu, pool_cpu = process_cpu_s(server.pid), time.process_time(), pool_cpu_s(server.pid)
        cold_s, cold = asyncio.run(timed_poll(engine, "cold poll"))
        server_cpu, poller_cpu = process_cpu_s(server.pid) - server_cpu, time.process_time() - poller_cpu
        pool_cpu = cpu_since(pool_cpu, pool_cpu_s(server.pid))
        stored = article_count(engine)
        warm_s, warm = asyncio.run(timed_poll(engine, "warm poll"))
        poll_peak = poll_peak_mib()
        after_s, after_pool_cpu = timed_alone(after, base_url, options.bare_pages, server.pid)
        alone_s, alone_pool_cpu = alone_s + after_s, alone_pool_cpu + after_pool_cpu
        engine.dispose()
    extract_pool().shutdown()
    server.terminate()
    server.join()
    children_peak = peak_rss_mib(resource.RUSAGE_CHILDREN)
    cold_rate, alone_rate = stored / cold_s, len(pages) / alone_s
    page_kb = len(page_html(0, 1, base_url, options.bare_pages).encode()) / 1024
    page_kind = "the bare demo template" if options.bare_pages else "with a real site's furniture"
    print(f"sources: {options.feeds} x {ITEMS_PER_FEED} items ({listings} listing pages, {options.feeds - listings} "
          f"feeds), {stored} articles stored, {cold.failed} cold failures, {warm.not_modified} warm 304s; "
          f"pages of {page_kb:.0f} KB ({page_kind})")
    print(f"cold poll: {cold_s:.1f} s, {cold_rate:.1f} articles/s end to end (fetch, parse, extract, store)")
    print(f"warm poll (every feed and listing page 304): {warm_s:.2f} s")
    print(f"  CPU during the cold poll, per article: poller process {1000 * poller_cpu / stored:.1f} ms "
          f"(HTTP, pool hand-offs, SQLite), local server {1000 * server_cpu / stored:.1f} ms (sending pages rendered beforehand)")
    print(f"trafilatura alone, same pool: {len(pages)} pages in {alone_s:.1f} s, {alone_rate:.1f} pages/s "
          f"(end to end takes {alone_rate / cold_rate:.2f}x as long per article)")
    print("  alone = extract_article on pages rendered and decoded beforehand, 8 per pool job; no HTTP, "
          "feedparser, feed-text clean-up, MinHash or database")
    cold_cpu_ms = 1000 * (poller_cpu + server_cpu + pool_cpu) / stored
    alone_cpu_ms = 1000 * alone_pool_cpu / len(pages)
    print(f"  CPU of every process, per article: end to end {cold_cpu_ms:.2f} ms (extraction processes "
          f"{1000 * pool_cpu / stored:.2f}), alone {alone_cpu_ms:.2f} ms: {cold_cpu_ms / alone_cpu_ms:.2f}x; "
          "CPU time depends less than the clock on other work sharing the machine")
    print(f"peak memory: poller process {poll_peak:.0f} MiB during the polls, "
          f"largest child process (extraction worker or server) {children_peak:.0f} MiB")


if __name__ == "__main__":
    main()
