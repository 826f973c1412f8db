"""The trainers feature's settings, read once from `Settings` and passed to what needs them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from zoneinfo import ZoneInfo

from bot.config import Settings
from bot.core.localtime import parse_range
from bot.features.trainers.join_codes import JoinCodes
from bot.salt import identity_salt


@dataclass(frozen=True)
class TrainerOptions:
    """Who is an administrator, how codes expire, and the defaults of a new cohort."""

    admins: frozenset[tuple[str, str]]
    zone: ZoneInfo
    invite_ttl: timedelta
    join_code_ttl: timedelta
    quiet_hours: tuple[int, int]
    reminder_days: int
    # Cohorts' join codes are derived from it, so that a link can be shown again.
    code_secret: bytes

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
            code_secret=identity_salt(settings),
        )

    @property
    def join_codes(self) -> JoinCodes:
        """Return the maker and finder of cohorts' join codes."""
        return JoinCodes(self.code_secret, self.join_code_ttl)
