"""Words of distress: the lines that listen, read before any other feature reads free text.

Doubts about oneself are read again in a message the course does not answer, though it asks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.core.events import Event, Spoken, Text
from bot.core.feature import FeatureContext, Manifest
from bot.core.lazy import Lazy
from bot.core.router import Turn
from bot.features.wellbeing.flows import distress

if TYPE_CHECKING:
    from bot.adapters.db.tables import Base

DOMAIN = "tutor"
TABLES: tuple[type[Base], ...] = ()


def manifest(_: FeatureContext) -> Manifest:
    """Return the filter that reads every message first."""
    # Built in the background once the tutor serves, or for a text that comes sooner.
    reader = Lazy(distress, name="words of distress")

    async def ahead(event: Event) -> None:
        if isinstance(event, Text | Spoken):
            await reader.wait()

    async def read(turn: Turn, text: str) -> bool:
        return await reader.get().read(turn, text)

    async def read_stray(turn: Turn, text: str) -> bool:
        return await reader.get().read_stray(turn, text)

    return Manifest(
        name="wellbeing",
        text_filters=(read,),
        stray_readers=(read_stray,),
        ahead=(ahead,),
        warm=(reader,),
    )
