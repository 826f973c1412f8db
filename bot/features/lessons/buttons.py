"""The lesson browser's buttons."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.callbacks import CallbackData


@dataclass(frozen=True)
class ShowModules(CallbackData):
    """List the modules."""

    action = "lessons.mods"


@dataclass(frozen=True)
class ShowModule(CallbackData):
    """List one module's lessons."""

    action = "lessons.mod"
    module: str


@dataclass(frozen=True)
class OpenLesson(CallbackData):
    """Open a lesson where the learner left it."""

    action = "lessons.open"
    lesson: str


@dataclass(frozen=True)
class ShowCard(CallbackData):
    """Show one card of a lesson."""

    action = "lessons.card"
    lesson: str
    card: int


@dataclass(frozen=True)
class Resume(CallbackData):
    """Go back to exactly where the learner was."""

    action = "lessons.resume"
