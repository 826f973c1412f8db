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


def learning_day(turn: Turn) -> date:
    """Return the day a turn counts for, in the tutor's time zone."""
    return local_day(turn.now, turn.t.timezone)
