"""Lessons: browse the modules, read a lesson card by card, continue where you were."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.core.feature import CommandRoute, FeatureContext, Manifest, on
from bot.features.lessons import flows
from bot.features.lessons.buttons import OpenLesson, Resume, ShowCard, ShowModule, ShowModules
from bot.features.lessons.resume import resume
from bot.i18n import N_

if TYPE_CHECKING:
    from bot.adapters.db.tables import Base

DOMAIN = "tutor"
TABLES: tuple[type[Base], ...] = ()


def manifest(_: FeatureContext) -> Manifest:
    """Return what the lessons feature handles."""
    return Manifest(
        name="lessons",
        commands=(
            CommandRoute("lessons", flows.show_modules, N_("All lessons")),
            CommandRoute("continue", resume, N_("Go on where you were"), replayable=True),
        ),
        buttons=(
            on(ShowModules, flows.show_modules, replayable=True),
            on(ShowModule, flows.show_module, replayable=True),
            on(OpenLesson, flows.open_lesson, replayable=True),
            on(ShowCard, flows.go_to_card, replayable=True),
            on(Resume, resume, replayable=True),
        ),
        states=(flows.Reading,),
    )
