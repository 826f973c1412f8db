"""`tutor run`: serve the tutor on Telegram."""

from __future__ import annotations

import argparse
import logging
import sys
from typing import Any

from bot.config import Settings

HELP_WHEN_MISSING = (
    "TELEGRAM_BOT_TOKEN is not set. Create a bot with @BotFather on Telegram, "
    "then put its token in .env: TELEGRAM_BOT_TOKEN=123456:ABC...\n"
)
logger = logging.getLogger(__name__)
NO_BOT_NAME = (
    "TUTOR_TELEGRAM_BOT_USERNAME is not set: join links and their QR codes cannot be made, so "
    "trainers give learners the code to type (/join CODE). Set it to the bot's @name, without @."
)
HELP_WHEN_REFUSED = (
    "Telegram refused TELEGRAM_BOT_TOKEN. Copy it again from @BotFather (/mybots, API Token); "
    "if it leaked, revoke it there and use the new one.\n"
)


def add_commands(commands: Any) -> None:
    """Add `tutor run` to the command parser."""
    run = commands.add_parser(
        "run",
        help="serve the tutor on Telegram (long polling, or a webhook if TUTOR_WEBHOOK_URL is set)",
    )
    run.set_defaults(handler=_run)


def _run(settings: Settings, _args: argparse.Namespace) -> int:
    token = settings.telegram_bot_token
    if token is None or not token.get_secret_value().strip():
        sys.stderr.write(HELP_WHEN_MISSING)
        return 2
    from telegram.error import InvalidToken

    from bot.channels.telegram.application import run

    if not settings.telegram_bot_username:
        logger.warning(NO_BOT_NAME)
    try:
        run(settings)
    except InvalidToken:
        sys.stderr.write(HELP_WHEN_REFUSED)
        return 2
    return 0
