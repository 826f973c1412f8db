"""Note that a learner learnt today, for their streak."""

from __future__ import annotations

from datetime import date

from bot.core.router import Turn
from bot.features.progress.ports import STREAKS
from bot.features.progress.streaks import after_learning, local_day


async def learned(turn: Turn) -> None:
    """Count today, in the tutor's time zone, as a learning day of the learner's streak."""
    store = turn.repo(STREAKS)
    before = await store.of(turn.learner.id)
    after = after_learning(before, learning_day(turn))
    if after != before:
        await store.save(turn.learner.id, after)


async def learned_once_today(turn: Turn, counted_on: str) -> str:
    """Count today for the streak unless `counted_on`, a state's ISO day, is today; return today.

    A flow's state that keeps the day its turn counted spares the day's later turns the streak.
    """
    today = learning_day(turn).isoformat()
    if counted_on != today:
        await learned(turn)
    return today


def learning_day(turn: Turn) -> date:
    """Return the day a turn counts for, in the tutor's time zone."""
    return local_day(turn.now, turn.t.timezone)
