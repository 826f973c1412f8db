"""A learner's progress."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.core.feature import CommandRoute, Deferred, FeatureContext, Manifest, on
from bot.features.progress import flows
from bot.features.progress.buttons import ShowProgress
from bot.features.progress.ports import (
    CELEBRATIONS,
    PROGRESS,
    STREAKS,
    CelebrationStore,
    ProgressStore,
    StreakStore,
)
from bot.i18n import N_

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from bot.adapters.db.tables import Base

DOMAIN = "tutor"


def _tables() -> tuple[type[Base], ...]:
    from bot.features.progress.tables import CelebrationRow, LearningStreakRow, LessonProgressRow

    return (LessonProgressRow, LearningStreakRow, CelebrationRow)


TABLES = Deferred(_tables)


def _sql_progress(session: AsyncSession) -> ProgressStore:
    # Imported on first use, like the tables, so the manifest loads without SQLAlchemy.
    from bot.features.progress.repo import SqlProgress

    return SqlProgress(session)


def _sql_streaks(session: AsyncSession) -> StreakStore:
    from bot.features.progress.repo import SqlStreaks

    return SqlStreaks(session)


def _sql_celebrations(session: AsyncSession) -> CelebrationStore:
    from bot.features.progress.repo import SqlCelebrations

    return SqlCelebrations(session)


def manifest(_: FeatureContext) -> Manifest:
    """Return what the progress screen handles."""
    return Manifest(
        name="progress",
        commands=(CommandRoute("progress", flows.show_progress, N_("What you have done")),),
        buttons=(on(ShowProgress, flows.show_progress),),
        repositories=(
            (PROGRESS, _sql_progress),
            (STREAKS, _sql_streaks),
            (CELEBRATIONS, _sql_celebrations),
        ),
        exporters=(
            ("lessons", lambda uow, learner: uow.get(PROGRESS).export(learner)),
            ("streak", lambda uow, learner: uow.get(STREAKS).export(learner)),
            ("milestones", lambda uow, learner: uow.get(CELEBRATIONS).export(learner)),
        ),
    )
