"""The tutor's Prometheus metrics, in a registry each app owns (never the global default one)."""

from __future__ import annotations

from typing import Final

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

# From a button tap (a few milliseconds) to an answer written by a chat model (seconds).
TURN_BUCKETS: Final = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
CONTENT_TYPE: Final = CONTENT_TYPE_LATEST


class Metrics:
    """Every metric of one app; a `Meter` for the core, and gauges the workers refresh."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.updates = Counter(
            "tutor_updates",
            "Events handled, by kind (command, button, text, unsupported) and outcome "
            "(handled, duplicate, replayed, failed).",
            ["kind", "outcome"],
            registry=self.registry,
        )
        self.turn_seconds = Histogram(
            "tutor_turn_seconds",
            "Time to handle one event, from its arrival at the tutor to its replies.",
            ["kind"],
            buckets=TURN_BUCKETS,
            registry=self.registry,
        )
        self.deliveries = Counter(
            "tutor_deliveries",
            "Messages nobody asked for (pushes, reminders) by channel and result "
            "(sent, rate_limited, retry_later, blocked, failed).",
            ["channel", "result"],
            registry=self.registry,
        )
        self.outbox_pending = Gauge(
            "tutor_outbox_pending",
            "Outbox rows waiting to be sent or being sent.",
            registry=self.registry,
        )
        self.outbox_oldest_seconds = Gauge(
            "tutor_outbox_oldest_age_seconds",
            "How long the oldest due outbox row has been due (0 when none is).",
            registry=self.registry,
        )
        self.model_calls = Counter(
            "tutor_model_calls",
            "Calls to the chat model, by outcome (ok, error).",
            ["outcome"],
            registry=self.registry,
        )
        self.model_tokens = Counter(
            "tutor_model_tokens",
            "Tokens the chat model read (input) and wrote (output).",
            ["direction"],
            registry=self.registry,
        )
        self.learners_active = Gauge(
            "tutor_learners_active",
            "Learners seen since midnight (today) and in the last 7 days (7d).",
            ["window"],
            registry=self.registry,
        )

    def turn(self, kind: str, outcome: str, seconds: float) -> None:
        """Count one handled event and its time."""
        self.updates.labels(kind, outcome).inc()
        self.turn_seconds.labels(kind).observe(seconds)

    def delivery(self, channel: str, result: str) -> None:
        """Count one push or reminder by its result."""
        self.deliveries.labels(channel, result).inc()

    def model_call(self, *, ok: bool, input_tokens: int = 0, output_tokens: int = 0) -> None:
        """Count one call to the chat model and the tokens it used."""
        self.model_calls.labels("ok" if ok else "error").inc()
        self.model_tokens.labels("input").inc(input_tokens)
        self.model_tokens.labels("output").inc(output_tokens)

    def exposition(self) -> bytes:
        """Return every metric in Prometheus' text format."""
        return generate_latest(self.registry)
