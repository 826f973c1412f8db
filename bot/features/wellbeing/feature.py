"""Words of distress: the lines that listen, read before any other feature reads free text.

Doubts about oneself are read again in a message the course does not answer, though it asks.
"""

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
    reader = distress()
    return Manifest(
        name="wellbeing", text_filters=(reader.read,), stray_readers=(reader.read_stray,)
    )
