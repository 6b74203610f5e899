"""Plain `pantau` opens the desk without loading what only other commands need.

Imports are most of the desk's start-up time (bench/desk.py): the poller, trafilatura, httpx and
alembic load when a command or the first poll needs them, and matplotlib only when a brief is drawn, not before
the first paint.
"""

import subprocess
import sys
from pathlib import Path

from storage.engine import make_engine

DEFERRED = ("fetchers.poller", "fetchers.extract", "trafilatura", "httpx", "feedparser", "alembic", "matplotlib")


def test_opening_the_desk_loads_neither_fetchers_nor_alembic(tmp_path: Path):
    desk = tmp_path / "desk.db"
    make_engine(f"sqlite:///{desk}")
    script = (
        "import sys\n"
        "from storage.engine import make_engine\n"
        "from tui.cli import desk_app, main\n"
        "from tui.config import Settings\n"
        f"engine = make_engine('sqlite:///{desk}')\n"
        f"desk_app(engine, Settings(db_url='sqlite:///{desk}'))\n"
        f"print(sorted(name for name in {DEFERRED!r} if name in sys.modules))\n"
    )
    loaded = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"
