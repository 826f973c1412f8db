"""The store of practice attempts on the database."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Language
from bot.features.practice.ports import PracticeAttempt
from bot.features.practice.rubric import Verdict
from bot.features.practice.tables import PracticeAttemptRow


def _attempt(row: PracticeAttemptRow) -> PracticeAttempt:
    verdict = Verdict(row.clear_task, row.context, row.format, row.no_personal_data)
    return PracticeAttempt(
        row.task_id, row.language, verdict, row.score, row.by_model, row.attempted_at
    )


class SqlAttempts:
    """Practice attempts in the `practice_attempts` table."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def record(
        self,
        learner_id: int,
        task_id: str,
        language: Language,
        verdict: Verdict,
        *,
        by_model: bool,
        now: datetime,
    ) -> PracticeAttempt:
        """Store one attempt's verdicts and score."""
        row = PracticeAttemptRow(
            learner_id=learner_id,
            task_id=task_id,
            language=language,
            clear_task=verdict.clear_task,
            context=verdict.context,
            format=verdict.format,
            no_personal_data=verdict.no_personal_data,
            score=verdict.score,
            by_model=by_model,
            attempted_at=now,
        )
        self.session.add(row)
        await self.session.flush()
        return _attempt(row)

    async def of_learner(
        self, learner_id: int, task_id: str | None = None
    ) -> list[PracticeAttempt]:
        """Return a learner's attempts, oldest first, optionally for one task."""
        query = select(PracticeAttemptRow).where(PracticeAttemptRow.learner_id == learner_id)
        if task_id is not None:
            query = query.where(PracticeAttemptRow.task_id == task_id)
        rows = await self.session.scalars(query.order_by(PracticeAttemptRow.id))
        return [_attempt(row) for row in rows]

    async def export(self, learner_id: int) -> dict[str, Any]:
        """Return the learner's practice for /mydata: every attempt's scores."""
        return {
            "attempts": [
                {
                    "task_id": a.task_id,
                    "language": a.language,
                    "clear_task": a.verdict.clear_task,
                    "context": a.verdict.context,
                    "format": a.verdict.format,
                    "no_personal_data": a.verdict.no_personal_data,
                    "score": a.score,
                    "by_model": a.by_model,
                    "attempted_at": a.attempted_at.isoformat(),
                }
                for a in await self.of_learner(learner_id)
            ],
        }
