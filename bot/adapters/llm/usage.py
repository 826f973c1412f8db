"""Count each learner's chat-model calls and tokens per day, and hold them to a daily limit."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.adapters.llm.tables import LLMUsageRow
from bot.core.model import ModelError, TokenUsage, Unavailable

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DailyUsage:
    """A learner's model use on one day."""

    day: date
    calls: int
    input_tokens: int
    output_tokens: int


async def usage_on(session: AsyncSession, learner_id: int, day: date) -> DailyUsage:
    """Return a learner's model use on one day (zero when they made no call)."""
    row = await session.get(LLMUsageRow, (learner_id, day))
    if row is None:
        return DailyUsage(day, 0, 0, 0)
    return DailyUsage(row.day, row.calls, row.input_tokens, row.output_tokens)


async def add_call(session: AsyncSession, learner_id: int, day: date, usage: TokenUsage) -> None:
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
    if (await session.execute(increment)).rowcount:  # type: ignore[attr-defined]
        return
    try:
        async with session.begin_nested():
            session.add(
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
        await session.execute(increment)


async def export_usage(session: AsyncSession, learner_id: int) -> dict[str, Any]:
    """Return a learner's model use per day for /mydata: numbers only."""
    rows = await session.scalars(
        select(LLMUsageRow).where(LLMUsageRow.learner_id == learner_id).order_by(LLMUsageRow.day)
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


class Metered(Protocol):
    """A model result that knows the tokens it cost."""

    @property
    def usage(self) -> TokenUsage:
        """Return the tokens used."""
        ...


T = TypeVar("T", bound=Metered)


class DailyBudget:
    """Allow each learner a number of model calls per local day, and count every call."""

    def __init__(self, limit: int, timezone: ZoneInfo) -> None:
        self.limit = limit
        self.timezone = timezone

    def day(self, now: datetime) -> date:
        """Return the local calendar day the limit applies to."""
        return now.astimezone(self.timezone).date()

    async def spend(
        self,
        session: AsyncSession,
        learner_id: int,
        now: datetime,
        call: Callable[[], Awaitable[T]] | None,
    ) -> T | Unavailable:
        """Make one model call if there is a model and the learner has calls left today."""
        if call is None:
            return Unavailable.NO_MODEL
        day = self.day(now)
        if (await usage_on(session, learner_id, day)).calls >= self.limit:
            return Unavailable.DAILY_LIMIT
        try:
            result = await call()
        except ModelError as error:
            # A failed call may still have cost tokens: it counts against the limit.
            await add_call(session, learner_id, day, TokenUsage())
            logger.warning("Chat model unavailable (%s); answering without it", error)
            return Unavailable.FAILED
        await add_call(session, learner_id, day, result.usage)
        return result
