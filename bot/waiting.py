"""Wait for a server the tutor needs at start (PostgreSQL, chromadb), for a bounded time."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, TypeVar

if TYPE_CHECKING:
    from tenacity import RetryCallState

logger = logging.getLogger(__name__)

T = TypeVar("T")

FIRST_PAUSE_SECONDS: Final = 0.5
LONGEST_PAUSE_SECONDS: Final = 5.0
HINT: Final = "TUTOR_STARTUP_WAIT_SECONDS sets how long a start waits"


class Unreachable(Exception):  # noqa: N818 - a state, named as the operator reads it
    """A server the tutor needs cannot be used; the message is one line for an operator."""


@dataclass(frozen=True)
class Patience:
    """How to wait for one server: what to call it in logs, for how long, and what to retry."""

    # Named without a password, such as `the database at postgresql+asyncpg://tutor:***@db/tutor`.
    what: str
    seconds: float
    transient: Callable[[BaseException], bool]

    def _policy(self) -> dict[str, Any]:
        from tenacity import retry_if_exception, stop_before_delay, wait_exponential

        return {
            "stop": stop_before_delay(self.seconds),
            "wait": wait_exponential(
                multiplier=FIRST_PAUSE_SECONDS, min=FIRST_PAUSE_SECONDS, max=LONGEST_PAUSE_SECONDS
            ),
            "retry": retry_if_exception(self.transient),
            "before_sleep": self._log_retry,
            "reraise": True,
        }

    def _log_retry(self, state: RetryCallState) -> None:
        error = state.outcome.exception() if state.outcome else None
        pause = state.next_action.sleep if state.next_action else 0.0
        logger.warning(
            "Waiting for %s (%s); trying again in %.1f s",
            self.what,
            type(error).__name__,
            pause,
        )

    def _unreachable(self, error: BaseException) -> Unreachable:
        if self.transient(error):
            return Unreachable(
                f"Cannot reach {self.what} after {self.seconds:g} s: {describe(error)} ({HINT})"
            )
        return Unreachable(f"Cannot use {self.what}: {describe(error)}")

    # The first try is made without tenacity: a start mostly finds the server up, and tenacity
    # imports tornado, a twentieth of a second that the operators' commands would pay for nothing.

    def call(self, attempt: Callable[[], T]) -> T:
        """Call `attempt` until it succeeds, retrying transient errors with growing pauses."""
        try:
            return attempt()
        except Exception as error:
            if not self.transient(error):
                raise self._unreachable(error) from None
        from tenacity import Retrying

        try:
            return Retrying(**self._policy())(attempt)
        except Exception as error:
            raise self._unreachable(error) from None

    async def wait(self, attempt: Callable[[], Awaitable[T]]) -> T:
        """Await `attempt` until it succeeds, retrying transient errors with growing pauses."""
        try:
            return await attempt()
        except Exception as error:
            if not self.transient(error):
                raise self._unreachable(error) from None
        from tenacity import AsyncRetrying

        try:
            return await AsyncRetrying(**self._policy())(attempt)
        except Exception as error:
            raise self._unreachable(error) from None


def describe(error: BaseException) -> str:
    """Return an error as one line: its type and its first line."""
    lines = str(error).strip().splitlines()
    return f"{type(error).__name__}: {lines[0]}" if lines else type(error).__name__
