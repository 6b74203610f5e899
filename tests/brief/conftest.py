"""The brief's tests share one SQLite desk filled from the demo sites by the real pipeline; tests that
write get a copy of it."""

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Engine

from storage.engine import make_engine
from tests.support.demo_desk import fill_from_demo_sites


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo-desk") / "demo.db"
    engine = make_engine(f"sqlite:///{path}")
    fill_from_demo_sites(engine)
    engine.dispose()
    return path


@pytest.fixture
def demo_engine(demo_db: Path) -> Engine:
    """The shared demo desk: read it, never write to it."""
    engine = make_engine(f"sqlite:///{demo_db}")
    yield engine
    engine.dispose()


@pytest.fixture
def demo_copy(demo_db: Path, tmp_path: Path) -> Engine:
    """A copy of the demo desk of the test's own, to code by hand."""
    path = tmp_path / "copy.db"
    with sqlite3.connect(demo_db) as source, sqlite3.connect(path) as target:
        source.backup(target)
    engine = make_engine(f"sqlite:///{path}")
    yield engine
    engine.dispose()
