"""The store of checks on the database."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.ports import jsonable
from bot.features.gain.ports import CheckAnswer, CheckResult
from bot.features.gain.tables import CheckAnswerRow, CheckResultRow


class SqlChecks:
    """Checks in the `check_results` and `check_answers` tables."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def result(self, learner_id: int, form: str) -> CheckResult | None:
        """Return where the learner stands with a form; None when it was never offered or taken."""
        row = await self.session.get(CheckResultRow, (learner_id, form))
        return None if row is None else _result(row)

    async def offer(self, learner_id: int, form: str, now: datetime) -> None:
        """Note that a form was offered to the learner (once: a second offer changes nothing)."""
        row = await self._row(learner_id, form)
        row.offered_at = row.offered_at or now

    async def skip(self, learner_id: int, form: str, now: datetime) -> None:
        """Note that the learner said no to a form."""
        row = await self._row(learner_id, form)
        row.skipped_at = row.skipped_at or now

    async def answers(self, learner_id: int, form: str) -> list[CheckAnswer]:
        """Return the learner's answers to a form, oldest first."""
        rows = await self.session.scalars(
            select(CheckAnswerRow)
            .where(CheckAnswerRow.learner_id == learner_id, CheckAnswerRow.form == form)
            .order_by(CheckAnswerRow.id)
        )
        return [
            CheckAnswer(r.learner_id, r.form, r.item_id, r.chosen, r.is_correct, r.answered_at)
            for r in rows
        ]

    async def record(self, answer: CheckAnswer) -> bool:
        """Store an answer; return False when the item already had one (that one counts)."""
        try:
            async with self.session.begin_nested():
                self.session.add(
                    CheckAnswerRow(
                        learner_id=answer.learner_id,
                        form=answer.form,
                        item_id=answer.item_id,
                        chosen=answer.chosen,
                        is_correct=answer.is_correct,
                        answered_at=answer.answered_at,
                    )
                )
        except IntegrityError:
            return False
        return True

    async def finish(
        self, learner_id: int, form: str, score: int, total: int, now: datetime
    ) -> CheckResult:
        """Keep a form's score once; return the kept result (the first, if finished before)."""
        row = await self._row(learner_id, form)
        if row.finished_at is None:
            row.finished_at, row.score, row.total = now, score, total
        return _result(row)

    async def finished_of_learners(
        self, learner_ids: Sequence[int]
    ) -> dict[int, dict[str, CheckResult]]:
        """Return the finished forms of several learners, by learner and form."""
        rows = await self.session.scalars(
            select(CheckResultRow).where(
                CheckResultRow.learner_id.in_(learner_ids),
                CheckResultRow.finished_at.is_not(None),
            )
        )
        found: dict[int, dict[str, CheckResult]] = {}
        for row in rows:
            found.setdefault(row.learner_id, {})[row.form] = _result(row)
        return found

    async def export(self, learner_id: int) -> list[dict[str, Any]]:
        """Return the learner's checks and answers for /mydata."""
        results = await self.session.scalars(
            select(CheckResultRow)
            .where(CheckResultRow.learner_id == learner_id)
            .order_by(CheckResultRow.form)
        )
        exported = []
        for row in results:
            answers = await self.answers(learner_id, row.form)
            exported.append(
                jsonable(
                    {
                        "form": row.form,
                        "offered_at": row.offered_at,
                        "skipped_at": row.skipped_at,
                        "finished_at": row.finished_at,
                        "score": row.score,
                        "total": row.total,
                        "answers": [
                            jsonable(
                                {
                                    "item": a.item_id,
                                    "chosen": a.chosen,
                                    "correct": a.is_correct,
                                    "answered_at": a.answered_at,
                                }
                            )
                            for a in answers
                        ],
                    }
                )
            )
        return exported

    async def _row(self, learner_id: int, form: str) -> CheckResultRow:
        row = await self.session.get(CheckResultRow, (learner_id, form))
        if row is None:
            row = CheckResultRow(learner_id=learner_id, form=form)
            self.session.add(row)
        return row


def _result(row: CheckResultRow) -> CheckResult:
    return CheckResult(
        row.form, row.offered_at, row.skipped_at, row.finished_at, row.score, row.total
    )
