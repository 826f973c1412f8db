"""What the review asks of the review schedule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from bot.core.ports import Port


@dataclass(frozen=True)
class ReviewItem:
    """A quiz item in the learner's review schedule."""

    lesson_id: str
    item_id: str
    box: int
    due_at: datetime


class ReviewStore(Protocol):
    """When each missed quiz item comes back, per learner."""

    async def item(self, learner_id: int, lesson_id: str, item_id: str) -> ReviewItem | None:
        """Return one item of the learner's review schedule."""
        ...

    async def schedule(
        self, learner_id: int, lesson_id: str, item_id: str, box: int, due_at: datetime
    ) -> None:
        """Put a quiz item in a Leitner box, due at a given time."""
        ...

    async def retire(self, learner_id: int, lesson_id: str, item_id: str) -> None:
        """Take a well-learnt item out of the review schedule."""
        ...

    async def due(self, learner_id: int, now: datetime) -> list[ReviewItem]:
        """Return the items due for review, the longest overdue first."""
        ...

    async def next_due(self, learner_id: int) -> datetime | None:
        """Return when the next review item falls due, if any is scheduled."""
        ...

    async def export(self, learner_id: int) -> list[dict[str, Any]]:
        """Return the learner's review schedule for /mydata."""
        ...


REVIEWS: Port[ReviewStore] = Port("reviews")
