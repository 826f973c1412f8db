"""A learner's progress."""

from __future__ import annotations

from bot.adapters.db.tables import Base
from bot.core.feature import CommandRoute, FeatureContext, Manifest, on
from bot.features.progress import flows
from bot.features.progress.buttons import ShowProgress
from bot.features.progress.ports import PROGRESS
from bot.features.progress.repo import SqlProgress
from bot.features.progress.tables import LessonProgressRow
from bot.i18n import N_

DOMAIN = "tutor"
TABLES: tuple[type[Base], ...] = (LessonProgressRow,)


def manifest(_: FeatureContext) -> Manifest:
    """Return what the progress screen handles."""
    return Manifest(
        name="progress",
        commands=(CommandRoute("progress", flows.show_progress, N_("What you have done")),),
        buttons=(on(ShowProgress, flows.show_progress),),
        repositories=((PROGRESS, SqlProgress),),
        exporters=(("lessons", lambda uow, learner: uow.get(PROGRESS).export(learner)),),
    )
