"""What the voice feature asks of storage: the read-aloud setting, and answers to read aloud."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final, Protocol

from bot.config import Language
from bot.core.ports import Port

# An answer's "Listen" button works this long; after that the answer is deleted.
KEEP_ANSWERS: Final = timedelta(days=1)


@dataclass(frozen=True)
class KeptAnswer:
    """An answer the tutor wrote to a free question, kept a day so that it can be read aloud."""

    id: int
    language: Language
    text: str
    created_at: datetime


class VoiceStore(Protocol):
    """Each learner's read-aloud setting, and the tutor's recent answers to them."""

    async def reads_aloud(self, learner_id: int) -> bool:
        """Tell whether the learner has every card read aloud (off unless they turned it on)."""
        ...

    async def set_read_aloud(self, learner_id: int, on: bool, now: datetime) -> None:
        """Turn reading every card aloud on or off."""
        ...

    async def keep_answer(
        self, learner_id: int, language: Language, text: str, now: datetime
    ) -> int:
        """Keep an answer to read aloud and return its id."""
        ...

    async def answer(self, learner_id: int, answer_id: int, now: datetime) -> KeptAnswer | None:
        """Return one of the learner's answers kept less than a day ago."""
        ...

    async def export(self, learner_id: int) -> dict[str, Any]:
        """Return the learner's setting and kept answers for /mydata."""
        ...


VOICE: Port[VoiceStore] = Port("voice")
