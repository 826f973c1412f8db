"""The store of quiz answers on the database."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, case, func, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from bot.adapters.db.database import upsert
from bot.adapters.db.tables import table_of
from bot.core.ports import jsonable
from bot.features.quiz.ports import Answer, MissedItem
from bot.features.quiz.tables import QuizAnswerRow

QUIZ_ANSWERS = table_of(QuizAnswerRow)


class SqlAnswers:
    """Quiz answers in the `quiz_answers` table."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def record(self, answer: Answer) -> bool:
        """Store one answer; return False when this exact answer was already stored."""
        stored = await self.session.scalar(
            upsert(self.session, QUIZ_ANSWERS)
            .values(
                learner_id=answer.learner_id,
                lesson_id=answer.lesson_id,
                item_id=answer.item_id,
                chosen=answer.chosen,
                is_correct=answer.is_correct,
                mode=answer.mode,
                attempt=answer.attempt,
                answered_at=answer.answered_at,
            )
            .on_conflict_do_nothing(
                index_elements=["learner_id", "lesson_id", "item_id", "mode", "attempt"]
            )
            .returning(QUIZ_ANSWERS.c.id)
        )
        return stored is not None

    async def attempt_score(self, learner_id: int, lesson_id: str, attempt: int) -> int:
        """Count the right answers of one quiz attempt."""
        return await self._count(
            QuizAnswerRow.learner_id == learner_id,
            QuizAnswerRow.lesson_id == lesson_id,
            QuizAnswerRow.mode == "quiz",
            QuizAnswerRow.attempt == attempt,
            QuizAnswerRow.is_correct.is_(True),
        )

    async def last_quiz_answer(
        self, learner_id: int, item_id: str, lesson_id: str | None = None
    ) -> Answer | None:
        """Return the learner's latest quiz answer (not review) to an item, in a lesson if given."""
        lessons = () if lesson_id is None else (QuizAnswerRow.lesson_id == lesson_id,)
        row = await self.session.scalar(
            select(QuizAnswerRow)
            .where(
                QuizAnswerRow.learner_id == learner_id,
                QuizAnswerRow.item_id == item_id,
                QuizAnswerRow.mode == "quiz",
                *lessons,
            )
            .order_by(QuizAnswerRow.attempt.desc(), QuizAnswerRow.id.desc())
            .limit(1)
        )
        if row is None:
            return None
        return Answer(
            row.learner_id,
            row.lesson_id,
            row.item_id,
            row.chosen,
            row.is_correct,
            "quiz",
            row.attempt,
            row.answered_at,
        )

    async def review_count(self, learner_id: int, lesson_id: str, item_id: str) -> int:
        """Count the review answers already given to one item."""
        return await self._count(
            QuizAnswerRow.learner_id == learner_id,
            QuizAnswerRow.lesson_id == lesson_id,
            QuizAnswerRow.item_id == item_id,
            QuizAnswerRow.mode == "review",
        )

    async def latest_results(self, learner_id: int) -> dict[tuple[str, str], bool]:
        """Return whether the learner's latest answer (quiz or review) to each item was right."""
        rows = await self.session.execute(
            select(QuizAnswerRow.lesson_id, QuizAnswerRow.item_id, QuizAnswerRow.is_correct)
            .where(QuizAnswerRow.learner_id == learner_id)
            .order_by(QuizAnswerRow.answered_at, QuizAnswerRow.id)
        )
        # In time order, so each item keeps its latest answer.
        return {(lesson_id, item_id): correct for lesson_id, item_id, correct in rows}

    async def _count(self, *conditions: ColumnElement[bool]) -> int:
        query = select(func.count()).select_from(QuizAnswerRow).where(*conditions)
        return int(await self.session.scalar(query) or 0)

    async def most_missed(self, learner_ids: Sequence[int], limit: int) -> list[MissedItem]:
        """Return up to `limit` quiz items these learners missed most in quizzes, reviews aside."""
        misses = func.sum(case((QuizAnswerRow.is_correct.is_(False), 1), else_=0))
        rows = await self.session.execute(
            select(QuizAnswerRow.lesson_id, QuizAnswerRow.item_id, misses, func.count())
            .where(QuizAnswerRow.learner_id.in_(learner_ids), QuizAnswerRow.mode == "quiz")
            .group_by(QuizAnswerRow.lesson_id, QuizAnswerRow.item_id)
            .having(misses > 0)
            .order_by(misses.desc(), QuizAnswerRow.lesson_id, QuizAnswerRow.item_id)
            .limit(limit)
        )
        return [
            MissedItem(lesson_id, item_id, int(missed), int(answers))
            for lesson_id, item_id, missed, answers in rows
        ]

    async def choices(
        self, learner_ids: Sequence[int], items: Sequence[tuple[str, str]]
    ) -> dict[tuple[str, str], dict[int, int]]:
        """Count, per quiz item, how often these learners chose each option in quizzes."""
        if not items:
            return {}
        rows = await self.session.execute(
            select(
                QuizAnswerRow.lesson_id, QuizAnswerRow.item_id, QuizAnswerRow.chosen, func.count()
            )
            .where(
                QuizAnswerRow.learner_id.in_(learner_ids),
                QuizAnswerRow.mode == "quiz",
                tuple_(QuizAnswerRow.lesson_id, QuizAnswerRow.item_id).in_(items),
            )
            .group_by(QuizAnswerRow.lesson_id, QuizAnswerRow.item_id, QuizAnswerRow.chosen)
        )
        counts: dict[tuple[str, str], dict[int, int]] = {}
        for lesson_id, item_id, chosen, count in rows:
            counts.setdefault((lesson_id, item_id), {})[chosen] = int(count)
        return counts

    async def export(self, learner_id: int) -> list[dict[str, Any]]:
        """Return the learner's answers for /mydata."""
        rows = await self.session.scalars(
            select(QuizAnswerRow)
            .where(QuizAnswerRow.learner_id == learner_id)
            .order_by(QuizAnswerRow.id)
        )
        return [
            jsonable(
                {
                    "lesson_id": a.lesson_id,
                    "item": a.item_id,
                    "chosen": a.chosen,
                    "correct": a.is_correct,
                    "mode": a.mode,
                    "attempt": a.attempt,
                    "answered_at": a.answered_at,
                }
            )
            for a in rows
        ]
