"""Build the python-telegram-bot Application around the tutor, and run it until stopped."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import time
from collections.abc import Mapping
from contextlib import AsyncExitStack
from datetime import timedelta
from typing import Any, Final
from urllib.parse import urlsplit

from telegram import LinkPreviewOptions, Update
from telegram.ext import AIORateLimiter, Application, Defaults
from telegram.request import BaseRequest

from bot.adapters.db.unit import session_exporter
from bot.app import App, open_app
from bot.channels.telegram import store
from bot.channels.telegram.acks import AcknowledgedQueue, Acknowledgements
from bot.channels.telegram.channel import TelegramChannel
from bot.channels.telegram.commands import set_commands
from bot.channels.telegram.delivery import TelegramDeliverer
from bot.channels.telegram.handlers import TelegramFrontEnd
from bot.channels.telegram.logs import protect_logs
from bot.channels.telegram.processor import PerLearnerProcessor
from bot.channels.telegram.render import Renderer
from bot.config import Settings
from bot.core.delivery import Deliverer
from bot.core.flood import TokenBuckets
from bot.core.periodic import repeat
from bot.ops.http import configure_webhook_server, ops_routes, serving_ops
from bot.ops.metrics import Metrics

logger = logging.getLogger(__name__)

TelegramApplication = Application[Any, Any, Any, Any, Any, Any]

ALLOWED_UPDATES: Final = [
    Update.MESSAGE,
    Update.CALLBACK_QUERY,
    Update.POLL_ANSWER,
    Update.MY_CHAT_MEMBER,
]
# Telegram keeps an unconfirmed update for 24 hours, so an older id never comes back.
KEEP_UPDATE_IDS: Final = timedelta(days=2)
KEEP_UNANSWERED_POLLS: Final = timedelta(days=30)
HOUSEKEEPING_INTERVAL: Final = timedelta(hours=1)
# On flood control, wait as Telegram asks and try again, twice, before giving up.
RETRIES_AFTER_FLOOD: Final = 2
# The Telegram part of /mydata.
EXPORTERS: Final = ((store.CHANNEL, session_exporter(store.export)),)


class BackgroundTasks:
    """Set the command menu and serve the Telegram channel with the bot; stop serving before."""

    def __init__(self, app: App, renderer: Renderer) -> None:
        self.app = app
        self.renderer = renderer
        self.serving = AsyncExitStack()

    async def start(self, application: TelegramApplication) -> None:
        """Register the commands, then serve Telegram with every worker (post_init).

        With TUTOR_OPS_PORT, the operations routes answer on that port from now on too.
        """
        settings = self.app.settings
        if settings.ops_port is not None and self.app.metrics is not None:
            routes = ops_routes(self.app, self.app.metrics)
            opening = serving_ops(routes, settings.ops_listen, settings.ops_port)
            await self.serving.enter_async_context(opening)
        services = self.app.services
        await set_commands(
            application.bot,
            services.translators,
            self.app.settings.default_language,
            services.help_entries("learner"),
        )
        deliverer = TelegramDeliverer(application.bot, self.renderer, self.app.database)
        channel = TelegramChannel(deliverer, self.app.settings.telegram_bot_username)
        serving = self.app.serving([channel], workers=[Housekeeping(self.app)])
        await self.serving.enter_async_context(serving)

    async def stop(self, _application: TelegramApplication) -> None:
        """Cancel the workers and wait for them to finish cancelling (post_stop)."""
        await self.serving.aclose()


class Housekeeping:
    """Forget old update ids and unanswered polls, every hour, while the bot runs."""

    def __init__(self, app: App) -> None:
        self.app = app

    async def run(self, _deliverers: Mapping[str, Deliverer]) -> None:
        """Clean up now and every hour after, until cancelled."""
        await repeat(
            self.clean,
            HOUSEKEEPING_INTERVAL.total_seconds(),
            logger,
            "Housekeeping failed; trying again later",
        )

    async def clean(self) -> None:
        """Forget the update ids and polls old enough, in one transaction."""
        now = self.app.services.clock()
        async with self.app.database.session() as session:
            await store.forget_updates(session, now - KEEP_UPDATE_IDS)
            await store.forget_polls(session, now - KEEP_UNANSWERED_POLLS)


def bot_token(settings: Settings) -> str:
    """Return the bot token, which `tutor run` checked before starting."""
    if settings.telegram_bot_token is None:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    return settings.telegram_bot_token.get_secret_value()


def _rate_limiter(limited: bool) -> AIORateLimiter:
    if limited:
        return AIORateLimiter(max_retries=RETRIES_AFTER_FLOOD)
    # Zero rates switch PTB's limits off; retries after a flood error stay.
    return AIORateLimiter(overall_max_rate=0, group_max_rate=0, max_retries=RETRIES_AFTER_FLOOD)


def webhook_secret(settings: Settings) -> str:
    """Return the webhook's secret token: the one set, else one that every replica derives alike."""
    if settings.webhook_secret:
        return settings.webhook_secret.get_secret_value()
    # Replicas share the bot's token, so they derive the same secret and none of them locks the
    # others out when it registers the webhook; whoever knows the token controls the bot anyway.
    token = bot_token(settings).encode()
    return hmac.new(token, b"tutor webhook secret token", hashlib.sha256).hexdigest()


def build_application(
    app: App,
    *,
    request: BaseRequest | None = None,
    updates_request: BaseRequest | None = None,
    rate_limited: bool = True,
) -> TelegramApplication:
    """Assemble the Telegram bot for the tutor; `request`s replace the HTTP transport.

    `rate_limited=False` drops Telegram's own limits, only to measure the tutor's cost per update.
    """
    settings = app.settings
    renderer = Renderer(app.database, settings.quiz_style, app.services.clock, app.speech)
    background = BackgroundTasks(app, renderer)
    front_end = TelegramFrontEnd(app.tutor, renderer, app.database, app.services, app.speech)
    buckets = TokenBuckets(settings.flood_burst, settings.flood_per_second, time.monotonic)
    # By webhook, Telegram's call is answered once the turn has ended (see acks.py).
    acknowledgements = Acknowledgements() if settings.webhook_url else None
    processor = PerLearnerProcessor(
        buckets,
        front_end.slow_down,
        max_queued=settings.flood_queue,
        on_ended=acknowledgements.ended if acknowledgements else None,
    )
    builder = (
        Application.builder()
        .token(bot_token(settings))
        # Lessons cite sources; big link previews would push the buttons off the screen.
        .defaults(Defaults(link_preview_options=LinkPreviewOptions(is_disabled=True)))
        .rate_limiter(_rate_limiter(rate_limited))
        .concurrent_updates(processor)
        .post_init(background.start)
        .post_stop(background.stop)
    )
    if acknowledgements is not None:
        builder = builder.update_queue(AcknowledgedQueue(acknowledgements))
    if settings.telegram_base_url:
        builder = builder.base_url(settings.telegram_base_url)
    if request is not None:
        builder = builder.request(request)
    if updates_request is not None:
        builder = builder.get_updates_request(updates_request)
    application: TelegramApplication = builder.build()
    front_end.register(application)
    return application


def wait_for_index_server(settings: Settings) -> None:
    """Wait for the chromadb server, when one is set, so that a start without it fails clearly.

    The index itself loads in the background once the bot serves; there, a server that never
    answered would only be a line in the log and a readiness check failing for good.
    """
    if settings.chroma_host is not None:
        from bot.adapters.search.store import open_client

        open_client(settings)


def run(settings: Settings) -> None:
    """Serve the tutor until SIGINT or SIGTERM: by webhook when one is set, else long polling."""
    protect_logs(bot_token(settings))
    wait_for_index_server(settings)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    resources = AsyncExitStack()
    try:
        metrics = Metrics()
        opening = open_app(settings, exporters=EXPORTERS, metrics=metrics)
        app = loop.run_until_complete(resources.enter_async_context(opening))
        application = build_application(app)
        # PTB tries Telegram until it answers: without this line, a server that cannot reach
        # it would seem to do nothing.
        logger.info("Connecting to Telegram…")
        # PTB drives the loop: on a stop signal it finishes the updates in hand, runs
        # post_stop and shuts the bot down; the database and stores close after that.
        if settings.webhook_url:
            configure_webhook_server(settings.webhook_max_body_bytes, ops_routes(app, metrics))
            application.run_webhook(
                listen=settings.webhook_listen,
                port=settings.webhook_port,
                url_path=urlsplit(settings.webhook_url).path.lstrip("/"),
                webhook_url=settings.webhook_url,
                secret_token=webhook_secret(settings),
                allowed_updates=ALLOWED_UPDATES,
                bootstrap_retries=-1,
                close_loop=False,
            )
        else:
            application.run_polling(
                allowed_updates=ALLOWED_UPDATES, bootstrap_retries=-1, close_loop=False
            )
    finally:
        loop.run_until_complete(resources.aclose())
        loop.close()
        asyncio.set_event_loop(None)
