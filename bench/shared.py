"""Shared-desk benchmark: one poller and 8 analysts on one database, on PostgreSQL and on SQLite.

    .venv/bin/python bench/shared.py [--seconds 15] [--analysts 8] [--backend both|sqlite|postgres]

Every analyst is a process of its own, as on a machine of its own: it tags articles as fast as it
can through the functions the app's tagging keys call (storage.manual_tags: free tag, engagement
type, kabupaten/kota, actor, in turn), while a thread watches the database with the app's own
storage.notify.ChangeWatcher. The poller is the real pipeline (fetchers.pipeline.run_cycle: fetch,
extract, store, tag) polling the demo sites (demo.server), which publish the demo corpus a
few articles at a time over the run. PostgreSQL runs on a database of its own on the local server
(PANTAU_BENCH_PG, default postgresql://postgres@127.0.0.1:5432/postgres), created and dropped here;
SQLite on a temporary file. Printed as figures, no asserts:

- tags per second sustained, in total and per analyst;
- from a write committing (an analyst's tag, the poller's article) to another analyst's watcher
  returning it, median and p95, over every (write, other analyst) pair. On PostgreSQL a write is
  matched to the first notice of its table and article after the write began (the notice can
  arrive before a busy writer has noted its commit: that counts as 0 ms); on SQLite, which only
  says that something changed, to the first wake after the write returned. Writes no notice
  announces (a table without a NOTIFY trigger, an edit that changed no row) are counted apart;
- errors that reached an analyst ("database is locked", serialisation failures, ...), counted;
- read back: every change an analyst was told it made is in the audit log, every free tag on its article.

Times are time.monotonic(), one clock for every process on the machine.
"""

import argparse
import asyncio
import multiprocessing
import os
import queue
import random
import statistics
import sys
import tempfile
import threading
import time
import uuid
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import click  # noqa: E402
import psycopg  # noqa: E402
from sqlalchemy import Engine  # noqa: E402

from core.vocabulary import engagement_types  # noqa: E402
import fetchers.poller  # noqa: E402
from demo.server import DemoServer  # noqa: E402
from demo.sites import SITES, load_corpus  # noqa: E402
from fetchers.pipeline import run_cycle  # noqa: E402
from storage.articles import articles_after, newest_articles  # noqa: E402
from storage.engine import make_engine  # noqa: E402
from storage.feeds import add_feed, enabled_feeds  # noqa: E402
from storage.manual_tags import (  # noqa: E402
    PlaceChoice, TagChange, add_actor, add_tag, article_tagging, audit_log, set_kabupaten, set_type,
)
from storage.notify import ChangeWatcher  # noqa: E402

PG_SERVER = os.environ.get("PANTAU_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
WATCH_WAIT_S = 1.0
"""The app's wait (tui.app WATCH_INTERVAL_S): a watcher returns at once when something changes."""
GRACE_S = 2.0
"""Watchers keep watching this long after every writer has stopped, so the last writes can be seen."""
WRITER_LIMIT_S = 120.0
POLL_EVERY_S = 1.0
DEMO_INITIAL = 6
PLACES = (
    PlaceChoice("36.04", "Kabupaten Serang", "Banten"),
    PlaceChoice("36.03", "Kabupaten Tangerang", "Banten"),
    PlaceChoice("32.16", "Kabupaten Bekasi", "Jawa Barat"),
    PlaceChoice("32.15", "Kabupaten Karawang", "Jawa Barat"),
    PlaceChoice("32.75", "Kota Bekasi", "Jawa Barat"),
)
ACTOR_NAMES = ("KSPI", "Polres Serang", "SPSI Bekasi", "Polda Banten", "FSPMI Karawang", "Kapolsek Cikande")
OPS = ("tag", "type", "kabupaten", "actor")
"""In turn, a free tag first: every analyst that makes one change has added a tag to read back."""
OP_TABLES = {"type": {"engagement"}, "kabupaten": {"placetag", "engagement"}, "actor": {"actormention"},
             "tag": {"articletag"}}
"""The tables each change writes: on PostgreSQL its notice names one of them."""


@dataclass(frozen=True)
class Write:
    """One committed write: who made it, on which article, and when the call started and returned."""

    writer: str
    op: str
    article_id: int
    started: float
    ended: float
    audit_id: int | None = None
    tag: str | None = None


@dataclass
class Report:
    """What one process hands back to the main one."""

    name: str
    writes: list[Write] = field(default_factory=list)
    wakes: list[tuple[float, list[tuple[str, int | None]]]] = field(default_factory=list)
    errors: Counter = field(default_factory=Counter)
    tagging_s: float = 0.0


# Processes -------------------------------------------------------------------------------


def analyst(name: str, url: str, seconds: float, seed: int, start: "multiprocessing.synchronize.Barrier",
            done: "multiprocessing.sharedctypes.Synchronized", writing: "multiprocessing.sharedctypes.Synchronized",
            results: "multiprocessing.Queue") -> None:
    """Tag as fast as possible for `seconds` while a thread watches for others' changes."""
    engine = make_engine(url)
    report = Report(name)
    stop_watching = threading.Event()
    watcher = threading.Thread(target=_watch, args=(engine, report, stop_watching), daemon=True)
    watcher.start()
    rng = random.Random(seed)
    types = sorted(engagement_types())
    start.wait()
    started = time.monotonic()
    deadline = started + seconds
    articles: list[int] = []
    count = 0
    while time.monotonic() < deadline:
        if count % 20 == 0:
            articles = [row.id for row in newest_articles(engine, 500)]
        op, article_id = OPS[count % len(OPS)], rng.choice(articles)
        count += 1
        tag = f"{name} {count}"
        call = _change_call(op, engine, article_id, name, rng, types, tag)
        began = time.monotonic()
        try:
            change = call()
        except Exception as error:  # every failure is a figure here, not a crash
            report.errors[_error_kind(error)] += 1
            continue
        report.writes.append(Write(name, op, article_id, began, time.monotonic(), change.audit_id,
                                   tag if op == "tag" else None))
        with done.get_lock():
            done.value += 1
    report.tagging_s = time.monotonic() - started
    _stop_writing(writing)
    _until_nobody_writes(writing)
    stop_watching.set()
    watcher.join()
    engine.dispose()
    results.put(report)


def _stop_writing(writing: "multiprocessing.sharedctypes.Synchronized") -> None:
    with writing.get_lock():
        writing.value -= 1


def _until_nobody_writes(writing: "multiprocessing.sharedctypes.Synchronized") -> None:
    """Return GRACE_S after the last writer (an analyst's last call, the poller's last cycle) has ended.

    A writer that died never says so: after WRITER_LIMIT_S this stops waiting for it."""
    given_up = time.monotonic() + WRITER_LIMIT_S
    while writing.value > 0 and time.monotonic() < given_up:
        time.sleep(0.05)
    time.sleep(GRACE_S)


def _change_call(op: str, engine: Engine, article_id: int, user: str, rng: random.Random, types: list[str],
                 tag: str) -> Callable[[], TagChange]:
    if op == "type":
        return lambda: set_type(engine, article_id, rng.choice(types), user)
    if op == "kabupaten":
        return lambda: set_kabupaten(engine, article_id, rng.choice(PLACES), user)
    if op == "actor":
        return lambda: add_actor(engine, article_id, user, rng.choice(("police", "labour")), rng.choice(ACTOR_NAMES))
    return lambda: add_tag(engine, article_id, tag, user)


def _watch(engine: Engine, report: Report, stop: threading.Event) -> None:
    """The app's watching loop: wait, note when the watcher returned what."""
    with ChangeWatcher(engine) as watcher:
        while not stop.is_set():
            changes = watcher.wait(WATCH_WAIT_S)
            if changes:
                report.wakes.append((time.monotonic(), [(change.table, change.article_id) for change in changes]))


def _error_kind(error: Exception) -> str:
    text = str(error).lower()
    if "database is locked" in text:
        return "database is locked"
    if isinstance(getattr(error, "orig", None), psycopg.errors.SerializationFailure) or "could not serialize" in text:
        return "serialisation failure"
    if isinstance(getattr(error, "orig", None), psycopg.errors.DeadlockDetected):
        return "deadlock"
    detail = str(getattr(error, "orig", None) or error).strip().splitlines()[0][:80]
    return f"{type(error).__name__} ({detail})"


def poller(url: str, seconds: float, start: "multiprocessing.synchronize.Barrier",
           writing: "multiprocessing.sharedctypes.Synchronized", results: "multiprocessing.Queue") -> None:
    """The pipeline polling the demo sites every second; each article's commit time is noted."""
    engine = make_engine(url)
    report = Report("poller")
    pending = len(load_corpus()) - DEMO_INITIAL * len(SITES)
    with DemoServer(initial=DEMO_INITIAL, release_every_s=max(0.2, seconds * 0.8 / max(pending, 1))) as demo:
        for feed_url in demo.feed_urls:
            add_feed(engine, feed_url)
        asyncio.run(run_cycle(engine, enabled_feeds(engine)))
        _time_article_writes(engine, report)
        start.wait()
        deadline = time.monotonic() + seconds
        asyncio.run(_poll_until(engine, deadline))
    _stop_writing(writing)
    fetchers.poller.extract_pool().shutdown()
    engine.dispose()
    results.put(report)


async def _poll_until(engine: Engine, deadline: float) -> None:
    while time.monotonic() < deadline:
        await run_cycle(engine, enabled_feeds(engine))
        await asyncio.sleep(min(POLL_EVERY_S, max(0.0, deadline - time.monotonic())))


def _time_article_writes(engine: Engine, report: Report) -> None:
    """Note when each article the pipeline stores has committed: its store call, timed where the poller makes it."""
    store = fetchers.poller.add_articles
    newest = max((row.id for row in newest_articles(engine, 1)), default=0)

    def timed_store(engine: Engine, feed_id: int, articles: list) -> int:
        nonlocal newest
        began = time.monotonic()
        added = store(engine, feed_id, articles)
        ended = time.monotonic()
        for row in articles_after(engine, newest):
            report.writes.append(Write("poller", "article", row.id, began, ended))
            newest = max(newest, row.id)
        return added

    fetchers.poller.add_articles = timed_store


# One run ---------------------------------------------------------------------------------


@dataclass
class Run:
    backend: str
    url: str
    seconds: float
    analysts: list[Report]
    poller: Report


def run_desk(backend: str, url: str, seconds: float, analysts: int) -> Run:
    """Start the poller and the analysts on `url`, show progress, and gather what they report."""
    make_engine(url).dispose()  # the schema, once, before anyone else opens the database
    # Fresh interpreters: a fork would copy whatever the caller runs (under pytest, an earlier test's
    # extraction pool and its threads), half-done.
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(analysts + 2)
    done = context.Value("i", 0)
    writing = context.Value("i", analysts + 1)
    results = context.Queue()
    processes = [context.Process(target=poller, args=(url, seconds, start, writing, results), name="poller")]
    processes += [
        context.Process(target=analyst, args=(f"analyst{n}", url, seconds, n, start, done, writing, results),
                        name=f"analyst{n}")
        for n in range(1, analysts + 1)
    ]
    for process in processes:
        process.start()
    start.wait()
    began = time.monotonic()
    total = seconds + GRACE_S
    reports = []
    with click.progressbar(length=int(total * 10), label=f"{backend}: poller + {analysts} analysts", file=sys.stderr,
                           item_show_func=lambda _: f"{done.value} tags") as bar:
        while len(reports) < len(processes):
            try:
                reports.append(results.get(timeout=0.1))
            except queue.Empty:
                if not any(process.is_alive() for process in processes):
                    raise RuntimeError(f"{len(processes) - len(reports)} processes ended without a report") from None
            bar.update(min(int((time.monotonic() - began) * 10), bar.length) - bar.pos, current_item=True)
    for process in processes:
        process.join()
    poll = next(report for report in reports if report.name == "poller")
    return Run(backend, url, seconds, sorted((r for r in reports if r is not poll), key=lambda r: r.name), poll)


# Figures ---------------------------------------------------------------------------------


@dataclass
class Latencies:
    """Seconds from a write to another analyst's watcher returning it, and writes no watcher was told of."""

    seen: list[float] = field(default_factory=list)
    unseen: Counter = field(default_factory=Counter)


def latencies(run: Run) -> dict[str, Latencies]:
    """For tags and for articles: every (write, other analyst) pair, matched as the module docstring says."""
    postgres = run.backend == "postgres"
    found = {"tag": Latencies(), "article": Latencies()}
    writes = [w for report in run.analysts for w in report.writes] + run.poller.writes
    for observer in run.analysts:
        times = [moment for moment, _changes in observer.wakes]
        by_change: dict[tuple[str, int | None], list[float]] = defaultdict(list)
        for moment, changes in observer.wakes:
            for change in set(changes):
                by_change[change].append(moment)
        for write in writes:
            if write.writer == observer.name:
                continue
            kind = "article" if write.op == "article" else "tag"
            if postgres:
                tables = {"article"} if write.op == "article" else OP_TABLES[write.op]
                seen = [_first_after(by_change.get((table, write.article_id), []), write.started) for table in tables]
                moment = min((m for m in seen if m is not None), default=None)
            else:
                moment = _first_after(times, write.ended)
            if moment is None:
                found[kind].unseen[write.op] += 1
            else:
                found[kind].seen.append(max(0.0, moment - write.ended))
    return found


def _first_after(moments: list[float], after: float) -> float | None:
    index = bisect_left(moments, after)
    return moments[index] if index < len(moments) else None


def read_back(run: Run) -> tuple[int, int, int, int]:
    """(changes in the audit log, changes made, free tags on their articles, free tags added)."""
    engine = make_engine(run.url)
    writes = [w for report in run.analysts for w in report.writes]
    audited: set[int] = set()
    tags: dict[int, set[str]] = {}
    for article_id in {w.article_id for w in writes}:
        audited.update(entry.id for entry in audit_log(engine, article_id))
        tags[article_id] = set(article_tagging(engine, article_id).tags)
    engine.dispose()
    added = [w for w in writes if w.tag is not None]
    return (sum(w.audit_id in audited for w in writes), len(writes),
            sum(w.tag in tags[w.article_id] for w in added), len(added))


def _ms(values: list[float], fraction: float) -> str:
    if not values:
        return "-"
    ordered = sorted(values)
    return f"{ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] * 1000:.0f} ms"


def print_figures(run: Run) -> None:
    tag_counts = [len(report.writes) for report in run.analysts]
    seconds = statistics.mean(report.tagging_s for report in run.analysts)
    per = [count / report.tagging_s for count, report in zip(tag_counts, run.analysts)]
    errors = sum((report.errors for report in run.analysts), Counter())
    print(f"{run.backend}: {len(run.analysts)} analysts for {seconds:.0f} s, poller stored "
          f"{len(run.poller.writes)} articles")
    print(f"  tags/s sustained: {sum(tag_counts) / seconds:.0f} total ({sum(tag_counts)} tags), per analyst "
          f"median {statistics.median(per):.1f}, min {min(per):.1f}, max {max(per):.1f}")
    for kind, found in latencies(run).items():
        unseen = ", ".join(f"{op} {count}" for op, count in sorted(found.unseen.items()))
        print(f"  {kind} -> another analyst's watcher: median {_ms(found.seen, 0.5)}, p95 {_ms(found.seen, 0.95)} "
              f"over {len(found.seen)} pairs" + (f"; never told (no notice): {unseen}" if unseen else ""))
    print("  errors reaching analysts: " + (", ".join(f"{kind} {n}" for kind, n in errors.most_common()) or "none"))
    audited, made, on_article, added = read_back(run)
    print(f"  read back: {audited} of {made} changes in the audit log, {on_article} of {added} free tags on their articles")


# Databases -------------------------------------------------------------------------------


@contextmanager
def database(backend: str) -> Iterator[str | None]:
    """A URL for an empty database of `backend`, removed afterwards; None when PostgreSQL is unreachable."""
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as directory:
            yield f"sqlite:///{Path(directory) / 'shared.db'}"
        return
    try:
        psycopg.connect(PG_SERVER, autocommit=True, connect_timeout=3).close()
    except psycopg.OperationalError as error:
        print(f"postgres: skipped, no server at {PG_SERVER} ({str(error).strip()})")
        yield None
        return
    name = f"pantau_bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_SERVER, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield PG_SERVER.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(PG_SERVER, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main(argv: list[str] | None = None) -> list[Run]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=15, help="tagging time per backend (default 15)")
    parser.add_argument("--analysts", type=int, default=8, help="analyst processes (default 8)")
    parser.add_argument("--backend", choices=("both", "postgres", "sqlite"), default="both")
    options = parser.parse_args(argv)
    runs = []
    for backend in ("postgres", "sqlite") if options.backend == "both" else (options.backend,):
        with database(backend) as url:
            if url is None:
                continue
            run = run_desk(backend, url, options.seconds, options.analysts)
            print_figures(run)
            runs.append(run)
    return runs


if __name__ == "__main__":
    main()
