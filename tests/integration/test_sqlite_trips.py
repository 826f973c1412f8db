"""SQLite statements take one trip each to the connection's thread, with the driver's results."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from bot.adapters.db.database import Database
from bot.adapters.db.sqlite_trips import OneTripConnection


@pytest.fixture
async def database(sqlite_url: str) -> AsyncIterator[Database]:
    database = Database(sqlite_url)
    async with database.session() as session:
        await session.execute(text("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT UNIQUE)"))
    yield database
    await database.close()


@pytest.fixture
def trips(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every hand-over to a connection's thread, by the name of what it ran."""
    taken: list[str] = []
    original = OneTripConnection._execute

    async def counted(self: OneTripConnection, fn: Callable[..., Any], *args: Any) -> Any:
        taken.append(getattr(fn, "func", fn).__name__)
        return await original(self, fn, *args)

    monkeypatch.setattr(OneTripConnection, "_execute", counted)
    return taken


async def test_a_select_takes_one_trip_and_its_commit_another(
    database: Database, trips: list[str]
) -> None:
    async with database.session() as session:
        await session.execute(text("SELECT 1"))

    assert trips == ["_run_statement", "commit"]


async def test_rows_row_counts_and_new_ids_are_the_drivers(database: Database) -> None:
    async with database.session() as session:
        inserted = await session.execute(
            text("INSERT INTO notes (body) VALUES ('a'), ('b'), ('c') RETURNING id")
        )
        assert inserted.scalars().all() == [1, 2, 3]
        changed = await session.execute(text("UPDATE notes SET body = body || '!' WHERE id > 1"))
        assert changed.rowcount == 2  # type: ignore[attr-defined]
        one = await session.execute(text("INSERT INTO notes (body) VALUES ('d')"))
        assert one.lastrowid == 4  # type: ignore[attr-defined]
        rows = await session.execute(text("SELECT id, body FROM notes ORDER BY id"))
        assert rows.first() == (1, "a")  # the rest is dropped without a trip
        many = await session.execute(
            text("INSERT INTO notes (body) VALUES (:body)"), [{"body": "e"}, {"body": "f"}]
        )
        assert many.rowcount == 2  # type: ignore[attr-defined]
        bodies = await session.execute(text("SELECT body FROM notes ORDER BY id"))
        assert bodies.scalars().all() == ["a", "b!", "c!", "d", "e", "f"]


async def test_a_refused_statement_raises_as_before_and_the_unit_rolls_back(
    database: Database,
) -> None:
    async def twice_the_same() -> None:
        async with database.session() as session:
            await session.execute(text("INSERT INTO notes (body) VALUES ('same')"))
            await session.execute(text("INSERT INTO notes (body) VALUES ('same')"))

    with pytest.raises(IntegrityError):
        await twice_the_same()

    async with database.session() as session:
        count = await session.scalar(text("SELECT count(*) FROM notes"))
    assert count == 0


async def test_connections_keep_the_busy_timeout_and_the_write_ahead_log(
    database: Database,
) -> None:
    async with database.session() as session:
        timeout = await session.scalar(text("PRAGMA busy_timeout"))
        journal = await session.scalar(text("PRAGMA journal_mode"))
        foreign_keys = await session.scalar(text("PRAGMA foreign_keys"))
    assert (timeout, journal, foreign_keys) == (30_000, "wal", 1)


async def test_a_unit_that_fails_is_rolled_back_in_one_trip(
    database: Database, trips: list[str]
) -> None:
    async def failing_turn() -> None:
        async with database.session() as session:
            await session.execute(text("INSERT INTO notes (body) VALUES ('lost')"))
            raise RuntimeError("the turn failed")

    with pytest.raises(RuntimeError):
        await failing_turn()

    assert trips == ["_run_statement", "rollback"]
    async with database.session() as session:
        assert await session.scalar(text("SELECT count(*) FROM notes")) == 0
