"""One outbox worker process, for the test of several processes sharing one outbox.

    TUTOR_DATABASE_URL=... TUTOR_TELEGRAM_BASE_URL=... TELEGRAM_BOT_TOKEN=... \\
        python -m tests.support.trainers_worker

It prints "ready", waits for a line on its input, sends everything due through the (fake) Bot API
at the base URL with the real `TelegramDeliverer`, prints "handled N" and exits. It builds only
what a worker needs: the whole app would also load the lesson index and the language models.
"""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from telegram import Bot
from telegram.request import HTTPXRequest

from bot.adapters.db.database import Database
from bot.channels.telegram.channel import TelegramChannel
from bot.channels.telegram.delivery import TelegramDeliverer
from bot.channels.telegram.render import Renderer
from bot.config import load_settings
from bot.core.router import Services
from bot.course.loader import load_course
from bot.features.trainers.outbox import PushMailbox
from bot.i18n import load_translators
from bot.outbox.options import DeliveryOptions
from bot.outbox.worker import OutboxWorker


def utc_now() -> datetime:
    return datetime.now(UTC)


async def main() -> None:
    settings = load_settings()
    assert settings.telegram_bot_token is not None
    database = Database(settings.resolved_database_url)
    services = Services(
        course=load_course(settings.content_dir, settings.languages.codes),
        translators=load_translators(settings.locales_dir, settings.languages, settings.timezone),
        clock=utc_now,
        languages=settings.languages,
    )
    options = DeliveryOptions.from_settings(settings)
    worker = OutboxWorker(database, services, options, [PushMailbox(ZoneInfo(settings.timezone))])
    bot = Bot(
        settings.telegram_bot_token.get_secret_value(),
        base_url=settings.telegram_base_url or "https://api.telegram.org/bot",
        request=HTTPXRequest(connection_pool_size=8),
    )
    renderer = Renderer(database, settings.quiz_style, utc_now)
    # Both processes start sending at the same moment: each says "ready", then waits for go.
    print("ready", flush=True)
    await asyncio.to_thread(sys.stdin.readline)
    deliverer = TelegramDeliverer(bot, renderer, database)
    handled = await worker.drain({TelegramChannel.name: deliverer})
    await bot.shutdown()
    await database.close()
    print(f"handled {handled}", flush=True)


if __name__ == "__main__":
    asyncio.run(main())
