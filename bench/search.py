"""Search latency on 100,000 synthetic articles: what one keystroke in the search bar costs.

    python bench/search.py [--articles N] [--db PATH] [--rounds N] [--backend sqlite|postgres]

Each keystroke runs what the desk runs: parse the query, read the first page of rows, count the
matches up to 1,000 (the desk shows "≥ 1,000" first, then the exact count, timed apart). Typed queries are timed prefix by prefix, as a person types them (a selective term, a
common one, and filters), then each full query again `--rounds` times. Figures only, no asserts.
`--backend postgres` times the same desk on PostgreSQL (copied once per size into a database kept on the
server: bench/_pg_desk.py). `build_desk` and `search_figures` are what bench/desk.py calls.
"""

import os
import random
import sqlite3
import statistics
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import Engine  # noqa: E402

from bench._pg_desk import postgres_desk  # noqa: E402
from storage.engine import make_engine  # noqa: E402
from storage.feed_order import PUBLISHED  # noqa: E402
from storage.feeds import add_feed  # noqa: E402
from storage.search import SearchSource  # noqa: E402
from storage.search_parser import QuerySyntaxError, parse_query  # noqa: E402
from tui.app import settle_memory  # noqa: E402
from tui.search import FIRST_COUNT  # noqa: E402

PAGE = 200
GENERATION = "v2"
"""Part of the cached desk's file name: change it when the synthetic corpus changes."""
START = datetime(2024, 1, 1, tzinfo=timezone.utc)
WORDS = (
    "polisi serikat pekerja upah minimum pabrik demo unjuk rasa kapolres kapolsek aparat "
    "kantor bupati jalan raya aksi massa tuntutan perusahaan karyawan kontrak outsourcing mediasi "
    "disnaker audiensi pengamanan personel gabungan dialog kesepakatan pemogokan mogok kerja warga "
    "desa kecamatan kota provinsi lokasi pagi siang sore malam hari minggu bulan tahun "
    "menurut mengatakan menyampaikan bahwa dengan yang untuk dari pada dalam akan telah sudah juga "
    "tidak ada para sejumlah beberapa ratusan ribuan orang peserta koordinator lapangan ketua"
).split()
RARE = "bentrokan"
"""In one article of about 2,000: the selective term."""
COMMON = "buruh"
"""In about half the articles (three in ten titles, three in ten bodies): the common term."""
TYPES = ("clash", "dispersal", "arrest", "blockade", "protest", "strike", "mediation", "dialogue")
TYPED = (
    "bentrokan",
    "buruh",
    'buruh "unjuk rasa" -mogok',
    "kab:36.04 since:2025-06-01",
    "type:clash OR type:arrest",
    "buruh kab:32.15 is:unread",
)


def _text(rng: random.Random, words: int) -> str:
    body = [rng.choice(WORDS) for _ in range(words)]
    if rng.random() < 0.3:
        body[rng.randrange(words)] = COMMON
    if rng.random() < 0.0005:
        body[rng.randrange(words)] = RARE
    return " ".join(body)


def build_desk(path: Path, count: int, seed: int = 5) -> Engine:
    """A SQLite desk of `count` articles over two years and 50 kabupaten/kota, a third of them tagged.

    Rows go in with executemany on one connection (the storage API adds per article); the search
    index is filled by the schema's own triggers. Built once per path and count, then reused.
    """
    engine = make_engine(f"sqlite:///{path}")
    with sqlite3.connect(path) as connection:
        if connection.execute("SELECT count(*) FROM article").fetchone()[0] >= count:
            return engine
    feeds = [add_feed(engine, f"http://bench.test/{n}/feed", title=f"Warta Bench {n}").id for n in range(20)]
    rng = random.Random(seed)
    places = [(f"{32 + 4 * (n // 25)}.{n % 25 + 1:02d}", f"Kabupaten Bench {n}") for n in range(50)]
    span = timedelta(days=730)
    articles, place_rows, engagements = [], [], []
    for number in range(1, count + 1):
        published = START + span * (number / count)
        stamp = published.replace(tzinfo=None).isoformat(" ")
        articles.append((number, rng.choice(feeds), f"bench:{number}", f"http://bench.test/a/{number}",
                         _text(rng, 8), stamp, stamp, "", _text(rng, rng.randint(250, 600)), "extracted", "",
                         int(rng.random() < 0.6), int(rng.random() < 0.02), ""))
        if rng.random() < 0.33:
            code, name = rng.choice(places)
            province = "Jawa Barat" if code.startswith("32") else "Banten"
            place_rows.append((number, code, name, "kabupaten", province, 2, "auto", stamp))
            engagements.append((number, rng.choice(TYPES), "[]", published.date().isoformat(), code, name, province,
                                "[]", "[]", "[]", "", "auto", 0, stamp))
    with sqlite3.connect(path) as connection:
        connection.executemany(
            "INSERT INTO article (id, feed_id, guid, url, title, published_at, fetched_at, summary, body,"
            " extraction_status, content_hash, is_read, is_starred, signature)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", articles)
        connection.executemany(
            "INSERT INTO placetag (article_id, code, name, level, province, precision, source, created_at)"
            " VALUES (?,?,?,?,?,?,?,?)", place_rows)
        connection.executemany(
            "INSERT INTO engagement (article_id, type, secondary_types, event_date, kabupaten_code, kabupaten_kota,"
            " province, police_actors, labour_actors, other_actors, evidence, source, year_inferred, created_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", engagements)
    return engine


def keystroke(engine: Engine, text: str) -> float:
    """Milliseconds for what one keystroke costs the desk (tui.search): parse, the first page in the
    feed's default order (by publication), and the first count when the first page is full (up to FIRST_COUNT:
    "≥ 1,000" when there are more; the exact count follows, timed by `exact_count_ms`)."""
    started = time.perf_counter()
    try:
        source = SearchSource(engine, parse_query(text))
    except QuerySyntaxError:
        return (time.perf_counter() - started) * 1000
    if len(source.page(PAGE, order=PUBLISHED)) == PAGE:
        source.count_at_most(FIRST_COUNT)
    return (time.perf_counter() - started) * 1000


def exact_count_ms(engine: Engine, text: str) -> float:
    """Milliseconds for the exact count the desk shows after "≥ 1,000" (it does not hold the rows back)."""
    source = SearchSource(engine, parse_query(text))
    started = time.perf_counter()
    source.count()
    return (time.perf_counter() - started) * 1000


def _percentiles(timings: list[float]) -> tuple[float, float]:
    ordered = sorted(timings)
    return statistics.median(ordered), ordered[max(0, round(len(ordered) * 0.95) - 1)]


def search_figures(engine: Engine, rounds: int = 20) -> dict[str, tuple[float, float]]:
    """(median, p95) in milliseconds: as-you-type over all TYPED queries, and each full query alone.

    Measured with the cycle collector settled as the desk settles it once started (`tui.app.settle_memory`):
    the desk searches in a process whose start-up objects are frozen, and without that a full collection of
    this bench's own objects lands on every twentieth query or so (30-50 ms at 1,000,000 articles), which
    the desk never pays."""
    settle_memory()
    figures: dict[str, tuple[float, float]] = {}
    typing = [keystroke(engine, query[:end]) for query in TYPED for end in range(1, len(query) + 1)]
    figures["as you type (every prefix of every query)"] = _percentiles(typing)
    for query in TYPED:
        figures[query] = _percentiles([keystroke(engine, query) for _ in range(rounds)])
    return figures


def exact_count_figures(engine: Engine, rounds: int = 5) -> dict[str, tuple[float, float]]:
    """(median, p95) in milliseconds of each TYPED query's exact count."""
    return {query: _percentiles([exact_count_ms(engine, query) for _ in range(rounds)]) for query in TYPED}


def main() -> None:
    count = int(sys.argv[sys.argv.index("--articles") + 1]) if "--articles" in sys.argv else 100_000
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 20
    default = Path("/tmp") / f"pantau-bench-search-{GENERATION}-{count}.db"
    path = Path(sys.argv[sys.argv.index("--db") + 1]) if "--db" in sys.argv else default
    backend = sys.argv[sys.argv.index("--backend") + 1] if "--backend" in sys.argv else "sqlite"
    started = time.perf_counter()
    engine = build_desk(path, count)
    print(f"desk of {count:,} articles at {path} ready in {time.perf_counter() - started:.1f} s")
    if backend == "postgres":
        from bench.desk import add_actors  # the copy is the whole desk bench/desk.py measures, actors included

        engine.dispose()
        add_actors(path)
        started = time.perf_counter()
        url = postgres_desk(path, count, GENERATION)
        engine = make_engine(url)
        print(f"PostgreSQL desk ready in {time.perf_counter() - started:.1f} s ({url})")
    one, five, fifteen = os.getloadavg()
    print(f"load average {one:.2f} {five:.2f} {fifteen:.2f}")
    for query in TYPED:
        print(f"  {query!r}: {SearchSource(engine, parse_query(query)).count():,} matches")
    for label, (median, p95) in search_figures(engine, rounds).items():
        print(f"{label:45s} median {median:6.1f} ms   p95 {p95:6.1f} ms")
    for label, (median, p95) in exact_count_figures(engine).items():
        print(f"exact count, {label:32s} median {median:6.1f} ms   p95 {p95:6.1f} ms")


if __name__ == "__main__":
    main()
