"""On Telegram and in the terminal: a question answered by the model, simpler cards, practice."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from pydantic import SecretStr

from bot.app import App, open_app
from bot.channels.telegram.application import build_application
from tests.conftest import Clock, make_settings
from tests.support.buttons import data
from tests.support.fake_openai import FakeOpenAI
from tests.support.telegram import (
    BOT_TOKEN,
    BotApi,
    RecordingRequest,
    TelegramChat,
    TelegramUser,
    Updates,
    running,
    shared_index_dir,
)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def app(
    tmp_path_factory: pytest.TempPathFactory, fake_openai_server: FakeOpenAI
) -> AsyncIterator[App]:
    folder = tmp_path_factory.mktemp("llm-telegram")
    settings = make_settings(
        folder,
        f"sqlite+aiosqlite:///{folder / 'tutor.db'}",
        telegram_bot_token=SecretStr(BOT_TOKEN),
        index_dir=shared_index_dir(tmp_path_factory),
        llm_base_url=fake_openai_server.base_url,
        llm_timeout_seconds=2.0,
    )
    async with open_app(settings, clock=Clock()) as opened:
        yield opened


@pytest_asyncio.fixture(loop_scope="module")
async def chat(app: App) -> AsyncIterator[TelegramChat]:
    api = BotApi()
    application = build_application(
        app, request=RecordingRequest(api), updates_request=RecordingRequest(api)
    )
    async with running(application):
        yield TelegramChat(
            application, api, TelegramUser(20_001, "Jan", "Peeters", "nl"), Updates()
        )


@pytest.mark.asyncio(loop_scope="module")
async def test_on_telegram_the_model_answers_while_typing_shows(
    app: App, chat: TelegramChat, fake_openai: FakeOpenAI
) -> None:
    dutch = app.services.translators["nl"]
    deepfakes = app.services.course.lesson("nl", "verify/deepfakes")
    assert deepfakes is not None
    fake_openai.reply = "Een deepfake is een nepvideo die met AI is gemaakt.\nSOURCES: 1"
    await chat.command("start")
    fake_openai.delay = 1.0  # a model that takes its time: "typing…" shows meanwhile

    await chat.say("Wat is een deepfake? Mijn gsm is 0475 12 34 56.")
    fake_openai.delay = 0.0

    # Shown, and shown again every few seconds while the turn lasts: how often depends on the
    # machine's load, so only that it shows, and shows typing, is checked.
    typing = chat.calls_to("sendChatAction")
    assert typing
    assert all(call.params["action"] == "typing" for call in typing)
    assert "Een deepfake is een nepvideo die met AI is gemaakt." in chat.text
    assert deepfakes.title in chat.text
    opened = [button["callback_data"] for button in chat.buttons]
    assert data("lessons.open", deepfakes.id) in opened
    assert data("lessons.open", "privacy/personal-data") in opened
    assert dutch.gettext("a phone number") in chat.text
    assert "0475" not in fake_openai.completions[0].text

    # "Simpler, please" under a card, then back to the card.
    # The rewrite keeps the card's key idea (its words), so it is shown.
    fake_openai.reply = "Met AI kan iedereen een nepvideo maken. Ken de tekens."
    await chat.tap(data("lessons.open", deepfakes.id))
    await chat.tap(data("simpler.card", deepfakes.id, 0))
    assert "Met AI kan iedereen een nepvideo maken. Ken de tekens." in chat.text
    await chat.tap(data("lessons.card", deepfakes.id, 0))
    assert deepfakes.cards[0].heading in chat.text
    assert chat.unanswered_taps == []


def test_in_the_terminal_a_question_and_practice_work_without_a_model(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TUTOR_", "TELEGRAM_"))}
    env["TUTOR_DATA_DIR"] = str(tmp_path)
    env["TUTOR_INDEX_DIR"] = str(shared_index_dir(tmp_path_factory))
    lines = [
        "C'est quoi un deepfake ?",
        "/practice",
        "1",  # the first topic with practice tasks
        "1",  # Task 1: three apps that use AI
        "Donne-moi trois applications qui utilisent l'IA, une ligne pour chacune. "
        "Je suis débutant avec mon GSM.",
    ]
    result = subprocess.run(
        [sys.executable, "-m", "bot", "chat", "--lang", "fr", "--user", "terminal-learner"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
        check=True,
    )
    output = result.stdout
    assert "📖 Ouvrir la leçon" in output
    assert "📝 Score : 4 sur 4" in output


@pytest.mark.asyncio(loop_scope="module")
async def test_on_telegram_a_lone_surrogate_in_a_reply_is_dropped(
    chat: TelegramChat, fake_openai: FakeOpenAI
) -> None:
    # Another learner, with update ids the first test's did not use.
    learner = TelegramUser(20_002, "An", "Claes", "nl")
    other = TelegramChat(chat.application, chat.api, learner, Updates(first_id=200_000))
    fake_openai.reply = "Een deepfake is een \ud83d nepvideo die met AI is gemaakt.\nSOURCES: 1"
    await other.command("start")

    await other.say("Hoe herken ik een deepfake?")

    assert "Een deepfake is een  nepvideo die met AI is gemaakt." in other.text
