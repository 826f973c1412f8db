"""The port through which the tutor sends messages nobody asked for (pushes, reminders)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from bot.core.replies import Reply


class DeliveryStatus(Enum):
    """What happened to one delivery."""

    SENT = "sent"
    BLOCKED = "blocked"  # the person blocked the bot or deleted their account: never retry
    RETRY_LATER = "retry_later"  # rate limited or a passing network error
    FAILED = "failed"  # refused for good (bad request)


@dataclass(frozen=True)
class DeliveryResult:
    """The outcome of one delivery, with how long to wait before retrying when rate limited."""

    status: DeliveryStatus
    retry_after: float | None = None


class Worker(Protocol):
    """A background job of a running bot (the push outbox, reminders), given a way to deliver."""

    async def run(self, deliverer: Deliverer) -> None:
        """Work until cancelled."""
        ...


class Deliverer(Protocol):
    """Send replies to one person on a channel, identified by their external id."""

    async def deliver(self, external_id: str, replies: Sequence[Reply]) -> DeliveryResult:
        """Send the replies in order and report how it went."""
        ...
