"""The order in which a learner sees a quiz item's options: shuffled, yet reproducible."""

from __future__ import annotations

import hashlib


def option_order(
    learner_id: int, lesson_id: str, item_id: str, attempt: int, count: int, mode: str = "quiz"
) -> tuple[int, ...]:
    """Return the file indexes of an item's `count` options in the order this learner sees them.

    The order only depends on who answers which item in which attempt, so showing the question
    again (Continue, a redelivered update, another process) shows the same order, while another
    learner or another attempt gets its own: the right answer's place in the file tells nothing.
    `mode` tells a quiz attempt from a review with the same number.
    """
    key = f"{learner_id}:{lesson_id}:{item_id}:{mode}:{attempt}"
    return tuple(sorted(range(count), key=lambda option: _rank(key, option)))


def _rank(key: str, option: int) -> bytes:
    # A hash per option sorts them in an order that looks random and needs no random state.
    return hashlib.sha256(f"{key}:{option}".encode()).digest()
