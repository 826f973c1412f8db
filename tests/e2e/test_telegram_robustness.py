"""Whatever arrives from Telegram gets a short, kind answer or is ignored, and nothing is lost."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import pytest
import pytest_asyncio

from bot.app import App
from bot.features.progress.repo import SqlProgress
from bot.features.quiz.repo import SqlAnswers
from tests.support.buttons import data
from tests.support.telegram import (
    GROUP_CHAT,
    MEDIA,
    BotApi,
    Failure,
    TelegramChat,
    application_for,
    running,
    stored_learner,
)

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_asyncio.fixture(loop_scope="module")
async def chat(new_chat: Callable[[str | None], TelegramChat]) -> TelegramChat:
    """A learner who already said /start, in English."""
    chat = new_chat("en")
    await chat.command("start")
    return chat


def methods(chat: TelegramChat) -> list[str]:
    return [call.method for call in chat.calls]


async def test_things_the_tutor_cannot_read_get_a_kind_answer_each(chat: TelegramChat) -> None:
    answers = {}
    for kind in MEDIA:
        await chat.send_media(kind)
        assert methods(chat) == ["sendMessage"], kind
        assert [b["callback_data"] for b in chat.buttons] == [data("menu.show")]
        answers[kind] = chat.text

    named = ["sticker", "photo", "voice", "document", "location", "contact"]
    assert len({answers[kind] for kind in named}) == len(named)
    assert answers["video_note"] == answers["voice"]


async def test_edited_messages_are_ignored(chat: TelegramChat) -> None:
    assert await chat.send(chat.updates.edited(chat.user, "What is AI? (edited)")) == []


async def test_messages_in_groups_are_ignored(chat: TelegramChat) -> None:
    assert await chat.send(chat.updates.group_text(chat.user, "/start@ai_tutor_test_bot")) == []


async def test_the_bot_leaves_a_group_after_a_short_note_in_the_adders_language(
    shared_app: App, new_chat: Callable[[str | None], TelegramChat]
) -> None:
    chat = new_chat("fr")

    await chat.send(chat.updates.membership(chat.user, "left", "member", GROUP_CHAT))

    assert methods(chat) == ["sendMessage", "leaveChat"]
    assert {call.chat_id for call in chat.calls} == {GROUP_CHAT["id"]}
    assert chat.text.startswith("Bonjour ! Je travaille seulement en conversation privée")
    assert await stored_learner(shared_app, chat) is None


async def test_a_learner_who_blocks_the_bot_is_marked_unreachable(
    shared_app: App, chat: TelegramChat
) -> None:
    await chat.send(chat.updates.membership(chat.user, "member", "kicked"))
    blocked = await stored_learner(shared_app, chat)
    await chat.send(chat.updates.membership(chat.user, "kicked", "member"))
    unblocked = await stored_learner(shared_app, chat)

    assert chat.calls == []
    assert blocked is not None
    assert not blocked.is_reachable
    assert unblocked is not None
    assert unblocked.is_reachable


@pytest.mark.parametrize(
    "data",
    [
        "hello",
        "v2:menu",
        "v2:lessons.open:nowhere/nothing",
        "v2:quiz.ans:basics/what-is-ai:99:0",
        "v2:lessons.card:../../etc/passwd:0",
        "v1:" + "x" * 61,
        "",
    ],
)
async def test_old_or_forged_buttons_get_the_menu(chat: TelegramChat, data: str) -> None:
    await chat.send(chat.forged_tap(data))

    assert methods(chat) == ["answerCallbackQuery", "sendMessage", "sendMessage"]
    assert chat.button_with_action("lessons.mods")
    assert chat.unanswered_taps == []


async def test_a_button_from_someone_never_met_is_answered_without_storing_them(
    shared_app: App, chat: TelegramChat, new_chat: Callable[[str | None], TelegramChat]
) -> None:
    stranger = new_chat("nl")
    message = list(chat.api.messages[chat.user.id].values())[-1]

    await stranger.send(chat.updates.tap(stranger.user, message, data("progress.show")))

    assert methods(stranger) == ["answerCallbackQuery", "sendMessage"]
    assert "/start" in stranger.text
    assert await stored_learner(shared_app, stranger) is None


async def test_an_answer_ready_at_once_comes_without_typing(chat: TelegramChat) -> None:
    await chat.say("What is a chatbot?")  # the first one may wait for the index to load
    await chat.say("What is a deepfake?")

    assert methods(chat) == ["sendMessage"]


async def test_a_4000_character_message_gets_one_short_answer(chat: TelegramChat) -> None:
    await chat.say("Why? " * 800)

    assert methods(chat) == ["sendMessage"]
    assert [b["callback_data"] for b in chat.buttons] == [data("menu.show")]


async def test_an_unknown_command_shows_the_help(chat: TelegramChat) -> None:
    await chat.command("teleport", "now")

    assert "/mydata" in chat.text
    assert "/forget" in chat.text


async def test_a_flood_of_taps_is_answered_in_order_and_counted_once(
    shared_app: App, chat: TelegramChat
) -> None:
    await chat.tap_action("lessons.open")
    await chat.command("quiz")
    answer = chat.buttons[0]["callback_data"]

    await chat.send(*(chat.tap_update(answer) for _ in range(12)))

    assert methods(chat).count("answerCallbackQuery") == 12
    assert chat.unanswered_taps == []
    assert "✅" in chat.texts[0] or "❌" in chat.texts[0]
    assert chat.texts == chat.texts[:1] * 12
    learner = await stored_learner(shared_app, chat)
    assert learner is not None
    async with shared_app.database.session() as session:
        stored = await SqlAnswers(session).export(learner.id)
    assert len(stored) == 1


async def test_an_update_delivered_twice_is_handled_once_even_by_another_process(
    shared_app: App, api: BotApi, chat: TelegramChat
) -> None:
    update = chat.updates.command(chat.user, "progress")

    await chat.send(update, update)
    # /progress answers with its picture and its summary, once.
    assert methods(chat) == ["sendPhoto", "sendMessage"]

    # A second bot process on the same database, after a restart for instance.
    other = application_for(shared_app, api)
    async with running(other):
        other_chat = TelegramChat(other, api, chat.user, chat.updates)
        assert await other_chat.send(update) == []
        await other_chat.command("progress")
        assert methods(other_chat) == ["sendPhoto", "sendMessage"]


async def test_a_quiz_answer_delivered_again_after_its_feedback_was_lost_shows_it(
    shared_app: App, api: BotApi, chat: TelegramChat
) -> None:
    await chat.tap_action("lessons.open")
    await chat.command("quiz")
    tap = chat.tap_update(chat.buttons[0]["callback_data"])
    # The answer is stored, then the feedback (an edit of the question) and the apology after
    # it never reach Telegram, as when the process dies between the commit and the reply.
    api.fail("editMessageText", Failure.timeout(), chat_id=chat.user.id, times=1)
    api.fail("sendMessage", Failure.timeout(), chat_id=chat.user.id, times=1)
    await chat.send(tap)
    failures = [call.failure for call in chat.calls_to("editMessageText", "sendMessage")]
    assert failures == [Failure.timeout()] * 2

    # Telegram delivers the update again, to the restarted bot.
    other = application_for(shared_app, api)
    async with running(other):
        other_chat = TelegramChat(other, api, chat.user, chat.updates)
        await other_chat.send(tap)

    [feedback] = other_chat.texts
    assert "✅" in feedback or "❌" in feedback
    assert other_chat.calls_to("editMessageText")
    resume, listen = (button["callback_data"] for button in other_chat.buttons)
    assert resume == data("lessons.resume")
    assert listen.startswith("v2:voice.feedback:")
    learner = await stored_learner(shared_app, chat)
    assert learner is not None
    async with shared_app.database.session() as session:
        assert len(await SqlAnswers(session).export(learner.id)) == 1


async def quiz_attempts(app: App, chat: TelegramChat) -> int:
    """Return how many attempts at its lesson's quiz the chat's learner has made."""
    learner = await stored_learner(app, chat)
    assert learner is not None
    async with app.database.session() as session:
        [progress] = await SqlProgress(session).export(learner.id)
    return int(progress["quiz_attempts"])


@asynccontextmanager
async def delivered_again_after_its_replies_were_lost(
    app: App, api: BotApi, chat: TelegramChat, update: dict[str, Any]
) -> AsyncIterator[TelegramChat]:
    """Handle an update whose replies never reach Telegram, then deliver it to a second process.

    As when the process dies between the turn's commit and its reply: the reply and the
    apology after it fail, and Telegram sends the update again, to a bot that is alive.
    """
    api.fail("sendMessage", Failure.timeout(), chat_id=chat.user.id, times=2)
    await chat.send(update)
    assert [call.failure for call in chat.calls_to("sendMessage")] == [Failure.timeout()] * 2
    other = application_for(app, api)
    async with running(other):
        other_chat = TelegramChat(other, api, chat.user, chat.updates)
        await other_chat.send(update)
        yield other_chat


async def test_taking_a_quiz_delivered_again_after_its_question_was_lost_shows_it(
    shared_app: App, api: BotApi, chat: TelegramChat
) -> None:
    await chat.tap_action("lessons.open")
    quiz = data("quiz.start", "basics/what-is-ai")
    tap = chat.tap_update(quiz)
    async with delivered_again_after_its_replies_were_lost(shared_app, api, chat, tap) as other:
        [shown] = other.texts
        options = [button["callback_data"] for button in other.buttons]
        # Tapped once more, on purpose: the same question, in the same order, same attempt.
        await other.send(other.tap_update(quiz))
        assert other.texts[-1] == shown
        assert [button["callback_data"] for button in other.buttons] == options

    assert "Question 1 of" in shown
    assert await quiz_attempts(shared_app, chat) == 1


async def test_the_quiz_command_delivered_again_after_its_question_was_lost_shows_it(
    shared_app: App, api: BotApi, chat: TelegramChat
) -> None:
    await chat.tap_action("lessons.open")
    command = chat.updates.command(chat.user, "quiz")
    async with delivered_again_after_its_replies_were_lost(shared_app, api, chat, command) as other:
        [shown] = other.texts
    assert "Question 1 of" in shown
    assert await quiz_attempts(shared_app, chat) == 1


async def test_a_question_delivered_again_after_its_answer_was_lost_is_answered(
    shared_app: App, api: BotApi, chat: TelegramChat
) -> None:
    question = chat.updates.text(chat.user, "what is a deepfake")
    async with delivered_again_after_its_replies_were_lost(
        shared_app, api, chat, question
    ) as other:
        [answer] = other.texts
    assert "deepfake" in answer
    assert data("lessons.open", "verify/deepfakes") in [
        button["callback_data"] for button in other.buttons
    ]


async def test_a_learner_who_blocked_the_bot_while_it_answered_is_not_retried(
    shared_app: App, api: BotApi, chat: TelegramChat
) -> None:
    api.fail("sendMessage", Failure.forbidden(), chat_id=chat.user.id)

    await chat.command("progress")

    # The picture went out before the summary was refused.
    assert methods(chat) == ["sendPhoto", "sendMessage"]
    learner = await stored_learner(shared_app, chat)
    assert learner is not None
    assert not learner.is_reachable


async def test_flood_control_is_waited_out_and_the_answer_arrives(
    api: BotApi, chat: TelegramChat
) -> None:
    api.fail("sendMessage", Failure.retry_after(1), chat_id=chat.user.id, times=1)

    await chat.command("progress")

    [refused, delivered] = chat.calls_to("sendMessage")
    assert refused.failure == Failure.retry_after(1)
    assert delivered.failure is None
    assert delivered.params == refused.params


async def test_a_failure_is_logged_without_the_text_and_the_learner_is_told(
    api: BotApi, chat: TelegramChat, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    api.fail("sendMessage", Failure.bad_request("Bad Request: message is too long"), times=1)
    secret = "My name is Jan Peeters and my phone is 0470 12 34 56"

    await chat.say(secret)

    assert "Handling a Telegram update failed" in caplog.text
    assert secret not in caplog.text
    assert "Jan" not in caplog.text
    assert chat.user.first_name not in caplog.text
    [refused, sorry] = chat.calls_to("sendMessage")
    assert refused.failure is not None
    assert sorry.failure is None
    assert [b["callback_data"] for b in sorry.buttons] == [data("menu.show")]


async def test_a_tap_whose_answer_fails_is_still_handled(api: BotApi, chat: TelegramChat) -> None:
    api.fail(
        "answerCallbackQuery",
        Failure.bad_request("Bad Request: query is too old and response timeout expired"),
    )

    await chat.tap_action("progress.show")

    assert methods(chat) == ["answerCallbackQuery", "sendPhoto", "sendMessage"]
    assert chat.calls[0].failure is not None
    assert chat.button_with_action("menu.show")
