"""Process updates of different learners side by side, and each learner's strictly in order."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor


class PerLearnerProcessor(BaseUpdateProcessor):
    """Serialise each person's updates; let up to `max_active` people be served at once.

    Two taps of one learner must not interleave (each reads and writes their position), while a
    slow answer for one learner must not hold up the others. PTB's own bound counts updates
    waiting for their learner's turn too, so it is set high and `max_active` bounds the real work,
    below the database connection pool.
    """

    def __init__(self, max_active: int = 8, max_waiting: int = 512) -> None:
        super().__init__(max_concurrent_updates=max_waiting)
        self._active = asyncio.Semaphore(max_active)
        self._locks: dict[int, asyncio.Lock] = {}
        self._users: dict[int, int] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Wait for this person's earlier updates, then for a free slot, then process."""
        user = update.effective_user if isinstance(update, Update) else None
        if user is None:
            async with self._active:
                await coroutine
            return
        lock = self._locks.setdefault(user.id, asyncio.Lock())
        self._users[user.id] = self._users.get(user.id, 0) + 1
        try:
            async with lock, self._active:
                await coroutine
        finally:
            self._users[user.id] -= 1
            if not self._users[user.id]:
                del self._users[user.id], self._locks[user.id]

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""
