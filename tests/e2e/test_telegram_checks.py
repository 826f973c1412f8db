"""The check-in on Telegram, through the real Application: the offer, answers, redelivery."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic import SecretStr

from bot.app import App, open_app
from bot.features.gain.ports import CHECK_IN
from bot.features.gain.repo import SqlChecks
from tests.conftest import Clock, make_settings
from tests.support.buttons import data
from tests.support.telegram import (
    BOT_TOKEN,
    BotApi,
    TelegramChat,
    TelegramUser,
    Updates,
    application_for,
    running,
    shared_index_dir,
    stored_learner,
)

pytestmark = pytest.mark.asyncio(loop_scope="module")


async def check_answers(app: App, chat: TelegramChat) -> int:
    learner = await stored_learner(app, chat)
    assert learner is not None
    async with app.database.session() as session:
        return len(await SqlChecks(session).answers(learner.id, CHECK_IN))


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
async def test_the_check_in_is_offered_after_the_menu_and_an_answer_is_kept_without_feedback(
    language: str, shared_app: App, new_chat: Callable[[str | None], TelegramChat]
) -> None:
    chat = new_chat(f"{language}-BE")
    t = shared_app.services.translators[language]
    items = shared_app.services.course.check_form(language, CHECK_IN)

    await chat.command("start")
    *_, menu, offer = chat.calls_to("sendMessage")
    assert t.gettext("What would you like to do?") in menu.params["text"]
    assert offer.params["text"] == t.gettext(
        "Before you start: 10 quick questions to see what you already know (3 minutes). "
        "It is not a test."
    )
    assert [b["callback_data"] for b in offer.buttons] == [
        data("gain.start", CHECK_IN),
        data("gain.skip", CHECK_IN),
    ]

    await chat.tap(data("gain.start", CHECK_IN))
    [question] = chat.calls_to("sendMessage")
    assert items[0].question in question.params["text"]
    # The same buttons as a quiz: the options when they fit, letters otherwise; then the menu.
    lettered = any(len(option) > 30 for option in items[0].options)
    labels = [b["text"] for b in question.buttons]
    shown = list("ABCD") if lettered else sorted(items[0].options)
    assert (labels[:4] if lettered else sorted(labels[:4])) == shown

    tap = chat.tap_update(data("gain.ans", CHECK_IN, items[0].id, items[0].correct))
    await chat.send(tap)
    [saved] = chat.calls_to("editMessageText")
    assert saved.params["message_id"] == question.result["message_id"]
    assert saved.buttons == []
    assert "✅" not in chat.text
    assert items[0].explanations[items[0].correct] not in chat.text
    [following] = chat.calls_to("sendMessage")
    assert items[1].question in following.params["text"]
    assert chat.unanswered_taps == []

    # Telegram delivers the same tap again: it is not counted twice.
    await chat.send(tap)
    assert await check_answers(shared_app, chat) == 1


async def test_skipping_is_one_tap_that_brings_the_menu(
    shared_app: App, new_chat: Callable[[str | None], TelegramChat]
) -> None:
    chat = new_chat("en")
    await chat.command("start")
    await chat.tap(data("gain.skip", CHECK_IN))
    [edited] = chat.calls_to("editMessageText")
    assert edited.buttons == []
    assert chat.button_with_action("lessons.open")
    assert await check_answers(shared_app, chat) == 0


async def test_with_quiz_polls_the_check_in_still_asks_with_buttons(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, sqlite_url: str
) -> None:
    settings = make_settings(
        tmp_path,
        sqlite_url,
        telegram_bot_token=SecretStr(BOT_TOKEN),
        index_dir=shared_index_dir(tmp_path_factory),
        quiz_style="poll",
    )
    api = BotApi()
    async with open_app(settings, clock=Clock()) as app:
        application = application_for(app, api)
        async with running(application):
            chat = TelegramChat(application, api, TelegramUser(40_001, "en"), Updates())
            await chat.command("start")
            await chat.tap(data("gain.start", CHECK_IN))
            # A native quiz poll would show the right answer: a check measures, it does not teach.
            assert chat.calls_to("sendPoll") == []
            assert chat.button_with_action("gain.ans")
