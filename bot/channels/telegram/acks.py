"""Answer Telegram's webhook call only once its update's turn has ended.

python-telegram-bot answers a webhook call as soon as the update is queued. A process killed
after that answer and before the turn commits loses the update: Telegram thinks it was
delivered. Held until the turn has ended, the call fails with the process instead, and Telegram
sends the update again, to a worker that is alive; the turn's claim of the update id keeps a
turn that did commit from being handled twice.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict

from telegram import Update


class Acknowledgements:
    """Futures that resolve when an update's turn has ended, by update id."""

    def __init__(self) -> None:
        # A list: Telegram may send an update again while its first delivery is still handled.
        self._waiting: defaultdict[int, list[asyncio.Future[None]]] = defaultdict(list)

    def expect(self, update_id: int) -> asyncio.Future[None]:
        """Return what resolves when the update's turn has ended."""
        ended = asyncio.get_running_loop().create_future()
        self._waiting[update_id].append(ended)
        return ended

    def ended(self, update: object) -> None:
        """Resolve what waits for this update (handled, dropped by the flood limits, or failed)."""
        if isinstance(update, Update):
            for ended in self._waiting.pop(update.update_id, []):
                if not ended.done():
                    ended.set_result(None)


class AcknowledgedQueue(asyncio.Queue[object]):
    """The update queue of a webhook: putting an update waits until its turn has ended."""

    def __init__(self, acknowledgements: Acknowledgements) -> None:
        super().__init__()
        self.acknowledgements = acknowledgements

    async def put(self, item: object) -> None:
        """Queue the item; for an update, return once its turn has ended."""
        if not isinstance(item, Update):
            await super().put(item)  # PTB's own signals
            return
        ended = self.acknowledgements.expect(item.update_id)
        await super().put(item)
        await ended
