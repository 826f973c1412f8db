"""The limits' counters on the database, one row per hashed identity and counter."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.adapters.db.tables import CounterRow
from bot.core.limits import Tally


class SqlCounters:
    """Counters in the `identity_counters` table; a row lives until its window ends."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def forget_ended(self, now: datetime) -> None:
        """Delete every counter whose window has ended."""
        await self.session.execute(delete(CounterRow).where(CounterRow.expires_at <= now))

    async def tally(self, identity: str, name: str, now: datetime) -> Tally:
        """Return a counter (zero once its window has ended)."""
        row = await self.session.get(CounterRow, (identity, name))
        if row is None or row.expires_at <= now:
            return Tally()
        return Tally(row.count, row.last_at)

    async def add(self, identity: str, name: str, now: datetime, keep_until: datetime) -> None:
        """Count one more, and keep the counter until `keep_until`."""
        increment = (
            update(CounterRow)
            .where(CounterRow.identity == identity, CounterRow.name == name)
            .values(count=CounterRow.count + 1, last_at=now, expires_at=keep_until)
        )
        if (await self.session.execute(increment)).rowcount:  # type: ignore[attr-defined]
            return
        try:
            async with self.session.begin_nested():
                self.session.add(
                    CounterRow(
                        identity=identity, name=name, count=1, last_at=now, expires_at=keep_until
                    )
                )
        except IntegrityError:
            # Another turn of the same person counted first: add to its row instead.
            await self.session.execute(increment)

    async def clear(self, identity: str, name: str) -> None:
        """Delete a counter."""
        await self.session.execute(
            delete(CounterRow).where(CounterRow.identity == identity, CounterRow.name == name)
        )
