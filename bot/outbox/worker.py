"""The outbox worker: claim, send and record, one row at a time per sender, within the limits."""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AsyncExitStack
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final

from sqlalchemy.ext.asyncio import AsyncSession

from bot.adapters.db.database import Database
from bot.adapters.db.learners import SqlLearners
from bot.core.delivery import Deliverer, DeliveryResult, DeliveryStatus
from bot.core.meter import Meter, NoMeter
from bot.core.replies import Reply
from bot.core.router import Services
from bot.outbox import marks
from bot.outbox.mailbox import Claim, Mailbox
from bot.outbox.options import DeliveryOptions
from bot.outbox.pacing import Pacer

logger = logging.getLogger(__name__)

MAX_ATTEMPTS: Final = 5
IDLE_SECONDS: Final = 2.0
FIRST_BACKOFF: Final = timedelta(seconds=30)
MAX_BACKOFF: Final = timedelta(hours=1)


@dataclass(frozen=True)
class Job:
    """A claimed row ready to go: who gets which replies, and the mailbox to mark it in."""

    mailbox: Mailbox[Any]
    item: Claim
    replies: list[Reply]


class OutboxWorker:
    """Send the pending rows of every mailbox through their channel's deliverer.

    One worker serves all the mailboxes, so that the overall rate and the gap per chat hold
    for every kind of message together; it is safe to run in several processes.
    """

    name = "outbox"

    def __init__(
        self,
        database: Database,
        services: Services,
        options: DeliveryOptions,
        mailboxes: Sequence[Mailbox[Any]],
        meter: Meter | None = None,
    ) -> None:
        self.database = database
        self.services = services
        self.options = options
        self.mailboxes = tuple(mailboxes)
        self.meter = meter or NoMeter()
        self.pacer = Pacer(options.rate_per_second, options.chat_interval_seconds)
        self._tokens: set[str] = set()
        # When the loop last went round or claimed a batch (time.monotonic()).
        self._beat: float | None = None

    def alive(self) -> bool:
        """Tell whether the worker went round its loop, or claimed a batch, within a lease."""
        return self._beat is not None and (
            time.monotonic() - self._beat < self.options.lease.total_seconds() + IDLE_SECONDS
        )

    async def run(self, deliverers: Mapping[str, Deliverer]) -> None:
        """Send whatever is due, then look again every few seconds, until cancelled."""
        try:
            while True:
                self._beat = time.monotonic()
                try:
                    handled = await self.drain(deliverers)
                except Exception:
                    # Rows this pass had claimed are retaken when their lease runs out.
                    logger.exception("Outbox pass failed")
                    handled = 0
                if not handled:
                    await asyncio.sleep(IDLE_SECONDS)
        except asyncio.CancelledError:
            await self._release(set(self._tokens))
            raise

    async def drain(self, deliverers: Mapping[str, Deliverer]) -> int:
        """Handle every row due now that these deliverers reach; return how many were handled."""
        audience = {channel: d.recipients for channel, d in deliverers.items()}
        handled = 0
        while True:
            self._beat = time.monotonic()
            token = uuid.uuid4().hex
            self._tokens.add(token)
            claimed, jobs = await self._claim(token, audience)
            if not claimed:
                self._tokens.discard(token)
                return handled
            handled += claimed
            # The lease is shared by the batch; stop sending well before it runs out, since
            # another process may then retake the rows.
            deadline = time.monotonic() + self.options.lease.total_seconds() * 0.75
            queue = iter(jobs)
            # Each sender writes on a connection of its own, so that a row's mark is committed
            # the moment its answer arrives, without waiting for a pool, a lock or another
            # sender. They are closed after the senders end, so that a failing sender stops the
            # others at once.
            async with AsyncExitStack() as connections:
                sessions = [
                    await connections.enter_async_context(self.database.held_session())
                    for _ in range(min(self.options.concurrency, len(jobs)))
                ]
                async with asyncio.TaskGroup() as senders:
                    for session in sessions:
                        senders.create_task(
                            self._sender(deliverers, session, token, queue, deadline)
                        )
            # Rows left unsent when the deadline passed go back for anyone to take.
            await self._release({token})

    async def _claim(
        self, token: str, audience: Mapping[str, frozenset[str] | None]
    ) -> tuple[int, list[Job]]:
        jobs: list[Job] = []
        claimed = 0
        async with self.database.session() as session:
            now = self.services.clock()
            for mailbox in self.mailboxes:
                items = await mailbox.claim(
                    session,
                    token=token,
                    now=now,
                    lease=self.options.lease,
                    limit=self.options.batch_size,
                    audience=audience,
                )
                if interrupted := sum(item.interrupted for item in items):
                    logger.warning(
                        "Sending again %s outbox rows a stopped worker was sending", interrupted
                    )
                for item in items:
                    if (job := await self._prepare(session, mailbox, token, item, now)) is not None:
                        jobs.append(job)
                claimed += len(items)
        return claimed, jobs

    async def _prepare(
        self, session: AsyncSession, mailbox: Mailbox[Any], token: str, item: Claim, now: datetime
    ) -> Job | None:
        """Return the job of a claimed row, or settle the row at once and return None."""
        table = mailbox.table
        if item.attempts >= MAX_ATTEMPTS:
            await marks.finish(session, table, [item.id], token, "failed", now)
            return None
        if not item.reachable:
            await marks.finish(session, table, [item.id], token, "blocked", now)
            return None
        prepared = await mailbox.prepare(session, self.services, item, now)
        if prepared is None:
            await marks.finish(session, table, [item.id], token, "skipped", now)
        elif isinstance(prepared, datetime):
            await marks.defer(session, table, item.id, token, prepared, give_back_try=False)
        else:
            return Job(mailbox, item, prepared)
        return None

    async def _sender(
        self,
        deliverers: Mapping[str, Deliverer],
        session: AsyncSession,
        token: str,
        queue: Iterator[Job],
        deadline: float,
    ) -> None:
        for job in queue:
            await self.pacer.wait(f"{job.item.channel}:{job.item.external_id}")
            if time.monotonic() > deadline:
                return
            if not await self._start_sending(session, token, job):
                continue
            try:
                deliver = deliverers[job.item.channel].deliver
                result = await deliver(job.item.external_id, job.replies)
            except Exception:
                # Never log the message or the person: the row's id is enough to look into it.
                logger.exception("Delivery of outbox row %s failed", job.item.id)
                result = DeliveryResult(DeliveryStatus.RETRY_LATER)
            if result.status is DeliveryStatus.RETRY_LATER and result.retry_after:
                self.pacer.pause(result.retry_after)
            self.meter.delivery(job.item.channel, _result_name(result))
            # Once the channel has the message, its row must be marked even if we are being
            # stopped: that mark is what keeps a restart from sending it again.
            recording = asyncio.ensure_future(self._record(session, token, job, result))
            try:
                await asyncio.shield(recording)
            except asyncio.CancelledError:
                await recording
                raise

    async def _start_sending(self, session: AsyncSession, token: str, job: Job) -> bool:
        # Committed on its own right before the call: after a crash, only the rows left
        # `sending` may have reached the channel, and they are sent again (see marks.claim).
        started = await marks.start_sending(session, job.mailbox.table, job.item.id, token)
        await session.commit()
        return started

    async def _record(
        self, session: AsyncSession, token: str, job: Job, result: DeliveryResult
    ) -> None:
        # One small transaction per row, committed at once: until it is, a crash sends the
        # message again.
        now = self.services.clock()
        item, table = job.item, job.mailbox.table
        match result.status:
            case DeliveryStatus.SENT:
                await marks.finish(session, table, [item.id], token, "sent", now)
            case DeliveryStatus.BLOCKED:
                await marks.finish(session, table, [item.id], token, "blocked", now)
                await SqlLearners(session).set_reachable(item.learner_id, False)
            case DeliveryStatus.FAILED:
                await marks.finish(session, table, [item.id], token, "failed", now)
            case DeliveryStatus.RETRY_LATER if result.retry_after:
                # Being rate limited is not the message's fault: it does not use up a try.
                later = now + timedelta(seconds=result.retry_after)
                await marks.defer(session, table, item.id, token, later, give_back_try=True)
            case DeliveryStatus.RETRY_LATER if item.attempts + 1 >= MAX_ATTEMPTS:
                await marks.finish(session, table, [item.id], token, "failed", now)
            case DeliveryStatus.RETRY_LATER:
                # This send was try number `item.attempts + 1`.
                later = now + min(FIRST_BACKOFF * 2**item.attempts, MAX_BACKOFF)
                await marks.defer(session, table, item.id, token, later, give_back_try=False)
        await session.commit()

    async def _release(self, tokens: set[str]) -> None:
        async with self.database.session() as session:
            for token in tokens:
                for mailbox in self.mailboxes:
                    await marks.release(session, mailbox.table, token)
        self._tokens -= tokens


def _result_name(result: DeliveryResult) -> str:
    """Name a delivery's result for the metrics; a retry Telegram asked for is a 429."""
    if result.status is DeliveryStatus.RETRY_LATER and result.retry_after:
        return "rate_limited"
    return result.status.value
