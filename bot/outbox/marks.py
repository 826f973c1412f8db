"""Claim due rows of an outbox table under a lease, then record how each delivery went."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Final, Literal

from sqlalchemy import ColumnElement, and_, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.adapters.db.database import affected
from bot.adapters.db.tables import LearnerRow
from bot.outbox.columns import OutboxColumns

Outcome = Literal["sent", "failed", "blocked", "skipped"]
# `sending`: committed right before the channel is called, so that a restart knows which sends
# a dead worker may have left half done (see `claim`).
STATUSES: Final[tuple[str, ...]] = ("pending", "sending", "sent", "failed", "blocked", "skipped")
Audience = Mapping[str, frozenset[str] | None]
Table = type[OutboxColumns]


async def claim(
    session: AsyncSession,
    table: Table,
    *,
    token: str,
    now: datetime,
    lease: timedelta,
    limit: int,
    audience: Audience,
) -> dict[int, bool]:
    """Take up to `limit` due rows of the people in `audience`; rows others hold are skipped.

    Returns the ids claimed, each with whether it was interrupted. `audience` maps each channel
    this worker delivers on to the external ids it reaches there, or to None for everyone on
    it; rows of anyone else are left for a worker that reaches them. A row still `sending`
    when its lease ran out was being sent by a worker that died; it is taken again, marked
    interrupted, and sent again: a lost reminder is worse than a double.
    """
    if not audience:
        return {}
    claimable = (
        table.status.in_(("pending", "sending")),
        table.not_before <= now,
        or_(table.claimed_until.is_(None), table.claimed_until < now),
    )
    reachable_here = select(LearnerRow.id).where(_in_audience(audience))
    # SKIP LOCKED lets several processes claim side by side on PostgreSQL: the rows stay locked
    # until this transaction ends. SQLite has one writer at a time, and the conditions repeated
    # in the UPDATE keep a row from being claimed twice.
    found = await session.execute(
        select(table.id, table.status)
        .where(*claimable, table.learner_id.in_(reachable_here))
        .order_by(table.not_before, table.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    candidates: dict[int, str] = dict(found.all())
    if not candidates:
        return {}
    await session.execute(
        update(table)
        .where(table.id.in_(candidates), *claimable)
        .values(status="pending", claimed_by=token, claimed_until=now + lease)
        .execution_options(synchronize_session=False)
    )
    return {row_id: status == "sending" for row_id, status in candidates.items()}


def _in_audience(audience: Audience) -> ColumnElement[bool]:
    """Return the condition that a learner is in `audience` (see `claim`)."""
    return or_(
        *(
            LearnerRow.channel == channel
            if recipients is None
            else and_(LearnerRow.channel == channel, LearnerRow.external_id.in_(recipients))
            for channel, recipients in audience.items()
        )
    )


async def start_sending(session: AsyncSession, table: Table, row_id: int, token: str) -> bool:
    """Mark a held row as being sent and count the try; False when it is no longer held.

    Tries are counted here rather than at the claim, so that a worker killed again and again
    uses up the tries of the rows it was sending, not those of every row it had claimed.
    """
    result = await session.execute(
        update(table)
        .where(table.id == row_id, table.claimed_by == token, table.status == "pending")
        .values(status="sending", attempts=table.attempts + 1)
    )
    return affected(result) == 1


async def finish(
    session: AsyncSession,
    table: Table,
    row_ids: list[int],
    token: str,
    outcome: Outcome,
    now: datetime,
) -> int:
    """Record the final outcome of rows this worker still holds; return how many it held."""
    result = await session.execute(
        update(table)
        .where(table.id.in_(row_ids), table.claimed_by == token)
        .values(
            status=outcome,
            sent_at=now if outcome == "sent" else None,
            claimed_by=None,
            claimed_until=None,
        )
        .execution_options(synchronize_session=False)
    )
    return affected(result)


async def defer(
    session: AsyncSession,
    table: Table,
    row_id: int,
    token: str,
    not_before: datetime,
    *,
    give_back_try: bool,
) -> None:
    """Put a held row back for later (rate limited, or in quiet hours)."""
    values: dict[str, object] = {
        "status": "pending",
        "not_before": not_before,
        "claimed_by": None,
        "claimed_until": None,
    }
    if give_back_try:
        values["attempts"] = table.attempts - 1
    await session.execute(
        update(table).where(table.id == row_id, table.claimed_by == token).values(**values)
    )


async def release(session: AsyncSession, table: Table, token: str) -> int:
    """Give back every row of this claim not being sent yet, e.g. at shutdown."""
    result = await session.execute(
        update(table)
        .where(table.claimed_by == token, table.status == "pending")
        .values(claimed_by=None, claimed_until=None)
    )
    return affected(result)


async def counts(
    session: AsyncSession, table: Table, *conditions: ColumnElement[bool]
) -> dict[str, int]:
    """Count a table's rows by status, all of them or those meeting the conditions."""
    query = select(table.status, func.count()).where(*conditions).group_by(table.status)
    found = {status: int(count) for status, count in await session.execute(query)}
    return {status: found.get(status, 0) for status in STATUSES}


async def backlog(
    session: AsyncSession, table: Table, now: datetime
) -> tuple[int, datetime | None]:
    """Return how many rows wait or are being sent, and since when the oldest due one is due."""
    waiting = table.status.in_(("pending", "sending"))
    total = await session.scalar(select(func.count()).select_from(table).where(waiting))
    oldest = await session.scalar(
        select(func.min(table.not_before)).where(waiting, table.not_before <= now)
    )
    return int(total or 0), oldest
