"""Desk benchmark: the app itself (headless) on 100,000 synthetic articles, or on several sizes side by side.

    .venv/bin/python bench/desk.py [--articles N[,N...]] [--db PATH] [--presses N] [--backend sqlite|postgres]

The desk is bench/search.py's (two years, 50 kabupaten/kota, 250–600-word texts, a third of the
articles tagged with a place and an engagement), plus actors named in the tagged articles; it is
built once per size and cached in the temporary directory (1,000,000 articles: ~6 minutes and 5 GB the
first time, reused by every later run). `--articles 100000,1000000` measures both sizes in one run and
ends with their figures side by side. `--backend postgres` measures the same desk on PostgreSQL: copied
once per size from the SQLite one into a database kept on the server (bench/_pg_desk.py; 1,000,000 articles:
minutes the first time, reused after). Printed as figures, with the machine's load average, no asserts:

The app runs in a process of its own (bench/_desk_app.py, started as `pantau` starts the desk), so
start-up and memory are the desk's alone, not the builder's:

- first paint: from spawning that process (interpreter start and imports included), and from building
  the app, to the feed's first rows drawn;
- `j`: select the next article until the reader shows it, median and p95 over N presses;
- search: bench/search.py's keystroke cost (parse, first page, first count up to 1,000), as you type and per
  query, and each query's exact count apart (the desk shows "≥ 1,000" until it arrives);
- timeline: first counts after start, switching weeks → days → months → weeks until drawn, each grain's query alone;
- most-named actors (7 and 30 days) query alone;
- live: an article committed by another connection (as `pantau poll` does), until the feed shows it;
- peak memory (VmHWM) of the app's process: the app, its workers and SQLite (PostgreSQL's server apart).
"""

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._desk_app import percentiles  # noqa: E402
from bench._pg_desk import postgres_desk  # noqa: E402
from bench.search import GENERATION, PAGE, TYPED, build_desk, exact_count_figures, search_figures  # noqa: E402
from storage.actor_stats import top_actors  # noqa: E402
from storage.engine import make_engine  # noqa: E402
from storage.feed_order import PUBLISHED  # noqa: E402
from storage.search import SearchSource  # noqa: E402
from storage.search_parser import QuerySyntaxError, parse_query  # noqa: E402
from storage.timeline import GRAINS, engagement_timeline  # noqa: E402
from tui.app import settle_memory  # noqa: E402

ACTORS = 2_000
KINDS = ("police", "labour", "government", "company")
GOALS = {"first paint": 1500, "j p95": 50, "search p95": 50, "timeline": 500, "peak MiB": 400}


def progress(label: str, done: int, total: int, width: int = 40) -> None:
    filled = width * done // max(total, 1)
    sys.stderr.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done:,}/{total:,}")
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def while_building(label: str, work):
    """Run `work()` with a ticking line on stderr: the search bench's builder reports nothing itself."""
    done = threading.Event()

    def tick() -> None:
        started = time.perf_counter()
        while not done.wait(0.5):
            sys.stderr.write(f"\r{label}: {time.perf_counter() - started:5.0f} s")
            sys.stderr.flush()
        sys.stderr.write("\n")

    ticker = threading.Thread(target=tick, daemon=True)
    ticker.start()
    try:
        return work()
    finally:
        done.set()
        ticker.join()


def add_actors(path: Path, seed: int = 7) -> None:
    """Two to five actors named in every tagged article, from a pool of 2,000; skipped when already there."""
    import random

    with sqlite3.connect(path) as connection:
        if connection.execute("SELECT count(*) FROM actormention").fetchone()[0]:
            return
        rng = random.Random(seed)
        stamp = "2025-01-01 00:00:00"
        actors = [(n, KINDS[n % len(KINDS)], f"aktor bench {n}", f"Aktor Bench {n}", f"Organisasi {n % 97}", stamp)
                  for n in range(1, ACTORS + 1)]
        connection.executemany(
            "INSERT INTO actor (id, kind, key, name, organisation, created_at) VALUES (?,?,?,?,?,?)", actors)
        tagged = [row[0] for row in connection.execute("SELECT DISTINCT article_id FROM engagement")]
        # A few actors are named often, most rarely: the most-named list has a clear top.
        weights = [1 / n for n in range(1, ACTORS + 1)]
        batch: list[tuple] = []
        for index, article_id in enumerate(tagged, start=1):
            for actor_id in set(rng.choices(range(1, ACTORS + 1), weights=weights, k=rng.randint(2, 5))):
                batch.append((article_id, actor_id, "[]", "auto", stamp))
            if index % 2_000 == 0 or index == len(tagged):
                connection.executemany(
                    "INSERT INTO actormention (article_id, actor_id, spans, source, created_at) VALUES (?,?,?,?,?)",
                    batch)
                batch.clear()
                progress("actors", index, len(tagged))


def first_page_ms(engine, text: str) -> float:
    """Milliseconds from a keystroke to the rows the list shows: parse and the first page. The desk shows them
    then, and counts after (search_figures times both together)."""
    started = time.perf_counter()
    try:
        SearchSource(engine, parse_query(text)).page(PAGE, order=PUBLISHED)
    except QuerySyntaxError:
        pass
    return (time.perf_counter() - started) * 1000


def results_shown(engine, rounds: int = 20) -> dict[str, tuple[float, float]]:
    typing = [first_page_ms(engine, query[:end]) for query in TYPED for end in range(1, len(query) + 1)]
    figures = {"as you type (every prefix of every query)": percentiles(typing)}
    for query in TYPED:
        figures[query] = percentiles([first_page_ms(engine, query) for _ in range(rounds)])
    return figures


def timed_ms(call) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def sizes(text: str) -> list[int]:
    """`--articles 100000,1000000`: one desk per size, figures side by side."""
    try:
        counts = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected article counts separated by commas, got {text!r}") from None
    if not counts or min(counts) < 1:
        raise argparse.ArgumentTypeError(f"expected article counts separated by commas, got {text!r}")
    return counts


def desk_path(articles: int, given: Path | None) -> Path:
    """The cached desk of `articles` (built once, reused by every later run at that size), or `--db`."""
    return given or Path(tempfile.gettempdir()) / f"pantau-bench-search-{GENERATION}-{articles}.db"


def measure(path: Path, articles: int, presses: int, backend: str = "sqlite") -> dict[str, float]:
    """Build or reuse the desk at `path` (and its PostgreSQL copy for `backend` postgres), print its figures, and
    return the summary the side-by-side table shows."""
    url = f"sqlite:///{path}"
    started = time.perf_counter()
    cached = path.exists()
    while_building(f"desk of {articles:,} articles at {path}", lambda: build_desk(path, articles))
    add_actors(path)
    print(f"desk of {articles:,} articles {'reused' if cached else 'built'} in {time.perf_counter() - started:.1f} s"
          f" ({path}, {path.stat().st_size / 2**20:.0f} MiB); {load()}")
    if backend == "postgres":
        started = time.perf_counter()
        url = postgres_desk(path, articles, GENERATION)
        print(f"PostgreSQL desk ready in {time.perf_counter() - started:.1f} s ({url}); {load()}")
    with sqlite3.connect(path) as connection:
        newest = connection.execute("SELECT max(published_at) FROM article").fetchone()[0]
    newest_moment = datetime.fromisoformat(newest).replace(tzinfo=timezone.utc)

    engine = make_engine(url)
    settle_memory()
    query_figures = {f"timeline: counts per {grain} query": timed_ms(lambda grain=grain: engagement_timeline(engine, grain))
                     for grain in GRAINS}
    for days in (7, 30):
        since = newest_moment - timedelta(days=days)
        query_figures[f"most named, {days} days"] = timed_ms(lambda since=since: top_actors(engine, since))
    shown = results_shown(engine)
    searches = search_figures(engine)
    exact_counts = exact_count_figures(engine)
    engine.dispose()

    app_script = Path(__file__).with_name("_desk_app.py")
    child = subprocess.run(
        [sys.executable, str(app_script), str(time.time()), newest_moment.isoformat(), url, str(presses)],
        capture_output=True, text=True, check=True,
    )
    app_figures = json.loads(child.stdout.strip().splitlines()[-1])
    j_median, j_p95 = app_figures["j"]
    search_p95 = max(p95 for _median, p95 in shown.values())
    counted_p95 = max(p95 for _median, p95 in searches.values())
    timeline_after_feed = (app_figures["timeline ready from building the app"]
                           - app_figures["first paint from building the app"])
    timeline_ms = max(*app_figures["timeline switch"].values(), timeline_after_feed)
    peak = app_figures["peak MiB"]

    print(f"first paint from process start     {app_figures['first paint from process start']:8.0f} ms"
          f"   (goal < {GOALS['first paint']} ms; interpreter start {app_figures['interpreter start']:.0f} ms,"
          f" with the imports `pantau` makes {app_figures['interpreter start and imports']:.0f} ms)")
    print(f"first paint from building the app  {app_figures['first paint from building the app']:8.0f} ms"
          f"   (of which building it {app_figures['building the app (engine, extraction processes)']:.0f} ms)")
    print(f"timeline drawn from building the app {app_figures['timeline ready from building the app']:6.0f} ms"
          f"   ({timeline_after_feed:.0f} ms after the feed; counted alongside its first page)")
    print(f"j (next article, reader updated)   median {j_median:6.1f} ms   p95 {j_p95:6.1f} ms"
          f"   (goal p95 < {GOALS['j p95']} ms, {presses} presses)")
    for label, (median, p95) in shown.items():
        print(f"search, rows shown: {label:42s} median {median:6.1f} ms   p95 {p95:6.1f} ms")
    for label, (median, p95) in searches.items():
        print(f"search, rows and count: {label:38s} median {median:6.1f} ms   p95 {p95:6.1f} ms")
    for label, (median, p95) in exact_counts.items():
        print(f"search, exact count after \"≥ 1,000\": {label:27s} median {median:6.1f} ms   p95 {p95:6.1f} ms")
    print(f"search worst p95 {search_p95:.1f} ms until the rows show (goal < {GOALS['search p95']} ms), "
          f"{counted_p95:.1f} ms until the first count shows too, "
          f"{max(p95 for _median, p95 in exact_counts.values()):.1f} ms for the slowest exact count")
    shape = app_figures["timeline shape"]
    for grain, elapsed in app_figures["timeline switch"].items():
        print(f"timeline switch to {grain:6s} (count + draw) {elapsed:8.1f} ms")
    print(f"timeline worst {timeline_ms:.0f} ms, first drawing included (goal < {GOALS['timeline']} ms); "
          f"{shape[0]} kabupaten/kota × {shape[1]} weeks")
    for label, elapsed in query_figures.items():
        print(f"{label:35s} {elapsed:8.1f} ms")
    print(f"live: an article committed by another connection shown after {app_figures['live arrival']:.0f} ms"
          " (goal < 2000 ms)")
    print(f"peak memory of the desk's process {peak:.0f} MiB (goal < {GOALS['peak MiB']} MiB); {load()}")
    return {
        "first paint from process start (ms)": app_figures["first paint from process start"],
        "j p95 (ms)": j_p95,
        "search until rows show, worst p95 (ms)": search_p95,
        "search with the first count, worst p95 (ms)": counted_p95,
        "exact count, worst p95 (ms)": max(p95 for _median, p95 in exact_counts.values()),
        "timeline first drawing or switch, worst (ms)": timeline_ms,
        "timeline counts per day (query, ms)": query_figures["timeline: counts per day query"],
        "peak memory (MiB)": peak,
    }


def load() -> str:
    """The machine's load average, printed beside the figures: on a shared machine they mean little without it."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} CPUs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=sizes, default=[100_000],
                        help="article count, or counts separated by commas (100000,1000000): one desk each, cached")
    parser.add_argument("--presses", type=int, default=200)
    parser.add_argument("--db", type=Path, default=None, help="the desk's file (one size only)")
    parser.add_argument("--backend", choices=("sqlite", "postgres"), default="sqlite",
                        help="postgres: the same desk copied into the PostgreSQL server PANTAU_BENCH_PG (cached there)")
    options = parser.parse_args()
    if options.db is not None and len(options.articles) > 1:
        parser.error("--db names one desk: give one size with it")
    summaries = {}
    for articles in options.articles:
        print(f"== {articles:,} articles on {options.backend}")
        summaries[articles] = measure(desk_path(articles, options.db), articles, options.presses, options.backend)
    if len(summaries) > 1:
        print("\n" + f"{'figure':48s}" + "".join(f"{articles:>14,}" for articles in summaries))
        for label in next(iter(summaries.values())):
            print(f"{label:48s}" + "".join(f"{figures[label]:14.0f}" for figures in summaries.values()))


if __name__ == "__main__":
    main()
