"""Queue one friendly nudge for each learner inactive for their cohort's number of days."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.adapters.db.tables import LearnerRow
from bot.features.trainers.pushes import SqlPushes
from bot.features.trainers.tables import CohortMemberRow, CohortRow, PushRow


async def queue_reminders(session: AsyncSession, now: datetime, zone: ZoneInfo) -> int:
    """Queue reminders for learners inactive too long; return how many were queued."""
    cohorts = list(await session.scalars(select(CohortRow).where(CohortRow.reminder_days > 0)))
    queued = 0
    for cohort in cohorts:
        inactive = select(LearnerRow.id).where(
            LearnerRow.reminders_on.is_(True),
            LearnerRow.is_reachable.is_(True),
            LearnerRow.last_seen_at <= now - timedelta(days=cohort.reminder_days),
        )
        last_seen = (
            select(LearnerRow.last_seen_at)
            .where(LearnerRow.id == CohortMemberRow.learner_id)
            .scalar_subquery()
        )
        # Stamping reminded_at in the same statement that picks the learners means a second
        # process running this at the same moment finds nobody left to remind.
        picked = await session.execute(
            update(CohortMemberRow)
            .where(
                CohortMemberRow.cohort_id == cohort.id,
                CohortMemberRow.learner_id.in_(inactive),
                or_(CohortMemberRow.reminded_at.is_(None), CohortMemberRow.reminded_at < last_seen),
            )
            .values(reminded_at=now)
            .returning(CohortMemberRow.learner_id)
            .execution_options(synchronize_session=False)
        )
        learner_ids = list(picked.scalars())
        if not learner_ids:
            continue
        push = PushRow(
            cohort_id=cohort.id, kind="reminder", created_at=now, due_at=now, expanded_at=now
        )
        session.add(push)
        await session.flush()
        quiet = (cohort.quiet_start, cohort.quiet_end)
        queued += await SqlPushes(session).fan_out(push.id, learner_ids, quiet, now, zone)
    return queued
