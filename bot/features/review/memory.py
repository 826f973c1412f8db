"""How well a learner remembers each quiz item: one FSRS-6 card per learner and item.

A right first answer rates the item "Good", a wrong one "Again". There is no "Easy" for a fast
right answer: the time between a question and its answer in a chat says more about when the
learner looked at their phone than about their memory, and a 3-option question is easy to
recognise, so a fast tap would push items out too far. Reviews are counted in days: there are
no learning steps of minutes (a chat tutor does not ask again ten minutes later), so a missed
item comes back the next day, and intervals are not fuzzed, so every learner and every test
sees the same schedule.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from fsrs import Card, Rating, Scheduler, State

from bot.core.ports import Port
from bot.features.review.ports import ReviewCard

# Items are part of a course, not a lifelong deck: even one known well comes back within a year.
MAXIMUM_INTERVAL_DAYS = 365


class Memory:
    """The FSRS scheduler, aiming at the desired retention (the share of items recalled)."""

    def __init__(self, desired_retention: float) -> None:
        self.desired_retention = desired_retention
        self._scheduler = Scheduler(
            desired_retention=desired_retention,
            learning_steps=(),
            relearning_steps=(),
            maximum_interval=MAXIMUM_INTERVAL_DAYS,
            enable_fuzzing=False,
        )

    def review(
        self,
        card: ReviewCard | None,
        lesson_id: str,
        item_id: str,
        *,
        correct: bool,
        now: datetime,
    ) -> ReviewCard:
        """Return the item's card after an answer, starting a new card for a first answer."""
        before = Card(card_id=0, due=now) if card is None else _fsrs_card(card)
        rating = Rating.Good if correct else Rating.Again
        after, _ = self._scheduler.review_card(before, rating, now.astimezone(UTC))
        assert after.stability is not None
        assert after.difficulty is not None
        return ReviewCard(
            lesson_id=lesson_id,
            item_id=item_id,
            due=after.due,
            stability=after.stability,
            difficulty=after.difficulty,
            state=int(after.state),
            step=after.step,
            last_review=now,
        )


# The memory model of the assembled tutor, with the desired retention of its settings.
MEMORY: Port[Memory] = Port("memory")


def _fsrs_card(card: ReviewCard) -> Card:
    return Card(
        card_id=0,
        state=State(card.state),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due,
        last_review=card.last_review,
    )


def end_of_day(now: datetime, zone: ZoneInfo) -> datetime:
    """Return the start of the next local day: items due before then are due today.

    Reviews are a daily habit: an item due at 19:00 is offered with the others at 18:00.
    """
    tomorrow = now.astimezone(zone).date() + timedelta(days=1)
    return datetime.combine(tomorrow, time(0), tzinfo=zone).astimezone(UTC)
