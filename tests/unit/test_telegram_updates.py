"""Which core event each kind of Telegram message becomes."""

from __future__ import annotations

import pytest
from telegram import Message, Update

from bot.channels.telegram.updates import event_of, sender_of
from bot.core.events import Command, Sender, Text, Unsupported
from tests.support.telegram import MEDIA, TelegramUser, Updates

USER = TelegramUser(4242, "Jan", "Peeters", "nl-BE")


def message_of(update: dict[str, object]) -> Message:
    parsed = Update.de_json(update, None)
    assert parsed.message is not None
    return parsed.message


def test_a_user_becomes_a_telegram_sender() -> None:
    parsed = Update.de_json(Updates().text(USER, "hoi"), None)
    assert parsed.effective_user is not None

    assert sender_of(parsed.effective_user) == Sender("telegram", "4242", "nl-BE", "Jan", "Peeters")


@pytest.mark.parametrize(
    ("name", "args", "expected"),
    [
        ("start", (), Command("start")),
        ("start", ("join-AB12CD",), Command("start", ("join-AB12CD",))),
        ("Progress@ai_tutor_test_bot", (), Command("progress")),
        ("mydata", ("now", "please"), Command("mydata", ("now", "please"))),
    ],
)
def test_commands_keep_their_arguments(name: str, args: tuple[str, ...], expected: Command) -> None:
    assert event_of(message_of(Updates().command(USER, name, *args))) == expected


def test_text_is_text_even_when_it_mentions_a_command() -> None:
    text = "What does /forget do?"

    assert event_of(message_of(Updates().text(USER, text))) == Text(text)


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("sticker", "sticker"),
        ("photo", "photo"),
        ("voice", "voice"),
        ("video_note", "voice"),
        ("document", "document"),
        ("location", "location"),
        ("contact", "contact"),
        ("dice", "dice"),
    ],
)
def test_what_the_tutor_cannot_read_is_named_for_a_kind_answer(kind: str, expected: str) -> None:
    assert kind in MEDIA
    assert event_of(message_of(Updates().media(USER, kind))) == Unsupported(expected)


def test_service_messages_are_not_events() -> None:
    update = Updates().text(USER, "")
    message = update["message"]
    assert isinstance(message, dict)
    del message["text"]
    message["write_access_allowed"] = {"from_request": True}

    assert event_of(message_of(update)) is None
