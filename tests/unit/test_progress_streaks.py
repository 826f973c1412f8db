"""Learning streaks: consecutive days, one missed day a week forgiven, local calendar days."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.features.progress.streaks import Streak, after_learning, current_days, local_day

BRUSSELS = ZoneInfo("Europe/Brussels")
# Monday 7 December 2026 starts ISO week 50.
MONDAY = date(2026, 12, 7)


def day(offset: int) -> date:
    return MONDAY + timedelta(days=offset)


def learn_on(*offsets: int) -> Streak:
    streak: Streak | None = None
    for offset in offsets:
        streak = after_learning(streak, day(offset))
    assert streak is not None
    return streak


def test_days_in_a_row_count_and_the_same_day_counts_once() -> None:
    streak = learn_on(0, 0, 1, 2, 2)
    assert (streak.days, streak.best, streak.last_day) == (3, 3, day(2))


def test_one_missed_day_keeps_the_streak_without_adding_to_it() -> None:
    streak = learn_on(0, 1, 3)
    assert (streak.days, streak.frozen_day) == (3, day(2))


def test_two_missed_days_in_a_row_in_one_week_end_the_streak() -> None:
    streak = learn_on(0, 1, 4)
    assert (streak.days, streak.best) == (1, 2)


def test_a_second_missed_day_in_the_same_week_ends_the_streak() -> None:
    # Tuesday missed (frozen), then Friday missed: the week's freeze is used.
    streak = learn_on(0, 2, 3, 5)
    assert (streak.days, streak.best) == (1, 3)


def test_each_week_has_its_own_freeze() -> None:
    # Tuesday of week 50 and Tuesday of week 51 missed: one freeze each.
    streak = learn_on(0, 2, 3, 4, 5, 6, 7, 9)
    assert streak.days == 8
    assert streak.frozen_day == day(8)


def test_a_missed_sunday_and_monday_take_the_freezes_of_two_weeks() -> None:
    # Saturday of week 50, then Tuesday of week 51: Sunday (week 50) and Monday (week 51) missed.
    streak = learn_on(4, 5, 8)
    assert streak.days == 3
    assert streak.frozen_day == day(7)


def test_a_freeze_used_last_week_leaves_this_weeks_free() -> None:
    # Sunday of week 50 frozen; Wednesday of week 51 may be frozen too.
    streak = learn_on(5, 7, 8, 10)
    assert streak.days == 4


def test_a_week_long_gap_ends_the_streak() -> None:
    assert learn_on(0, 1, 9).days == 1


def test_today_the_streak_still_shows_while_it_can_go_on() -> None:
    streak = learn_on(0, 1)
    assert current_days(streak, day(1)) == 2
    assert current_days(streak, day(2)) == 2  # today not over yet
    assert current_days(streak, day(3)) == 2  # yesterday can still be frozen
    assert current_days(streak, day(4)) == 0  # two days missed in one week
    assert current_days(None, day(0)) == 0


def test_the_day_is_the_local_day_across_daylight_saving_changes() -> None:
    # 23:30 in Brussels on the nights around the spring (29 March) and autumn (25 October)
    # changes: UTC dates would skip or repeat a day, Brussels dates follow one another.
    spring = [
        datetime(2026, 3, 27, 22, 30, tzinfo=UTC),  # 23:30 CET
        datetime(2026, 3, 28, 22, 30, tzinfo=UTC),  # 23:30 CET
        datetime(2026, 3, 29, 21, 30, tzinfo=UTC),  # 23:30 CEST
    ]
    autumn = [
        datetime(2026, 10, 24, 21, 30, tzinfo=UTC),  # 23:30 CEST
        datetime(2026, 10, 25, 22, 30, tzinfo=UTC),  # 23:30 CET
    ]
    for moments in (spring, autumn):
        streak: Streak | None = None
        for moment in moments:
            streak = after_learning(streak, local_day(moment, BRUSSELS))
        assert streak is not None
        assert streak.days == len(moments)
    # Just after midnight in Brussels is already the next day, though UTC is still before it.
    assert local_day(datetime(2026, 10, 24, 22, 30, tzinfo=UTC), BRUSSELS) == date(2026, 10, 25)
