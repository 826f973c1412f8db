"""Review reminders on Telegram, through the real Application and its own outbox worker.

The clock is the tests' own: a test moves it to the next day and lets the reminder scheduler
tick (the bot ticks it every minute); the outbox worker running with the Application sends
what is queued, as `tutor run` does.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot.app import App
from bot.course.model import Lesson
from bot.features.review.scheduler import NudgeScheduler
from bot.features.review.tables import ReviewNudgeRow
from tests.conftest import Clock
from tests.support.buttons import data
from tests.support.telegram import (
    BotApi,
    TelegramChat,
    TelegramUser,
    Updates,
    application_for,
    running,
    tutor_for_telegram,
)

WAITING = "🔁 1 question is waiting: 1 minute."


@dataclass
class Bot:
    """A running tutor on Telegram, its fake Bot API, its clock and one learner."""

    app: App
    api: BotApi
    clock: Clock
    learner: TelegramChat

    async def tick(self) -> int:
        """Let the reminder scheduler do what it does every minute."""
        [scheduler] = [w for w in self.app.workers if isinstance(w, NudgeScheduler)]
        return await scheduler.tick()

    def reminders(self) -> list[str]:
        """Return the reminders the learner received."""
        return [text for text in self.api.sent_texts(self.learner.user.id) if "🔁" in text[:2]]

    async def statuses(self) -> list[tuple[str, datetime]]:
        async with self.app.database.session() as session:
            found = await session.execute(
                select(ReviewNudgeRow.status, ReviewNudgeRow.not_before).order_by(ReviewNudgeRow.id)
            )
            return [tuple(row) for row in found]  # type: ignore[misc]

    async def settled(self) -> list[tuple[str, datetime]]:
        """Return the statuses once no reminder is being sent (marked after Telegram answers)."""
        for _ in range(200):
            statuses = await self.statuses()
            if all(status != "sending" for status, _ in statuses):
                return statuses
            await asyncio.sleep(0.05)
        return await self.statuses()


@asynccontextmanager
async def telegram_tutor(
    tmp_path_factory: pytest.TempPathFactory, start: datetime | None = None
) -> AsyncIterator[Bot]:
    async with tutor_for_telegram(tmp_path_factory) as app:
        clock = app.services.clock
        assert isinstance(clock, Clock)
        if start is not None:
            clock.now = start
        api = BotApi()
        application = application_for(app, api)
        async with running(application):
            learner = TelegramChat(
                application, api, TelegramUser(7001, "Jan", "Peeters", "en"), Updates()
            )
            yield Bot(app, api, clock, learner)


def first_lesson(app: App) -> Lesson:
    course = app.services.course
    lesson = course.lesson("en", course.lesson_order("en")[0])
    assert lesson is not None
    return lesson


async def take_quiz_missing_the_first(bot: Bot) -> None:
    """Read the first lesson and take its quiz, missing its first question."""
    chat, lesson = bot.learner, first_lesson(bot.app)
    await chat.command("start")
    await chat.tap_action("lessons.open")
    for index in range(1, len(lesson.cards)):
        await chat.tap(data("lessons.card", lesson.id, index))
    await chat.tap(data("quiz.start", lesson.id))
    for index, item in enumerate(lesson.quiz):
        choice = (item.correct + 1) % len(item.options) if index == 0 else item.correct
        await chat.tap(data("quiz.ans", item.id, choice))
        if index + 1 < len(lesson.quiz):
            await chat.tap_action("lessons.resume")


async def next_day_reminder(bot: Bot, count: int = 1) -> None:
    """Move to the same hour the next day and wait for the reminder the bot sends itself."""
    sent = len(bot.reminders())
    bot.clock.advance(days=1)
    assert await bot.tick() == count
    await bot.api.wait_for(lambda: len(bot.reminders()) == sent + count)


async def test_a_missed_question_comes_back_the_next_day_with_a_reminder(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    async with telegram_tutor(tmp_path_factory) as bot:
        await take_quiz_missing_the_first(bot)
        one = "The question you missed comes back tomorrow: I will send you a reminder."
        assert one in bot.learner.text
        # Nothing is due the same day.
        assert await bot.tick() == 0

        await next_day_reminder(bot)
        [reminder] = bot.reminders()
        assert reminder == WAITING
        [call] = [c for c in bot.api.calls_to("sendMessage") if c.params["text"] == WAITING]
        labels = [button["text"] for button in call.buttons]
        assert labels == ["▶ Review now", "Not now", "🔕 Stop reminders"]
        # The scheduler ticking again (here, or in another process) queues nothing more.
        assert await bot.tick() == 0
        assert [status for status, _ in await bot.statuses()] == ["sent"]

        await bot.learner.tap(data("review.now"))
        missed = first_lesson(bot.app).quiz[0]
        assert missed.question in bot.learner.text
        assert "🔁" in bot.learner.text
        await bot.learner.tap(data("review.ans", missed.id, missed.correct))
        assert "✅" in bot.learner.text
        await bot.learner.tap(data("review.next"))
        assert "Review done. Nothing else to review for now." in bot.learner.text


async def test_stop_reminders_stops_them_and_settings_turn_them_back_on(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    async with telegram_tutor(tmp_path_factory) as bot:
        await take_quiz_missing_the_first(bot)
        await next_day_reminder(bot)
        await bot.learner.tap(data("review.stop"))
        assert "No more reminders" in bot.learner.text
        bot.clock.advance(days=1)
        assert await bot.tick() == 0

        await bot.learner.command("menu")
        await bot.learner.tap(data("settings.show"))
        assert "🔕 Review reminders: off." in bot.learner.text
        assert "one short message a day" not in bot.learner.text
        await bot.learner.tap(data("settings.rem", "on"))
        # The quiz was taken at 10:00 in Brussels: that is when they usually learn.
        assert "at about 10:00 (when you usually learn)" in bot.learner.text
        assert "When questions are due, I send you one short message a day." in bot.learner.text
        await bot.learner.tap(data("settings.hours"))
        hours = [b["text"] for b in bot.learner.buttons]
        # Only hours outside the quiet hours (21:00-08:00) are offered.
        assert hours[0] == "08:00"
        assert "20:00" in hours
        assert "21:00" not in hours
        await bot.learner.tap(data("settings.hour", 12))
        assert "🔔 Review reminders: on, at about 12:00." in bot.learner.text
        # It is 10:00: the reminder now waits for noon.
        bot.clock.advance(days=1)
        assert await bot.tick() == 0
        bot.clock.advance(hours=2)
        assert await bot.tick() == 1


async def test_after_three_unanswered_reminders_none_comes_until_the_learner_is_back(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    async with telegram_tutor(tmp_path_factory) as bot:
        await take_quiz_missing_the_first(bot)
        for _ in range(3):
            await next_day_reminder(bot)
        bot.clock.advance(days=1)
        assert await bot.tick() == 0
        # "Not now" is an answer: the learner did something after the reminders.
        await bot.learner.tap(data("review.later"))
        assert "not now" in bot.learner.text.lower()
        await next_day_reminder(bot)


async def test_a_reminder_waits_for_the_end_of_the_quiet_hours(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # 22:30 in Brussels: the learner learns in the evening, within the quiet hours.
    evening = datetime(2026, 11, 23, 21, 30, tzinfo=UTC)
    async with telegram_tutor(tmp_path_factory, evening) as bot:
        await take_quiz_missing_the_first(bot)
        # The settings tell when the reminder really comes, not the quiet hour it was learnt at.
        await bot.learner.command("settings")
        assert "🔔 Review reminders: on, at about 08:00." in bot.learner.text
        # /mydata tells the same hour.
        await bot.learner.command("mydata")
        assert "• Reminders: on, at about 08:00" in bot.learner.text
        bot.clock.advance(days=1)
        assert await bot.tick() == 1
        morning = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)  # 08:00 in Brussels
        assert await bot.statuses() == [("pending", morning)]
        assert bot.reminders() == []
        bot.clock.now = morning
        await bot.api.wait_for(lambda: bool(bot.reminders()))
        assert await bot.settled() == [("sent", morning)]
        # Still the day before's reminder: none more today.
        bot.clock.advance(hours=15)
        assert await bot.tick() == 0
