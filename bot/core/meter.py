"""What the tutor counts about its work, for an operator's dashboards: numbers, never texts."""

from __future__ import annotations

from typing import Protocol, runtime_checkable


class Meter(Protocol):
    """Count turns and deliveries; the app passes one that exports them (`bot.ops.metrics`)."""

    def turn(self, kind: str, outcome: str, seconds: float) -> None:
        """Count one handled event: its kind (`text`), how it ended (`handled`) and its time."""
        ...

    def delivery(self, channel: str, result: str) -> None:
        """Count one message nobody asked for (a push): `sent`, `rate_limited`, `blocked`..."""
        ...


class NoMeter:
    """Count nothing: for a tutor built without the app, as in flow tests."""

    def turn(self, kind: str, outcome: str, seconds: float) -> None:
        """Forget the turn."""

    def delivery(self, channel: str, result: str) -> None:
        """Forget the delivery."""


@runtime_checkable
class Watched(Protocol):
    """A background worker whose liveness the readiness check looks at."""

    name: str

    def alive(self) -> bool:
        """Tell whether the worker went round its loop recently."""
        ...
