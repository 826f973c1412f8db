"""Delete what the tutor keeps for a short time only, once its time is up, every minute."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Final

from bot.adapters.db.database import Database
from bot.core.delivery import Deliverer
from bot.core.feature import Sweep
from bot.core.periodic import repeat

logger = logging.getLogger(__name__)

# Reads already ignore expired rows; the sweep keeps them from lying in the database longer.
SWEEP_INTERVAL: Final = timedelta(minutes=1)


class Sweeper:
    """Run every feature's sweep in one transaction, now and every minute, while the app serves."""

    def __init__(
        self, database: Database, clock: Callable[[], datetime], sweeps: Sequence[Sweep]
    ) -> None:
        self.database = database
        self.clock = clock
        self.sweeps = tuple(sweeps)

    async def run(self, _deliverers: Mapping[str, Deliverer]) -> None:
        """Sweep until cancelled; a failed sweep is tried again a minute later."""
        await repeat(
            self.sweep,
            SWEEP_INTERVAL.total_seconds(),
            logger,
            "Sweeping expired rows failed; trying again later",
        )

    async def sweep(self) -> None:
        """Delete every expired row now, in one transaction."""
        async with self.database.session() as session:
            now = self.clock()
            for sweep in self.sweeps:
                await sweep(session, now)
