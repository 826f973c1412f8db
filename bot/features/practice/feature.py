"""Prompt practice: write a prompt for a task, get feedback against a rubric."""

from __future__ import annotations

from bot.adapters.db.tables import Base
from bot.core.feature import CommandRoute, FeatureContext, Manifest, TextRoute, on
from bot.features.practice.buttons import ModuleTasks, ShowHint, StartTask, StopPractice
from bot.features.practice.flows import Practice, Practising
from bot.features.practice.ports import ATTEMPTS
from bot.features.practice.repo import SqlAttempts
from bot.features.practice.tables import PracticeAttemptRow
from bot.i18n import N_

DOMAIN = "llm"
TABLES: tuple[type[Base], ...] = (PracticeAttemptRow,)


def manifest(context: FeatureContext) -> Manifest:
    """Return what prompt practice handles."""
    practice = Practice(context.chains, context.budget, context.settings.privacy_lesson_id)
    return Manifest(
        name="practice",
        commands=(CommandRoute("practice", practice.choose, N_("Practise writing a prompt")),),
        buttons=(
            on(ModuleTasks, practice.module_tasks),
            on(StartTask, practice.start),
            on(ShowHint, practice.hint),
            on(StopPractice, practice.stop),
        ),
        texts=(TextRoute(practice.attempt, Practising.flow),),
        states=(Practising,),
        repositories=((ATTEMPTS, SqlAttempts),),
        exporters=(("prompt_practice", lambda uow, learner: uow.get(ATTEMPTS).export(learner)),),
    )
