"""Learning streaks: days in a row with some learning, one missed day a week forgiven.

The rule, in the tutor's time zone:

- A *learning day* is a local calendar day on which the learner read a card, answered a quiz or
  review question, or sent a practice prompt.
- The streak is the number of learning days in the current run.
- A run goes on from one learning day to the next when each calendar day missed in between can
  be covered by a *freeze*: one per ISO week (Monday to Sunday), taken by the missed day's week.
  So one missed day is forgiven, two missed days in the same week end the run, and a missed
  Sunday and the Monday after are two weeks' freezes. A frozen day keeps the run but does not
  add to it.
- Until the end of today, a run that could still go on is shown as it is: the learner has the
  rest of the day to learn.

Only four values are stored per learner: the run's length, the longest run, the last learning
day and the last frozen day (whose week has used its freeze).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class Streak:
    """A learner's run of learning days."""

    days: int
    best: int
    last_day: date
    frozen_day: date | None = None


def local_day(moment: datetime, timezone: ZoneInfo) -> date:
    """Return the calendar day a moment falls on in the tutor's time zone."""
    return moment.astimezone(timezone).date()


def _week(day: date) -> tuple[int, int]:
    year, week, _ = day.isocalendar()
    return year, week


def _frozen_days(streak: Streak, day: date) -> list[date] | None:
    """Return the days missed between the last learning day and `day`, if freezes cover them.

    None means they cannot all be covered: two in one week, or one in a week whose freeze is
    already used.
    """
    missed = [streak.last_day + timedelta(days=n) for n in range(1, (day - streak.last_day).days)]
    weeks = [_week(missed_day) for missed_day in missed]
    if len(set(weeks)) < len(weeks):
        return None
    if streak.frozen_day is not None and _week(streak.frozen_day) in weeks:
        return None
    return missed


def after_learning(streak: Streak | None, day: date) -> Streak:
    """Return the streak once the learner has learnt on `day` (a later or the same day)."""
    if streak is None:
        return Streak(days=1, best=1, last_day=day)
    if day <= streak.last_day:
        return streak
    frozen = _frozen_days(streak, day)
    if frozen is None:
        return replace(streak, days=1, best=max(streak.best, 1), last_day=day)
    days = streak.days + 1
    return Streak(
        days=days,
        best=max(streak.best, days),
        last_day=day,
        frozen_day=frozen[-1] if frozen else streak.frozen_day,
    )


def current_days(streak: Streak | None, today: date) -> int:
    """Return the streak to show today: its length while the run can go on, else 0."""
    if streak is None:
        return 0
    if today <= streak.last_day or _frozen_days(streak, today) is not None:
        return streak.days
    return 0


def streak_export(streak: Streak) -> dict[str, Any]:
    """Return a streak as /mydata shows it: dates as ISO 8601 strings."""
    frozen = streak.frozen_day.isoformat() if streak.frozen_day else None
    return {
        "days": streak.days,
        "best": streak.best,
        "last_day": streak.last_day.isoformat(),
        "frozen_day": frozen,
    }
