"""The progress store on the database."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, case, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.adapters.db.database import save_row, upsert
from bot.adapters.db.tables import table_of
from bot.core.ports import jsonable
from bot.features.progress.ports import LessonProgress
from bot.features.progress.streaks import Streak, streak_export
from bot.features.progress.tables import CelebrationRow, LearningStreakRow, LessonProgressRow

if TYPE_CHECKING:
    from sqlalchemy.dialects import postgresql, sqlite

LESSON_PROGRESS = table_of(LessonProgressRow)
STREAKS = table_of(LearningStreakRow)


def _progress(row: Any) -> LessonProgress:
    return LessonProgress(
        lesson_id=row.lesson_id,
        started_at=row.started_at,
        completed_at=row.completed_at,
        quiz_attempts=row.quiz_attempts,
        last_score=row.last_score,
        best_score=row.best_score,
        quiz_total=row.quiz_total,
    )


class SqlProgress:
    """Lesson progress in the `lesson_progress` table, read and written on the table itself."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def of_lesson(self, learner_id: int, lesson_id: str) -> LessonProgress | None:
        """Return the learner's progress in one lesson."""
        row = (
            await self.session.execute(select(LESSON_PROGRESS).where(_one(learner_id, lesson_id)))
        ).one_or_none()
        return _progress(row) if row else None

    async def all(self, learner_id: int) -> list[LessonProgress]:
        """Return the learner's progress in every lesson they started, oldest first."""
        rows = await self.session.execute(
            select(LESSON_PROGRESS)
            .where(LESSON_PROGRESS.c.learner_id == learner_id)
            .order_by(LESSON_PROGRESS.c.started_at)
        )
        return [_progress(row) for row in rows]

    async def of_learners(self, learner_ids: Sequence[int]) -> dict[int, list[LessonProgress]]:
        """Return the progress of several learners in the lessons they started, by learner."""
        rows = await self.session.execute(
            select(LESSON_PROGRESS)
            .where(LESSON_PROGRESS.c.learner_id.in_(learner_ids))
            .order_by(LESSON_PROGRESS.c.learner_id, LESSON_PROGRESS.c.started_at)
        )
        found: dict[int, list[LessonProgress]] = {}
        for row in rows:
            found.setdefault(row.learner_id, []).append(_progress(row))
        return found

    async def start_lesson(self, learner_id: int, lesson_id: str, now: datetime) -> None:
        """Note that a learner opened a lesson (once; later openings keep the first date)."""
        await self.session.execute(
            self._started(learner_id, lesson_id, now, attempts=0, total=0).on_conflict_do_nothing(
                index_elements=["learner_id", "lesson_id"]
            )
        )

    async def start_quiz_attempt(
        self, learner_id: int, lesson_id: str, total: int, now: datetime
    ) -> int:
        """Begin a new attempt at a lesson's quiz and return its number."""
        # One statement, the lesson started now if it was not: reading the row first and
        # writing it after cost two round trips.
        started = self._started(learner_id, lesson_id, now, attempts=1, total=total)
        attempts = await self.session.scalar(
            started.on_conflict_do_update(
                index_elements=["learner_id", "lesson_id"],
                set_={
                    "quiz_attempts": LESSON_PROGRESS.c.quiz_attempts + 1,
                    "quiz_total": started.excluded.quiz_total,
                },
            ).returning(LESSON_PROGRESS.c.quiz_attempts)
        )
        return int(attempts or 0)

    def _started(
        self, learner_id: int, lesson_id: str, now: datetime, *, attempts: int, total: int
    ) -> postgresql.Insert | sqlite.Insert:
        return upsert(self.session, LESSON_PROGRESS).values(
            learner_id=learner_id,
            lesson_id=lesson_id,
            started_at=now,
            quiz_attempts=attempts,
            quiz_total=total,
        )

    async def finish_quiz(
        self, learner_id: int, lesson_id: str, score: int, now: datetime
    ) -> LessonProgress:
        """Record a finished quiz: last and best score, and the lesson as completed."""
        best = LESSON_PROGRESS.c.best_score
        row = (
            await self.session.execute(
                update(LESSON_PROGRESS)
                .where(_one(learner_id, lesson_id))
                .values(
                    last_score=score,
                    best_score=case((best.is_(None) | (best < score), score), else_=best),
                    completed_at=func.coalesce(LESSON_PROGRESS.c.completed_at, now),
                )
                .returning(*LESSON_PROGRESS.c)
            )
        ).one()
        return _progress(row)

    async def export(self, learner_id: int) -> list[dict[str, Any]]:
        """Return the learner's progress for /mydata."""
        return [jsonable(asdict(progress)) for progress in await self.all(learner_id)]


def _one(learner_id: int, lesson_id: str) -> ColumnElement[bool]:
    """Select a learner's row of one lesson."""
    return (LESSON_PROGRESS.c.learner_id == learner_id) & (LESSON_PROGRESS.c.lesson_id == lesson_id)


class SqlStreaks:
    """Learning streaks in the `learning_streaks` table."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def of(self, learner_id: int) -> Streak | None:
        """Return the learner's streak, if they ever learnt."""
        row = (
            await self.session.execute(select(STREAKS).where(STREAKS.c.learner_id == learner_id))
        ).one_or_none()
        return Streak(row.days, row.best, row.last_day, row.frozen_day) if row else None

    async def save(self, learner_id: int, streak: Streak) -> None:
        """Store the learner's streak."""
        values = {"learner_id": learner_id, **asdict(streak)}
        await save_row(self.session, LearningStreakRow, values, keys=("learner_id",))

    async def export(self, learner_id: int) -> dict[str, Any] | None:
        """Return the learner's streak for /mydata."""
        streak = await self.of(learner_id)
        return streak_export(streak) if streak else None


class SqlCelebrations:
    """Milestones congratulated on, in the `celebrations` table."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def claim(self, learner_id: int, milestone: str, now: datetime) -> bool:
        """Note a milestone; return False when it was noted before."""
        try:
            async with self.session.begin_nested():
                self.session.add(
                    CelebrationRow(learner_id=learner_id, milestone=milestone, reached_at=now)
                )
        except IntegrityError:
            return False
        return True

    async def export(self, learner_id: int) -> list[dict[str, Any]]:
        """Return the learner's milestones for /mydata."""
        rows = await self.session.scalars(
            select(CelebrationRow)
            .where(CelebrationRow.learner_id == learner_id)
            .order_by(CelebrationRow.reached_at, CelebrationRow.milestone)
        )
        return [jsonable({"milestone": r.milestone, "reached_at": r.reached_at}) for r in rows]
