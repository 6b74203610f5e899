"""What the crash tests check on a SQLite desk file, read through connections of their own."""

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ArticleSnapshot:
    """The articles and feed links committed at one moment: id -> (url, link_key), and (feed, guid) -> article."""

    articles: dict[int, tuple[str, str | None]]
    links: dict[tuple[int, str], int]


@contextmanager
def connect(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection of the test's own, closed on exit; it reads in autocommit unless told otherwise."""
    with closing(sqlite3.connect(path, timeout=30, isolation_level=None)) as connection:
        yield connection


def snapshot(path: Path) -> ArticleSnapshot:
    with connect(path) as connection:
        connection.execute("BEGIN")
        articles = {row[0]: (row[1], row[2]) for row in connection.execute("SELECT id, url, link_key FROM article")}
        links = {(row[0], row[1]): row[2] for row in connection.execute("SELECT feed_id, guid, article_id FROM articlelink")}
        connection.execute("ROLLBACK")
    return ArticleSnapshot(articles, links)


def problems(path: Path) -> list[str]:
    """Everything wrong with the desk file: integrity, the FTS index, duplicates. Empty when sound."""
    with connect(path) as connection:
        found = [f"integrity_check: {row[0]}" for row in connection.execute("PRAGMA integrity_check") if row[0] != "ok"]
        found += [f"foreign key: {row}" for row in connection.execute("PRAGMA foreign_key_check")]
        try:
            connection.execute("INSERT INTO article_fts(article_fts, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as error:
            found.append(f"full-text index out of step: {error}")
        for column in ("link_key", "url"):
            found += [f"{column} stored {count} times: {value}" for value, count in connection.execute(
                f"SELECT {column}, count(*) FROM article WHERE {column} IS NOT NULL GROUP BY {column} HAVING count(*) > 1")]
        found += [f"feed {feed} links guid {guid} {count} times" for feed, guid, count in connection.execute(
            "SELECT feed_id, guid, count(*) FROM articlelink GROUP BY feed_id, guid HAVING count(*) > 1")]
    return found


def lost_since(before: ArticleSnapshot, after: ArticleSnapshot) -> list[str]:
    """What was committed in `before` and is gone or changed identity in `after`."""
    lost = [f"article {id_} {identity}" for id_, identity in before.articles.items()
            if after.articles.get(id_) != identity]
    return lost + [f"link {key} -> {article}" for key, article in before.links.items() if after.links.get(key) != article]
