"""One unit of work per turn on the database, with the features' repositories bound to it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from functools import partial
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from bot.adapters.db.database import Database
from bot.core.ports import Port, Repositories, UnitOfWork

SqlFactory = Callable[[AsyncSession], Any]
T = TypeVar("T")


def session_exporter(
    export: Callable[[AsyncSession, int], Awaitable[Any]],
) -> Callable[[UnitOfWork, int], Awaitable[Any]]:
    """Adapt an export written against a session to the exporters of the manifests."""

    async def exporter(uow: UnitOfWork, learner_id: int) -> Any:
        assert isinstance(uow, SqlUnitOfWork)
        return await export(uow.session, learner_id)

    return exporter


def in_session(
    step: Callable[[AsyncSession], Awaitable[T]],
) -> Callable[[UnitOfWork], Awaitable[T]]:
    """Adapt a step written against a session to one run in a unit of work's transaction."""

    async def run(uow: UnitOfWork) -> T:
        assert isinstance(uow, SqlUnitOfWork)
        return await step(uow.session)

    return run


class SqlUnitOfWork(Repositories):
    """One transaction; each repository asked for is built once, on its session."""

    def __init__(self, session: AsyncSession, bindings: Mapping[Port[Any], SqlFactory]) -> None:
        super().__init__({port: partial(build, session) for port, build in bindings.items()})
        self.session = session


class SqlUnits:
    """Open units of work on a database: committed when the block ends, rolled back on error."""

    def __init__(self, database: Database, bindings: Mapping[Port[Any], SqlFactory]) -> None:
        self.database = database
        self.bindings = bindings

    @asynccontextmanager
    async def __call__(self) -> AsyncIterator[SqlUnitOfWork]:
        """Open one unit of work."""
        async with self.database.session() as session:
            yield SqlUnitOfWork(session, self.bindings)
