"""What the learning flows ask of the progress store."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from bot.core.ports import Port
from bot.features.progress.streaks import Streak


@dataclass(frozen=True)
class LessonProgress:
    """A learner's progress in one lesson."""

    lesson_id: str
    started_at: datetime
    completed_at: datetime | None
    quiz_attempts: int
    last_score: int | None
    best_score: int | None
    quiz_total: int


class ProgressStore(Protocol):
    """How far each learner got in each lesson."""

    async def of_lesson(self, learner_id: int, lesson_id: str) -> LessonProgress | None:
        """Return the learner's progress in one lesson."""
        ...

    async def all(self, learner_id: int) -> list[LessonProgress]:
        """Return the learner's progress in every lesson they started, oldest first."""
        ...

    async def of_learners(self, learner_ids: Sequence[int]) -> dict[int, list[LessonProgress]]:
        """Return the progress of several learners in the lessons they started, by learner."""
        ...

    async def start_lesson(self, learner_id: int, lesson_id: str, now: datetime) -> None:
        """Note that a learner opened a lesson (once; later openings keep the first date)."""
        ...

    async def start_quiz_attempt(
        self, learner_id: int, lesson_id: str, total: int, now: datetime
    ) -> int:
        """Begin a new quiz attempt on a lesson and return its number."""
        ...

    async def finish_quiz(
        self, learner_id: int, lesson_id: str, score: int, now: datetime
    ) -> LessonProgress:
        """Record a finished quiz: last and best score, and the lesson as completed."""
        ...

    async def export(self, learner_id: int) -> list[dict[str, Any]]:
        """Return the learner's progress for /mydata."""
        ...


PROGRESS: Port[ProgressStore] = Port("progress")


class StreakStore(Protocol):
    """Each learner's run of learning days (four values, see `streaks`)."""

    async def of(self, learner_id: int) -> Streak | None:
        """Return the learner's streak, if they ever learnt."""
        ...

    async def save(self, learner_id: int, streak: Streak) -> None:
        """Store the learner's streak."""
        ...

    async def export(self, learner_id: int) -> dict[str, Any] | None:
        """Return the learner's streak for /mydata."""
        ...


STREAKS: Port[StreakStore] = Port("streaks")


class CelebrationStore(Protocol):
    """The milestones each learner was congratulated on (a module, the course), once each."""

    async def claim(self, learner_id: int, milestone: str, now: datetime) -> bool:
        """Note a milestone; return False when it was noted before."""
        ...

    async def export(self, learner_id: int) -> list[dict[str, Any]]:
        """Return the learner's milestones for /mydata."""
        ...


CELEBRATIONS: Port[CelebrationStore] = Port("celebrations")
