"""Keep the bot token and what learners write out of the logs."""

from __future__ import annotations

import logging


class RedactSecret(logging.Filter):
    """Mask a secret wherever it appears in a log record, traceback included."""

    def __init__(self, secret: str, mask: str = "[token]") -> None:
        super().__init__()
        self.secret = secret
        self.mask = mask

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record without the secret; never drop it."""
        message = record.getMessage()
        if self.secret in message:
            record.msg, record.args = message.replace(self.secret, self.mask), ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text and self.secret in record.exc_text:
            record.exc_text = record.exc_text.replace(self.secret, self.mask)
        return True


def protect_logs(token: str) -> None:
    """Mask the token in every log line and keep the webhook server from logging each request."""
    logging.getLogger("tornado.access").setLevel(logging.WARNING)
    # PTB names the token when Telegram refuses it, and httpx errors may quote the URL.
    for handler in logging.getLogger().handlers:
        handler.addFilter(RedactSecret(token))
