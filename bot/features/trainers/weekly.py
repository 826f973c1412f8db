"""Queue each trainer's weekly report on Monday morning, once per cohort and week."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Final
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.localtime import to_utc
from bot.features.trainers.pushes import SqlPushes
from bot.features.trainers.tables import (
    CohortMemberRow,
    CohortRow,
    PushRow,
    TrainerSettingsRow,
)
from bot.features.trainers.weekly_report import WEEKLY_MINUTE

# A tutor down on Monday morning still sends the report when it starts the same day; later
# than this, the week is skipped rather than reported on a Thursday.
CATCH_UP: Final = timedelta(hours=12)


def weekly_slot(now: datetime, zone: ZoneInfo) -> datetime:
    """Return the last Monday 08:00 (local) at or before `now`, in UTC."""
    today = now.astimezone(zone).date()
    monday = today - timedelta(days=today.weekday())
    slot = to_utc(monday, WEEKLY_MINUTE, zone)
    return slot if slot <= now else to_utc(monday - timedelta(days=7), WEEKLY_MINUTE, zone)


async def queue_weekly_reports(session: AsyncSession, now: datetime, zone: ZoneInfo) -> int:
    """Queue this week's report for each running cohort with learners; return how many."""
    slot = weekly_slot(now, zone)
    if now - slot > CATCH_UP:
        return 0
    switched_off = select(TrainerSettingsRow.learner_id).where(
        TrainerSettingsRow.weekly_report.is_(False)
    )
    # Stamping the week in the statement that picks the cohorts means a second process (or a
    # second tick) finds none left for this week.
    picked = await session.execute(
        update(CohortRow)
        .where(
            CohortRow.trainer_id.is_not(None),
            # A group made after Monday 08:00 has had no week yet: its first report is next week.
            CohortRow.created_at <= slot,
            CohortRow.trainer_id.not_in(switched_off),
            CohortRow.id.in_(select(CohortMemberRow.cohort_id)),
            # An ended course has no week to report on; its report stays one tap away.
            CohortRow.id.not_in(select(PushRow.cohort_id).where(PushRow.kind == "ended")),
            or_(CohortRow.weekly_report_at.is_(None), CohortRow.weekly_report_at < slot),
        )
        .values(weekly_report_at=slot)
        .returning(CohortRow.id, CohortRow.trainer_id, CohortRow.quiet_start, CohortRow.quiet_end)
        .execution_options(synchronize_session=False)
    )
    queued = 0
    for cohort_id, trainer_id, quiet_start, quiet_end in picked.all():
        push = PushRow(
            cohort_id=cohort_id, kind="weekly", created_at=now, due_at=now, expanded_at=now
        )
        session.add(push)
        await session.flush()
        assert trainer_id is not None, "picked only with a trainer"
        quiet = (quiet_start, quiet_end)
        queued += await SqlPushes(session).fan_out(push.id, [trainer_id], quiet, now, zone)
    return queued
