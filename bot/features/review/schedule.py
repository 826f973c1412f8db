"""Spaced repetition with Leitner boxes: a missed question comes back after 1, 3, 7, 16 days."""

from __future__ import annotations

from datetime import datetime, timedelta

INTERVALS_DAYS = (1, 3, 7, 16)


def after_answer(box: int, correct: bool, now: datetime) -> tuple[int, datetime] | None:
    """Return the next box and due time after an answer, or None when the item is learnt."""
    if not correct:
        return 1, now + timedelta(days=INTERVALS_DAYS[0])
    next_box = box + 1
    if next_box > len(INTERVALS_DAYS):
        return None
    return next_box, now + timedelta(days=INTERVALS_DAYS[next_box - 1])
