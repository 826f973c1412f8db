"""Deliver messages nobody asked for (pushes, reminders) to Telegram learners."""

from __future__ import annotations

import logging
import warnings
from collections.abc import Sequence
from datetime import timedelta

from telegram import Bot
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter
from telegram.warnings import PTBDeprecationWarning

from bot.adapters.db.database import Database
from bot.channels.telegram import store
from bot.channels.telegram.render import Renderer
from bot.core.delivery import DeliveryResult, DeliveryStatus
from bot.core.replies import Reply

logger = logging.getLogger(__name__)


class TelegramDeliverer:
    """Send replies to a learner's private chat and say what happened, for the caller to act on.

    A learner who blocked the bot, deleted their account or whose chat is gone is marked
    unreachable here, so every caller gets that for free; the caller stops retrying on BLOCKED.
    """

    # Any Telegram user who started the bot can be sent a message, from any process.
    recipients: frozenset[str] | None = None

    def __init__(self, bot: Bot, renderer: Renderer, database: Database) -> None:
        self.bot = bot
        self.renderer = renderer
        self.database = database

    async def deliver(self, external_id: str, replies: Sequence[Reply]) -> DeliveryResult:
        """Send the replies in order and report how it went."""
        if not external_id.lstrip("-").isdigit():
            return DeliveryResult(DeliveryStatus.FAILED)
        try:
            await self.renderer.render(self.bot, int(external_id), replies)
        except Forbidden:
            return await self._blocked(external_id)
        except BadRequest as error:
            if "chat not found" in error.message.lower():
                return await self._blocked(external_id)
            # Telegram's reason (such as "Message is too long") never quotes the message.
            logger.warning("Telegram refused a delivery: %s", error.message)
            return DeliveryResult(DeliveryStatus.FAILED)
        except RetryAfter as error:
            return DeliveryResult(DeliveryStatus.RETRY_LATER, retry_after=retry_seconds(error))
        except NetworkError:  # TimedOut included; BadRequest, also a NetworkError, is above
            return DeliveryResult(DeliveryStatus.RETRY_LATER)
        return DeliveryResult(DeliveryStatus.SENT)

    async def _blocked(self, external_id: str) -> DeliveryResult:
        async with self.database.session() as session:
            await store.set_reachable(session, external_id, reachable=False)
        return DeliveryResult(DeliveryStatus.BLOCKED)


def retry_seconds(error: RetryAfter) -> float:
    """Return how long Telegram asks to wait, in seconds."""
    with warnings.catch_warnings():
        # PTB 22 warns that `retry_after` becomes a timedelta in v23; both are read here.
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)
