"""Local time for trainers: typed dates and weekly plans, stored in UTC."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Final
from zoneinfo import ZoneInfo

from bot.core.localtime import parse_clock, to_utc

WEEKDAYS: Final = "1234567"
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_BE_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$")
_DAY_NAMES: Final = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def parse_local(text: str, zone: ZoneInfo, now: datetime) -> datetime | None:
    """Read a local date and time (`2026-12-01 09:00`, `1/12 9h`) and return it in UTC."""
    parts = text.strip().split()
    if len(parts) != 2:
        return None
    day, minutes = _parse_date(parts[0], now.astimezone(zone).date()), parse_clock(parts[1])
    if day is None or minutes is None:
        return None
    return to_utc(day, minutes, zone)


def _parse_date(text: str, today: date) -> date | None:
    try:
        if match := _ISO_DATE.match(text):
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if match := _BE_DATE.match(text):
            year = match.group(3)
            day = date(today.year, int(match.group(2)), int(match.group(1)))
            if year is not None:
                return day.replace(year=int(year) + (2000 if len(year) == 2 else 0))
            # Without a year, a day already gone means next year's.
            return day if day >= today else day.replace(year=today.year + 1)
    except ValueError:
        return None
    return None


def parse_weekdays(text: str) -> str | None:
    """Read days such as `mon-fri`, `mon,wed` or `weekdays` as ISO digits (`12345`)."""
    text = text.strip().lower()
    if text in {"weekdays", "workdays"}:
        return "12345"
    if text in {"daily", "every day", "all"}:
        return WEEKDAYS
    days: set[int] = set()
    for part in text.split(","):
        first, _, last = part.strip().partition("-")
        if first[:3] not in _DAY_NAMES or (last and last[:3] not in _DAY_NAMES):
            return None
        low = _DAY_NAMES.index(first[:3]) + 1
        high = _DAY_NAMES.index(last[:3]) + 1 if last else low
        if high < low:
            return None
        days.update(range(low, high + 1))
    return "".join(str(day) for day in sorted(days)) or None


def next_occurrence(after: datetime, zone: ZoneInfo, weekdays: str, minutes: int) -> datetime:
    """Return the first instant strictly after `after` on one of the weekdays at that time."""
    local_day = after.astimezone(zone).date()
    for offset in range(8):
        day = local_day + timedelta(days=offset)
        if str(day.isoweekday()) in weekdays:
            moment = to_utc(day, minutes, zone)
            if moment > after:
                return moment
    raise ValueError(f"no weekday in {weekdays!r}")
