"""Review reminders are queued once a day per learner, also by two processes at once."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from bot.adapters.db.learners import SqlLearners
from bot.app import open_app
from bot.features.review.memory import Memory
from bot.features.review.repo import SqlReviews
from bot.features.review.scheduler import NudgeScheduler
from bot.features.review.tables import ReviewNudgeRow
from tests.conftest import Clock, make_settings

# 18:00 in Brussels, the hour of a learner who has not answered anything here.
EVENING = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)


async def test_two_processes_ticking_together_queue_one_reminder(
    tmp_path: Path, database_url: str, course_index_dir: Path
) -> None:
    clock = Clock()
    clock.now = EVENING
    settings = [
        make_settings(tmp_path / name, database_url, index_dir=course_index_dir)
        for name in ("one", "two")
    ]
    async with (
        open_app(settings[0], clock=clock) as first,
        open_app(settings[1], clock=clock) as second,
    ):
        async with first.database.session() as session:
            learner = await SqlLearners(session).create("telegram", "1", EVENING, "en", "Jan P.")
            missed = Memory(0.9).review(
                None,
                "basics/what-is-ai",
                "cannot-feel",
                correct=False,
                now=EVENING - timedelta(days=1),
            )
            await SqlReviews(session).save(learner.id, missed)
        schedulers = [
            worker
            for app in (first, second)
            for worker in app.workers
            if isinstance(worker, NudgeScheduler)
        ]
        queued = await asyncio.gather(*(scheduler.tick() for scheduler in schedulers * 2))
        async with first.database.session() as session:
            rows = await session.scalar(select(func.count()).select_from(ReviewNudgeRow))
    assert sorted(queued) == [0, 0, 0, 1]
    assert rows == 1
