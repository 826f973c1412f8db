"""Review reminders: a daily message when questions are due, at the hour the learner learns.

Every minute the scheduler queues one reminder for each learner whose hour has come, who has
questions due today, has reminders on, has had none today, and has not left the last three
unanswered (answered: the learner did anything after it). The outbox worker sends it (see
outbox.py), outside the quiet hours.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Final
from zoneinfo import ZoneInfo

from sqlalchemy import exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.adapters.db.database import Database, upsert
from bot.adapters.db.tables import LearnerRow
from bot.config import Settings
from bot.core.delivery import Deliverer
from bot.core.localtime import after_quiet_hours, parse_range
from bot.core.periodic import repeat
from bot.core.router import Services
from bot.features.review.memory import end_of_day
from bot.features.review.ports import DEFAULT_HOUR
from bot.features.review.tables import ReviewCardRow, ReviewNudgeRow, ReviewReminderRow

logger = logging.getLogger(__name__)

TICK_SECONDS: Final = 60.0
# Reminders left unanswered in a row after which the tutor stops sending them.
MAX_UNANSWERED: Final = 3
# A learner who did something this recently is learning: the reminder waits until they stop.
# One came under the first question of a review the learner had just started.
ACTIVE_RECENTLY: Final = timedelta(minutes=30)
# What a review question takes, reading and answering, for the time a reminder announces.
SECONDS_PER_QUESTION: Final = 40


@dataclass(frozen=True)
class ReminderHours:
    """The tutor's time zone and the quiet hours no reminder is sent in."""

    zone: ZoneInfo
    quiet_hours: tuple[int, int]


def reminder_hours(settings: Settings) -> ReminderHours:
    """Return the time zone and quiet hours of the settings."""
    quiet = parse_range(settings.quiet_hours)
    assert quiet is not None, "validated by Settings"
    return ReminderHours(ZoneInfo(settings.timezone), quiet)


class NudgeScheduler:
    """Queue the day's review reminders; safe when several processes tick at once."""

    def __init__(self, database: Database, services: Services, hours: ReminderHours) -> None:
        self.database = database
        self.services = services
        self.hours = hours

    async def run(self, deliverers: Mapping[str, Deliverer]) -> None:
        """Tick every minute until cancelled; the outbox worker does the sending."""
        await repeat(self.tick, TICK_SECONDS, logger, "Review reminder tick failed")

    async def tick(self) -> int:
        """Queue the reminders due now, in one transaction; return how many were queued."""
        async with self.database.session() as session:
            return await queue_nudges(session, self.services.clock(), self.hours)


async def queue_nudges(session: AsyncSession, now: datetime, hours: ReminderHours) -> int:
    """Queue a reminder for every learner whose hour has come today; return how many."""
    local = now.astimezone(hours.zone)
    today = local.date()
    start_of_today = datetime.combine(today, time(0), tzinfo=hours.zone)
    hour = func.coalesce(ReviewReminderRow.chosen_hour, ReviewReminderRow.usual_hour, DEFAULT_HOUR)
    due_today = exists().where(
        ReviewCardRow.learner_id == LearnerRow.id, ReviewCardRow.due < end_of_day(now, hours.zone)
    )
    # One a day: none queued today, and none held back by quiet hours until today.
    reminded_today = exists().where(
        ReviewNudgeRow.learner_id == LearnerRow.id,
        or_(ReviewNudgeRow.day == today, ReviewNudgeRow.not_before >= start_of_today),
    )
    unanswered = (
        select(func.count())
        .where(
            ReviewNudgeRow.learner_id == LearnerRow.id,
            # Sent, or on its way: queued after the learner's last action, so not answered.
            ReviewNudgeRow.status.in_(("pending", "sending", "sent")),
            ReviewNudgeRow.created_at > LearnerRow.last_seen_at,
        )
        .scalar_subquery()
    )
    learners = list(
        await session.scalars(
            select(LearnerRow.id)
            .outerjoin(ReviewReminderRow, ReviewReminderRow.learner_id == LearnerRow.id)
            .where(
                LearnerRow.reminders_on.is_(True),
                LearnerRow.is_reachable.is_(True),
                LearnerRow.last_seen_at <= now - ACTIVE_RECENTLY,
                hour <= local.hour,
                due_today,
                ~reminded_today,
                unanswered < MAX_UNANSWERED,
            )
            .order_by(LearnerRow.id)
        )
    )
    if not learners:
        return 0
    not_before = after_quiet_hours(now, hours.zone, *hours.quiet_hours)
    values = [
        {
            "learner_id": learner_id,
            "day": today,
            "created_at": now,
            "status": "pending",
            "not_before": not_before,
            "attempts": 0,
        }
        for learner_id in learners
    ]
    # A second process ticking at the same moment finds the day's row there and adds nothing.
    inserted = await session.scalars(
        upsert(session, ReviewNudgeRow)
        .values(values)
        .on_conflict_do_nothing(index_elements=["learner_id", "day"])
        .returning(ReviewNudgeRow.id)
    )
    return len(list(inserted))
