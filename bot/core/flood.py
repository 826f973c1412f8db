"""Hold each sender to a burst of messages and a steady rate after it: one token bucket each."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from enum import Enum


class Verdict(Enum):
    """What to do with one message."""

    SERVE = "serve"
    # Refused, and the first refusal of a flood: tell the sender, once.
    SLOW_DOWN = "slow_down"
    # Refused; the sender was already told.
    DROP = "drop"


@dataclass
class _Bucket:
    tokens: float
    at: float
    refused_at: float | None = None


class TokenBuckets:
    """Let each sender send `burst` messages at once, then `per_second` on average.

    A flood ends after `burst / per_second` seconds without a refusal (the time to refill the
    bucket): its first refusal tells the sender to slow down, the others drop quietly, however
    long it lasts. A full bucket after a flood is the same as none, so only the senders who
    were busy lately take memory.
    """

    def __init__(self, burst: int, per_second: float, clock: Callable[[], float]) -> None:
        self.burst = burst
        self.per_second = per_second
        self.clock = clock
        self.refill_seconds = burst / per_second
        self._buckets: dict[Hashable, _Bucket] = {}
        self._swept_at = clock()

    def admit(self, sender: Hashable) -> Verdict:
        """Take a token for one message of this sender, or refuse the message."""
        bucket = self._current(sender)
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return Verdict.SERVE
        return self._refuse(bucket)

    def refuse(self, sender: Hashable) -> Verdict:
        """Refuse a message for another reason (too many waiting), telling the sender once."""
        return self._refuse(self._current(sender))

    def __len__(self) -> int:
        """Return how many senders are remembered: those busy lately."""
        return len(self._buckets)

    def _refuse(self, bucket: _Bucket) -> Verdict:
        told = not self._flood_over(bucket, bucket.at)
        bucket.refused_at = bucket.at
        return Verdict.DROP if told else Verdict.SLOW_DOWN

    def _current(self, sender: Hashable) -> _Bucket:
        now = self.clock()
        self._sweep(now)
        bucket = self._buckets.get(sender)
        if bucket is None or self._idle(bucket, now):
            bucket = self._buckets[sender] = _Bucket(float(self.burst), now)
        else:
            bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.at) * self.per_second)
            bucket.at = now
        return bucket

    def _flood_over(self, bucket: _Bucket, now: float) -> bool:
        return bucket.refused_at is None or now - bucket.refused_at >= self.refill_seconds

    def _idle(self, bucket: _Bucket, now: float) -> bool:
        full = bucket.tokens + (now - bucket.at) * self.per_second >= self.burst
        return full and self._flood_over(bucket, now)

    def _sweep(self, now: float) -> None:
        # At most once per refill time, forget the senders who have been quiet since.
        if now - self._swept_at < self.refill_seconds:
            return
        self._swept_at = now
        idle = [sender for sender, bucket in self._buckets.items() if self._idle(bucket, now)]
        for sender in idle:
            del self._buckets[sender]
