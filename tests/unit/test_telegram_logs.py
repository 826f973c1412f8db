"""The bot token never reaches a log line, not even inside a traceback."""

from __future__ import annotations

import io
import logging

from bot.channels.telegram.logs import RedactSecret

TOKEN = "7000000001:AAHsecretPART"


def test_the_token_is_masked_in_messages_and_tracebacks() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactSecret(TOKEN))
    logger = logging.getLogger("test_telegram_logs")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        logger.warning("Calling https://api.telegram.org/bot%s/getMe", TOKEN)
        try:
            raise ValueError(f"The token `{TOKEN}` was rejected by the server.")
        except ValueError:
            logger.exception("Invalid token")
    finally:
        logger.removeHandler(handler)

    output = stream.getvalue()
    assert TOKEN not in output
    assert "AAHsecretPART" not in output
    assert "https://api.telegram.org/bot[token]/getMe" in output
    assert "The token `[token]` was rejected by the server." in output
