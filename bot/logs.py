"""The tutor's logging: its own lines at the chosen level, libraries kept quiet about people."""

from __future__ import annotations

import logging
from typing import Final

# These log whole requests at DEBUG, message texts included: Telegram's updates, the prompts
# sent to the chat model, SQLite's statements with their values.
TEXT_LOGGING_LIBRARIES: Final = ("telegram", "openai", "aiosqlite")
# These log every step at INFO; the tutor's own INFO lines matter more.
NOISY_LIBRARIES: Final = ("alembic", "httpx", "httpcore", "chromadb")


def quiet_libraries() -> None:
    """Keep libraries from logging message texts, and their routine steps, at the root's level."""
    level = logging.getLogger().level
    for name in TEXT_LOGGING_LIBRARIES:
        logging.getLogger(name).setLevel(max(logging.INFO, level))
    for name in NOISY_LIBRARIES:
        logging.getLogger(name).setLevel(max(logging.WARNING, level))


def configure_logging(level: str) -> None:
    """Log to stderr at `level`, with the libraries kept quiet."""
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    quiet_libraries()
