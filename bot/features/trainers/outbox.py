"""The trainers' mailbox in the outbox: one push to one learner, in their cohort's hours."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.adapters.db.tables import ConversationRow, LearnerRow
from bot.config import Language
from bot.core.localtime import after_quiet_hours
from bot.core.ports import Repositories
from bot.core.router import Services
from bot.features.answers.ports import QUESTIONS
from bot.features.answers.repo import SqlQuestions
from bot.features.gain.ports import CHECKS
from bot.features.gain.repo import SqlChecks
from bot.features.progress.ports import PROGRESS
from bot.features.progress.repo import SqlProgress
from bot.features.quiz.ports import ANSWERS
from bot.features.quiz.repo import SqlAnswers
from bot.features.review.ports import REVIEWS
from bot.features.review.repo import SqlReviews
from bot.features.trainers.ports import (
    COHORTS,
    FORMER_MEMBER_KINDS,
    PUSHES,
    TRAINER_KINDS,
    Push,
)
from bot.features.trainers.pushes import SqlPushes, as_push
from bot.features.trainers.render import render
from bot.features.trainers.repo import SqlCohorts
from bot.features.trainers.tables import CohortMemberRow, CohortRow, OutboxRow, PushRow
from bot.outbox import marks
from bot.outbox.mailbox import Prepared


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
    # Still in the cohort; for what goes to trainers, still the cohort's trainer; for a notice
    # of being taken out, not back in it.
    concerned: bool
    push: Push
    cohort_name: str
    quiet_hours: tuple[int, int]
    reminder_days: int
    # A dead worker was sending it: the channel may or may not have the message.
    interrupted: bool = False


class PushMailbox:
    """Pushes to learners, in the `outbox` table, sent outside their cohort's quiet hours."""

    table = OutboxRow

    def __init__(self, zone: ZoneInfo) -> None:
        self.zone = zone

    async def claim(
        self,
        session: AsyncSession,
        *,
        token: str,
        now: datetime,
        lease: timedelta,
        limit: int,
        audience: marks.Audience,
    ) -> list[Claimed]:
        """Claim up to `limit` due rows of the people in `audience` (see `marks.claim`)."""
        return await claim(
            session, token=token, now=now, lease=lease, limit=limit, audience=audience
        )

    async def prepare(
        self, session: AsyncSession, services: Services, item: Claimed, now: datetime
    ) -> Prepared:
        """Return the push as its learner reads it, after quiet hours, or None to skip it."""
        if not item.concerned:
            return None
        if (later := after_quiet_hours(now, self.zone, *item.quiet_hours)) > now:
            return later
        # What rendering reads: each learner's lessons and reviews; a trainer's week (with the
        # check-ins and check-outs its report counts, and whether its course ended).
        stores = Repositories(
            {
                CHECKS: lambda: SqlChecks(session),
                PROGRESS: lambda: SqlProgress(session),
                REVIEWS: lambda: SqlReviews(session),
                COHORTS: lambda: SqlCohorts(session),
                PUSHES: lambda: SqlPushes(session),
                ANSWERS: lambda: SqlAnswers(session),
                QUESTIONS: lambda: SqlQuestions(session),
            }
        )
        return await render(stores, services, item, now)


async def claim(
    session: AsyncSession,
    *,
    token: str,
    now: datetime,
    lease: timedelta,
    limit: int,
    audience: marks.Audience,
) -> list[Claimed]:
    """Take up to `limit` due pushes of the people in `audience`, with what renders them."""
    held = await marks.claim(
        session, OutboxRow, token=token, now=now, lease=lease, limit=limit, audience=audience
    )
    if not held:
        return []
    return await _load(session, token, held)


async def _load(session: AsyncSession, token: str, held: dict[int, bool]) -> list[Claimed]:
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
            concerned=_addressed(push.kind, cohort, learner.id, member_cohort),
            push=as_push(push),
            cohort_name=cohort.name,
            quiet_hours=(cohort.quiet_start, cohort.quiet_end),
            reminder_days=cohort.reminder_days,
            interrupted=held[row.id],
        )
        for row, push, learner, cohort, member_cohort, lesson_id in rows
    ]


def _addressed(kind: str, cohort: CohortRow, learner_id: int, member_of: int | None) -> bool:
    """Tell whether a push still concerns its reader: the trainer, a former or a current member."""
    if kind in TRAINER_KINDS:
        return cohort.trainer_id == learner_id
    if kind in FORMER_MEMBER_KINDS:
        # Back in the group by the time it goes out: being taken out is old news.
        return member_of != cohort.id
    return member_of == cohort.id


async def counts(session: AsyncSession, push_id: int | None = None) -> dict[str, int]:
    """Count outbox rows by status, for one push or all of them."""
    conditions = () if push_id is None else (OutboxRow.push_id == push_id,)
    return await marks.counts(session, OutboxRow, *conditions)
