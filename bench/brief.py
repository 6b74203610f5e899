"""Brief benchmark: a brief of a full year of the 100,000-article bench desk, as `pantau brief` writes it.

    python bench/brief.py [--articles N] [--db PATH] [--runs N]

The desk is bench/search.py's (two years from 2024-01-01, 50 kabupaten/kota, a third of the articles
with an engagement), built once and cached in the temporary directory. The brief covers 2025 (about
16,000 engagements) and compares it with 2024. Printed, no asserts:

- the command end to end: `pantau brief --since 2025-01-01 --until 2025-12-31 -o FILE` in a process
  of its own (interpreter start, imports, matplotlib, the queries, the charts, the file), per run, on
  the clock and in CPU time (the steadier figure when other work shares the cores);
- each step in this process: the export's query and the year before's tally, the charts, the whole
  page, writing it; and the file's size.
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.search import GENERATION, build_desk  # noqa: E402
from brief.charts import places_svg, timeline_svg  # noqa: E402
from brief.content import build_brief  # noqa: E402
from brief.files import write_whole  # noqa: E402
from brief.html import render_html  # noqa: E402
from brief.period import between  # noqa: E402
from storage.engine import make_engine  # noqa: E402

YEAR = between(date(2025, 1, 1), date(2025, 12, 31), date(2025, 12, 31))
GOAL_S = 5.0
PANTAU = Path(sys.executable).with_name("pantau")


def timed(call):
    started = time.perf_counter()
    result = call()
    return result, time.perf_counter() - started


def command_seconds(path: Path, out: Path) -> tuple[float, float]:
    """`pantau brief` for the year: (seconds from spawning the process to its exit, CPU seconds it used).

    The CPU time is the steadier figure on a shared machine, where waiting for a core adds to the clock.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    _result, seconds = timed(lambda: subprocess.run(
        [str(PANTAU), "--db", str(path), "brief", "--since", YEAR.first.isoformat(), "--until", YEAR.last.isoformat(),
         "-o", str(out)], check=True, capture_output=True))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return seconds, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    path = options.db or Path(tempfile.gettempdir()) / f"pantau-bench-search-{GENERATION}-{options.articles}.db"
    _engine, built = timed(lambda: build_desk(path, options.articles))
    print(f"desk of {options.articles:,} articles ready in {built:.1f} s ({path})")

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "brief.html"
        runs = [command_seconds(path, out) for _ in range(options.runs)]
        size = out.stat().st_size
    clock, cpu = [run[0] for run in runs], [run[1] for run in runs]
    print(f"pantau brief, 2025 (end to end)   median {statistics.median(clock):5.2f} s, runs "
          f"{', '.join(f'{run:.2f}' for run in clock)} s   (goal < {GOAL_S:.0f} s); the page {size / 2**20:.1f} MiB")
    print(f"  CPU of the command              median {statistics.median(cpu):5.2f} s, runs "
          f"{', '.join(f'{run:.2f}' for run in cpu)} s; machine load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

    engine = make_engine(f"sqlite:///{path}")
    brief, reading = timed(lambda: build_brief(engine, YEAR))
    _svg, first_chart = timed(lambda: timeline_svg(brief))  # pays matplotlib's import
    _svg, charts = timed(lambda: (timeline_svg(brief), places_svg(brief)))
    page, laying_out = timed(lambda: render_html(brief))
    with tempfile.TemporaryDirectory() as folder:
        _none, writing = timed(lambda: write_whole(page, Path(folder) / "brief.html"))
    print(f"  engagements {brief.total.total:,} in the year, {brief.total.previous:,} the year before;"
          f" {len(brief.entries):,} entries, {len(brief.by_place)} kabupaten/kota")
    print(f"  reading (the export's query, the year before's tally, stories) {reading:5.2f} s")
    print(f"  first chart, with matplotlib's import                          {first_chart:5.2f} s")
    print(f"  both charts                                                    {charts:5.2f} s")
    print(f"  the whole page (charts, tables, list)                          {laying_out:5.2f} s")
    print(f"  writing it                                                     {writing:5.2f} s")


if __name__ == "__main__":
    main()
