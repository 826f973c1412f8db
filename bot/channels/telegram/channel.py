"""Telegram as a channel of the tutor: its name, its deliverer and its `t.me` join links."""

from __future__ import annotations

from bot.channels.telegram.store import CHANNEL
from bot.core.delivery import Deliverer


def join_link(bot_username: str | None, code: str) -> str | None:
    """Return the link that redeems a code in one tap, when the bot's @name is known."""
    name = (bot_username or "").strip().lstrip("@")
    return f"https://t.me/{name}?start=join-{code}" if name else None


class TelegramChannel:
    """Learners on Telegram: reached through a Telegram deliverer, invited with `t.me` links."""

    name = CHANNEL

    def __init__(self, deliverer: Deliverer, bot_username: str | None) -> None:
        self.deliverer = deliverer
        self.bot_username = bot_username

    def join_link(self, code: str) -> str | None:
        """Return the `t.me` link that opens the bot with `/start join-<code>`."""
        return join_link(self.bot_username, code)
