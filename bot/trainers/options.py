"""The trainers feature's settings, read once from `Settings` and passed to what needs them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from zoneinfo import ZoneInfo

from bot.config import Settings
from bot.trainers.timing import parse_range


@dataclass(frozen=True)
class TrainerOptions:
    """Who is an administrator, how codes expire, and the defaults of a new cohort."""

    admins: frozenset[tuple[str, str]]
    zone: ZoneInfo
    bot_username: str | None
    invite_ttl: timedelta
    join_code_ttl: timedelta
    quiet_hours: tuple[int, int]
    reminder_days: int

    @classmethod
    def from_settings(cls, settings: Settings) -> TrainerOptions:
        """Build the options from the settings."""
        quiet = parse_range(settings.quiet_hours)
        assert quiet is not None, "validated by Settings"
        return cls(
            admins=settings.admin_identities,
            zone=ZoneInfo(settings.timezone),
            bot_username=(settings.telegram_bot_username or "").lstrip("@") or None,
            invite_ttl=timedelta(hours=settings.trainer_invite_hours),
            join_code_ttl=timedelta(days=settings.join_code_days),
            quiet_hours=quiet,
            reminder_days=settings.reminder_days,
        )

    def join_link(self, code: str) -> str | None:
        """Return the Telegram link that redeems a code in one tap, when the bot's name is known."""
        if self.bot_username is None:
            return None
        return f"https://t.me/{self.bot_username}?start=join-{code}"


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
