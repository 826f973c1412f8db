"""Deliveries nobody asked for: what reaches the chat, and what each Telegram refusal means."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from telegram import Bot

from bot.adapters.db.database import Database
from bot.adapters.db.learners import SqlLearners
from bot.channels.telegram.delivery import TelegramDeliverer
from bot.channels.telegram.render import MAX_TEXT, Renderer
from bot.core.delivery import DeliveryResult, DeliveryStatus
from bot.core.replies import Button, Document, Message, Picture, Question
from tests.support.telegram import BOT_TOKEN, BotApi, Failure, RecordingRequest

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
AMINA = 111
MENU = ((Button("☰ Menu", "v2:menu.show"),),)


@pytest.fixture
async def database(database_url: str) -> AsyncIterator[Database]:
    database = Database(database_url)
    await database.upgrade()
    async with database.session() as session:
        await SqlLearners(session).create("telegram", str(AMINA), NOW, "fr", "Amina B.")
    yield database
    await database.close()


@pytest.fixture
def api() -> BotApi:
    return BotApi()


@pytest.fixture
async def deliverer(api: BotApi, database: Database) -> AsyncIterator[TelegramDeliverer]:
    async with Bot(BOT_TOKEN, request=RecordingRequest(api)) as bot:
        yield TelegramDeliverer(bot, Renderer(database, "buttons", lambda: NOW), database)


async def reachable(database: Database) -> bool:
    async with database.session() as session:
        learner = await SqlLearners(session).find("telegram", str(AMINA))
    assert learner is not None
    return learner.is_reachable


async def test_replies_are_sent_in_order(api: BotApi, deliverer: TelegramDeliverer) -> None:
    question = Question(
        header="🔁 Review",
        question="Who decides where AI is used?",
        options=("The AI", "People"),
        answer_data=("v2:review.ans:basics/what-is-ai:3:0", "v2:review.ans:basics/what-is-ai:3:1"),
        correct=1,
        explanation="People decide.",
        extra_keyboard=MENU,
    )
    replies = [
        Message("Time for a short review!", MENU),
        question,
        Document("my-data.json", b'{"learner": {}}', "Your data"),
        Picture(b"\x89PNG\r\n", "Your progress"),
    ]

    result = await deliverer.deliver(str(AMINA), replies)

    assert result == DeliveryResult(DeliveryStatus.SENT)
    sent = [call for call in api.calls if call.method != "getMe"]
    assert [call.method for call in sent] == [
        "sendMessage",
        "sendMessage",
        "sendDocument",
        "sendPhoto",
    ]
    assert {call.chat_id for call in sent} == {AMINA}
    assert [b["callback_data"] for b in sent[0].buttons] == ["v2:menu.show"]
    assert sent[1].params["text"].endswith("Who decides where AI is used?")
    assert [b["text"] for b in sent[1].buttons] == ["The AI", "People", "☰ Menu"]
    assert json.loads(sent[2].files["document"][1]) == {"learner": {}}
    assert sent[2].files["document"][0] == "my-data.json"
    assert sent[2].params["caption"] == "Your data"
    assert sent[3].files["photo"][1] == b"\x89PNG\r\n"


async def test_a_long_message_is_split_with_the_buttons_under_the_last_part(
    api: BotApi, deliverer: TelegramDeliverer
) -> None:
    text = "\n\n".join(f"Paragraph {n}: " + "lorem ipsum " * 60 for n in range(20))

    result = await deliverer.deliver(str(AMINA), [Message(text, MENU)])

    parts = api.calls_to("sendMessage")
    assert result.status is DeliveryStatus.SENT
    assert len(parts) == 4
    assert all(len(part.params["text"]) <= MAX_TEXT for part in parts)
    assert [bool(part.buttons) for part in parts] == [False, False, False, True]


@pytest.mark.parametrize("failure", [Failure.forbidden(), Failure.deactivated()])
async def test_a_learner_who_blocked_the_bot_is_marked_unreachable(
    api: BotApi, deliverer: TelegramDeliverer, database: Database, failure: Failure
) -> None:
    api.fail("sendMessage", failure, chat_id=AMINA)

    result = await deliverer.deliver(str(AMINA), [Message("Hello again!")])

    assert result == DeliveryResult(DeliveryStatus.BLOCKED)
    assert not await reachable(database)


async def test_a_chat_that_no_longer_exists_counts_as_blocked(
    api: BotApi, deliverer: TelegramDeliverer, database: Database
) -> None:
    api.fail("sendMessage", Failure.chat_not_found())

    result = await deliverer.deliver(str(AMINA), [Message("Hello again!")])

    assert result.status is DeliveryStatus.BLOCKED
    assert not await reachable(database)


async def test_flood_control_asks_to_retry_after_telegrams_delay(
    api: BotApi, deliverer: TelegramDeliverer, database: Database
) -> None:
    api.fail("sendMessage", Failure.retry_after(17), chat_id=AMINA, times=1)

    first = await deliverer.deliver(str(AMINA), [Message("Hello again!")])
    second = await deliverer.deliver(str(AMINA), [Message("Hello again!")])

    assert first == DeliveryResult(DeliveryStatus.RETRY_LATER, retry_after=17.0)
    assert second == DeliveryResult(DeliveryStatus.SENT)
    assert await reachable(database)


@pytest.mark.parametrize("failure", [Failure.server_error(), Failure.timeout()])
async def test_passing_network_trouble_asks_to_retry(
    api: BotApi, deliverer: TelegramDeliverer, failure: Failure
) -> None:
    api.fail("sendMessage", failure)

    result = await deliverer.deliver(str(AMINA), [Message("Hello again!")])

    assert result == DeliveryResult(DeliveryStatus.RETRY_LATER)


async def test_a_refused_message_fails_for_good(
    api: BotApi, deliverer: TelegramDeliverer, database: Database
) -> None:
    api.fail("sendMessage", Failure.bad_request("Bad Request: can't parse entities"))

    result = await deliverer.deliver(str(AMINA), [Message("Hello again!")])

    assert result == DeliveryResult(DeliveryStatus.FAILED)
    assert await reachable(database)


async def test_an_id_that_is_not_a_telegram_chat_fails(
    api: BotApi, deliverer: TelegramDeliverer
) -> None:
    result = await deliverer.deliver("terminal-user", [Message("Hello again!")])

    assert result.status is DeliveryStatus.FAILED
    assert api.calls_to("sendMessage") == []
