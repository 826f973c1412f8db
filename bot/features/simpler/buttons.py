"""The "Simpler, please" button."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.callbacks import CallbackData
from bot.core.replies import Button
from bot.core.router import button
from bot.i18n import Translator


@dataclass(frozen=True)
class Simplify(CallbackData):
    """Show one card in simpler words."""

    action = "simpler.card"
    lesson: str
    card: int


@dataclass(frozen=True)
class ExplainQuestion(CallbackData):
    """Explain the AI words of the quiz or review question on screen, then ask for a guess."""

    # No lesson and item in the data: both ids together may not fit Telegram's 64 bytes, and
    # the question is the one the learner's state holds.
    action = "simpler.question"


def simpler_button(t: Translator, lesson_id: str, index: int) -> Button:
    """Return the "Simpler, please" button for one card."""
    return button(t.gettext("🙂 Simpler, please"), Simplify(lesson_id, index))
