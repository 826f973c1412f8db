"""Counters that hold a person to a limit, kept under a salted hash of who they are.

The daily model budget and the wrong-code throttle must survive `/forget`, or forgetting would
reset them. So they are not tied to the learner: each is counted under an HMAC-SHA256 of the
channel identity with a secret salt (unreadable without the salt, and the same person always
gives the same code), and kept until its window ends, then deleted.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from bot.core.ports import Port

MODEL_CALLS = "model_calls"
WRONG_CODES = "wrong_codes"


@dataclass(frozen=True)
class Tally:
    """How many times something happened in the current window, and when last."""

    count: int = 0
    last_at: datetime | None = None


class CounterStore(Protocol):
    """Counters per hashed identity, each kept until the end of its window."""

    async def tally(self, identity: str, name: str, now: datetime) -> Tally:
        """Return a counter (zero once its window has ended)."""
        ...

    async def add(self, identity: str, name: str, now: datetime, keep_until: datetime) -> None:
        """Count one more, and keep the counter until `keep_until`; drop ended windows."""
        ...

    async def clear(self, identity: str, name: str) -> None:
        """Delete a counter."""
        ...


COUNTERS: Port[CounterStore] = Port("counters")


class IdentityHasher:
    """Turn a channel identity into the code the counters are kept under."""

    def __init__(self, salt: bytes) -> None:
        self._salt = salt

    def __call__(self, channel: str, external_id: str) -> str:
        """Return the HMAC-SHA256 of `channel:external_id`, in hex."""
        message = f"{channel}:{external_id}".encode()
        return hmac.new(self._salt, message, hashlib.sha256).hexdigest()
