"""Store prompt practice: each attempt's verdicts and score."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Language
from bot.features.practice.rubric import Verdict
from bot.features.practice.tables import PracticeAttemptRow


@dataclass(frozen=True)
class PracticeAttempt:
    """One practice attempt, as stored: verdicts and score, never the prompt itself."""

    task_id: str
    language: str
    verdict: Verdict
    score: int
    by_model: bool
    attempted_at: datetime


def _attempt(row: PracticeAttemptRow) -> PracticeAttempt:
    verdict = Verdict(row.clear_task, row.context, row.format, row.no_personal_data)
    return PracticeAttempt(
        row.task_id, row.language, verdict, row.score, row.by_model, row.attempted_at
    )


async def record_attempt(
    session: AsyncSession,
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
    session.add(row)
    await session.flush()
    return _attempt(row)


async def attempts(
    session: AsyncSession, learner_id: int, task_id: str | None = None
) -> list[PracticeAttempt]:
    """Return a learner's attempts, oldest first, optionally for one task."""
    query = select(PracticeAttemptRow).where(PracticeAttemptRow.learner_id == learner_id)
    if task_id is not None:
        query = query.where(PracticeAttemptRow.task_id == task_id)
    rows = await session.scalars(query.order_by(PracticeAttemptRow.id))
    return [_attempt(row) for row in rows]


async def export_practice(session: AsyncSession, learner_id: int) -> dict[str, Any]:
    """Return a learner's practice for /mydata: every attempt's scores."""
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
            for a in await attempts(session, learner_id)
        ],
    }
