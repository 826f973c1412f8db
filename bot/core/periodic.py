"""Run a background job's step now and at a fixed interval, until the job is cancelled."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable


async def repeat(
    step: Callable[[], Awaitable[object]], seconds: float, logger: logging.Logger, failed: str
) -> None:
    """Run `step` now and every `seconds` after; log `failed` when a pass fails, and go on."""
    while True:
        try:
            await step()
        except Exception:
            # A pass is one transaction, so a failed one kept nothing: the next pass redoes it.
            logger.exception(failed)
        await asyncio.sleep(seconds)
