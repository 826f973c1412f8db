"""Process updates of different learners side by side, each learner's in order and within limits."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from bot.core.flood import TokenBuckets, Verdict
from bot.logs import update_context

SlowDown = Callable[[Update], Awaitable[None]]


class PerLearnerProcessor(BaseUpdateProcessor):
    """Serialise each person's updates; let up to `max_active` people be served at once.

    Two taps of one learner must not interleave (each reads and writes their position), while a
    slow answer for one learner must not hold up the others. PTB's own bound counts updates
    waiting for their learner's turn too, so it is set high and `max_active` bounds the real work,
    below the database connection pool.

    A flood must not hold up the others either: each person's updates pass their token bucket
    and a bound of `max_queued` waiting or in progress *before* they wait for their turn. The
    rest are dropped at once, not queued, and the first of a flood calls `slow_down`.
    """

    def __init__(
        self,
        buckets: TokenBuckets,
        slow_down: SlowDown,
        *,
        max_queued: int = 8,
        max_active: int = 8,
        max_waiting: int = 512,
        on_ended: Callable[[object], None] | None = None,
    ) -> None:
        super().__init__(max_concurrent_updates=max_waiting)
        self.buckets = buckets
        self.slow_down = slow_down
        self.max_queued = max_queued
        self._active = asyncio.Semaphore(max_active)
        self._locks: dict[int, asyncio.Lock] = {}
        self._users: dict[int, int] = {}
        self.on_ended = on_ended

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Tag the update's log lines with its id, and process it within the person's limits."""
        update_id = str(update.update_id) if isinstance(update, Update) else None
        try:
            with update_context(update_id):
                await self._process(update, coroutine)
        finally:
            if self.on_ended is not None:
                self.on_ended(update)

    async def _process(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Drop an update beyond the person's limits, else wait for their turn and a free slot."""
        if not isinstance(update, Update) or update.effective_user is None:
            async with self._active:
                await coroutine
            return
        user = update.effective_user
        verdict = self._admit(user.id)
        if verdict is not Verdict.SERVE:
            if inspect.iscoroutine(coroutine):
                coroutine.close()  # never to run: closed, so Python does not warn about it
            if verdict is Verdict.SLOW_DOWN:
                await self.slow_down(update)
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

    def _admit(self, user_id: int) -> Verdict:
        if self._users.get(user_id, 0) >= self.max_queued:
            return self.buckets.refuse(user_id)
        return self.buckets.admit(user_id)

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""
