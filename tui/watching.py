"""Other connections' commits, told to the desk: `ChangeWatching`, a plain object the app holds.

It waits up to a second on the database (LISTEN on PostgreSQL, data_version on SQLite), posts what changed
to the app as `DeskChanged`, and hands over to the next wait: the app's own poller and a separate `pantau
poll`, on this machine or another, show up within a second. One wait per worker rather than a worker that
never ends, so waiting for the app's workers (tests, shutdown) is never waiting forever; the watcher and its
connection live on between waits.
"""

import threading
from contextlib import suppress
from typing import TYPE_CHECKING

from storage.desk import ChangeWatcher
from tui.messages import DeskChanged

if TYPE_CHECKING:
    from tui.app import PantauApp

WATCH_INTERVAL_S = 1.0
"""How long the change watcher waits for a commit before it looks whether the app is closing."""
WATCH_RETRY_S = 5.0
"""After a failed wait, how long before watching starts afresh."""


class ChangeWatching:
    """One wait after another on the desk's database, until `close`."""

    def __init__(self, app: "PantauApp") -> None:
        self.app = app
        self._watcher: ChangeWatcher | None = None
        self._closing = False
        self._lock = threading.Lock()

    def start(self) -> None:
        """Start the next wait (a worker of the app's: its failure handler reports a failed wait)."""
        if not self._closing:
            self.app.run_worker(self._wait, thread=True, group="changes", exit_on_error=False,
                                description="Watching the database")

    def _wait(self) -> None:
        try:
            with self._lock:
                if self._closing:
                    self._close_watcher()
                    return
                watcher = self._watcher = self._watcher or self.app.store.watcher()
                changes = watcher.wait(WATCH_INTERVAL_S)
                if self._closing:
                    self._close_watcher()
                    return
        except Exception:
            self.app.call_later(self._failed)
            raise
        if changes:
            self.app.post_message(DeskChanged(changes))
        self.app.call_later(self.start)

    def _failed(self) -> None:
        """After a failure, start afresh a little later, on a new connection."""
        self._close_idle_watcher()
        if not self._closing:
            self.app.set_timer(WATCH_RETRY_S, self.start)

    def close(self) -> None:
        """Close the watcher's connection, or let the wait under way close it when it ends.

        Never under a running wait: a cancelled worker's thread goes on waiting, and SQLite must not
        see its connection closed from another thread mid-call.
        """
        self._closing = True
        self._close_idle_watcher()

    def _close_idle_watcher(self) -> None:
        if self._lock.acquire(blocking=False):
            try:
                self._close_watcher()
            finally:
                self._lock.release()

    def _close_watcher(self) -> None:
        watcher, self._watcher = self._watcher, None
        if watcher is not None:
            with suppress(Exception):
                watcher.close()
