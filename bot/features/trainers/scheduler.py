"""The scheduler: fan out scheduled pushes, run weekly plans and queue reminders, every minute."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final
from zoneinfo import ZoneInfo

from bot.adapters.db.database import Database
from bot.core.delivery import Deliverer
from bot.core.periodic import repeat
from bot.core.router import Services
from bot.features.trainers.pushes import SqlPushes
from bot.features.trainers.reminders import queue_reminders
from bot.features.trainers.weekly import queue_weekly_reports

logger = logging.getLogger(__name__)

TICK_SECONDS: Final = 60.0


@dataclass(frozen=True)
class Tick:
    """What one tick did."""

    fanned_out: int
    plans_run: int
    reminders: int
    weekly_reports: int = 0


class Scheduler:
    """Turn what is due into outbox rows; every step is safe when several processes tick."""

    def __init__(self, database: Database, services: Services, zone: ZoneInfo) -> None:
        self.database = database
        self.services = services
        self.zone = zone

    async def run(self, deliverers: Mapping[str, Deliverer]) -> None:
        """Tick every minute until cancelled; the outbox worker does the sending."""
        await repeat(self.tick, TICK_SECONDS, logger, "Scheduler tick failed")

    async def tick(self) -> Tick:
        """Do whatever is due now, in one transaction."""
        async with self.database.session() as session:
            now = self.services.clock()
            pushes = SqlPushes(session)
            plans_run = await pushes.run_due_plans(now, self.zone)
            fanned_out = await pushes.expand_due(now, self.zone)
            reminders = await queue_reminders(session, now, self.zone)
            weekly_reports = await queue_weekly_reports(session, now, self.zone)
        return Tick(fanned_out, plans_run, reminders, weekly_reports)
