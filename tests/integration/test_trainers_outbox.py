"""The outbox under concurrency: exclusive claims, expired leases, and two worker processes."""

from __future__ import annotations

import asyncio
import os
import sys
from collections import Counter
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.app import open_app
from bot.features.trainers import outbox
from bot.features.trainers.pushes import SqlPushes
from bot.features.trainers.tables import OutboxRow
from bot.outbox import marks
from tests.conftest import Clock
from tests.support.telegram import BOT_TOKEN, BotApi, serving
from tests.support.trainers import cohort_with_learners, sent_chats, statuses, trainer_settings

BRUSSELS = ZoneInfo("Europe/Brussels")
LEASE = timedelta(minutes=2)


async def test_claims_are_exclusive_and_a_dead_workers_lease_is_retaken(
    tmp_path: Path, database_url: str, clock: Clock, course_index_dir: Path
) -> None:
    settings = trainer_settings(tmp_path, database_url, index_dir=course_index_dir)
    async with open_app(settings, clock=clock) as app:
        cohort = await cohort_with_learners(app, 10)
        async with app.database.session() as session:
            await SqlPushes(session).create_push(cohort, "next", now=clock.now, zone=BRUSSELS)
        claim = {"now": clock.now, "lease": LEASE, "audience": {"telegram": None}}
        async with app.database.session() as session:
            first = await outbox.claim(session, token="a" * 32, limit=4, **claim)  # type: ignore[arg-type]
        async with app.database.session() as session:
            second = await outbox.claim(session, token="b" * 32, limit=100, **claim)  # type: ignore[arg-type]
            nothing = await outbox.claim(session, token="c" * 32, limit=100, **claim)  # type: ignore[arg-type]
        assert (len(first), len(second), len(nothing)) == (4, 6, 0)
        assert not {row.id for row in first} & {row.id for row in second}

        claim["now"] = clock.now + LEASE + timedelta(seconds=1)
        async with app.database.session() as session:
            ids = [row.id for row in second]
            assert await marks.finish(session, OutboxRow, ids, "b" * 32, "sent", clock.now) == 6
            retaken = await outbox.claim(session, token="d" * 32, limit=100, **claim)  # type: ignore[arg-type]
        assert sorted(row.id for row in retaken) == sorted(row.id for row in first)
        # Claimed, never sent: a dead worker's claim costs no try.
        assert all(row.attempts == 0 for row in retaken)
        # The dead worker's late mark changes nothing: the row is no longer its to mark.
        async with app.database.session() as session:
            assert (
                await marks.finish(session, OutboxRow, [first[0].id], "a" * 32, "sent", clock.now)
                == 0
            )


async def test_a_row_a_dead_worker_was_sending_is_taken_again_as_interrupted(
    tmp_path: Path, database_url: str, clock: Clock, course_index_dir: Path
) -> None:
    settings = trainer_settings(tmp_path, database_url, index_dir=course_index_dir)
    async with open_app(settings, clock=clock) as app:
        cohort = await cohort_with_learners(app, 3)
        async with app.database.session() as session:
            await SqlPushes(session).create_push(cohort, "next", now=clock.now, zone=BRUSSELS)
        claim = {"now": clock.now, "lease": LEASE, "audience": {"telegram": None}}
        async with app.database.session() as session:
            held = await outbox.claim(session, token="a" * 32, limit=100, **claim)  # type: ignore[arg-type]
        sending, *waiting = held
        async with app.database.session() as session:
            assert await marks.start_sending(session, OutboxRow, sending.id, "a" * 32)
            # Stopping gives back the rows not sent yet; the one being sent keeps its claim.
            assert await marks.release(session, OutboxRow, "a" * 32) == 2
        async with app.database.session() as session:
            taken = await outbox.claim(session, token="b" * 32, limit=100, **claim)  # type: ignore[arg-type]
        assert [(row.id, row.interrupted) for row in taken] == [(r.id, False) for r in waiting]
        async with app.database.session() as session:
            await marks.finish(
                session, OutboxRow, [row.id for row in taken], "b" * 32, "sent", clock.now
            )

        claim["now"] = clock.now + LEASE + timedelta(seconds=1)
        async with app.database.session() as session:
            [retaken] = await outbox.claim(session, token="c" * 32, limit=100, **claim)  # type: ignore[arg-type]
        assert (retaken.id, retaken.interrupted, retaken.attempts) == (sending.id, True, 1)
        async with app.database.session() as session:
            assert not await marks.start_sending(session, OutboxRow, sending.id, "a" * 32)
            assert await marks.start_sending(session, OutboxRow, sending.id, "c" * 32)
            assert (
                await marks.finish(session, OutboxRow, [sending.id], "c" * 32, "sent", clock.now)
                == 1
            )
        assert await statuses(app) == {"sent": 3}


async def test_two_worker_processes_share_one_outbox_on_postgresql(
    tmp_path: Path, postgres_url: str, course_index_dir: Path
) -> None:
    recipients = 120
    settings = trainer_settings(tmp_path, postgres_url, index_dir=course_index_dir)
    async with open_app(settings) as app:
        cohort = await cohort_with_learners(app, recipients)
        async with app.database.session() as session:
            await SqlPushes(session).create_push(
                cohort,
                "lesson",
                now=app.services.clock(),
                zone=BRUSSELS,
                lesson_id=app.services.course.lesson_order("en")[0],
            )
    api = BotApi()
    async with serving(api) as server:
        env = {
            **os.environ,
            "TUTOR_DATABASE_URL": postgres_url,
            "TUTOR_TELEGRAM_BASE_URL": server.base_url,
            "TELEGRAM_BOT_TOKEN": BOT_TOKEN,
            "TUTOR_DATA_DIR": str(tmp_path / "data"),
            "TUTOR_INDEX_DIR": str(course_index_dir),
            "TUTOR_PUSH_RATE_PER_SECOND": "0",
            "TUTOR_PUSH_CHAT_INTERVAL_SECONDS": "0",
            "TUTOR_PUSH_BATCH_SIZE": "5",
            "TUTOR_PUSH_CONCURRENCY": "2",
        }
        workers = [
            await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "tests.support.trainers_worker",
                env=env,
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
            )
            for _ in range(2)
        ]
        for process in workers:
            assert process.stdout is not None
            assert (await process.stdout.readline()).strip() == b"ready"
        for process in workers:
            assert process.stdin is not None
            process.stdin.write(b"go\n")
            await process.stdin.drain()
        outputs = [await process.communicate() for process in workers]
    assert [process.returncode for process in workers] == [0, 0]
    handled = [int(out.decode().split()[-1]) for out, _ in outputs]
    assert sum(handled) == recipients
    assert min(handled) > 0, f"one process did all the work: {handled}"
    assert Counter(sent_chats(api)) == {5000 + offset: 1 for offset in range(recipients)}
    async with open_app(settings) as app:
        assert await statuses(app) == {"sent": recipients}
