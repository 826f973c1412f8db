"""By webhook, Telegram's call is answered only once its update's turn has ended."""

from __future__ import annotations

import pytest
from telegram import Update

from tests.support.telegram import (
    BotApi,
    TelegramUser,
    Updates,
    application_for,
    running,
    tutor_for_telegram,
)

WEBHOOK = "https://tutor.example.org/telegram/hook"


async def queue_start(
    tmp_path_factory: pytest.TempPathFactory, **settings: object
) -> tuple[list[str], list[str]]:
    """Put a /start in the update queue, as the webhook handler does; return the replies sent
    by the time `put` returned, and once the queue is done."""
    async with tutor_for_telegram(tmp_path_factory, **settings) as app:
        api = BotApi()
        application = application_for(app, api)
        user = TelegramUser(4242)
        async with running(application):
            update = Update.de_json(Updates().command(user, "start"), application.bot)
            await application.update_queue.put(update)
            when_put = api.sent_texts(user.id)
            await application.update_queue.join()
            in_the_end = api.sent_texts(user.id)
    return when_put, in_the_end


async def test_by_webhook_the_call_is_answered_after_the_reply(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # A worker killed before this point leaves the call unanswered: Telegram sends it again.
    when_put, in_the_end = await queue_start(tmp_path_factory, webhook_url=WEBHOOK)
    assert when_put
    assert when_put == in_the_end


async def test_by_long_polling_updates_are_queued_without_waiting(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # The polling loop puts a batch of updates one after the other: waiting would serialise them.
    when_put, in_the_end = await queue_start(tmp_path_factory)
    assert when_put == []
    assert in_the_end
