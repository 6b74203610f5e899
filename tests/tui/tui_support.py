"""Helpers for the desk's Pilot tests: filling the database and waiting for the app."""

import asyncio
import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import Engine
from textual.pilot import Pilot

from storage.articles import NewArticle, add_articles
from storage.feeds import add_feed

BASE_TIME = datetime(2025, 11, 3, 2, 0, tzinfo=timezone.utc)


async def until(pilot: Pilot, condition: Callable[[], bool], timeout_s: float = 10.0) -> None:
    """Let the app run until `condition` holds; the timeout only stops a broken test from hanging."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"condition not met within {timeout_s} s")
        await pilot.pause(0.05)


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
    """Bulk rows for the size test, written with executemany because the storage API adds per batch."""
    rows = [
        (feed_id, f"urn:massal:{n}", f"https://warta-uji.test/m/{n}", f"Artikel massal {n}",
         (BASE_TIME + timedelta(minutes=n)).replace(tzinfo=None).isoformat(" "),
         BASE_TIME.replace(tzinfo=None).isoformat(" "), "", "isi", "extracted", str(n), 0, 0)
        for n in range(count)
    ]
    with sqlite3.connect(db_path) as connection:
        connection.executemany(
            "INSERT INTO article (feed_id, guid, url, title, published_at, fetched_at, summary, body,"
            " extraction_status, content_hash, is_read, is_starred) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
