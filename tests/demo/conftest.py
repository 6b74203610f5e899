"""Fixtures for the demo tests: the corpus, a started demo server and an HTTP client."""

import httpx
import pytest

from demo.server import DemoServer
from demo.sites import DemoArticle, load_corpus

# Long enough that nothing is released by the clock while a test runs; tests release by hand.
MANUAL_RELEASE_S = 3600.0


@pytest.fixture(scope="session")
def corpus() -> list[DemoArticle]:
    return load_corpus()


@pytest.fixture
def demo_server():
    with DemoServer(initial=6, release_every_s=MANUAL_RELEASE_S) as server:
        yield server


@pytest.fixture
def client():
    with httpx.Client(timeout=10.0) as http:
        yield http
