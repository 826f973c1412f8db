"""Pushes and weekly plans: create them, and fan a due push out to one outbox row per learner."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Final
from zoneinfo import ZoneInfo

from sqlalchemy import delete, exists, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.adapters.db.database import affected
from bot.adapters.db.tables import LearnerRow
from bot.core.localtime import after_quiet_hours
from bot.features.trainers.ports import NOTICE_KINDS, Cohort, Plan, PlanKind, Push, PushKind
from bot.features.trainers.tables import CohortMemberRow, CohortRow, OutboxRow, PushPlanRow, PushRow
from bot.features.trainers.timing import next_occurrence

EXPAND_BATCH: Final = 20
# The same push to the same cohort this close to another is taken for the same command typed
# twice: learners would get it twice.
SAME_PUSH_WITHIN: Final = timedelta(hours=1)


def as_push(row: PushRow) -> Push:
    """Return a push row as a dataclass."""
    return Push(
        id=row.id,
        cohort_id=row.cohort_id,
        kind=row.kind,
        lesson_id=row.lesson_id,
        texts=dict(row.texts or {}),
        created_at=row.created_at,
        due_at=row.due_at,
        expanded_at=row.expanded_at,
        plan_id=row.plan_id,
    )


def _plan(row: PushPlanRow) -> Plan:
    return Plan(row.id, row.cohort_id, row.kind, row.weekdays, row.at_minute, row.next_run_at)


class SqlPushes:
    """Pushes, plans and the outbox rows they fan out to, in the trainers feature's tables."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def create_push(
        self,
        cohort: Cohort,
        kind: PushKind,
        *,
        now: datetime,
        zone: ZoneInfo,
        due_at: datetime | None = None,
        lesson_id: str | None = None,
        texts: dict[str, str] | None = None,
        created_by_id: int | None = None,
        plan_id: int | None = None,
    ) -> Push:
        """Create a push; one due now is fanned out to the outbox in the same transaction."""
        row = PushRow(
            cohort_id=cohort.id,
            created_by_id=created_by_id,
            plan_id=plan_id,
            kind=kind,
            lesson_id=lesson_id,
            texts=texts or None,
            created_at=now,
            due_at=due_at or now,
        )
        self.session.add(row)
        await self.session.flush()
        if row.due_at <= now:
            await self.expand(row.id, now, zone)
            await self.session.refresh(row)
        return as_push(row)

    async def notify(
        self, cohort: Cohort, kind: PushKind, learner_id: int, *, now: datetime, zone: ZoneInfo
    ) -> None:
        """Queue a notice about the cohort for one learner, after the cohort's quiet hours."""
        row = PushRow(cohort_id=cohort.id, kind=kind, created_at=now, due_at=now, expanded_at=now)
        self.session.add(row)
        await self.session.flush()
        await self.fan_out(row.id, [learner_id], (cohort.quiet_start, cohort.quiet_end), now, zone)

    async def ended_on(self, cohort_ids: list[int]) -> dict[int, datetime]:
        """Return when each of these cohorts' course ended, for those that ended."""
        # The notice to the learners is the record of the end: ending is no state of its own.
        rows = await self.session.execute(
            select(PushRow.cohort_id, func.max(PushRow.created_at))
            .where(PushRow.cohort_id.in_(cohort_ids), PushRow.kind == "ended")
            .group_by(PushRow.cohort_id)
        )
        return {cohort_id: ended for cohort_id, ended in rows if ended is not None}

    async def reopen(self, cohort_id: int) -> None:
        """Open an ended course again: its end, and the notices of it not sent yet, go."""
        await self.session.execute(
            delete(PushRow).where(PushRow.cohort_id == cohort_id, PushRow.kind == "ended")
        )

    async def expand(self, push_id: int, now: datetime, zone: ZoneInfo) -> int:
        """Write one pending outbox row per reachable learner of the cohort; return how many."""
        # Whoever flips expanded_at first does the fan-out; a second process changes nothing.
        taken = await self.session.execute(
            update(PushRow)
            .where(PushRow.id == push_id, PushRow.expanded_at.is_(None))
            .values(expanded_at=now)
        )
        if affected(taken) == 0:
            return 0
        push = await self.session.get(PushRow, push_id)
        cohort = await self.session.get(CohortRow, push.cohort_id) if push else None
        if push is None or cohort is None:
            return 0
        recipients = await self.session.scalars(
            select(CohortMemberRow.learner_id)
            .join(LearnerRow, LearnerRow.id == CohortMemberRow.learner_id)
            .where(CohortMemberRow.cohort_id == cohort.id, LearnerRow.is_reachable.is_(True))
        )
        quiet = (cohort.quiet_start, cohort.quiet_end)
        return await self.fan_out(push_id, list(recipients), quiet, now, zone)

    async def fan_out(
        self,
        push_id: int,
        learner_ids: list[int],
        quiet_hours: tuple[int, int],
        now: datetime,
        zone: ZoneInfo,
    ) -> int:
        """Insert pending outbox rows for a push, held back until the quiet hours end."""
        if not learner_ids:
            return 0
        not_before = after_quiet_hours(now, zone, *quiet_hours)
        await self.session.execute(
            insert(OutboxRow),
            [
                {
                    "push_id": push_id,
                    "learner_id": learner_id,
                    "status": "pending",
                    "not_before": not_before,
                    "attempts": 0,
                }
                for learner_id in learner_ids
            ],
        )
        return len(learner_ids)

    async def expand_due(self, now: datetime, zone: ZoneInfo) -> int:
        """Fan out the scheduled pushes whose time has come; return how many rows were written."""
        due = await self.session.scalars(
            select(PushRow.id)
            .where(PushRow.expanded_at.is_(None), PushRow.due_at <= now)
            .order_by(PushRow.due_at)
            .limit(EXPAND_BATCH)
        )
        return sum([await self.expand(push_id, now, zone) for push_id in list(due)])

    async def create_plan(
        self,
        cohort: Cohort,
        kind: PlanKind,
        *,
        weekdays: str,
        at_minute: int,
        now: datetime,
        zone: ZoneInfo,
        created_by_id: int | None = None,
    ) -> Plan:
        """Create a recurring push; its first run is the next matching day and time."""
        row = PushPlanRow(
            cohort_id=cohort.id,
            created_by_id=created_by_id,
            kind=kind,
            weekdays=weekdays,
            at_minute=at_minute,
            next_run_at=next_occurrence(now, zone, weekdays, at_minute),
            created_at=now,
        )
        self.session.add(row)
        await self.session.flush()
        return _plan(row)

    async def same_plan(
        self, cohort_id: int, kind: PlanKind, weekdays: str, at_minute: int
    ) -> Plan | None:
        """Return a cohort's plan that already sends this at this time on one of these days."""
        # "mon,wed,fri" beside "mon-fri" at the same hour: learners would get it twice.
        rows = await self.session.scalars(
            select(PushPlanRow)
            .where(
                PushPlanRow.cohort_id == cohort_id,
                PushPlanRow.kind == kind,
                PushPlanRow.at_minute == at_minute,
            )
            .order_by(PushPlanRow.id)
        )
        return next((_plan(row) for row in rows if set(row.weekdays) & set(weekdays)), None)

    async def same_push(
        self,
        cohort_id: int,
        kind: PushKind,
        lesson_id: str | None,
        texts: dict[str, str] | None,
        due_at: datetime,
    ) -> Push | None:
        """Return a push of a cohort that sends the same within `SAME_PUSH_WITHIN` of that time."""
        # One that went out to nobody (the group was empty) sent nothing twice: "already made or
        # planned" after "nobody in the group can get it" left a trainer guessing.
        reached = exists().where(OutboxRow.push_id == PushRow.id)
        rows = await self.session.scalars(
            select(PushRow)
            .where(
                PushRow.cohort_id == cohort_id,
                PushRow.plan_id.is_(None),
                PushRow.kind == kind,
                PushRow.due_at >= due_at - SAME_PUSH_WITHIN,
                PushRow.due_at <= due_at + SAME_PUSH_WITHIN,
                PushRow.expanded_at.is_(None) | reached,
            )
            .order_by(PushRow.id)
        )
        return next(
            (
                as_push(row)
                for row in rows
                if row.lesson_id == lesson_id and (row.texts or {}) == (texts or {})
            ),
            None,
        )

    async def lesson_sent(self, learner_id: int) -> str | None:
        """Return the lesson of the latest push of a lesson that reached a learner, if any."""
        lesson_id: str | None = await self.session.scalar(
            select(PushRow.lesson_id)
            .join(OutboxRow, OutboxRow.push_id == PushRow.id)
            .where(
                OutboxRow.learner_id == learner_id,
                OutboxRow.status == "sent",
                PushRow.lesson_id.is_not(None),
            )
            .order_by(OutboxRow.sent_at.desc())
            .limit(1)
        )
        return lesson_id

    async def run_due_plans(self, now: datetime, zone: ZoneInfo) -> int:
        """Turn each plan whose time has come into a push; return how many pushes were made."""
        plans = list(
            await self.session.scalars(select(PushPlanRow).where(PushPlanRow.next_run_at <= now))
        )
        made = 0
        for plan in plans:
            # Runs missed while the bot was down collapse into one: nobody gets a pile of lessons.
            following = next_occurrence(now, zone, plan.weekdays, plan.at_minute)
            moved = await self.session.execute(
                update(PushPlanRow)
                .where(PushPlanRow.id == plan.id, PushPlanRow.next_run_at == plan.next_run_at)
                .values(next_run_at=following)
            )
            cohort = await self.session.get(CohortRow, plan.cohort_id)
            if affected(moved) == 0 or cohort is None:
                continue
            row = PushRow(
                cohort_id=plan.cohort_id,
                created_by_id=plan.created_by_id,
                plan_id=plan.id,
                kind=plan.kind,
                created_at=now,
                due_at=now,
            )
            self.session.add(row)
            await self.session.flush()
            await self.expand(row.id, now, zone)
            made += 1
        return made

    async def upcoming(self, cohort_ids: list[int], now: datetime) -> tuple[list[Push], list[Plan]]:
        """Return the pushes of some cohorts still to come (planned, or held), and their plans."""
        held = select(OutboxRow.push_id).where(
            OutboxRow.status == "pending", OutboxRow.not_before > now
        )
        pushes = await self.session.scalars(
            select(PushRow)
            .where(
                PushRow.cohort_id.in_(cohort_ids),
                PushRow.kind.not_in(NOTICE_KINDS),
                PushRow.expanded_at.is_(None) | PushRow.id.in_(held),
            )
            .order_by(PushRow.due_at)
        )
        plans = await self.session.scalars(
            select(PushPlanRow)
            .where(PushPlanRow.cohort_id.in_(cohort_ids))
            .order_by(PushPlanRow.id)
        )
        return [as_push(row) for row in pushes], [_plan(row) for row in plans]

    async def waiting(self, push_id: int) -> dict[datetime, int]:
        """Count a push's outbox rows not sent yet, by the moment they may go out."""
        rows = await self.session.execute(
            select(OutboxRow.not_before, func.count())
            .where(OutboxRow.push_id == push_id, OutboxRow.status == "pending")
            .group_by(OutboxRow.not_before)
        )
        return {not_before: int(count) for not_before, count in rows}

    async def move_held(self, cohort_id: int, held_until: datetime, release_at: datetime) -> int:
        """Move a cohort's rows held until `held_until` (its quiet hours' end) to `release_at`."""
        # Only rows held by the quiet hours wait for exactly their end; a rate-limited retry
        # waits a few seconds, and keeps its own time.
        result = await self.session.execute(
            update(OutboxRow)
            .where(
                OutboxRow.status == "pending",
                OutboxRow.not_before == held_until,
                OutboxRow.push_id.in_(select(PushRow.id).where(PushRow.cohort_id == cohort_id)),
            )
            .values(not_before=release_at)
            .execution_options(synchronize_session=False)
        )
        return affected(result)

    async def cancel_push(self, push_id: int, cohort_ids: list[int]) -> bool:
        """Cancel a push of one of these cohorts, for every learner it has not reached yet."""
        push = await self.session.scalar(
            select(PushRow).where(PushRow.id == push_id, PushRow.cohort_id.in_(cohort_ids))
        )
        if push is None:
            return False
        if push.expanded_at is None:
            await self.session.delete(push)
            await self.session.flush()
            return True
        # Already queued, held by quiet hours or waiting its turn: the rows the outbox worker has
        # not taken yet go, those it is sending or sent stay.
        unsent = await self.session.execute(
            delete(OutboxRow).where(OutboxRow.push_id == push_id, OutboxRow.status == "pending")
        )
        return affected(unsent) > 0

    async def stop_plan(self, plan_id: int, cohort_ids: list[int]) -> bool:
        """Stop a plan of one of these cohorts."""
        result = await self.session.execute(
            delete(PushPlanRow).where(
                PushPlanRow.id == plan_id, PushPlanRow.cohort_id.in_(cohort_ids)
            )
        )
        return affected(result) > 0
