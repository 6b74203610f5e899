"""The benches' PostgreSQL desk: the cached SQLite desk copied once per size into a database of its own.

The database (`pantau_bench_v2_1000000` for 1,000,000 articles) stays on the server PANTAU_BENCH_PG
(default: the local one) after the run, as the SQLite desk stays in the temporary directory, and
later runs reuse it. It is copied with `pantau db copy`'s own function (storage.copy), so the bench
times the copy a desk that outgrows SQLite makes. The copy is one transaction: an interrupted one
leaves an empty database, which the next run fills.
"""

import os
import sys
import time
from pathlib import Path

import psycopg
from sqlalchemy import func, select

from storage.copy import copy_database
from storage.engine import connect_engine, make_engine
from storage.models import Article

PG_SERVER = os.environ.get("PANTAU_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


def _progress(table: str, done: int, total: int, width: int = 40) -> None:
    filled = width * done // max(total, 1)
    sys.stderr.write(f"\rcopying {table:<14} [{'#' * filled}{'.' * (width - filled)}] {done:,}/{total:,}")
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def postgres_desk(sqlite_path: Path, articles: int, generation: str) -> str:
    """The URL of the PostgreSQL desk of `articles`, copied from the SQLite desk at `sqlite_path` the first time."""
    name = f"pantau_bench_{generation}_{articles}"
    with psycopg.connect(PG_SERVER, autocommit=True, connect_timeout=3) as admin:
        if admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is None:
            admin.execute(f'CREATE DATABASE "{name}"')
    url = PG_SERVER.rsplit("/", 1)[0] + "/" + name
    target = make_engine(url)
    with target.connect() as connection:
        stored = connection.execute(select(func.count()).select_from(Article)).scalar_one()
    if not stored:
        source = connect_engine(f"sqlite:///{sqlite_path}")  # read as it is: the shared cached desk is not migrated
        started = time.perf_counter()
        copy_database(source, target, _progress)
        one, five, fifteen = os.getloadavg()
        print(f"copied the SQLite desk into PostgreSQL database {name} in {time.perf_counter() - started:.0f} s"
              f" (load average {one:.2f} {five:.2f} {fifteen:.2f})")
        source.dispose()
    target.dispose()
    return url
