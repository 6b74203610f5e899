"""Starting `pantau` and helper scripts as processes of their own, and killing them without warning."""

import os
import signal
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPOSITORY = HERE.parents[1]


def pantau_command(*arguments: str) -> list[str]:
    """The installed console script when there is one (what users run), else the CLI module."""
    script = Path(sys.executable).with_name("pantau")
    if script.exists():
        return [str(script), *arguments]
    return [sys.executable, "-c", "from tui.cli import run; run()", *arguments]


def helper_command(name: str, *arguments: str) -> list[str]:
    """A helper script of this folder, run with this interpreter."""
    return [sys.executable, str(HERE / name), *arguments]


def start(command: list[str], log: Path, **environment: str) -> subprocess.Popen:
    """Start `command` in a process group of its own (it and its worker processes die together),
    its output appended to `log`."""
    env = {**os.environ, "PYTHONPATH": str(REPOSITORY), **environment}
    with log.open("ab") as output:
        return subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, env=env, start_new_session=True,
                                cwd=REPOSITORY)


def kill(process: subprocess.Popen) -> None:
    """SIGKILL the process and everything it started: no handler, no clean-up, no flush."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()
