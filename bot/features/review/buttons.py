"""The review's buttons."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.callbacks import CallbackData


@dataclass(frozen=True)
class NextReview(CallbackData):
    """Ask the next question due for review."""

    action = "review.next"


@dataclass(frozen=True)
class AnswerReview(CallbackData):
    """Choose an option of a question under review."""

    action = "review.ans"
    lesson: str
    item: int
    option: int
