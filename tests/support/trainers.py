"""Helpers for the trainers tests: people on Telegram, codes, cohorts, and the outbox worker."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from telegram import Bot

from bot.adapters.db.learners import SqlLearners
from bot.app import App
from bot.channels.telegram.channel import TelegramChannel
from bot.channels.telegram.delivery import TelegramDeliverer
from bot.channels.telegram.render import Renderer
from bot.config import Settings
from bot.core.delivery import Deliverer
from bot.features.trainers import outbox
from bot.features.trainers.ports import Cohort
from bot.features.trainers.repo import SqlCohorts
from bot.outbox.worker import OutboxWorker
from tests.conftest import make_settings
from tests.support.chat import Chat
from tests.support.telegram import BOT_TOKEN, BOT_USER, BotApi, RecordingRequest

ADMIN_ID = 1001
BOT_USERNAME = str(BOT_USER["username"])
_CODE = re.compile(r"/join ([0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})")


def trainer_settings(tmp_path: Path, database_url: str, **overrides: object) -> Settings:
    """Settings with one administrator, a bot name for links, and no send limits."""
    values: dict[str, object] = {
        "admin_ids": [ADMIN_ID],
        "telegram_bot_username": BOT_USERNAME,
        "push_rate_per_second": 0,
        "push_chat_interval_seconds": 0,
    }
    values.update(overrides)
    return make_settings(tmp_path, database_url, **values)


async def person(app: App, user_id: int, language: str = "en", first_name: str = "Amina") -> Chat:
    """Return someone who started the tutor on Telegram, with their client's language."""
    chat = Chat(
        app.tutor,
        user=str(user_id),
        language_code=language,
        channel="telegram",
        first_name=first_name,
        last_name="Benali",
    )
    await chat.command("start")
    return chat


def code_in(text: str) -> str:
    """Return the code shown in a reply (`/join ABCD-...`)."""
    match = _CODE.search(text)
    if match is None:
        raise AssertionError(f"no code in {text!r}")
    return match.group(1)


async def new_trainer(app: App, user_id: int, language: str = "en") -> Chat:
    """Have the administrator invite someone, who then taps the invitation link."""
    admin = await person(app, ADMIN_ID)
    await admin.command("trainer_invite")
    code = code_in(admin.text).replace("-", "")
    trainer = await person(app, user_id, language, first_name="Marie")
    await trainer.command("start", f"join-{code}")
    assert "trainer" in trainer.text.lower() or "formateur" in trainer.text.lower()
    return trainer


async def new_cohort(trainer: Chat, name: str) -> str:
    """Create a cohort as this trainer and return its join code."""
    await trainer.command("cohort", "new", *name.split())
    return code_in(trainer.text)


async def learners(app: App, code: str, languages: list[str], first_id: int = 5000) -> list[Chat]:
    """Have learners with these client languages join with a link; return their chats."""
    joined = []
    for offset, language in enumerate(languages):
        learner = await person(app, first_id + offset, language, first_name=f"L{offset}")
        await learner.command("start", f"join-{code.replace('-', '')}")
        joined.append(learner)
    return joined


async def cohort_with_learners(
    app: App,
    count: int,
    *,
    name: str = "Group A",
    quiet_hours: tuple[int, int] = (0, 0),
    first_id: int = 5000,
    trainer_id: str = "2001",
) -> Cohort:
    """Create a cohort of `count` Telegram learners (languages fr, nl, en in turn), directly."""
    now = app.services.clock()
    async with app.database.session() as session:
        trainer = await SqlLearners(session).create("telegram", trainer_id, now, "en", "Marie D.")
        cohorts = SqlCohorts(session)
        cohort = await cohorts.create_cohort(
            name, trainer.id, now, quiet_hours=quiet_hours, reminder_days=3
        )
        assert cohort is not None
        languages = app.services.languages.codes
        for offset in range(count):
            language = languages[offset % len(languages)]
            learner = await SqlLearners(session).create(
                "telegram", str(first_id + offset), now, language, f"L{offset} B."
            )
            await cohorts.join_cohort(learner.id, cohort.id, now)
    return cohort


async def in_a_group(app: App, chat: Chat) -> None:
    """Put a learner who started the tutor in a group of their own, with a trainer, directly."""
    now = app.services.clock()
    async with app.database.session() as session:
        learners = SqlLearners(session)
        learner = await learners.find(chat.channel, chat.user)
        assert learner is not None
        trainer = await learners.create("telegram", f"trainer-{chat.user}", now, "en", "Marie D.")
        cohorts = SqlCohorts(session)
        cohort = await cohorts.create_cohort(
            f"Group of {chat.user}", trainer.id, now, quiet_hours=(0, 0), reminder_days=3
        )
        assert cohort is not None
        await cohorts.join_cohort(learner.id, cohort.id, now)


class SimulatedCrash(BaseException):
    """The process dies: nothing in the tutor catches this, and no clean-up runs."""


class CrashingRequest(RecordingRequest):
    """A recording request that kills the process instead of sending message number N + 1."""

    def __init__(self, api: BotApi, accept: int) -> None:
        super().__init__(api)
        self.accept = accept

    async def do_request(
        self, url: str, method: str, *args: Any, **kwargs: Any
    ) -> tuple[int, bytes]:
        if url.endswith("/sendMessage"):
            if self.accept == 0:
                raise SimulatedCrash
            self.accept -= 1
        return await super().do_request(url, method, *args, **kwargs)


class CrashAfterAcceptingRequest(RecordingRequest):
    """A recording request that kills the process right after Telegram accepts message N + 1."""

    def __init__(self, api: BotApi, accept: int) -> None:
        super().__init__(api)
        self.accept = accept
        self.dead = False

    async def do_request(
        self, url: str, method: str, *args: Any, **kwargs: Any
    ) -> tuple[int, bytes]:
        # A dead process sends nothing more: a concurrent send that had not started yet when
        # the crash came, and that runs before the crash cancels it, must not reach Telegram.
        if self.dead:
            raise SimulatedCrash
        answer = await super().do_request(url, method, *args, **kwargs)
        if url.endswith("/sendMessage"):
            if self.accept == 0:
                self.dead = True
                raise SimulatedCrash
            self.accept -= 1
        return answer


def recording_deliverer(
    app: App, api: BotApi, request: RecordingRequest | None = None
) -> TelegramDeliverer:
    """Return the real Telegram deliverer, talking to the in-process fake Bot API."""
    bot = Bot(BOT_TOKEN, request=request or RecordingRequest(api))
    renderer = Renderer(app.database, app.settings.quiz_style, app.services.clock)
    return TelegramDeliverer(bot, renderer, app.database)


def on_telegram(
    app: App, api: BotApi, request: RecordingRequest | None = None
) -> dict[str, Deliverer]:
    """Return the deliverers of a worker that serves Telegram alone, through the fake Bot API."""
    return {TelegramChannel.name: recording_deliverer(app, api, request)}


def worker(app: App) -> OutboxWorker:
    """Return the app's outbox worker."""
    found = [w for w in app.workers if isinstance(w, OutboxWorker)]
    assert len(found) == 1
    return found[0]


async def statuses(app: App) -> dict[str, int]:
    """Count outbox rows by status, leaving out the statuses no row has."""
    async with app.database.session() as session:
        return {status: n for status, n in (await outbox.counts(session)).items() if n}


def sent_chats(api: BotApi) -> list[int]:
    """Return the chat of every message the fake Bot API accepted, in order."""
    return [
        int(call.params["chat_id"]) for call in api.calls_to("sendMessage") if call.failure is None
    ]
