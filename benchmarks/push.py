"""Fan one push out to many learners through the outbox worker and the fake Telegram Bot API.

Three runs on one database, each a fresh push to every learner of one cohort:

1. `limited`: the worker's rate limiter at Telegram's 30 messages/s (1/s per chat);
2. `unlimited`: the limiter lifted, to see what the outbox itself sustains;
3. `crash`: limiter lifted, the process "dies" half-way (the fake Bot API raises an exception
   nothing catches, before accepting message N/2 + 1), then a new worker starts once the
   dead one's leases have run out. Every learner must have exactly one message: the run
   reports the duplicates and the losses, and exits 1 unless both are 0.

    python -m benchmarks.push            # 10,000 learners (the limited run takes ~6 minutes)
    python -m benchmarks.push --short    # 1,000 learners, for CI
    python -m benchmarks.push --database-url postgresql+asyncpg://...

Results go to stdout and benchmarks/results/push.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import platform
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select
from telegram import Bot

from bot.adapters.db.database import Database
from bot.adapters.db.learners import SqlLearners
from bot.adapters.db.tables import LearnerRow
from bot.channels.telegram.channel import TelegramChannel
from bot.channels.telegram.delivery import TelegramDeliverer
from bot.channels.telegram.render import Renderer
from bot.config import Settings
from bot.core.languages import BUILT_IN
from bot.core.router import Services
from bot.course.loader import load_course
from bot.features.trainers.outbox import PushMailbox
from bot.features.trainers.ports import Cohort
from bot.features.trainers.pushes import SqlPushes
from bot.features.trainers.repo import SqlCohorts
from bot.features.trainers.tables import CohortMemberRow
from bot.i18n import load_translators
from bot.outbox.options import DeliveryOptions
from bot.outbox.worker import OutboxWorker
from tests.support.telegram import BOT_TOKEN, BotApi, RecordingRequest
from tests.support.trainers import CrashingRequest, SimulatedCrash

RESULTS = Path(__file__).parent / "results" / "push.json"
FIRST_CHAT = 10_000_000
BRUSSELS = ZoneInfo("Europe/Brussels")


class Clock:
    """The real time, plus however far the benchmark moved it (to expire a dead worker's leases)."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset


async def enroll(database: Database, count: int, now: datetime) -> Cohort:
    """Create one trainer, one cohort without quiet hours, and `count` learners in it."""
    async with database.session() as session:
        trainer = await SqlLearners(session).create("bench", "trainer", now, "en", None)
        cohort = await SqlCohorts(session).create_cohort(
            "Benchmark", trainer.id, now, quiet_hours=(0, 0), reminder_days=0
        )
        assert cohort is not None
        await session.execute(
            insert(LearnerRow),
            [
                {
                    "channel": "telegram",
                    "external_id": str(FIRST_CHAT + offset),
                    "language": BUILT_IN.codes[offset % len(BUILT_IN)],
                    "display_name": f"L{offset} B.",
                    "created_at": now,
                    "last_seen_at": now,
                    "is_reachable": True,
                    "reminders_on": True,
                    "mode": "idle",
                    "card_index": 0,
                }
                for offset in range(count)
            ],
        )
        ids = await session.scalars(select(LearnerRow.id).where(LearnerRow.channel == "telegram"))
        await session.execute(
            insert(CohortMemberRow),
            [{"learner_id": i, "cohort_id": cohort.id, "joined_at": now} for i in ids],
        )
    return cohort


async def one_run(
    database: Database,
    services: Services,
    cohort: Cohort,
    options: DeliveryOptions,
    count: int,
    *,
    crash_after: int | None = None,
    clock: Clock,
) -> dict[str, Any]:
    """Push one lesson to the cohort and send it; return the figures of the run."""
    lesson_id = services.course.lesson_order("en")[0]
    async with database.session() as session:
        await SqlPushes(session).create_push(
            cohort, "lesson", now=clock(), zone=BRUSSELS, lesson_id=lesson_id
        )
    api = BotApi()
    renderer = Renderer(database, "buttons", clock)
    request = CrashingRequest(api, crash_after) if crash_after is not None else None
    bot = Bot(BOT_TOKEN, request=request or RecordingRequest(api))
    worker = OutboxWorker(database, services, options, [PushMailbox(BRUSSELS)])
    started = time.perf_counter()
    crashed = False
    try:
        await worker.drain({TelegramChannel.name: TelegramDeliverer(bot, renderer, database)})
    except* SimulatedCrash:
        crashed = True
    if crashed:
        # A new process: new worker, new bot; the dead one's claims are retaken after the lease.
        clock.offset += options.lease + timedelta(seconds=1)
        restarted = OutboxWorker(database, services, options, [PushMailbox(BRUSSELS)])
        again = Bot(BOT_TOKEN, request=RecordingRequest(api))
        await restarted.drain({TelegramChannel.name: TelegramDeliverer(again, renderer, database)})
    elapsed = time.perf_counter() - started
    accepted = Counter(
        int(call.params["chat_id"]) for call in api.calls_to("sendMessage") if call.failure is None
    )
    expected = {FIRST_CHAT + offset for offset in range(count)}
    figures: dict[str, Any] = {
        "learners": count,
        "limit_per_second": options.rate_per_second or None,
        "messages": sum(accepted.values()),
        "seconds": round(elapsed, 2),
        "messages_per_second": round(sum(accepted.values()) / elapsed, 1),
        "duplicates": sum(n - 1 for n in accepted.values() if n > 1),
        "losses": len(expected - set(accepted)),
    }
    if crash_after is not None:
        figures["crashed_after_messages"] = crash_after
    return figures


async def main(count: int, database_url: str | None) -> dict[str, Any]:
    """Run the three runs on a fresh database and return the results."""
    folder = Path(tempfile.mkdtemp(prefix="push-bench-"))
    url = database_url or f"sqlite+aiosqlite:///{folder / 'bench.db'}"
    settings = Settings(_env_file=None, database_url=url, data_dir=folder)  # type: ignore[call-arg]
    database = Database(url)
    await database.upgrade()
    clock = Clock()
    services = Services(
        course=load_course(settings.content_dir, settings.languages.codes),
        translators=load_translators(settings.locales_dir, settings.languages, settings.timezone),
        clock=clock,
        languages=settings.languages,
    )
    cohort = await enroll(database, count, clock())
    limited = DeliveryOptions.from_settings(settings)
    unlimited = DeliveryOptions.from_settings(
        Settings(  # type: ignore[call-arg]
            _env_file=None, push_rate_per_second=0, push_chat_interval_seconds=0
        )
    )
    results = {
        "benchmark": "push fan-out through the outbox",
        "database": database.dialect,
        "python": platform.python_version(),
        "settings": {
            "concurrency": limited.concurrency,
            "batch_size": limited.batch_size,
            "lease_seconds": limited.lease.total_seconds(),
        },
        "limited": await one_run(database, services, cohort, limited, count, clock=clock),
        "unlimited": await one_run(database, services, cohort, unlimited, count, clock=clock),
        "crash": await one_run(
            database, services, cohort, unlimited, count, crash_after=count // 2, clock=clock
        ),
    }
    await database.close()
    return results


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--short", action="store_true", help="1,000 learners instead of 10,000")
    parser.add_argument("--learners", type=int, help="any other number of learners")
    parser.add_argument("--database-url", help="default: a temporary SQLite file")
    args = parser.parse_args()
    learners = args.learners or (1_000 if args.short else 10_000)
    outcome = asyncio.run(main(learners, args.database_url))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(outcome, indent=2) + "\n")
    print(json.dumps(outcome, indent=2))
    crash = outcome["crash"]
    sys.exit(0 if crash["duplicates"] == 0 and crash["losses"] == 0 else 1)
