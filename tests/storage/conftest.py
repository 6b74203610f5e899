"""The storage suite runs on both backends: a SQLite file and a PostgreSQL database of its own."""

import pytest

from tests.backends import backend, backend_engine, backend_url  # noqa: F401  (fixtures, used by name)


@pytest.fixture
def engine(backend_engine):
    return backend_engine
