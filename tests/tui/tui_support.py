"""Helpers for the desk's Pilot tests: filling the database and waiting for the app."""

import asyncio
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from weakref import WeakKeyDictionary

from sqlalchemy import Engine
from textual.app import App
from textual.pilot import Pilot

from storage.articles import NewArticle, add_articles
from storage.feeds import add_feed
from storage.models import Article

BASE_TIME = datetime(2025, 11, 3, 2, 0, tzinfo=timezone.utc)


async def until(
    pilot: Pilot,
    condition: Callable[[], bool],
    timeout_s: float = 30.0,
    describe: Callable[[], object] = lambda: "",
) -> None:
    """Let the app run until `condition` holds; the timeout only stops a broken test from hanging.

    `describe` says what the app looked like when the wait gave up.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"condition not met within {timeout_s} s; {describe()}")
        await pilot.pause(0.05)


@dataclass(frozen=True)
class Notice:
    """A notification as the app was asked to show it."""

    message: str
    severity: str
    title: str


_notices: WeakKeyDictionary[App, list[Notice]] = WeakKeyDictionary()


def record_notices(app: App) -> App:
    """Keep every notification `app` shows from now on (Textual keeps its own list private); `notices` reads them."""
    shown = _notices.setdefault(app, [])
    notify = app.notify

    def recorded(message, *, title: str = "", severity: str = "information", **options) -> None:
        shown.append(Notice(str(message), severity, title))
        notify(message, title=title, severity=severity, **options)

    app.notify = recorded
    return app


def notices(app: App) -> list[Notice]:
    """The notifications shown since `record_notices` (the desk factory records every desk's)."""
    return _notices[app]


def messages(app: App) -> list[str]:
    return [notice.message for notice in notices(app)]


def palette_offers(app: App, title: str) -> bool:
    """The command palette's first choice is `title`."""
    found = app.screen.query("CommandList")
    return bool(found) and found.first().option_count > 0 and str(found.first().get_option_at_index(0).prompt).startswith(title)


def article(number: int, title: str | None = None, body: str | None = None) -> NewArticle:
    return NewArticle(
        guid=f"urn:uji:{number}",
        url=f"https://warta-uji.test/berita/{number}",
        title=title or f"Berita uji nomor {number}",
        published_at=BASE_TIME + timedelta(hours=number),
        summary=f"Ringkasan berita {number}.",
        body=body or f"Isi berita nomor {number}: buruh dan polisi bertemu di Serang.",
        extraction_status="extracted",
        content_hash=f"hash-{number}",
    )


def fill(engine: Engine, titles: list[str], feed_title: str = "Warta Uji") -> int:
    """Store one article per title, oldest first (so the last title is the newest); return the feed id."""
    feed = add_feed(engine, "https://warta-uji.test/feed.xml", title=feed_title)
    add_articles(engine, feed.id, [article(number, title) for number, title in enumerate(titles)])
    return feed.id


def fill_many(db_path: Path, feed_id: int, count: int) -> None:
    """Bulk rows for the size test, written with one executemany: the storage API adds per article.

    Columns the test does not care about get the model's own default, so the rows stay
    valid as the table grows.
    """
    values = {
        "feed_id": feed_id,
        "guid": lambda n: f"urn:massal:{n}",
        "url": lambda n: f"https://warta-uji.test/m/{n}",
        "title": lambda n: f"Artikel massal {n}",
        "published_at": lambda n: _naive(BASE_TIME + timedelta(minutes=n)),
        "body": "isi",
    }
    columns = [column for column in Article.__table__.columns if not column.primary_key]
    for column in columns:
        values.setdefault(column.name, _default(column))
    names = [column.name for column in columns]
    rows = [tuple(value(n) if callable(value) else value for value in (values[name] for name in names))
            for n in range(count)]
    placeholders = ",".join("?" * len(names))
    with sqlite3.connect(db_path) as connection:
        connection.executemany(f"INSERT INTO article ({','.join(names)}) VALUES ({placeholders})", rows)


def _naive(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).replace(tzinfo=None).isoformat(" ")


def _default(column):
    default = column.default.arg if column.default is not None else None
    if callable(default):
        return _naive(BASE_TIME)
    if default is not None:
        return int(default) if isinstance(default, bool) else default
    return None if column.nullable else ""
