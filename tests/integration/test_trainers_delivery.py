"""Pushes and reminders from the outbox worker, to Telegram (a fake Bot API) and terminal chats."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from io import StringIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.adapters.db.learners import SqlLearners
from bot.app import App, open_app
from bot.channels.terminal.channel import TerminalChannel
from bot.channels.terminal.chat import TerminalChat
from bot.config import Settings
from bot.core.events import Sender
from bot.features.progress.repo import SqlProgress
from bot.features.trainers import outbox
from bot.features.trainers.menus import StaffMenus
from bot.features.trainers.ports import Cohort
from bot.features.trainers.pushes import SqlPushes
from bot.features.trainers.repo import SqlCohorts
from bot.features.trainers.scheduler import Scheduler
from tests.conftest import Clock
from tests.support.chat import Chat
from tests.support.telegram import BotApi, Failure
from tests.support.trainers import (
    CrashAfterAcceptingRequest,
    CrashingRequest,
    SimulatedCrash,
    cohort_with_learners,
    on_telegram,
    sent_chats,
    statuses,
    trainer_settings,
    worker,
)

BRUSSELS = ZoneInfo("Europe/Brussels")
FIRST = 5000


@pytest.fixture
def settings(tmp_path: Path, database_url: str, course_index_dir: Path) -> Settings:
    return trainer_settings(tmp_path, database_url, index_dir=course_index_dir)


@pytest.fixture
async def app(settings: Settings, clock: Clock) -> AsyncIterator[App]:
    async with open_app(settings, clock=clock) as opened:
        yield opened


async def push_lesson(app: App, cohort: Cohort, due_at: datetime | None = None) -> int:
    lesson_id = app.services.course.lesson_order("en")[0]
    async with app.database.session() as session:
        push = await SqlPushes(session).create_push(
            cohort,
            "lesson",
            now=app.services.clock(),
            zone=BRUSSELS,
            due_at=due_at,
            lesson_id=lesson_id,
        )
    return push.id


def scheduler(app: App) -> Scheduler:
    [found] = [w for w in app.workers if isinstance(w, Scheduler)]
    return found


async def test_each_learner_gets_the_lesson_in_their_language_with_a_start_button(
    app: App,
) -> None:
    cohort = await cohort_with_learners(app, 3)
    await push_lesson(app, cohort)
    api = BotApi()
    assert await worker(app).drain(on_telegram(app, api)) == 3
    lesson_id = app.services.course.lesson_order("en")[0]
    titles = {
        lang: app.services.course.lesson(lang, lesson_id).title for lang in ("fr", "nl", "en")
    }  # type: ignore[union-attr]
    for offset, language in enumerate(("fr", "nl", "en")):
        [text] = api.sent_texts(FIRST + offset)
        assert titles[language] in text
    french = api.calls_to("sendMessage")[0]
    assert french.buttons[0]["callback_data"] == f"v2:lessons.open:{lesson_id}"
    assert await statuses(app) == {"sent": 3}


async def test_the_menu_offers_the_lesson_a_trainer_sent_until_it_is_done(app: App) -> None:
    # Once the notice had scrolled away, "what lesson did my trainer send me?" got /mydata.
    cohort = await cohort_with_learners(app, 3)
    chat = Chat(app.tutor, user=str(FIRST + 2), language_code="en", channel="telegram")
    lesson_id = app.services.course.lesson_order("en")[3]
    title = app.services.course.lesson("en", lesson_id).title  # type: ignore[union-attr]
    offered = f"📚 From your trainer: {title}"
    await chat.command("menu")
    assert offered not in [b.label for b in chat.buttons]

    async with app.database.session() as session:
        await SqlPushes(session).create_push(
            cohort, "lesson", now=app.services.clock(), zone=BRUSSELS, lesson_id=lesson_id
        )
    await chat.command("menu")
    assert offered not in [b.label for b in chat.buttons]  # not sent yet
    assert await worker(app).drain(on_telegram(app, BotApi())) == 3
    await chat.say("what lesson did my trainer send me?")
    await chat.press(offered)
    assert f"📖 {title} · 1/" in chat.text

    async with app.database.session() as session:
        learner = await SqlLearners(session).find("telegram", str(FIRST + 2))
        assert learner is not None
        await SqlProgress(session).finish_quiz(learner.id, lesson_id, 4, app.services.clock())
    await chat.command("menu")
    assert offered not in [b.label for b in chat.buttons]


async def test_one_worker_delivers_on_two_channels_and_leaves_rows_it_cannot_reach(
    app: App, tmp_path: Path
) -> None:
    cohort = await cohort_with_learners(app, 2)
    now = app.services.clock()
    async with app.database.session() as session:
        for channel, user in (("terminal", "anna"), ("terminal", "bob"), ("web", "carla")):
            learner = await SqlLearners(session).create(channel, user, now, "en", None)
            await SqlCohorts(session).join_cohort(learner.id, cohort.id, now)
    await push_lesson(app, cohort)
    api = BotApi()
    anna_screen, bob_screen = StringIO(), StringIO()
    anna = TerminalChat(app, Sender("terminal", "anna"), anna_screen, tmp_path)
    bob = TerminalChat(app, Sender("terminal", "bob"), bob_screen, tmp_path)

    # Telegram for everyone on it, the terminal for anna alone: bob's and carla's rows stay.
    assert await worker(app).drain({**on_telegram(app, api), TerminalChannel.name: anna}) == 3
    assert sorted(sent_chats(api)) == [FIRST, FIRST + 1]
    lesson = app.services.course.lesson("en", app.services.course.lesson_order("en")[0])
    assert lesson is not None
    pushed = f"📚 Your trainer suggests a lesson: {lesson.title}\n[1] ▶ Start the lesson"
    assert pushed in anna_screen.getvalue()
    assert await statuses(app) == {"sent": 3, "pending": 2}

    assert await worker(app).drain({TerminalChannel.name: bob}) == 1
    assert pushed in bob_screen.getvalue()
    assert await statuses(app) == {"sent": 4, "pending": 1}
    async with app.database.session() as session:
        [carla] = await outbox.claim(
            session,
            token="c" * 32,
            now=app.services.clock(),
            lease=timedelta(minutes=1),
            limit=10,
            audience={"web": None},
        )
    # Never tried before: the rows a worker cannot reach cost no attempt.
    assert carla.attempts == 0


async def test_quiet_hours_hold_messages_until_morning(app: App, clock: Clock) -> None:
    cohort = await cohort_with_learners(app, 2, quiet_hours=(21 * 60, 8 * 60))
    clock.now = datetime(2026, 11, 23, 21, 30, tzinfo=BRUSSELS).astimezone(UTC)
    await push_lesson(app, cohort)
    api = BotApi()
    deliverers = on_telegram(app, api)
    assert await worker(app).drain(deliverers) == 0
    clock.now = datetime(2026, 11, 24, 7, 59, tzinfo=BRUSSELS).astimezone(UTC)
    assert await worker(app).drain(deliverers) == 0
    clock.now = datetime(2026, 11, 24, 8, 0, tzinfo=BRUSSELS).astimezone(UTC)
    assert await worker(app).drain(deliverers) == 2
    assert sorted(sent_chats(api)) == [FIRST, FIRST + 1]


async def test_a_learner_who_blocked_the_bot_is_marked_and_left_out_next_time(app: App) -> None:
    cohort = await cohort_with_learners(app, 3)
    api = BotApi()
    api.fail("sendMessage", Failure.forbidden(), chat_id=FIRST + 1)
    deliverers = on_telegram(app, api)
    await push_lesson(app, cohort)
    await worker(app).drain(deliverers)
    assert await statuses(app) == {"sent": 2, "blocked": 1}
    async with app.database.session() as session:
        blocked = await SqlLearners(session).find("telegram", str(FIRST + 1))
    assert blocked is not None
    assert not blocked.is_reachable

    second = await push_lesson(app, cohort)
    async with app.database.session() as session:
        assert (await outbox.counts(session, second))["pending"] == 2
    await worker(app).drain(deliverers)
    assert Counter(sent_chats(api)) == {FIRST: 2, FIRST + 2: 2}


async def test_retry_after_defers_the_message_and_sends_it_once(app: App, clock: Clock) -> None:
    cohort = await cohort_with_learners(app, 3)
    api = BotApi()
    api.fail("sendMessage", Failure.retry_after(1), times=1)
    deliverers = on_telegram(app, api)
    await push_lesson(app, cohort)
    await worker(app).drain(deliverers)
    assert await statuses(app) == {"sent": 2, "pending": 1}
    clock.advance(seconds=2)
    await worker(app).drain(deliverers)
    assert await statuses(app) == {"sent": 3}
    assert sorted(sent_chats(api)) == [FIRST, FIRST + 1, FIRST + 2]


@pytest.mark.parametrize("accepted_before_crash", [0, 7])
async def test_a_crash_mid_push_then_a_restart_sends_each_message_exactly_once(
    settings: Settings, clock: Clock, accepted_before_crash: int
) -> None:
    api = BotApi()
    async with open_app(settings, clock=clock) as first:
        cohort = await cohort_with_learners(first, 20)
        await push_lesson(first, cohort)
        crashing = on_telegram(first, api, CrashingRequest(api, accepted_before_crash))
        crashed = False
        try:
            await worker(first).drain(crashing)
        except* SimulatedCrash:
            crashed = True
        assert crashed
    assert len(sent_chats(api)) == accepted_before_crash

    # The restarted process retakes the dead one's claims once their lease has run out.
    clock.advance(seconds=settings.push_lease_seconds + 1)
    async with open_app(settings, clock=clock) as second:
        await worker(second).drain(on_telegram(second, api))
        assert await statuses(second) == {"sent": 20}
    assert Counter(sent_chats(api)) == {FIRST + offset: 1 for offset in range(20)}


async def test_a_send_cut_off_after_telegram_accepted_it_is_sent_again_not_lost(
    settings: Settings, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    api = BotApi()
    async with open_app(settings, clock=clock) as first:
        cohort = await cohort_with_learners(first, 20)
        await push_lesson(first, cohort)
        crashing = on_telegram(first, api, CrashAfterAcceptingRequest(api, 7))
        with pytest.raises(BaseExceptionGroup) as crash:
            await worker(first).drain(crashing)
        assert crash.group_contains(SimulatedCrash)
        assert (await statuses(first))["sending"] >= 1
    assert len(sent_chats(api)) == 8

    clock.advance(seconds=settings.push_lease_seconds + 1)
    with caplog.at_level(logging.WARNING, logger="bot.outbox.worker"):
        async with open_app(settings, clock=clock) as second:
            await worker(second).drain(on_telegram(second, api))
            assert await statuses(second) == {"sent": 20}
    # Telegram has no idempotency key: the one message it took as the worker died comes twice.
    counts = Counter(sent_chats(api))
    assert set(counts) == {FIRST + offset for offset in range(20)}
    assert sorted(counts.values()) == [1] * 19 + [2]
    assert "Sending again" in caplog.text


async def test_a_scheduled_push_and_a_plan_survive_a_restart(
    settings: Settings, clock: Clock
) -> None:
    tomorrow_nine = datetime(2026, 11, 24, 9, 0, tzinfo=BRUSSELS).astimezone(UTC)
    async with open_app(settings, clock=clock) as first:
        cohort = await cohort_with_learners(first, 2)
        await push_lesson(first, cohort, due_at=tomorrow_nine)
        async with first.database.session() as session:
            await SqlPushes(session).create_plan(
                cohort,
                "next",
                weekdays="12345",
                at_minute=9 * 60,
                now=clock.now,
                zone=BRUSSELS,
            )
        assert (await scheduler(first).tick()).fanned_out == 0

    clock.now = tomorrow_nine + timedelta(minutes=1)
    api = BotApi()
    async with open_app(settings, clock=clock) as second:
        tick = await scheduler(second).tick()
        assert (tick.plans_run, tick.fanned_out) == (1, 2)
        again = await scheduler(second).tick()
        assert (again.plans_run, again.fanned_out) == (0, 0)
        await worker(second).drain(on_telegram(second, api))
    assert Counter(sent_chats(api)) == {FIRST: 2, FIRST + 1: 2}
    next_lesson = api.calls_to("sendMessage")[-1]
    assert next_lesson.buttons[0]["callback_data"].startswith("v2:lessons.open:")


async def test_inactive_learners_get_one_reminder_and_can_stop_them(app: App, clock: Clock) -> None:
    await cohort_with_learners(app, 2)
    api = BotApi()
    deliverers = on_telegram(app, api)
    clock.advance(days=2)
    assert (await scheduler(app).tick()).reminders == 0
    clock.advance(days=1, minutes=1)
    assert (await scheduler(app).tick()).reminders == 2
    assert (await scheduler(app).tick()).reminders == 0
    await worker(app).drain(deliverers)
    # Senders run side by side: the two reminders may reach Telegram in either order.
    [reminder] = [c for c in api.calls_to("sendMessage") if c.chat_id == FIRST]
    assert "3 jours" in reminder.params["text"]
    assert reminder.buttons[-1]["callback_data"] == "v2:trainers.remind:off"

    # One comes back, then stops again for three days: one more nudge, for that one only.
    clock.advance(hours=2)
    async with app.database.session() as session:
        assert await SqlLearners(session).arrive("telegram", str(FIRST + 1), clock.now)
    clock.advance(days=3, minutes=1)
    assert (await scheduler(app).tick()).reminders == 1
    await worker(app).drain(deliverers)
    assert Counter(sent_chats(api)) == {FIRST: 1, FIRST + 1: 2}


async def test_a_message_falls_back_to_a_written_language_and_an_empty_review_is_skipped(
    app: App,
) -> None:
    cohort = await cohort_with_learners(app, 3)
    async with app.database.session() as session:
        texts = {"fr": "Atelier demain.", "nl": "Workshop morgen."}
        pushes = SqlPushes(session)
        await pushes.create_push(
            cohort, "message", now=app.services.clock(), zone=BRUSSELS, texts=texts
        )
        await pushes.create_push(cohort, "review", now=app.services.clock(), zone=BRUSSELS)
    api = BotApi()
    await worker(app).drain(on_telegram(app, api))
    assert api.sent_texts(FIRST) == ["💬 Un message de votre formateur :\n\nAtelier demain."]
    assert api.sent_texts(FIRST + 1) == ["💬 Een bericht van je trainer:\n\nWorkshop morgen."]
    assert api.sent_texts(FIRST + 2) == ["💬 A message from your trainer:\n\nAtelier demain."]
    assert await statuses(app) == {"sent": 3, "skipped": 3}


async def test_trainers_get_their_own_command_menu_when_the_bot_starts(app: App) -> None:
    cohort = await cohort_with_learners(app, 1)
    async with app.database.session() as session:
        assert cohort.trainer_id is not None
        await SqlCohorts(session).make_trainer(cohort.trainer_id, app.services.clock())
    [menus] = [w for w in app.workers if isinstance(w, StaffMenus)]
    api = BotApi()
    await menus.run(on_telegram(app, api))
    [call] = api.calls_to("setMyCommands")
    assert call.params["scope"] == {"type": "chat", "chat_id": 2001}
    commands = [command["command"] for command in call.params["commands"]]
    assert commands[0] == "start"
    assert {"trainer", "push", "report", "weekly"} <= set(commands)
    assert "trainer_invite" not in commands
