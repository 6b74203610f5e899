"""Fixtures of the shared-desk tests: both backends, and a desk filled from the demo sites."""

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import Engine

from storage.engine import make_engine
from tests.backends import BACKENDS, backend, backend_engine, backend_url, database_url  # noqa: F401  (fixtures)
from tests.support.demo_desk import fill_from_demo_sites


@dataclass(frozen=True)
class DemoDesk:
    url: str
    engine: Engine


@pytest.fixture(scope="module", params=BACKENDS)
def demo_desk(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoDesk]:
    """A desk holding the whole demo corpus, polled and tagged; shared by a module's tests, never written to."""
    with database_url(request.param, tmp_path_factory.mktemp("demo")) as url:
        engine = make_engine(url)
        fill_from_demo_sites(engine)
        yield DemoDesk(url, engine)
        engine.dispose()
