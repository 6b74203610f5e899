"""Moving a desk between databases (SQLite to PostgreSQL and back): every row of every table, ids kept.

Rows go table by table in foreign-key order, in batches. A column that points into its own table
(an actor merged into another) is filled in after the whole table is there, since the row it
points to may come later. Afterwards PostgreSQL's id sequences continue after the highest id and
the SQLite search index is rebuilt.
"""

from collections.abc import Callable

from sqlalchemy import Engine, Table, func, insert, select, text, update
from sqlmodel import SQLModel

from storage.fulltext import rebuild_index

BATCH_ROWS = 1000

Progress = Callable[[str, int, int], None]
"""Called as (table name, rows copied so far, rows in the table)."""


class CopyError(RuntimeError):
    """A copy that would lose or mix data, worded for the user."""


def table_counts(engine: Engine) -> dict[str, int]:
    """Rows in each of Pantau's tables."""
    with engine.connect() as connection:
        return {
            table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
            for table in SQLModel.metadata.sorted_tables
        }


def copy_database(source: Engine, target: Engine, on_progress: Progress | None = None) -> dict[str, int]:
    """Copy every row of `source` into the empty database `target`; returns rows copied per table."""
    counts = table_counts(source)
    occupied = {name: rows for name, rows in table_counts(target).items() if rows}
    if occupied:
        listed = ", ".join(f"{name} ({rows})" for name, rows in occupied.items())
        raise CopyError(f"the target database is not empty: {listed}")
    with source.connect() as reading, target.begin() as writing:
        for table in SQLModel.metadata.sorted_tables:
            _copy_table(reading, writing, table, counts[table.name], on_progress)
        if target.dialect.name == "postgresql":
            _reset_sequences(writing)
    rebuild_index(target)
    return counts


def _copy_table(reading, writing, table: Table, total: int, on_progress: Progress | None) -> None:
    later = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
    keys = [column.name for column in table.primary_key.columns]
    done = 0
    if on_progress:
        on_progress(table.name, done, total)
    rows = reading.execute(select(table).order_by(*table.primary_key.columns)).mappings()
    while batch := rows.fetchmany(BATCH_ROWS):
        writing.execute(insert(table), [{**row, **{name: None for name in later}} for row in batch])
        done += len(batch)
        if on_progress:
            on_progress(table.name, done, total)
    for name in later:
        pointing = select(*table.primary_key.columns, table.c[name]).where(table.c[name].is_not(None))
        for row in reading.execute(pointing).mappings():
            condition = [table.c[key] == row[key] for key in keys]
            writing.execute(update(table).where(*condition).values({name: row[name]}))


def _reset_sequences(writing) -> None:
    """Let PostgreSQL's next id follow the highest copied id in every table with a serial id."""
    for table in SQLModel.metadata.sorted_tables:
        column = table.c.get("id")
        if column is None or not column.autoincrement or len(table.primary_key.columns) != 1:
            continue
        writing.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"coalesce(max(id), 1), max(id) IS NOT NULL) FROM {table.name}"
            )
        )
