"""PostgreSQL connections are pinged only after being idle, and a lost one is replaced."""

from __future__ import annotations

from collections.abc import AsyncIterator

import asyncpg
import pytest
from sqlalchemy import text
from sqlalchemy.dialects.postgresql.asyncpg import AsyncAdapt_asyncpg_connection

from bot.adapters.db import database as database_module
from bot.adapters.db.database import Database

pytestmark = pytest.mark.postgres


@pytest.fixture
async def database(postgres_url: str) -> AsyncIterator[Database]:
    database = Database(postgres_url)
    yield database
    await database.close()


@pytest.fixture
def pings(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the pings the pool sends."""
    sent: list[int] = []
    original = AsyncAdapt_asyncpg_connection.ping

    def counted(self: AsyncAdapt_asyncpg_connection) -> None:
        sent.append(1)
        original(self)

    monkeypatch.setattr(AsyncAdapt_asyncpg_connection, "ping", counted)
    return sent


async def _backend_pid(database: Database) -> int:
    async with database.session() as session:
        pid = await session.scalar(text("SELECT pg_backend_pid()"))
    assert isinstance(pid, int)
    return pid


async def test_a_connection_in_use_moments_ago_is_not_pinged(
    database: Database, pings: list[int]
) -> None:
    first = await _backend_pid(database)
    second = await _backend_pid(database)

    assert (first, pings) == (second, [])


async def test_an_idle_connection_the_server_dropped_is_replaced_before_a_turn_uses_it(
    database: Database, postgres_url: str, pings: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    lost = await _backend_pid(database)
    admin = await asyncpg.connect(postgres_url.replace("+asyncpg", ""))
    try:
        assert await admin.fetchval("SELECT pg_terminate_backend($1)", lost)
    finally:
        await admin.close()
    monkeypatch.setattr(database_module, "PING_AFTER_IDLE_SECONDS", 0.0)

    replacement = await _backend_pid(database)

    assert replacement != lost
    assert pings
