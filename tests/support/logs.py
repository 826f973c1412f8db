"""Watch the logs for what learners wrote: the helpers that send as a learner record each text."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Final

from bot.logs import NOISY_LIBRARIES, TEXT_LOGGING_LIBRARIES, JsonFormatter, quiet_libraries

# Shorter texts ("yes", "B") could match a log line by chance without anything having leaked.
MIN_CHARS: Final = 6
# Raised above what the tutor sets, to see more than `TUTOR_LOG_LEVEL=DEBUG` shows: the HTTP
# clients' every step, and SQLAlchemy's statements with their parameters. Not its result rows
# (DEBUG): it logs those only when asked with `echo="debug"`.
WATCHED_LEVELS: Final[dict[str, int]] = {
    "httpx": logging.DEBUG,
    "httpcore": logging.DEBUG,
    "sqlalchemy.engine": logging.INFO,
}


class LearnerTexts:
    """The texts sent as a learner during one test."""

    def __init__(self) -> None:
        self._texts: list[str] = []

    def record(self, text: str) -> None:
        """Remember one text sent as a learner."""
        self._texts.append(text)

    def clear(self) -> None:
        """Forget every text, before the next test."""
        self._texts.clear()

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)


SENT: Final = LearnerTexts()


class LogWatch(logging.Handler):
    """Keep every log line, traceback included, as text and as JSON, to look for learner texts."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []
        # The same records as `TUTOR_LOG_FORMAT=json` writes them.
        self.json_lines: list[str] = []
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
        self.json = JsonFormatter()

    def emit(self, record: logging.LogRecord) -> None:
        """Keep the record as each handler would write it."""
        self.lines.append(self.format(record))
        self.json_lines.append(self.json.format(record))

    def leaks(self, texts: Iterable[str]) -> list[str]:
        """Return the log lines, of either format, that contain one of the texts (or a line)."""
        needles = {
            piece.strip()
            for text in texts
            for piece in (text, *text.splitlines())
            if len(piece.strip()) >= MIN_CHARS
        }
        # A JSON line escapes quotes and line breaks: its values are searched decoded, too.
        json_views = [
            "\n".join([line, *map(str, json.loads(line).values())]) for line in self.json_lines
        ]
        return [
            line
            for line, json_view in zip(self.lines, json_views, strict=True)
            if any(needle in line or needle in json_view for needle in needles)
        ]


@contextmanager
def watching_logs() -> Iterator[LogWatch]:
    """Capture every log record as the tutor logs at DEBUG, and more; put the levels back after."""
    names = ["", *TEXT_LOGGING_LIBRARIES, *NOISY_LIBRARIES, *WATCHED_LEVELS]
    before = {name: logging.getLogger(name).level for name in names}
    logging.getLogger().setLevel(logging.DEBUG)
    quiet_libraries()
    for name, level in WATCHED_LEVELS.items():
        logging.getLogger(name).setLevel(level)
    watch = LogWatch()
    logging.getLogger().addHandler(watch)
    try:
        yield watch
    finally:
        logging.getLogger().removeHandler(watch)
        for name, level in before.items():
            logging.getLogger(name).setLevel(level)
