"""Review reminders are queued once a day per learner, also by two processes at once."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from bot.adapters.db.learners import SqlLearners
from bot.app import App, open_app
from bot.features.review.memory import Memory
from bot.features.review.repo import SqlReviews
from bot.features.review.scheduler import NudgeScheduler
from bot.features.review.tables import ReviewNudgeRow
from tests.conftest import Clock, make_settings

# 18:00 in Brussels, the hour of a learner who has not answered anything here.
EVENING = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)


async def learner_with_a_question_due(app: App, seen: datetime) -> None:
    """Add a learner last seen at `seen`, with a question missed yesterday to review today."""
    async with app.database.session() as session:
        learner = await SqlLearners(session).create("telegram", "1", seen, "en", "Jan P.")
        missed = Memory(0.9).review(
            None, "basics/what-is-ai", "cannot-feel", correct=False, now=EVENING - timedelta(days=1)
        )
        await SqlReviews(session).save(learner.id, missed)


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
        # Last seen an hour ago: not in the middle of learning.
        await learner_with_a_question_due(first, seen=EVENING - timedelta(hours=1))
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


async def test_a_learner_learning_now_gets_the_reminder_once_they_stop(
    tmp_path: Path, database_url: str, course_index_dir: Path
) -> None:
    clock = Clock()
    clock.now = EVENING
    settings = make_settings(tmp_path, database_url, index_dir=course_index_dir)
    async with open_app(settings, clock=clock) as app:
        await learner_with_a_question_due(app, seen=EVENING - timedelta(minutes=5))
        (scheduler,) = [w for w in app.workers if isinstance(w, NudgeScheduler)]

        # Seen five minutes ago, maybe in the middle of a review: no reminder under it.
        assert await scheduler.tick() == 0
        clock.now = EVENING + timedelta(minutes=25)
        assert await scheduler.tick() == 1
