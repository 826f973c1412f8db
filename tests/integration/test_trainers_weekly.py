"""The weekly report: Monday morning, through the outbox, once, and never to who said no."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from bot.adapters.db.learners import SqlLearners
from bot.adapters.db.tables import LearnerRow
from bot.app import App, open_app
from bot.config import Settings
from bot.features.progress.repo import SqlProgress
from bot.features.trainers.ports import Cohort
from bot.features.trainers.pushes import SqlPushes
from bot.features.trainers.repo import SqlCohorts
from bot.features.trainers.scheduler import Scheduler
from bot.features.trainers.tables import OutboxRow, PushRow
from tests.conftest import Clock
from tests.support.telegram import BotApi
from tests.support.trainers import cohort_with_learners, on_telegram, trainer_settings
from tests.support.trainers import worker as outbox_worker

BRUSSELS = ZoneInfo("Europe/Brussels")
TRAINER_CHAT = 2001
FIRST = 5000
# Monday 30 November 2026, 08:00 in Brussels.
MONDAY_MORNING = datetime(2026, 11, 30, 8, 0, tzinfo=BRUSSELS).astimezone(UTC)


@pytest.fixture
def settings(tmp_path: Path, database_url: str, course_index_dir: Path) -> Settings:
    return trainer_settings(tmp_path, database_url, index_dir=course_index_dir)


@pytest.fixture
async def app(settings: Settings, clock: Clock) -> AsyncIterator[App]:
    async with open_app(settings, clock=clock) as opened:
        yield opened


def scheduler(app: App) -> Scheduler:
    [found] = [w for w in app.workers if isinstance(w, Scheduler)]
    return found


async def weekly_rows(app: App) -> int:
    async with app.database.session() as session:
        count = await session.scalar(
            select(func.count())
            .select_from(OutboxRow)
            .join(PushRow, PushRow.id == OutboxRow.push_id)
            .where(PushRow.kind == "weekly")
        )
    return int(count or 0)


async def switch_weekly(app: App, cohort: Cohort, on: bool) -> None:
    assert cohort.trainer_id is not None
    async with app.database.session() as session:
        await SqlCohorts(session).set_weekly_report(cohort.trainer_id, on)


async def test_the_trainer_gets_it_on_monday_morning_once_a_week(app: App, clock: Clock) -> None:
    await cohort_with_learners(app, 3)
    clock.now = MONDAY_MORNING - timedelta(minutes=1)
    assert (await scheduler(app).tick()).weekly_reports == 0
    clock.now = MONDAY_MORNING
    assert (await scheduler(app).tick()).weekly_reports == 1
    clock.advance(minutes=1)
    assert (await scheduler(app).tick()).weekly_reports == 0

    api = BotApi()
    await outbox_worker(app).drain(on_telegram(app, api))
    assert await weekly_rows(app) == 1
    [text] = api.sent_texts(TRAINER_CHAT)
    assert text.startswith("📬 Your weekly report: Group A · 30 Nov 2026")
    assert "👥 3 of 3 learners active this week (last 7 days)" in text
    assert "🚩 Nobody seems stuck." in text
    assert "❓ 0 questions I could not answer this week." in text
    [call] = [c for c in api.calls_to("sendMessage") if c.chat_id == TRAINER_CHAT]
    labels = [button["text"] for button in call.buttons]
    assert labels == ["📊 Full report with chart", "🔕 No more weekly reports"]

    clock.now = MONDAY_MORNING + timedelta(days=3)
    assert (await scheduler(app).tick()).weekly_reports == 0
    clock.now = MONDAY_MORNING + timedelta(days=7)
    assert (await scheduler(app).tick()).weekly_reports == 1


async def test_a_group_made_after_monday_morning_waits_for_next_week(
    app: App, clock: Clock
) -> None:
    clock.now = MONDAY_MORNING + timedelta(hours=1)
    await cohort_with_learners(app, 1)
    assert (await scheduler(app).tick()).weekly_reports == 0
    clock.now = MONDAY_MORNING + timedelta(days=7)
    assert (await scheduler(app).tick()).weekly_reports == 1


async def test_a_tutor_down_on_monday_sends_it_the_same_day_but_not_later(
    app: App, clock: Clock
) -> None:
    await cohort_with_learners(app, 1)
    clock.now = MONDAY_MORNING + timedelta(hours=13)
    assert (await scheduler(app).tick()).weekly_reports == 0
    clock.now = MONDAY_MORNING + timedelta(days=7, hours=3)
    assert (await scheduler(app).tick()).weekly_reports == 1


async def test_two_processes_ticking_at_once_queue_it_once(
    app: App, settings: Settings, clock: Clock
) -> None:
    await cohort_with_learners(app, 2)
    await cohort_with_learners(app, 2, name="Group B", first_id=6000, trainer_id="2002")
    clock.now = MONDAY_MORNING
    async with open_app(settings, clock=clock) as other:
        ticks = await asyncio.gather(scheduler(app).tick(), scheduler(other).tick())
        again = await asyncio.gather(scheduler(app).tick(), scheduler(other).tick())
    assert sum(tick.weekly_reports for tick in [*ticks, *again]) == 2
    assert await weekly_rows(app) == 2


async def test_the_off_switch_is_respected_before_and_after_queueing(
    app: App, clock: Clock
) -> None:
    cohort = await cohort_with_learners(app, 2)
    await switch_weekly(app, cohort, on=False)
    clock.now = MONDAY_MORNING
    assert (await scheduler(app).tick()).weekly_reports == 0

    await switch_weekly(app, cohort, on=True)
    clock.now = MONDAY_MORNING + timedelta(days=7)
    assert (await scheduler(app).tick()).weekly_reports == 1
    # Switched off between the tick and the send: the queued report is not sent.
    await switch_weekly(app, cohort, on=False)
    api = BotApi()
    await outbox_worker(app).drain(on_telegram(app, api))
    assert api.sent_texts(TRAINER_CHAT) == []
    async with app.database.session() as session:
        status = await session.scalar(
            select(OutboxRow.status)
            .join(PushRow, PushRow.id == OutboxRow.push_id)
            .where(PushRow.kind == "weekly")
        )
    assert status == "skipped"


async def test_an_ended_course_gets_no_report_until_it_is_opened_again(
    app: App, clock: Clock
) -> None:
    cohort = await cohort_with_learners(app, 2)
    async with app.database.session() as session:
        await SqlPushes(session).create_push(cohort, "ended", now=clock.now, zone=BRUSSELS)
    clock.now = MONDAY_MORNING
    assert (await scheduler(app).tick()).weekly_reports == 0

    async with app.database.session() as session:
        await SqlPushes(session).reopen(cohort.id)
    clock.now = MONDAY_MORNING + timedelta(days=7)
    assert (await scheduler(app).tick()).weekly_reports == 1


async def test_a_report_held_by_quiet_hours_is_not_sent_once_the_course_ended(
    app: App, clock: Clock
) -> None:
    cohort = await cohort_with_learners(app, 1, quiet_hours=(20 * 60, 9 * 60))
    clock.now = MONDAY_MORNING
    assert (await scheduler(app).tick()).weekly_reports == 1
    async with app.database.session() as session:
        await SqlPushes(session).create_push(cohort, "ended", now=clock.now, zone=BRUSSELS)
    clock.now = MONDAY_MORNING + timedelta(hours=1)
    api = BotApi()
    await outbox_worker(app).drain(on_telegram(app, api))
    assert api.sent_texts(TRAINER_CHAT) == []


async def test_quiet_hours_hold_it_until_they_end(app: App, clock: Clock) -> None:
    await cohort_with_learners(app, 1, quiet_hours=(20 * 60, 9 * 60))
    clock.now = MONDAY_MORNING
    assert (await scheduler(app).tick()).weekly_reports == 1
    api = BotApi()
    await outbox_worker(app).drain(on_telegram(app, api))
    assert api.sent_texts(TRAINER_CHAT) == []
    clock.now = MONDAY_MORNING + timedelta(hours=1)
    await outbox_worker(app).drain(on_telegram(app, api))
    assert len(api.sent_texts(TRAINER_CHAT)) == 1


async def test_it_says_who_may_be_stuck_and_why(app: App, clock: Clock) -> None:
    await cohort_with_learners(app, 3)
    first, second = app.services.course.lesson_order("en")[:2]
    total = len(app.services.course.lesson("en", second).quiz)  # type: ignore[union-attr]
    start = MONDAY_MORNING - timedelta(days=10)
    async with app.database.session() as session:
        learners = SqlLearners(session)
        opener, retrier, away = [
            await learners.find("telegram", str(FIRST + offset)) for offset in range(3)
        ]
        assert opener
        assert retrier
        assert away
        progress = SqlProgress(session)
        # L0 opened a lesson ten days ago and did not finish it; L1 tried a quiz twice and got
        # nothing right; L2 has not been seen for ten days.
        await progress.start_lesson(opener.id, first, start)
        for _ in range(2):
            await progress.start_quiz_attempt(retrier.id, second, total, start)
            await progress.finish_quiz(retrier.id, second, 0, start)
        for learner, moment in ((opener, MONDAY_MORNING), (retrier, MONDAY_MORNING), (away, start)):
            row = await session.get(LearnerRow, learner.id)
            assert row is not None
            row.last_seen_at = moment
    clock.now = MONDAY_MORNING
    await scheduler(app).tick()
    api = BotApi()
    await outbox_worker(app).drain(on_telegram(app, api))
    [text] = api.sent_texts(TRAINER_CHAT)
    course = app.services.course
    opened, tried = (course.lesson("en", first), course.lesson("en", second))
    assert opened
    assert tried
    assert "🚩 3 learners may need your help:" in text
    assert f"• L0 B.: opened “{opened.title}” 10 days ago and did not finish it" in text
    assert (
        f"• L1 B.: tried the quiz of “{tried.title}” 2 times, last score 0 out of {total}" in text
    )
    assert "• L2 B.: no visit for 10 days" in text
