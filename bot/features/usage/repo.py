"""The store of model use on the database."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.model import TokenUsage
from bot.features.usage.ports import DailyUsage
from bot.features.usage.tables import LLMUsageRow


def _usage(row: LLMUsageRow) -> DailyUsage:
    return DailyUsage(row.day, row.calls, row.input_tokens, row.output_tokens)


class SqlUsage:
    """Model use in the `llm_usage` table, one row per learner and day."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def of_day(self, learner_id: int, day: date) -> DailyUsage:
        """Return a learner's model use on one day (zero when they made no call)."""
        row = await self.session.get(LLMUsageRow, (learner_id, day))
        return _usage(row) if row else DailyUsage(day, 0, 0, 0)

    async def add_call(self, learner_id: int, day: date, usage: TokenUsage) -> None:
        """Count one model call and its tokens on a learner's day."""
        increment = (
            update(LLMUsageRow)
            .where(LLMUsageRow.learner_id == learner_id, LLMUsageRow.day == day)
            .values(
                calls=LLMUsageRow.calls + 1,
                input_tokens=LLMUsageRow.input_tokens + usage.input_tokens,
                output_tokens=LLMUsageRow.output_tokens + usage.output_tokens,
            )
        )
        if (await self.session.execute(increment)).rowcount:  # type: ignore[attr-defined]
            return
        try:
            async with self.session.begin_nested():
                self.session.add(
                    LLMUsageRow(
                        learner_id=learner_id,
                        day=day,
                        calls=1,
                        input_tokens=usage.input_tokens,
                        output_tokens=usage.output_tokens,
                    )
                )
        except IntegrityError:
            # Another event of the same learner created today's row first: add to it instead.
            await self.session.execute(increment)

    async def export(self, learner_id: int) -> dict[str, Any]:
        """Return the learner's model use per day for /mydata."""
        rows = await self.session.scalars(
            select(LLMUsageRow)
            .where(LLMUsageRow.learner_id == learner_id)
            .order_by(LLMUsageRow.day)
        )
        return {
            "days": [
                {
                    "day": row.day.isoformat(),
                    "calls": row.calls,
                    "input_tokens": row.input_tokens,
                    "output_tokens": row.output_tokens,
                }
                for row in rows
            ]
        }
