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
    item: str  # the item's id; the lesson is in the review's state
    option: int


@dataclass(frozen=True)
class ReviewNow(CallbackData):
    """Start a review from a reminder."""

    action = "review.now"


@dataclass(frozen=True)
class NotNow(CallbackData):
    """Put a reminder aside: the questions wait, the next reminder comes another day."""

    action = "review.later"


@dataclass(frozen=True)
class StopReminders(CallbackData):
    """Send no more reminders."""

    action = "review.stop"
