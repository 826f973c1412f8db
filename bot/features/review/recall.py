"""What every answer to a quiz item does to the learner's memory model and reminder hour."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from datetime import datetime
from typing import Final
from zoneinfo import ZoneInfo

from bot.core.router import Turn
from bot.features.review.memory import MEMORY, end_of_day
from bot.features.review.ports import REMINDERS, REVIEWS, ReviewCard

# The usual hour is that of the learner's latest answers: recent enough to follow a new habit.
RECENT_ANSWERS: Final = 20


async def remember(
    turn: Turn,
    lesson_id: str,
    item_id: str,
    *,
    correct: bool,
    first_today: bool = True,
    before: ReviewCard | None = None,
) -> ReviewCard:
    """Rate the learner's card of an item after their answer, and note when they learn.

    The card is read unless the caller read it already (`before`). The hour at which the
    learner usually learns is noted on their first answer of a day only (`first_today`): a
    day's later answers barely move it, and each note costs two statements.
    """
    learner_id = turn.learner.id
    reviews = turn.repo(REVIEWS)
    if before is None:
        before = await reviews.card(learner_id, lesson_id, item_id)
    card = turn.repo(MEMORY).review(before, lesson_id, item_id, correct=correct, now=turn.now)
    await reviews.save(learner_id, card)
    if first_today:
        answered = await reviews.recent_reviews(learner_id, RECENT_ANSWERS)
        hour = usual_hour(answered, turn.t.timezone)
        await turn.repo(REMINDERS).set_usual_hour(learner_id, hour)
    return card


def due_before(turn: Turn) -> datetime:
    """Return the end of the learner's day: what is due before then is due today."""
    return end_of_day(turn.now, turn.t.timezone)


def usual_hour(answered: Sequence[datetime], zone: ZoneInfo) -> int:
    """Return the median local hour of some answers (the lower one of an even count)."""
    return int(statistics.median_low(moment.astimezone(zone).hour for moment in answered))


def comeback_promise(turn: Turn, missed: int) -> str:
    """Say when the missed questions come back, as the reminders will really bring them."""
    t = turn.t
    if turn.learner.reminders_on:
        return t.ngettext(
            "The question you missed comes back tomorrow: I will send you a reminder.",
            "The questions you missed come back tomorrow: I will send you a reminder.",
            missed,
        )
    return t.ngettext(
        "The question you missed comes back tomorrow, under 🔁 Review in the menu.",
        "The questions you missed come back tomorrow, under 🔁 Review in the menu.",
        missed,
    )
