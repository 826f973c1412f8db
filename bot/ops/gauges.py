"""Refresh the metrics that come from the database: the outbox backlog and the active learners."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, time, timedelta
from typing import Final
from zoneinfo import ZoneInfo

from bot.adapters.db.database import Database
from bot.adapters.db.learners import count_seen_since
from bot.core.delivery import Deliverer
from bot.core.periodic import repeat
from bot.ops.metrics import Metrics
from bot.outbox import marks
from bot.outbox.columns import OutboxColumns

logger = logging.getLogger(__name__)

# Two counts and a minimum over indexed or small tables, twice a minute per process: cheap, and
# fresher than a dashboard needs.
REFRESH_SECONDS: Final = 30.0
WEEK: Final = timedelta(days=7)


class GaugeWorker:
    """Count the outbox backlog and the learners seen today and this week, now and then."""

    def __init__(
        self,
        database: Database,
        metrics: Metrics,
        clock: Callable[[], datetime],
        zone: ZoneInfo,
        outboxes: Sequence[type[OutboxColumns]],
    ) -> None:
        self.database = database
        self.outboxes = tuple(outboxes)
        self.metrics = metrics
        self.clock = clock
        self.zone = zone

    async def refresh(self) -> None:
        """Read the counts once and set the gauges."""
        now = self.clock()
        midnight = datetime.combine(now.astimezone(self.zone).date(), time(), self.zone)
        async with self.database.session() as session:
            today = await count_seen_since(session, midnight)
            week = await count_seen_since(session, now - WEEK)
            backlogs = [await marks.backlog(session, table, now) for table in self.outboxes]
        pending = sum(count for count, _ in backlogs)
        oldest_due = min((oldest for _, oldest in backlogs if oldest), default=None)
        self.metrics.learners_active.labels("today").set(today)
        self.metrics.learners_active.labels("7d").set(week)
        self.metrics.outbox_pending.set(pending)
        age = (now - oldest_due).total_seconds() if oldest_due else 0.0
        self.metrics.outbox_oldest_seconds.set(age)

    async def run(self, _deliverers: Mapping[str, Deliverer]) -> None:
        """Refresh now and every half minute, until cancelled."""
        # A database hiccup leaves the last values, and the next pass tries again.
        await repeat(
            self.refresh,
            REFRESH_SECONDS,
            logger,
            "Refreshing the metrics failed; trying again later",
        )
