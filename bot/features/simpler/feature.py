"""The "Simpler, please" button under every card."""

from __future__ import annotations

from bot.adapters.db.tables import Base
from bot.core.feature import FeatureContext, Manifest, on
from bot.features.simpler.buttons import ExplainQuestion, Simplify
from bot.features.simpler.flows import Simpler

DOMAIN = "llm"
TABLES: tuple[type[Base], ...] = ()


def manifest(context: FeatureContext) -> Manifest:
    """Return what the simpler cards handle."""
    simpler = Simpler(context.chains, context.budget, context.course)
    return Manifest(
        name="simpler",
        buttons=(on(Simplify, simpler.simplify), on(ExplainQuestion, simpler.explain_question)),
    )
