"""Space out sends: an overall rate, a minimum gap per chat, and pauses when told to wait."""

from __future__ import annotations

import asyncio
import time
from typing import Final

PRUNE_ABOVE: Final = 10_000


class Pacer:
    """Hand out send slots at most `rate_per_second` overall and one per chat per interval."""

    def __init__(self, rate_per_second: float, chat_interval_seconds: float) -> None:
        self.interval = 1.0 / rate_per_second if rate_per_second > 0 else 0.0
        self.chat_interval = chat_interval_seconds
        self._next_slot = 0.0
        self._paused_until = 0.0
        self._chat_next: dict[str, float] = {}

    def pause(self, seconds: float) -> None:
        """Send nothing for a while (Telegram said RetryAfter)."""
        self._paused_until = max(self._paused_until, time.monotonic() + seconds)

    async def wait(self, chat: str) -> None:
        """Wait for this chat's next slot, then for an overall slot."""
        chat_ready = self._chat_next.get(chat, 0.0)
        if chat_ready > time.monotonic():
            # Reserve the chat first, so a second message to it waits behind this one.
            self._chat_next[chat] = chat_ready + self.chat_interval
            await asyncio.sleep(chat_ready - time.monotonic())
        now = time.monotonic()
        slot = max(now, self._next_slot, self._paused_until)
        self._next_slot = slot + self.interval
        self._chat_next[chat] = slot + self.chat_interval
        if len(self._chat_next) > PRUNE_ABOVE:
            self._chat_next = {key: at for key, at in self._chat_next.items() if at > now}
        if slot > now:
            await asyncio.sleep(slot - now)
        # A pause that started while this send was waiting still applies to it.
        if (left := self._paused_until - time.monotonic()) > 0:
            await asyncio.sleep(left)
