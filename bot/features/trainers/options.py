"""The trainers feature's settings, read once from `Settings` and passed to what needs them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from zoneinfo import ZoneInfo

from bot.config import Settings
from bot.core.localtime import parse_range


@dataclass(frozen=True)
class TrainerOptions:
    """Who is an administrator, how codes expire, and the defaults of a new cohort."""

    admins: frozenset[tuple[str, str]]
    zone: ZoneInfo
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
            invite_ttl=timedelta(hours=settings.trainer_invite_hours),
            join_code_ttl=timedelta(days=settings.join_code_days),
            quiet_hours=quiet,
            reminder_days=settings.reminder_days,
        )
