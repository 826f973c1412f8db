"""The ports through which the tutor reaches people outside a conversation: channels, deliverers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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
    """A background job of a running tutor (the push outbox, reminders), given the deliverers."""

    async def run(self, deliverers: Mapping[str, Deliverer]) -> None:
        """Work until cancelled, delivering through the deliverer of each channel served here."""
        ...


class Deliverer(Protocol):
    """Send replies to one person on a channel, identified by their external id."""

    @property
    def recipients(self) -> frozenset[str] | None:
        """Return the external ids this deliverer reaches, or None for everyone on its channel."""
        ...

    async def deliver(self, external_id: str, replies: Sequence[Reply]) -> DeliveryResult:
        """Send the replies in order and report how it went."""
        ...


class Channel(Protocol):
    """A way people reach the tutor (Telegram, a terminal): its name, deliverer and join links."""

    @property
    def name(self) -> str:
        """Return the name learners of this channel are stored under, such as "telegram"."""
        ...

    @property
    def deliverer(self) -> Deliverer:
        """Return what sends this channel's people messages they did not ask for."""
        ...

    def join_link(self, code: str) -> str | None:
        """Return what someone on this channel taps or types to redeem a join code, if any."""
        ...
