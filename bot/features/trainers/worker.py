"""The outbox worker: claim, send and record, one row at a time per sender, within the limits."""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Iterator, Mapping
from contextlib import AsyncExitStack
from dataclasses import dataclass
from datetime import timedelta
from typing import Final
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.adapters.db.database import Database
from bot.adapters.db.learners import SqlLearners
from bot.core.delivery import Deliverer, DeliveryResult, DeliveryStatus
from bot.core.ports import Repositories
from bot.core.replies import Reply
from bot.core.router import Services
from bot.features.answers.ports import QUESTIONS
from bot.features.answers.repo import SqlQuestions
from bot.features.progress.ports import PROGRESS
from bot.features.progress.repo import SqlProgress
from bot.features.quiz.ports import ANSWERS
from bot.features.quiz.repo import SqlAnswers
from bot.features.review.ports import REVIEWS
from bot.features.review.repo import SqlReviews
from bot.features.trainers import outbox
from bot.features.trainers.options import DeliveryOptions
from bot.features.trainers.pacing import Pacer
from bot.features.trainers.ports import COHORTS
from bot.features.trainers.render import render
from bot.features.trainers.repo import SqlCohorts
from bot.features.trainers.timing import after_quiet_hours

logger = logging.getLogger(__name__)

MAX_ATTEMPTS: Final = 5
IDLE_SECONDS: Final = 2.0
FIRST_BACKOFF: Final = timedelta(seconds=30)
MAX_BACKOFF: Final = timedelta(hours=1)


@dataclass(frozen=True)
class Job:
    """A claimed row ready to go: who gets which replies."""

    item: outbox.Claimed
    replies: list[Reply]


class OutboxWorker:
    """Send pending outbox rows through their channel's deliverer; safe in several processes."""

    def __init__(
        self, database: Database, services: Services, options: DeliveryOptions, zone: ZoneInfo
    ) -> None:
        self.database = database
        self.services = services
        self.options = options
        self.zone = zone
        self.pacer = Pacer(options.rate_per_second, options.chat_interval_seconds)
        self._tokens: set[str] = set()

    async def run(self, deliverers: Mapping[str, Deliverer]) -> None:
        """Send whatever is due, then look again every few seconds, until cancelled."""
        try:
            while True:
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
        async with self.database.session() as session:
            now = self.services.clock()
            claimed = await outbox.claim(
                session,
                token=token,
                now=now,
                lease=self.options.lease,
                limit=self.options.batch_size,
                audience=audience,
            )
            # What rendering reads: each learner's lessons and reviews; a trainer's week.
            stores = Repositories(
                {
                    PROGRESS: lambda: SqlProgress(session),
                    REVIEWS: lambda: SqlReviews(session),
                    COHORTS: lambda: SqlCohorts(session),
                    ANSWERS: lambda: SqlAnswers(session),
                    QUESTIONS: lambda: SqlQuestions(session),
                }
            )
            if interrupted := sum(item.interrupted for item in claimed):
                logger.warning(
                    "Sending again %s outbox rows a stopped worker was sending", interrupted
                )
            for item in claimed:
                if item.attempts >= MAX_ATTEMPTS:
                    await outbox.finish(session, [item.id], token, "failed", now)
                elif not item.reachable:
                    await outbox.finish(session, [item.id], token, "blocked", now)
                elif not item.still_member:
                    await outbox.finish(session, [item.id], token, "skipped", now)
                elif (later := after_quiet_hours(now, self.zone, *item.quiet_hours)) > now:
                    await outbox.defer(session, item.id, token, later, give_back_try=False)
                elif (replies := await render(stores, self.services, item, now)) is None:
                    await outbox.finish(session, [item.id], token, "skipped", now)
                else:
                    jobs.append(Job(item, replies))
        return len(claimed), jobs

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
            if not await self._start_sending(session, token, job.item):
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
            # Once the channel has the message, its row must be marked even if we are being
            # stopped: that mark is what keeps a restart from sending it again.
            recording = asyncio.ensure_future(self._record(session, token, job.item, result))
            try:
                await asyncio.shield(recording)
            except asyncio.CancelledError:
                await recording
                raise

    async def _start_sending(self, session: AsyncSession, token: str, item: outbox.Claimed) -> bool:
        # Committed on its own right before the call: after a crash, only the rows left
        # `sending` may have reached the channel, and they are sent again (see outbox.claim).
        started = await outbox.start_sending(session, item.id, token)
        await session.commit()
        return started

    async def _record(
        self, session: AsyncSession, token: str, item: outbox.Claimed, result: DeliveryResult
    ) -> None:
        # One small transaction per row, committed at once: until it is, a crash sends the
        # message again.
        now = self.services.clock()
        match result.status:
            case DeliveryStatus.SENT:
                await outbox.finish(session, [item.id], token, "sent", now)
            case DeliveryStatus.BLOCKED:
                await outbox.finish(session, [item.id], token, "blocked", now)
                await SqlLearners(session).set_reachable(item.learner_id, False)
            case DeliveryStatus.FAILED:
                await outbox.finish(session, [item.id], token, "failed", now)
            case DeliveryStatus.RETRY_LATER if result.retry_after:
                # Being rate limited is not the message's fault: it does not use up a try.
                later = now + timedelta(seconds=result.retry_after)
                await outbox.defer(session, item.id, token, later, give_back_try=True)
            case DeliveryStatus.RETRY_LATER if item.attempts + 1 >= MAX_ATTEMPTS:
                await outbox.finish(session, [item.id], token, "failed", now)
            case DeliveryStatus.RETRY_LATER:
                # This send was try number `item.attempts + 1`.
                later = now + min(FIRST_BACKOFF * 2**item.attempts, MAX_BACKOFF)
                await outbox.defer(session, item.id, token, later, give_back_try=False)
        await session.commit()

    async def _release(self, tokens: set[str]) -> None:
        async with self.database.session() as session:
            for token in tokens:
                await outbox.release(session, token)
        self._tokens -= tokens
