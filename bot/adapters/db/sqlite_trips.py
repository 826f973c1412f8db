"""An aiosqlite connection whose statements each take one trip to the connection's thread."""

from __future__ import annotations

import sqlite3
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from functools import partial
from typing import Any

import aiosqlite

# What one statement leaves on its cursor: description, row count, last row id and every row.
_Outcome = tuple[Any, int, int | None, list[Any]]


def _run_statement(
    connection: sqlite3.Connection, sql: str, parameters: Any, *, many: bool
) -> _Outcome:
    cursor = connection.cursor()
    try:
        if many:
            cursor.executemany(sql, parameters)
        else:
            cursor.execute(sql, parameters)
        rows = cursor.fetchall() if cursor.description else []
        return cursor.description, cursor.rowcount, cursor.lastrowid, rows
    finally:
        # Closed in the same trip: SQLite finishes the statement, and no later trip is needed.
        cursor.close()


class OneTripCursor:
    """Run a statement, read all its rows and close, in one trip; serve the rows from memory.

    aiosqlite takes four trips per statement (create the cursor, execute, fetch, close), each
    a hand-over to its thread and back through the event loop's wake-up pipe: most of a
    short turn on SQLite. SQLAlchemy reads every row of a result anyway (aiosqlite's
    server-side cursors aside, which the tutor does not use).
    """

    arraysize = 1

    def __init__(self, connection: OneTripConnection) -> None:
        self._connection = connection
        self.description: Any = None
        self.rowcount = -1
        self.lastrowid: int | None = None
        self._rows: list[Any] = []

    async def __aenter__(self) -> OneTripCursor:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.close()

    async def execute(self, sql: str, parameters: Any = ()) -> OneTripCursor:
        """Run one statement and keep its outcome."""
        return await self._run(sql, parameters, many=False)

    async def executemany(self, sql: str, parameters: Iterable[Any]) -> OneTripCursor:
        """Run one statement for each set of parameters and keep the outcome."""
        return await self._run(sql, list(parameters), many=True)

    async def fetchone(self) -> Any:
        """Return the next row, or None."""
        return self._rows.pop(0) if self._rows else None

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        """Return up to `size` next rows (`arraysize` by default)."""
        count = self.arraysize if size is None else size
        taken, self._rows = self._rows[:count], self._rows[count:]
        return taken

    async def fetchall(self) -> list[Any]:
        """Return every row not read yet."""
        taken, self._rows = self._rows, []
        return taken

    async def close(self) -> None:
        """Forget the rows; the statement was closed in its own trip."""
        self._rows = []

    async def _run(self, sql: str, parameters: Any, *, many: bool) -> OneTripCursor:
        run = partial(_run_statement, sql=sql, parameters=parameters, many=many)
        outcome = await self._connection.in_thread(run)
        self.description, self.rowcount, self.lastrowid, self._rows = outcome
        return self


class OneTripConnection(aiosqlite.Connection):
    """An aiosqlite connection whose cursors are `OneTripCursor`s."""

    def cursor(self) -> OneTripCursor:  # type: ignore[override]
        """Return a cursor; creating it costs no trip."""
        return OneTripCursor(self)

    async def rollback(self) -> None:
        """Roll back the open transaction; with none open, as after every commit, take no trip."""
        # SQLAlchemy's pool rolls back each connection it gets back, even one just committed.
        if self.in_transaction:
            await super().rollback()

    async def in_thread(self, function: Callable[[sqlite3.Connection], _Outcome]) -> _Outcome:
        """Run `function` on the SQLite connection, in the connection's thread."""
        # aiosqlite's own queue to its thread, untyped, which every aiosqlite call goes through.
        queue_call: Callable[..., Awaitable[_Outcome]] = self._execute
        return await queue_call(function, self._conn)


async def open_one_trip_connection(
    arguments: Sequence[Any], options: Mapping[str, Any]
) -> OneTripConnection:
    """Open a connection to SQLite with these `sqlite3.connect` arguments."""
    connection = OneTripConnection(
        partial(sqlite3.connect, *arguments, **options), iter_chunk_size=64
    )
    # Its thread must not keep the process alive at exit, as SQLAlchemy's own connect sees to.
    connection._thread.daemon = True
    await connection
    return connection
