"""What the daily budget asks of the store of each learner's model use."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from bot.core.model import TokenUsage
from bot.core.ports import Port


@dataclass(frozen=True)
class DailyUsage:
    """A learner's model use on one day."""

    day: date
    calls: int
    input_tokens: int
    output_tokens: int


class UsageStore(Protocol):
    """Each learner's model calls and tokens per day: numbers, never texts."""

    async def of_day(self, learner_id: int, day: date) -> DailyUsage:
        """Return a learner's model use on one day (zero when they made no call)."""
        ...

    async def add_call(self, learner_id: int, day: date, usage: TokenUsage) -> None:
        """Count one model call and its tokens on a learner's day."""
        ...

    async def export(self, learner_id: int) -> dict[str, Any]:
        """Return the learner's model use per day for /mydata."""
        ...


MODEL_USAGE: Port[UsageStore] = Port("model_usage")
