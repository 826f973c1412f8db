"""/forget deletes the learner, not their limits: the model budget and wrong-code waits stay."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.adapters.db.tables import CounterRow
from bot.app import App, open_app
from bot.features.privacy.buttons import ConfirmForget
from tests.conftest import Clock
from tests.support.chat import Chat
from tests.support.fake_openai import FakeOpenAI
from tests.support.trainers import person, trainer_settings
from tests.support.workers import sweeper

QUESTION = "How can I spot a deepfake?"
WRONG_CODE = "AAAA-BBBB-CCCC-DDDD"


@pytest.fixture
async def app(
    tmp_path: Path, database_url: str, clock: Clock, fake_openai: FakeOpenAI
) -> AsyncIterator[App]:
    settings = trainer_settings(
        tmp_path,
        database_url,
        llm_base_url=fake_openai.base_url,
        llm_api_key="sk-test",
        llm_daily_limit=2,
    )
    async with open_app(settings, clock=clock) as opened:
        yield opened


async def forget_and_start_again(chat: Chat) -> None:
    await chat.command("forget")
    await chat.press_data(ConfirmForget("yes").pack())
    assert "I deleted all your data" in chat.text
    await chat.command("start")


async def test_forget_does_not_give_back_the_days_model_calls(
    app: App, fake_openai: FakeOpenAI, clock: Clock
) -> None:
    fake_openai.reply = "A deepfake is a fake video made by AI. SOURCES: 1"
    chat = await person(app, 4001)
    for _ in range(2):
        await chat.say(QUESTION)

    await forget_and_start_again(chat)
    await chat.say(QUESTION)

    assert len(fake_openai.completions) == 2
    assert "You asked many questions today" in chat.text
    clock.advance(days=1)
    await chat.say(QUESTION)
    assert len(fake_openai.completions) == 3


async def test_forget_does_not_give_back_the_tries_at_a_code(app: App, clock: Clock) -> None:
    guesser = await person(app, 5001)
    for _ in range(3):
        await guesser.command("join", WRONG_CODE)

    await forget_and_start_again(guesser)
    await guesser.command("join", WRONG_CODE)

    assert "Too many wrong codes. Please wait 1 minute and try again." in guesser.text
    clock.advance(minutes=1)
    await guesser.command("join", WRONG_CODE)
    assert "This code does not work" in guesser.text


async def test_counters_are_deleted_once_their_window_has_ended(app: App, clock: Clock) -> None:
    for user_id in (5001, 5002):
        await (await person(app, user_id)).command("join", WRONG_CODE)

    clock.advance(days=1)
    await (await person(app, 5003)).command("join", WRONG_CODE)
    await sweeper(app).sweep()

    async with app.database.session() as session:
        assert await session.scalar(select(func.count()).select_from(CounterRow)) == 1
