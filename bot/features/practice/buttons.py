"""Prompt practice's buttons."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.callbacks import CallbackData
from bot.core.replies import Button
from bot.core.router import button
from bot.course.model import Module
from bot.i18n import Translator


@dataclass(frozen=True)
class ModuleTasks(CallbackData):
    """List a module's practice tasks."""

    action = "practice.mod"
    module: str


@dataclass(frozen=True)
class StartTask(CallbackData):
    """Start (or restart) one practice task."""

    action = "practice.task"
    task: str


@dataclass(frozen=True)
class ShowHint(CallbackData):
    """Show the hint of the current task."""

    action = "practice.hint"


@dataclass(frozen=True)
class StopPractice(CallbackData):
    """Leave prompt practice."""

    action = "practice.stop"


def hint_button(t: Translator) -> Button:
    """Return the button that shows the current task's hint."""
    return button(t.gettext("💡 Show a hint"), ShowHint())


def practice_button(t: Translator, module: Module) -> Button | None:
    """Return the button to a module's practice tasks, when it has some."""
    if not module.practice:
        return None
    return button(t.gettext("✍ Practise writing a prompt"), ModuleTasks(module.id))
