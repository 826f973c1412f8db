"""The quiz's buttons."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from bot.core.callbacks import CallbackData
from bot.i18n import N_

# On a lesson's first card: someone who already knows the topic goes straight to its quiz.
QUIZ_NOW: Final = N_("📝 I know this: quiz now")


@dataclass(frozen=True)
class StartQuiz(CallbackData):
    """Start a new attempt at a lesson's quiz."""

    action = "quiz.start"
    lesson: str


@dataclass(frozen=True)
class AnswerQuiz(CallbackData):
    """Choose an option of a quiz item."""

    action = "quiz.ans"
    item: str  # the item's id; the lesson is the one whose quiz the learner is taking
    option: int
