"""Fixtures every test may use: a fresh SQLite file database, and settings that never touch $HOME."""

from pathlib import Path

import pytest
from sqlalchemy import Engine

from storage.engine import make_engine


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep config, data and logs of every test in a temporary home."""
    home = tmp_path_factory.mktemp("home")
    for variable in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(variable, str(home if variable == "HOME" else home / variable.lower()))
    monkeypatch.delenv("PANTAU_DB", raising=False)
    monkeypatch.delenv("PANTAU_CONFIG", raising=False)
    return home


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'pantau.db'}"


@pytest.fixture
def engine(db_url: str) -> Engine:
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


SHARED_SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


@pytest.fixture
def shared_seed_texts() -> dict[str, str]:
    """The five real articles beside the repository; tests that need them skip on a clone without them."""
    if not SHARED_SEEDS.is_dir():
        pytest.skip(f"../shared/seeds is absent ({SHARED_SEEDS}); the real-article tests need it")
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted(SHARED_SEEDS.glob("*.txt"))}
