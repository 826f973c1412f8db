"""The memory model's schedule, the end of a learner's day, and the hour they usually learn."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.features.review.memory import Memory, end_of_day
from bot.features.review.recall import usual_hour

BRUSSELS = ZoneInfo("Europe/Brussels")
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def test_a_miss_comes_back_the_next_day_and_a_right_answer_later() -> None:
    memory = Memory(0.9)
    missed = memory.review(None, "basics/what-is-ai", "cannot-feel", correct=False, now=NOW)
    known = memory.review(None, "basics/what-is-ai", "best", correct=True, now=NOW)
    assert (missed.due, known.due) == (NOW + timedelta(days=1), NOW + timedelta(days=2))
    assert missed.difficulty > known.difficulty
    assert missed.last_review == NOW
    # Right the next day: back later than the first time; right again: later still.
    tomorrow = NOW + timedelta(days=1)
    again = memory.review(missed, missed.lesson_id, missed.item_id, correct=True, now=tomorrow)
    assert again.due - tomorrow > timedelta(days=1)
    later = memory.review(again, again.lesson_id, again.item_id, correct=True, now=again.due)
    assert later.due - again.due > again.due - tomorrow


def test_a_higher_desired_retention_brings_items_back_sooner() -> None:
    cards = {}
    for retention in (0.8, 0.95):
        memory = Memory(retention)
        card = memory.review(None, "l", "i", correct=True, now=NOW)
        for _ in range(3):
            card = memory.review(card, "l", "i", correct=True, now=card.due)
        cards[retention] = card.due - card.last_review
    assert cards[0.95] < cards[0.8]


def test_the_day_ends_at_local_midnight_also_when_summer_time_ends() -> None:
    assert end_of_day(NOW, BRUSSELS) == datetime(2026, 11, 23, 23, 0, tzinfo=UTC)
    # 25 October 2026: 25 hours long in Brussels.
    assert end_of_day(datetime(2026, 10, 24, 23, 30, tzinfo=UTC), BRUSSELS) == datetime(
        2026, 10, 25, 23, 0, tzinfo=UTC
    )


def test_the_usual_hour_is_the_median_local_hour_of_the_latest_answers() -> None:
    evenings = [datetime(2026, 11, day, 18, 40, tzinfo=UTC) for day in range(1, 6)]
    morning = datetime(2026, 11, 6, 7, 5, tzinfo=UTC)
    assert usual_hour([*evenings, morning], BRUSSELS) == 19
    assert usual_hour([morning], BRUSSELS) == 8
    assert usual_hour([morning, evenings[0]], BRUSSELS) == 8
