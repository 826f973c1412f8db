"""Reviews with a memory model (FSRS), the reminders that bring them, and /quiz that offers them."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from bot.core.feature import CommandRoute, Deferred, FeatureContext, Manifest, on
from bot.features.review import flows
from bot.features.review.buttons import (
    AnswerReview,
    NextReview,
    NotNow,
    ReviewNow,
    StopReminders,
)
from bot.features.review.memory import MEMORY, Memory
from bot.features.review.ports import REMINDERS, REVIEWS, ReminderStore, ReviewStore
from bot.i18n import N_

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from bot.adapters.db.tables import Base
    from bot.config import Settings
    from bot.core.delivery import Worker
    from bot.core.router import Services
    from bot.outbox.mailbox import Mailbox

DOMAIN = "tutor"


def _tables() -> tuple[type[Base], ...]:
    from bot.features.review.tables import ReviewCardRow, ReviewNudgeRow, ReviewReminderRow

    return (ReviewCardRow, ReviewReminderRow, ReviewNudgeRow)


TABLES = Deferred(_tables)


# Imported on first use, like the tables, so the manifest loads without SQLAlchemy.
def _sql_reviews(session: AsyncSession) -> ReviewStore:
    from bot.features.review.repo import SqlReviews

    return SqlReviews(session)


def _sql_reminders(session: AsyncSession) -> ReminderStore:
    from bot.features.review.repo import SqlReminders

    return SqlReminders(session)


def _nudge_scheduler(context: FeatureContext, services: Services) -> Worker:
    from bot.features.review.scheduler import NudgeScheduler, reminder_hours

    return NudgeScheduler(context.database, services, reminder_hours(context.settings))


def _nudge_mailbox(settings: Settings) -> tuple[Mailbox[Any]]:
    from bot.features.review.outbox import NudgeMailbox
    from bot.features.review.scheduler import reminder_hours

    return (NudgeMailbox(reminder_hours(settings)),)


def manifest(context: FeatureContext) -> Manifest:
    """Return what the review handles, stores, exports and runs."""
    settings = context.settings
    memory = Memory(settings.review_retention)
    return Manifest(
        name="review",
        commands=(
            CommandRoute("quiz", flows.quiz_command, N_("A quiz, or your review"), replayable=True),
            CommandRoute("review", flows.next_review),
        ),
        buttons=(
            on(NextReview, flows.next_review),
            on(AnswerReview, flows.review_answer),
            on(ReviewNow, flows.review_now),
            on(NotNow, flows.not_now),
            on(StopReminders, flows.stop_reminders),
        ),
        states=(flows.Reviewing,),
        # An option's letter or words typed under a review question answer it.
        text_filters=(flows.answer_in_words,),
        repositories=(
            (REVIEWS, _sql_reviews),
            (REMINDERS, _sql_reminders),
            (MEMORY, lambda _: memory),
        ),
        exporters=(
            ("review_cards", lambda uow, learner: uow.get(REVIEWS).export(learner)),
            ("review_reminders", lambda uow, learner: uow.get(REMINDERS).export(learner)),
        ),
        workers=(partial(_nudge_scheduler, context),),
        mailboxes=Deferred(partial(_nudge_mailbox, settings)),
    )
