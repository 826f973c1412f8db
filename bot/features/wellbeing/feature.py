"""Words of distress: the lines that listen, read before any other feature reads free text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.core.feature import FeatureContext, Manifest
from bot.features.wellbeing.flows import distress

if TYPE_CHECKING:
    from bot.adapters.db.tables import Base

DOMAIN = "tutor"
TABLES: tuple[type[Base], ...] = ()


def manifest(_: FeatureContext) -> Manifest:
    """Return the filter that reads every message first."""
    return Manifest(name="wellbeing", text_filters=(distress().read,))
