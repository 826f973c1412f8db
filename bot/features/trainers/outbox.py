"""The outbox: claim due rows under a lease, then record how each delivery went."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final, Literal

from sqlalchemy import ColumnElement, and_, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.adapters.db.tables import ConversationRow, LearnerRow
from bot.config import Language
from bot.features.trainers.ports import TRAINER_KINDS, Push
from bot.features.trainers.pushes import as_push
from bot.features.trainers.repo import affected
from bot.features.trainers.tables import CohortMemberRow, CohortRow, OutboxRow, PushRow

Outcome = Literal["sent", "failed", "blocked", "skipped"]
# `sending`: committed right before the channel is called, so that a restart knows which sends
# a dead worker may have left half done (see `claim`).
STATUSES: Final[tuple[str, ...]] = ("pending", "sending", "sent", "failed", "blocked", "skipped")


@dataclass(frozen=True)
class Claimed:
    """A claimed outbox row with what it takes to render it for its learner."""

    id: int
    attempts: int  # sends tried before this claim
    learner_id: int
    channel: str
    external_id: str
    language: Language | None
    reachable: bool
    reminders_on: bool
    last_seen_at: datetime
    current_lesson_id: str | None
    # Still in the cohort; for what goes to trainers, still the cohort's trainer.
    still_member: bool
    push: Push
    cohort_name: str
    quiet_hours: tuple[int, int]
    reminder_days: int
    # A dead worker was sending it: the channel may or may not have the message.
    interrupted: bool = False


async def claim(
    session: AsyncSession,
    *,
    token: str,
    now: datetime,
    lease: timedelta,
    limit: int,
    audience: Mapping[str, frozenset[str] | None],
) -> list[Claimed]:
    """Take up to `limit` due rows of the people in `audience`; rows others hold are skipped.

    `audience` maps each channel this worker delivers on to the external ids it reaches there,
    or to None for everyone on it; rows of anyone else are left for a worker that reaches them.
    A row still `sending` when its lease ran out was being sent by a worker that died; it is
    taken again, marked `interrupted`, and sent again: a lost reminder is worse than a double.
    """
    if not audience:
        return []
    claimable = (
        OutboxRow.status.in_(("pending", "sending")),
        OutboxRow.not_before <= now,
        or_(OutboxRow.claimed_until.is_(None), OutboxRow.claimed_until < now),
    )
    reachable_here = select(LearnerRow.id).where(_in_audience(audience))
    # SKIP LOCKED lets several processes claim side by side on PostgreSQL: the rows stay locked
    # until this transaction ends. SQLite has one writer at a time, and the conditions repeated
    # in the UPDATE keep a row from being claimed twice.
    found = await session.execute(
        select(OutboxRow.id, OutboxRow.status)
        .where(*claimable, OutboxRow.learner_id.in_(reachable_here))
        .order_by(OutboxRow.not_before, OutboxRow.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    candidates: dict[int, str] = dict(found.all())
    if not candidates:
        return []
    await session.execute(
        update(OutboxRow)
        .where(OutboxRow.id.in_(candidates), *claimable)
        .values(
            status="pending",
            claimed_by=token,
            claimed_until=now + lease,
        )
        .execution_options(synchronize_session=False)
    )
    rows = await session.execute(
        select(
            OutboxRow,
            PushRow,
            LearnerRow,
            CohortRow,
            CohortMemberRow.cohort_id,
            ConversationRow.lesson_id,
        )
        .join(PushRow, PushRow.id == OutboxRow.push_id)
        .join(LearnerRow, LearnerRow.id == OutboxRow.learner_id)
        .join(CohortRow, CohortRow.id == PushRow.cohort_id)
        .outerjoin(CohortMemberRow, CohortMemberRow.learner_id == OutboxRow.learner_id)
        .outerjoin(ConversationRow, ConversationRow.learner_id == OutboxRow.learner_id)
        .where(OutboxRow.claimed_by == token, OutboxRow.status == "pending")
        .order_by(OutboxRow.not_before, OutboxRow.id)
    )
    return [
        Claimed(
            id=row.id,
            attempts=row.attempts,
            learner_id=learner.id,
            channel=learner.channel,
            external_id=learner.external_id,
            language=learner.language,
            reachable=learner.is_reachable,
            reminders_on=learner.reminders_on,
            last_seen_at=learner.last_seen_at,
            current_lesson_id=lesson_id,
            still_member=cohort.trainer_id == learner.id
            if push.kind in TRAINER_KINDS
            else member_cohort == cohort.id,
            push=as_push(push),
            cohort_name=cohort.name,
            quiet_hours=(cohort.quiet_start, cohort.quiet_end),
            reminder_days=cohort.reminder_days,
            interrupted=candidates.get(row.id) == "sending",
        )
        for row, push, learner, cohort, member_cohort, lesson_id in rows
    ]


def _in_audience(audience: Mapping[str, frozenset[str] | None]) -> ColumnElement[bool]:
    """Return the condition that a learner is in `audience` (see `claim`)."""
    return or_(
        *(
            LearnerRow.channel == channel
            if recipients is None
            else and_(LearnerRow.channel == channel, LearnerRow.external_id.in_(recipients))
            for channel, recipients in audience.items()
        )
    )


async def start_sending(session: AsyncSession, outbox_id: int, token: str) -> bool:
    """Mark a held row as being sent and count the try; False when it is no longer held.

    Tries are counted here rather than at the claim, so that a worker killed again and again
    uses up the tries of the rows it was sending, not those of every row it had claimed.
    """
    result = await session.execute(
        update(OutboxRow)
        .where(
            OutboxRow.id == outbox_id,
            OutboxRow.claimed_by == token,
            OutboxRow.status == "pending",
        )
        .values(status="sending", attempts=OutboxRow.attempts + 1)
    )
    return affected(result) == 1


async def finish(
    session: AsyncSession, outbox_ids: list[int], token: str, outcome: Outcome, now: datetime
) -> int:
    """Record the final outcome of rows this worker still holds; return how many it held."""
    result = await session.execute(
        update(OutboxRow)
        .where(OutboxRow.id.in_(outbox_ids), OutboxRow.claimed_by == token)
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
    outbox_id: int,
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
        values["attempts"] = OutboxRow.attempts - 1
    await session.execute(
        update(OutboxRow)
        .where(OutboxRow.id == outbox_id, OutboxRow.claimed_by == token)
        .values(**values)
    )


async def release(session: AsyncSession, token: str) -> int:
    """Give back every row of this claim not being sent yet, e.g. at shutdown."""
    result = await session.execute(
        update(OutboxRow)
        .where(OutboxRow.claimed_by == token, OutboxRow.status == "pending")
        .values(claimed_by=None, claimed_until=None)
    )
    return affected(result)


async def counts(session: AsyncSession, push_id: int | None = None) -> dict[str, int]:
    """Count outbox rows by status, for one push or all of them."""
    query = select(OutboxRow.status, func.count()).group_by(OutboxRow.status)
    if push_id is not None:
        query = query.where(OutboxRow.push_id == push_id)
    found = {status: int(count) for status, count in await session.execute(query)}
    return {status: found.get(status, 0) for status in STATUSES}
