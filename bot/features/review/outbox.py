"""The review reminders' mailbox in the outbox: what a reminder says, if still needed, and when."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.adapters.db.tables import LearnerRow
from bot.config import Language
from bot.core.localtime import after_quiet_hours
from bot.core.replies import Message
from bot.core.router import Services, button, rows
from bot.features.review.buttons import NotNow, ReviewNow, StopReminders
from bot.features.review.flows import SESSION_SIZE
from bot.features.review.memory import end_of_day
from bot.features.review.repo import SqlReviews
from bot.features.review.scheduler import ReminderHours
from bot.features.review.tables import ReviewNudgeRow
from bot.i18n import Translator
from bot.outbox import marks
from bot.outbox.mailbox import Prepared

# What a review question takes, reading and answering, for the time a reminder announces.
SECONDS_PER_QUESTION: Final = 40


@dataclass(frozen=True)
class ClaimedNudge:
    """A claimed reminder, with what it takes to write it."""

    id: int
    attempts: int
    learner_id: int
    channel: str
    external_id: str
    language: Language | None
    reachable: bool
    reminders_on: bool
    last_seen_at: datetime
    created_at: datetime
    interrupted: bool = False


class NudgeMailbox:
    """Review reminders in the `review_nudges` table, sent outside the quiet hours."""

    table = ReviewNudgeRow

    def __init__(self, hours: ReminderHours) -> None:
        self.hours = hours

    async def claim(
        self,
        session: AsyncSession,
        *,
        token: str,
        now: datetime,
        lease: timedelta,
        limit: int,
        audience: marks.Audience,
    ) -> list[ClaimedNudge]:
        """Claim up to `limit` due reminders of the people in `audience`."""
        held = await marks.claim(
            session,
            ReviewNudgeRow,
            token=token,
            now=now,
            lease=lease,
            limit=limit,
            audience=audience,
        )
        if not held:
            return []
        found = await session.execute(
            select(ReviewNudgeRow, LearnerRow)
            .join(LearnerRow, LearnerRow.id == ReviewNudgeRow.learner_id)
            .where(ReviewNudgeRow.claimed_by == token, ReviewNudgeRow.status == "pending")
            .order_by(ReviewNudgeRow.not_before, ReviewNudgeRow.id)
        )
        return [
            ClaimedNudge(
                id=nudge.id,
                attempts=nudge.attempts,
                learner_id=learner.id,
                channel=learner.channel,
                external_id=learner.external_id,
                language=learner.language,
                reachable=learner.is_reachable,
                reminders_on=learner.reminders_on,
                last_seen_at=learner.last_seen_at,
                created_at=nudge.created_at,
                interrupted=held[nudge.id],
            )
            for nudge, learner in found
        ]

    async def prepare(
        self, session: AsyncSession, services: Services, item: ClaimedNudge, now: datetime
    ) -> Prepared:
        """Return the reminder, after the quiet hours; None when it is no longer needed."""
        # Switched off, or back (and maybe reviewing) since it was queued: no reminder needed.
        if not item.reminders_on or item.last_seen_at > item.created_at:
            return None
        if (later := after_quiet_hours(now, self.hours.zone, *self.hours.quiet_hours)) > now:
            return later
        due = await SqlReviews(session).count_due(item.learner_id, end_of_day(now, self.hours.zone))
        if not due:
            return None
        return [nudge_message(services.translator(item.language), min(due, SESSION_SIZE))]


def nudge_message(t: Translator, count: int) -> Message:
    """Return the reminder of `count` waiting questions, with its three buttons."""
    minutes = max(1, math.ceil(count * SECONDS_PER_QUESTION / 60))
    questions = t.ngettext(
        "{count} question is waiting", "{count} questions are waiting", count
    ).format(count=count)
    duration = t.ngettext("{minutes} minute", "{minutes} minutes", minutes).format(minutes=minutes)
    text = t.gettext("🔁 {questions}: {minutes}.").format(questions=questions, minutes=duration)
    return Message(
        text,
        rows(
            button(t.gettext("▶ Review now"), ReviewNow()),
            button(t.gettext("Not now"), NotNow()),
            button(t.gettext("🔕 Stop reminders"), StopReminders()),
        ),
    )
