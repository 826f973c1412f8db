"""What the review asks of storage: each learner's cards, and when to remind them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final, Protocol

from bot.core.localtime import is_quiet_minute
from bot.core.ports import Port

# The hour of the reminder of a learner who has not answered anything yet, in the tutor's zone.
DEFAULT_HOUR: Final = 18


@dataclass(frozen=True)
class ReviewCard:
    """What the memory model knows of one quiz item for one learner (an FSRS card)."""

    lesson_id: str
    item_id: str
    due: datetime
    stability: float  # days until the chance of recalling it falls to 90 %
    difficulty: float  # 1 (easy) to 10 (hard)
    state: int  # FSRS: 1 learning, 2 review, 3 relearning
    step: int | None
    last_review: datetime


@dataclass(frozen=True)
class ReminderTime:
    """When a learner's review reminder comes: the hour they chose, else the hour they learn."""

    usual_hour: int | None = None
    chosen_hour: int | None = None

    @property
    def hour(self) -> int:
        """Return the hour of the reminder, in the tutor's time zone."""
        if self.chosen_hour is not None:
            return self.chosen_hour
        return DEFAULT_HOUR if self.usual_hour is None else self.usual_hour

    def held(self, quiet_hours: tuple[int, int]) -> bool:
        """Tell whether the hour falls in the quiet hours, which hold the reminder back."""
        return is_quiet_minute(self.hour * 60, *quiet_hours)

    def minute(self, quiet_hours: tuple[int, int]) -> int:
        """Return the minute of the day the reminder really comes, after any quiet hours."""
        # An hour someone usually learns at may fall in the quiet hours (a night owl).
        return quiet_hours[1] if self.held(quiet_hours) else self.hour * 60


class ReviewStore(Protocol):
    """Each learner's cards: one per quiz item answered, with when it is due again."""

    async def card(self, learner_id: int, lesson_id: str, item_id: str) -> ReviewCard | None:
        """Return the learner's card of one item, if they have answered it."""
        ...

    async def save(self, learner_id: int, card: ReviewCard) -> None:
        """Store a card, new or reviewed."""
        ...

    async def retire(self, learner_id: int, lesson_id: str, item_id: str) -> None:
        """Drop the card of an item the course no longer has."""
        ...

    async def due(self, learner_id: int, before: datetime, limit: int) -> list[ReviewCard]:
        """Return up to `limit` cards due before a time, the longest due first."""
        ...

    async def count_due(self, learner_id: int, before: datetime) -> int:
        """Count the cards due before a time."""
        ...

    async def next_due(self, learner_id: int) -> datetime | None:
        """Return when the next card falls due, if the learner has any."""
        ...

    async def recent_reviews(self, learner_id: int, limit: int) -> list[datetime]:
        """Return when the learner last answered their most recently answered items."""
        ...

    async def export(self, learner_id: int) -> list[dict[str, Any]]:
        """Return the learner's cards for /mydata."""
        ...


class ReminderStore(Protocol):
    """When each learner's review reminder comes, and the reminders sent."""

    async def time(self, learner_id: int) -> ReminderTime:
        """Return the hours the learner's reminder is based on."""
        ...

    async def set_usual_hour(self, learner_id: int, hour: int) -> None:
        """Remember the hour at which the learner usually learns."""
        ...

    async def choose_hour(self, learner_id: int, hour: int | None) -> None:
        """Set the hour the learner chose, or None to follow when they usually learn."""
        ...

    async def export(self, learner_id: int) -> dict[str, Any]:
        """Return the learner's reminder hours and the reminders sent, for /mydata."""
        ...


REVIEWS: Port[ReviewStore] = Port("reviews")
REMINDERS: Port[ReminderStore] = Port("reminders")
