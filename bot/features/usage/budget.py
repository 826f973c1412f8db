"""Hold each learner to a number of chat-model calls per local day, and count every call."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import date, datetime
from typing import Protocol, TypeVar
from zoneinfo import ZoneInfo

from bot.core.model import ModelError, TokenUsage, Unavailable
from bot.features.usage.ports import UsageStore

logger = logging.getLogger(__name__)


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
        store: UsageStore,
        learner_id: int,
        now: datetime,
        call: Callable[[], Awaitable[T]] | None,
    ) -> T | Unavailable:
        """Make one model call if there is a model and the learner has calls left today."""
        if call is None:
            return Unavailable.NO_MODEL
        day = self.day(now)
        if (await store.of_day(learner_id, day)).calls >= self.limit:
            return Unavailable.DAILY_LIMIT
        try:
            result = await call()
        except ModelError as error:
            # A failed call may still have cost tokens: it counts against the limit.
            await store.add_call(learner_id, day, error.usage)
            logger.warning("Chat model unavailable (%s); answering without it", error)
            return Unavailable.FAILED
        await store.add_call(learner_id, day, result.usage)
        return result
