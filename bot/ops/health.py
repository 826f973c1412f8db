"""Readiness: whether this process should be sent updates now, check by check."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from bot.waiting import describe

if TYPE_CHECKING:
    from bot.app import App

OK: Final = "ok"
# A check that takes longer than this counts as failed: a load balancer waits for no one.
CHECK_TIMEOUT_SECONDS: Final = 3.0


@dataclass(frozen=True)
class Readiness:
    """Each check's state: "ok", or what is wrong, in a few words."""

    checks: dict[str, str]

    @property
    def failed(self) -> list[str]:
        """Return the names of the checks that are not ok."""
        return [name for name, state in self.checks.items() if state != OK]

    @property
    def ready(self) -> bool:
        """Tell whether every check is ok."""
        return not self.failed


async def _database(app: App) -> dict[str, str]:
    try:
        async with asyncio.timeout(CHECK_TIMEOUT_SECONDS):
            await app.database.ping()
            at_head = await app.database.at_head()
    except Exception as error:  # whatever the driver raises, the answer is "not ready"
        reason = "no answer" if isinstance(error, TimeoutError) else describe(error)
        return {"database": f"unreachable: {reason}", "migrations": "unknown"}
    return {"database": OK, "migrations": OK if at_head else "not at the latest revision"}


def _index(app: App) -> str:
    if app.retriever.loaded():
        return OK
    return "failed to load" if app.retriever.ready() else "loading"


def _warmed(app: App) -> str:
    # The language detector and what the features warm up: a first question would wait for
    # them. Their failures are logged, and answering goes on without them.
    warm = (app.detector, *app.warm, *app.warm_after_index)
    return OK if all(value.ready() for value in warm) else "loading"


async def readiness(app: App, *, updates: bool = True) -> Readiness:
    """Check the database and migrations, the index, the phrase lists and the workers.

    `updates=False` checks the database alone, for a front end that handles no learner's
    updates and runs no background work (the dashboard).
    """
    checks = await _database(app)
    if updates:
        checks |= {"index": _index(app), "warm_up": _warmed(app), **app.worker_health()}
    return Readiness(checks)
