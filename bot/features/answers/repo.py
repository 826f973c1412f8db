"""The stores of unanswered and of recent questions on the database."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.adapters.db.tables import table_of
from bot.config import Language
from bot.core.ports import jsonable
from bot.features.answers.ports import RecentQuestion, UnansweredQuestion
from bot.features.answers.tables import RecentQuestionRow, UnansweredQuestionRow

MAX_CHARS = 1000
RECENT = table_of(RecentQuestionRow)


class SqlQuestions:
    """Unanswered questions in the `unanswered_questions` table."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def record(self, learner_id: int, language: Language, text: str, now: datetime) -> None:
        """Keep a question the tutor could not answer; the caller redacts it first."""
        row = UnansweredQuestionRow(
            learner_id=learner_id, language=language, text=text[:MAX_CHARS], asked_at=now
        )
        self.session.add(row)
        await self.session.flush()

    async def of_learners(
        self, learner_ids: Sequence[int], since: datetime | None = None
    ) -> list[UnansweredQuestion]:
        """Return the unanswered questions of some learners, newest first."""
        query = select(UnansweredQuestionRow).where(
            UnansweredQuestionRow.learner_id.in_(learner_ids)
        )
        if since is not None:
            query = query.where(UnansweredQuestionRow.asked_at >= since)
        rows = await self.session.scalars(query.order_by(UnansweredQuestionRow.asked_at.desc()))
        return [
            UnansweredQuestion(r.id, r.learner_id, r.language, r.text, r.asked_at, r.handled_at)
            for r in rows
        ]

    async def mark_handled(
        self, question_id: int, learner_ids: Sequence[int], now: datetime
    ) -> bool:
        """Mark a question of one of these learners handled; False when it is none of theirs."""
        marked = await self.session.execute(
            update(UnansweredQuestionRow)
            .where(
                UnansweredQuestionRow.id == question_id,
                UnansweredQuestionRow.learner_id.in_(learner_ids),
            )
            .values(handled_at=now)
        )
        return bool(marked.rowcount)  # type: ignore[attr-defined]

    async def forget_before(self, before: datetime) -> None:
        """Delete the unanswered questions asked before a moment."""
        await self.session.execute(
            delete(UnansweredQuestionRow).where(UnansweredQuestionRow.asked_at < before)
        )

    async def export(self, learner_id: int) -> list[dict[str, Any]]:
        """Return the learner's unanswered questions for /mydata."""
        return [
            jsonable({"language": q.language, "text": q.text, "asked_at": q.asked_at})
            for q in await self.of_learners([learner_id])
        ]


class SqlRecentQuestions:
    """A learner's last questions in the `recent_questions` table."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(
        self, learner_id: int, language: Language, text: str, now: datetime, *, keep: int
    ) -> int:
        """Keep a (redacted) question and return its id; keep only the learner's `keep` last."""
        # Two statements: every question about the course is kept, so this is on their turns.
        added = await self.session.execute(
            insert(RECENT)
            .values(learner_id=learner_id, language=language, text=text[:MAX_CHARS], asked_at=now)
            .returning(RECENT.c.id)
        )
        question_id: int = added.scalar_one()
        newest = (
            select(RECENT.c.id)
            .where(RECENT.c.learner_id == learner_id)
            .order_by(RECENT.c.id.desc())
            .limit(keep)
        )
        await self.session.execute(
            delete(RECENT).where(RECENT.c.learner_id == learner_id, RECENT.c.id.not_in(newest))
        )
        return question_id

    async def since(self, learner_id: int, since: datetime) -> list[RecentQuestion]:
        """Return the learner's questions asked since a time, oldest first."""
        rows = await self.session.scalars(
            select(RecentQuestionRow)
            .where(RecentQuestionRow.learner_id == learner_id, RecentQuestionRow.asked_at >= since)
            .order_by(RecentQuestionRow.id)
        )
        return [RecentQuestion(r.id, r.language, r.text, r.asked_at) for r in rows]

    async def forget_before(self, before: datetime) -> None:
        """Delete every learner's questions asked before a time."""
        await self.session.execute(
            delete(RecentQuestionRow).where(RecentQuestionRow.asked_at < before)
        )

    async def export(self, learner_id: int) -> list[dict[str, Any]]:
        """Return the learner's recent questions for /mydata."""
        rows = await self.session.scalars(
            select(RecentQuestionRow)
            .where(RecentQuestionRow.learner_id == learner_id)
            .order_by(RecentQuestionRow.id)
        )
        return [
            jsonable({"language": r.language, "text": r.text, "asked_at": r.asked_at}) for r in rows
        ]
