"""Turn what a Telegram user sent into the tutor core's sender and events."""

from __future__ import annotations

from typing import Final

from telegram import Message, MessageEntity, User

from bot.channels.telegram.store import CHANNEL
from bot.core.events import Command, Event, Sender, Text, Unsupported

# Attachments as the tutor core names them; others keep their Telegram name.
_KINDS: Final[dict[str, str]] = {
    "video_note": "voice",
    "venue": "location",
}
_ATTACHMENTS: Final[tuple[str, ...]] = (
    "sticker",
    "photo",
    "voice",
    "video_note",
    "audio",
    "video",
    "animation",
    "document",
    "venue",
    "location",
    "contact",
    "poll",
    "dice",
    "game",
    "story",
)


def sender_of(user: User) -> Sender:
    """Return the tutor's view of a Telegram user."""
    return Sender(
        channel=CHANNEL,
        external_id=str(user.id),
        language_code=user.language_code,
        first_name=user.first_name,
        last_name=user.last_name,
    )


def event_of(message: Message) -> Event | None:
    """Return the event a private message stands for; None for service messages."""
    if message.text is not None:
        return _command(message) or Text(message.text)
    for attachment in _ATTACHMENTS:
        if getattr(message, attachment, None):
            return Unsupported(_KINDS.get(attachment, attachment))
    return None


def _command(message: Message) -> Command | None:
    text = message.text or ""
    starts_with_command = any(
        entity.type == MessageEntity.BOT_COMMAND and entity.offset == 0
        for entity in message.entities
    )
    if not starts_with_command:
        return None
    head, *args = text.split()
    # `/start@tutor_bot` names the bot when several share a chat; the tutor only needs `start`.
    name = head[1:].split("@", 1)[0].lower()
    return Command(name, tuple(args))
