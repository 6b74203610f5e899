"""Moving a desk between databases (SQLite to PostgreSQL and back): every row of every table, ids kept.

Rows go table by table in foreign-key order, in batches, in one transaction. A column that points into
its own table (an actor merged into another) is filled in after the whole table is there, since the row
it points to may come later. Afterwards PostgreSQL's id sequences continue after the highest id and
the SQLite search index is rebuilt.

Into PostgreSQL the rows go as a bulk load, as its manual advises for one (a desk that outgrows SQLite
copies a million articles or more): COPY instead of INSERTs; the secondary indexes (the full-text GIN index
among them) and foreign keys dropped first and made again at the end, each built in one pass rather than
kept up row by row; the desk's own triggers (change notices, the timeline's kept counts) off meanwhile,
the timeline counted once at the end (storage.timeline_counts.refill). All of it in the copy's transaction: an
interrupted copy leaves the target as it was. Then the new desk is vacuumed and analysed, outside the transaction.
"""

from collections.abc import Callable

from sqlalchemy import Engine, Table, func, insert, select, text, update
from sqlmodel import SQLModel

from storage.engine import vacuum_and_analyse
from storage.fulltext import rebuild_index
from storage.timeline_counts import refill

BATCH_ROWS = 1000
PG_BUILD_MEMORY = "256MB"
"""maintenance_work_mem while PostgreSQL builds the indexes again: the GIN index of a million articles is
built in a few passes instead of dozens at the server's default (64MB)."""

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
        if target.dialect.name == "postgresql":
            _bulk_load(reading, writing, counts, on_progress)
        else:
            for table in SQLModel.metadata.sorted_tables:
                _copy_table(reading, writing, table, counts[table.name], on_progress)
    if target.dialect.name == "postgresql":
        _settle(target, on_progress)
    rebuild_index(target)
    return counts


def _settle(target: Engine, on_progress: Progress | None) -> None:
    """Vacuum and analyse the new PostgreSQL desk once its transaction is in (VACUUM cannot run inside one). COPY
    FREEZE leaves the articles' pages all-visible, but not the place tags' and engagements' (0 of 5,211 and 5,583 pages
    on the bench's copy of 1,000,000 articles), whose index-only scans the search's place filters rely on
    (storage.engine.vacuum_and_analyse)."""
    if on_progress:
        on_progress("statistics", 0, 1)
    vacuum_and_analyse(target)
    if on_progress:
        on_progress("statistics", 1, 1)


def _copy_table(reading, writing, table: Table, total: int, on_progress: Progress | None) -> None:
    later = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
    done = 0
    if on_progress:
        on_progress(table.name, done, total)
    rows = reading.execute(select(table).order_by(*table.primary_key.columns)).mappings()
    while batch := rows.fetchmany(BATCH_ROWS):
        writing.execute(insert(table), [{**row, **{name: None for name in later}} for row in batch])
        done += len(batch)
        if on_progress:
            on_progress(table.name, done, total)
    _point_within(reading, writing, table, later)


def _point_within(reading, writing, table: Table, later: list[str]) -> None:
    """Fill in the columns that point into `table` itself, now that every row they point to is there."""
    keys = [column.name for column in table.primary_key.columns]
    for name in later:
        pointing = select(*table.primary_key.columns, table.c[name]).where(table.c[name].is_not(None))
        for row in reading.execute(pointing).mappings():
            condition = [table.c[key] == row[key] for key in keys]
            writing.execute(update(table).where(*condition).values({name: row[name]}))


def _bulk_load(reading, writing, counts: dict[str, int], on_progress: Progress | None) -> None:
    """Every table into PostgreSQL by COPY, with indexes, foreign keys and triggers set aside (module docstring)."""
    tables = [table.name for table in SQLModel.metadata.sorted_tables]
    rebuilt = _set_aside(writing, tables)
    for table in SQLModel.metadata.sorted_tables:
        _copy_rows(reading, writing, table, counts[table.name], on_progress)
    writing.exec_driver_sql(f"SET LOCAL maintenance_work_mem = '{PG_BUILD_MEMORY}'")
    for done, statement in enumerate(rebuilt):
        if on_progress:
            on_progress("indexes", done, len(rebuilt))
        writing.exec_driver_sql(statement)
    if on_progress:
        on_progress("indexes", len(rebuilt), len(rebuilt))
        on_progress("timeline", 0, 1)
    refill(writing)
    for name in tables:
        writing.exec_driver_sql(f'ALTER TABLE "{name}" ENABLE TRIGGER USER')
    _reset_sequences(writing)
    if on_progress:
        on_progress("timeline", 1, 1)


def _set_aside(writing, tables: list[str]) -> list[str]:
    """Drop the tables' secondary indexes and foreign keys and turn their triggers off; returns the statements
    that make the indexes and foreign keys again, as they were. Primary keys and unique constraints stay."""
    indexes = writing.execute(text(
        "SELECT format('%I', i.relname), pg_get_indexdef(i.oid) FROM pg_index x"
        " JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid"
        " WHERE t.relname = ANY(:tables) AND t.relnamespace = to_regnamespace(current_schema())"
        " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)"
        " ORDER BY i.relname"), {"tables": tables}).all()
    foreign_keys = writing.execute(text(
        "SELECT format('%I', t.relname), format('%I', c.conname), pg_get_constraintdef(c.oid) FROM pg_constraint c"
        " JOIN pg_class t ON t.oid = c.conrelid WHERE c.contype = 'f' AND t.relname = ANY(:tables)"
        " AND t.relnamespace = to_regnamespace(current_schema()) ORDER BY t.relname, c.conname"),
        {"tables": tables}).all()
    for table, name, _definition in foreign_keys:
        writing.exec_driver_sql(f"ALTER TABLE {table} DROP CONSTRAINT {name}")
    for name, _definition in indexes:
        writing.exec_driver_sql(f"DROP INDEX {name}")
    for name in tables:
        writing.exec_driver_sql(f'ALTER TABLE "{name}" DISABLE TRIGGER USER')
        writing.exec_driver_sql(f'TRUNCATE "{name}"')  # empty already: so that COPY may FREEZE (_copy_rows)
    return ([definition for _name, definition in indexes]
            + [f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}" for table, name, definition in foreign_keys])


def _copy_rows(reading, writing, table: Table, total: int, on_progress: Progress | None) -> None:
    """One table by PostgreSQL's COPY, in batches of rows read from the source. No foreign key is checked until
    the end, so a row may point at one that comes later (an actor merged into a later one). FREEZE (allowed into
    a table emptied in the same transaction) writes the rows as VACUUM would leave them, so the desk needs no
    VACUUM afterwards for index-only scans, nor a rewrite of every page when the rows are first read."""
    done = 0
    if on_progress:
        on_progress(table.name, done, total)
    rows = reading.execute(select(table).order_by(*table.primary_key.columns))
    columns = ", ".join(f'"{column.name}"' for column in table.columns)
    with writing.connection.driver_connection.cursor() as cursor, \
            cursor.copy(f'COPY "{table.name}" ({columns}) FROM STDIN (FREEZE)') as copying:
        while batch := rows.fetchmany(BATCH_ROWS):
            for row in batch:
                copying.write_row(row)
            done += len(batch)
            if on_progress:
                on_progress(table.name, done, total)


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
