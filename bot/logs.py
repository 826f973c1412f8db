"""The tutor's logging: its own lines at the chosen level, libraries kept quiet about people."""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Final, Literal

# These log whole requests at DEBUG, message texts included: Telegram's updates, the prompts
# sent to the chat model, SQLite's statements with their values.
TEXT_LOGGING_LIBRARIES: Final = ("telegram", "openai", "aiosqlite")
# These log every step at INFO; the tutor's own INFO lines matter more.
# fontTools logs each step of cutting a certificate's font down to its letters (about 75 lines).
NOISY_LIBRARIES: Final = ("alembic", "httpx", "httpcore", "chromadb", "fontTools")
TEXT_FORMAT: Final = "%(asctime)s %(levelname)s %(name)s: %(message)s"

LogFormat = Literal["text", "json"]

# The update being handled, so that every line of its turn can be found together: the channel's
# own id (Telegram's update_id) where it has one, else a random one. Never what was written.
UPDATE_ID: ContextVar[str | None] = ContextVar("update_id", default=None)


@contextmanager
def update_context(update_id: str | None = None) -> Iterator[str]:
    """Tag the log lines of one update's turn; an update already tagged keeps its id."""
    current = UPDATE_ID.get()
    if current is not None and update_id is None:
        yield current
        return
    token = UPDATE_ID.set(update_id or secrets.token_hex(6))
    try:
        yield UPDATE_ID.get() or ""
    finally:
        UPDATE_ID.reset(token)


class JsonFormatter(logging.Formatter):
    """Write each record as one JSON object: time, level, logger, message and the update id."""

    def format(self, record: logging.LogRecord) -> str:
        """Return the record as one line of JSON; a traceback goes in `error`, escaped."""
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if (update_id := UPDATE_ID.get()) is not None:
            entry["update_id"] = update_id
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        # exc_text, not exc_info: a filter (the token's mask) may have rewritten it.
        if record.exc_text:
            entry["error"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False)


def quiet_libraries() -> None:
    """Keep libraries from logging message texts, and their routine steps, at the root's level."""
    level = logging.getLogger().level
    for name in TEXT_LOGGING_LIBRARIES:
        logging.getLogger(name).setLevel(max(logging.INFO, level))
    for name in NOISY_LIBRARIES:
        logging.getLogger(name).setLevel(max(logging.WARNING, level))


def configure_logging(level: str, log_format: LogFormat = "text") -> None:
    """Log to stderr at `level`, as text or as JSON lines, with the libraries kept quiet."""
    handler = logging.StreamHandler()
    handler.setFormatter(
        JsonFormatter() if log_format == "json" else logging.Formatter(TEXT_FORMAT)
    )
    logging.basicConfig(level=level, handlers=[handler])
    quiet_libraries()
