"""Both database backends for tests: a fresh SQLite file, or a fresh PostgreSQL database of its own.

Each PostgreSQL test database is named `pantau_test_<random>` and dropped afterwards, so parallel
runs on one server never meet. The server is PANTAU_TEST_PG (default: the local one on 5432).
Without a server the PostgreSQL cases skip, unless CI=true or PANTAU_TEST_PG_REQUIRED is set,
where they fail instead: CI machines run one, and a silent skip there would hide a broken backend.
"""

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import Engine

from storage.engine import make_engine

PG_SERVER = os.environ.get("PANTAU_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
BACKENDS = ("sqlite", "postgres")


def _admin() -> psycopg.Connection:
    return psycopg.connect(PG_SERVER, autocommit=True, connect_timeout=3)


def _require_server() -> None:
    try:
        _admin().close()
    except psycopg.OperationalError as error:
        if os.environ.get("PANTAU_TEST_PG_REQUIRED") or os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL at {PG_SERVER} is required but unreachable: {error}")
        pytest.skip(f"no PostgreSQL server at {PG_SERVER}: {error}")


@contextmanager
def postgres_database() -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database, dropped on exit."""
    _require_server()
    name = f"pantau_test_{uuid.uuid4().hex[:12]}"
    with _admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield PG_SERVER.rsplit("/", 1)[0] + "/" + name
    finally:
        with _admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def database_url(backend: str, directory: Path, name: str = "pantau") -> Iterator[str]:
    """A URL for an empty database of `backend` ("sqlite" or "postgres")."""
    if backend == "sqlite":
        yield f"sqlite:///{directory / f'{name}.db'}"
        return
    with postgres_database() as url:
        yield url


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def backend_url(backend: str, tmp_path: Path) -> Iterator[str]:
    with database_url(backend, tmp_path) as url:
        yield url


@pytest.fixture
def backend_engine(backend_url: str) -> Iterator[Engine]:
    engine = make_engine(backend_url)
    yield engine
    engine.dispose()
