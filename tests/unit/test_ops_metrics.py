"""Metrics each app owns: model calls from LangChain callbacks, delivery results, JSON logs."""

from __future__ import annotations

import json
import logging

from langchain_core.messages import AIMessage
from langchain_core.outputs import ChatGeneration, LLMResult
from prometheus_client import REGISTRY

from bot.adapters.llm.metering import ModelMeter
from bot.core.delivery import DeliveryResult, DeliveryStatus
from bot.logs import JsonFormatter, update_context
from bot.ops.metrics import Metrics
from bot.outbox.worker import _result_name


def value(metrics: Metrics, name: str, **labels: str) -> float | None:
    return metrics.registry.get_sample_value(name, labels)


def test_model_calls_and_tokens_are_counted_from_the_callbacks() -> None:
    metrics = Metrics()
    meter = ModelMeter(metrics)
    reply = AIMessage(
        "ok", usage_metadata={"input_tokens": 120, "output_tokens": 30, "total_tokens": 150}
    )

    meter.on_llm_end(LLMResult(generations=[[ChatGeneration(message=reply)]]))
    meter.on_llm_error(TimeoutError())

    assert value(metrics, "tutor_model_calls_total", outcome="ok") == 1
    assert value(metrics, "tutor_model_calls_total", outcome="error") == 1
    assert value(metrics, "tutor_model_tokens_total", direction="input") == 120
    assert value(metrics, "tutor_model_tokens_total", direction="output") == 30


def test_two_apps_keep_their_own_registries_and_not_the_global_one() -> None:
    first, second = Metrics(), Metrics()
    first.turn("text", "handled", 0.2)

    assert value(first, "tutor_updates_total", kind="text", outcome="handled") == 1
    assert value(second, "tutor_updates_total", kind="text", outcome="handled") is None
    assert REGISTRY.get_sample_value("tutor_updates_total", {"kind": "text"}) is None
    assert b'tutor_turn_seconds_bucket{kind="text",le="0.25"} 1.0' in first.exposition()


def test_a_retry_telegram_asked_for_counts_as_rate_limited() -> None:
    assert _result_name(DeliveryResult(DeliveryStatus.RETRY_LATER, retry_after=3)) == (
        "rate_limited"
    )
    assert _result_name(DeliveryResult(DeliveryStatus.RETRY_LATER)) == "retry_later"
    assert _result_name(DeliveryResult(DeliveryStatus.SENT)) == "sent"
    assert _result_name(DeliveryResult(DeliveryStatus.BLOCKED)) == "blocked"


def test_a_json_line_has_the_update_id_of_its_turn_only() -> None:
    formatter = JsonFormatter()
    record = logging.LogRecord("bot.x", logging.INFO, __file__, 1, "Handled %s", ("a tap",), None)

    with update_context("4242"), update_context():
        inside = json.loads(formatter.format(record))
    outside = json.loads(formatter.format(record))

    assert inside["update_id"] == "4242"
    assert inside["message"] == "Handled a tap"
    assert (inside["level"], inside["logger"]) == ("INFO", "bot.x")
    assert "update_id" not in outside
