"""What the quiz and the review ask of the store of answers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, Protocol

from bot.core.ports import Port

AnswerMode = Literal["quiz", "review"]


@dataclass(frozen=True)
class Answer:
    """One answer to one quiz item."""

    learner_id: int
    lesson_id: str
    item_id: str
    chosen: int
    is_correct: bool
    mode: AnswerMode
    attempt: int
    answered_at: datetime


@dataclass(frozen=True)
class MissedItem:
    """A quiz item and how often some learners got it wrong in their quizzes."""

    lesson_id: str
    item_id: str
    misses: int
    answers: int


class AnswerStore(Protocol):
    """Every answer to every quiz item; the first answers of an attempt make its score."""

    async def record(self, answer: Answer) -> bool:
        """Store one answer; return False when this exact answer was already stored."""
        ...

    async def attempt_score(self, learner_id: int, lesson_id: str, attempt: int) -> int:
        """Count the right answers of one quiz attempt."""
        ...

    async def last_quiz_answer(
        self, learner_id: int, item_id: str, lesson_id: str | None = None
    ) -> Answer | None:
        """Return the learner's latest quiz answer (not review) to one item, in one lesson if given.

        Item ids are unique within a lesson only: two lessons may have an item of the same id.
        """
        ...

    async def review_count(self, learner_id: int, lesson_id: str, item_id: str) -> int:
        """Count the review answers already given to one item."""
        ...

    async def latest_results(self, learner_id: int) -> dict[tuple[str, str], bool]:
        """Return whether the learner's latest answer (quiz or review) to each item was right."""
        ...

    async def most_missed(self, learner_ids: Sequence[int], limit: int) -> list[MissedItem]:
        """Return up to `limit` quiz items these learners missed most in quizzes, reviews aside."""
        ...

    async def choices(
        self, learner_ids: Sequence[int], items: Sequence[tuple[str, str]]
    ) -> dict[tuple[str, str], dict[int, int]]:
        """Count, per quiz item, how often these learners chose each option in quizzes."""
        ...

    async def export(self, learner_id: int) -> list[dict[str, Any]]:
        """Return the learner's answers for /mydata."""
        ...


ANSWERS: Port[AnswerStore] = Port("answers")
