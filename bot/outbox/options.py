"""How fast and how many at a time the outbox worker sends, read once from `Settings`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from bot.config import Settings


@dataclass(frozen=True)
class DeliveryOptions:
    """How fast and how many at a time the outbox worker sends."""

    rate_per_second: float
    chat_interval_seconds: float
    concurrency: int
    batch_size: int
    lease: timedelta

    @classmethod
    def from_settings(cls, settings: Settings) -> DeliveryOptions:
        """Build the options from the settings."""
        return cls(
            rate_per_second=settings.push_rate_per_second,
            chat_interval_seconds=settings.push_chat_interval_seconds,
            concurrency=settings.push_concurrency,
            batch_size=settings.push_batch_size,
            lease=timedelta(seconds=settings.push_lease_seconds),
        )
