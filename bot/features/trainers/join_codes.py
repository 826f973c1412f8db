"""A cohort's join link: one that works at a time, shown again whenever its trainer asks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.features.trainers import codes
from bot.features.trainers.ports import CohortStore


@dataclass(frozen=True)
class JoinCode:
    """A cohort's live join code and when it stops working."""

    code: str
    expires_at: datetime


class JoinCodes:
    """Make and find cohorts' join codes, derived from the server's secret (see `codes`)."""

    def __init__(self, secret: bytes, ttl: timedelta) -> None:
        self.secret = secret
        self.ttl = ttl

    async def issue(
        self, cohorts: CohortStore, cohort_id: int, now: datetime, created_by_id: int | None
    ) -> JoinCode:
        """Replace a cohort's join code with a new one; the old one stops working."""
        # Each code is derived from its moment: a new one made in the same instant as the one it
        # replaces (a frozen clock, a clock behind another process's) takes the next instant.
        previous = await cohorts.latest_cohort_code(cohort_id)
        if previous is not None and previous.created_at >= now:
            now = previous.created_at + timedelta(microseconds=1)
        await cohorts.revoke_cohort_codes(cohort_id, now)
        code = codes.derived_code(self.secret, cohort_id, now)
        await cohorts.create_code(
            "cohort",
            now=now,
            ttl=self.ttl,
            created_by_id=created_by_id,
            cohort_id=cohort_id,
            code=code,
        )
        return JoinCode(code, now + self.ttl)

    async def current(self, cohorts: CohortStore, cohort_id: int, now: datetime) -> JoinCode | None:
        """Return a cohort's working join code; None when it has none that can be shown again.

        A code made before codes were derived (random, stored only as a hash) cannot be shown:
        the trainer makes a new one.
        """
        latest = await cohorts.latest_cohort_code(cohort_id)
        if latest is None or not latest.works(now):
            return None
        code = codes.derived_code(self.secret, cohort_id, latest.created_at)
        if codes.code_hash(code) != latest.code_hash:
            return None
        return JoinCode(code, latest.expires_at)
