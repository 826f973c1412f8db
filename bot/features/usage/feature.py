"""The chat model's use: calls and tokens per learner and day, held to the daily budget."""

from __future__ import annotations

from bot.adapters.db.tables import Base
from bot.core.feature import FeatureContext, Manifest
from bot.features.usage.ports import MODEL_USAGE
from bot.features.usage.repo import SqlUsage
from bot.features.usage.tables import LLMUsageRow

DOMAIN = "llm"
TABLES: tuple[type[Base], ...] = (LLMUsageRow,)


def manifest(_: FeatureContext) -> Manifest:
    """Return the store of model use, shared by every feature that calls the model."""
    return Manifest(
        name="usage",
        repositories=((MODEL_USAGE, SqlUsage),),
        exporters=(("llm_usage", lambda uow, learner: uow.get(MODEL_USAGE).export(learner)),),
    )
