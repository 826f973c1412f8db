"""Hold each learner to a number of chat-model calls per local day, and count every call."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import date, datetime, time, timedelta
from typing import Protocol, TypeVar
from zoneinfo import ZoneInfo

from bot.core.limits import COUNTERS, MODEL_CALLS
from bot.core.model import ModelError, TokenUsage, Unavailable
from bot.core.ports import Learner, Port
from bot.features.usage.ports import MODEL_USAGE

logger = logging.getLogger(__name__)


class Metered(Protocol):
    """A model result that knows the tokens it cost."""

    @property
    def usage(self) -> TokenUsage:
        """Return the tokens used."""
        ...


T = TypeVar("T", bound=Metered)
R = TypeVar("R")


class Spender(Protocol):
    """Who spends a model call, and when: a `Turn`."""

    learner: Learner
    now: datetime

    @property
    def identity(self) -> str:
        """Return the hashed identity the budget is kept under."""
        ...

    def repo(self, port: Port[R]) -> R:
        """Return a repository of this unit of work."""
        ...


class DailyBudget:
    """Allow each person a number of model calls per local day, and count every call.

    The limit is held on a counter under the hashed identity, which `/forget` keeps until the
    day ends; the learner's own use (calls and tokens, for /mydata) is forgotten with them.
    """

    def __init__(self, limit: int, timezone: ZoneInfo) -> None:
        self.limit = limit
        self.timezone = timezone

    def day(self, now: datetime) -> date:
        """Return the local calendar day the limit applies to."""
        return now.astimezone(self.timezone).date()

    def day_ends(self, now: datetime) -> datetime:
        """Return the next local midnight, when the day's counter is deleted."""
        return datetime.combine(self.day(now) + timedelta(days=1), time(), self.timezone)

    async def spend(
        self, turn: Spender, call: Callable[[], Awaitable[T]] | None
    ) -> T | Unavailable:
        """Make one model call if there is a model and the learner has calls left today."""
        if call is None:
            return Unavailable.NO_MODEL
        counters = turn.repo(COUNTERS)
        if (await counters.tally(turn.identity, MODEL_CALLS, turn.now)).count >= self.limit:
            return Unavailable.DAILY_LIMIT
        try:
            result = await call()
        except ModelError as error:
            # A failed call may still have cost tokens: it counts against the limit.
            await self._count(turn, error.usage)
            logger.warning("Chat model unavailable (%s); answering without it", error)
            return Unavailable.FAILED
        await self._count(turn, result.usage)
        return result

    async def _count(self, turn: Spender, usage: TokenUsage) -> None:
        await turn.repo(COUNTERS).add(turn.identity, MODEL_CALLS, turn.now, self.day_ends(turn.now))
        await turn.repo(MODEL_USAGE).add_call(turn.learner.id, self.day(turn.now), usage)
