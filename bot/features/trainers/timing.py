"""Local time for trainers: typed dates, quiet hours and weekly plans, stored in UTC."""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Final
from zoneinfo import ZoneInfo

from bot.core.localtime import hours_in_digits, parse_clock, read_clock, to_utc
from bot.core.text import fold

WEEKDAYS: Final = "1234567"
# "10u", "9h", "14u30", "9 uur", "9 heures": Belgian ways of writing the hour, which dateparser
# reads as durations; they become "10:00", "14:30". After "dans", "over", "in" or "binnen" they
# are durations ("dans 2 heures", "over 2 uur"), left for dateparser.
_SPOKEN_HOUR = re.compile(
    r"(?<![\d:])(?<!\bdans )(?<!\bover )(?<!\bin )(?<!\bbinnen )"
    r"([01]?\d|2[0-3])\s?(?:uur|heures?|[uh])(?:\s?([0-5]\d))?\b",
    re.IGNORECASE,
)
# "9.30u", "14,15h": an hour with its minutes after a full stop or a comma, then the hour's
# letter; and "morgen 9.30": after a day named by its distance from today, the full stop is a
# time's.
_DOTTED_HOUR = re.compile(r"(?<![\d.,:/])([01]?\d|2[0-3])[.,]([0-5]\d)\s?(?:uur|u|h)\b", re.I)
# "24h", "25u": no hour of a day (dateparser read them as durations, a day or more from now).
_NO_SUCH_HOUR = re.compile(
    r"(?<![\d:.,])(?<!\bdans )(?<!\bover )(?<!\bin )(?<!\bbinnen )"
    r"(?:2[4-9]|[3-9]\d)\s?(?:uur|heures?|[uh])\b",
    re.IGNORECASE,
)
# An hour with its letter, or with minutes: one end of a range of hours.
_HOUR_END = r"(?:[01]?\d|2[0-3])(?:[:.,][0-5]\d|\s?(?:uur|heures?|[uh])(?:[0-5]\d)?)"
# "9h-12h", "9u tot 12u", "de 9h à 12h", "9:00-12:00": a range of hours, of which a push takes
# the start (it was read as 22:00, from the twelve). Marked as hours on both ends: "9-12" alone
# is also a date, the 9th of December.
_HOUR_RANGE = re.compile(
    r"(?:\b(?:de|van|from|entre|tussen)\s+)?"
    rf"(?<![\d:.,/])({_HOUR_END})\s*(?:[-–]|\b(?:à|a|et|en|and|tot|to|until|till|jusqu'à)\b)\s*{_HOUR_END}"
    r"(?![\d:.,])",
    re.IGNORECASE,
)
# "binnen een uur", "in een uur", "over een uur", "d'ici une heure", "in an hour": a duration
# from now, which dateparser reads only as "over 1 uur", "dans 1 heure", "in 1 hour" ("binnen
# een uur" was one o'clock, already past).
_DURATION = re.compile(
    r"\b(binnen|over|in|dans|d'ici|d’ici)\s+(een|één|une|an|a|\d+)\s+"
    r"(uur|uren|minuten|minuut|heures?|minutes?|hours?)\b",
    re.IGNORECASE,
)
_DUTCH_UNITS: Final = frozenset({"uur", "uren", "minuten", "minuut"})


def _duration(match: re.Match[str]) -> str:
    unit = match[3].lower()
    count = match[2] if match[2].isdigit() else "1"
    if unit in _DUTCH_UNITS:
        return f"over {count} {unit}"
    return f"{'dans' if unit.startswith(('heure', 'minute')) else 'in'} {count} {unit}"


# "après demain", "apres demain": the day dateparser reads only with its hyphen.
_AFTER_TOMORROW = re.compile(r"\bapr[eè]s\s+demain\b", re.IGNORECASE)
# Weekdays in short, before a time: "ma 9u", "di. 14u", "mar 9h" (not March), "Sat 14:00".
_SHORT_WEEKDAYS: Final = {
    "ma": "maandag", "di": "dinsdag", "wo": "woensdag", "do": "donderdag", "vr": "vrijdag",
    "za": "zaterdag", "zo": "zondag", "lun": "lundi", "mar": "mardi", "mer": "mercredi",
    "jeu": "jeudi", "ven": "vendredi", "sam": "samedi", "dim": "dimanche", "mon": "monday",
    "tue": "tuesday", "tues": "tuesday", "wed": "wednesday", "thu": "thursday",
    "thur": "thursday", "thurs": "thursday", "fri": "friday", "sat": "saturday", "sun": "sunday",
}  # fmt: skip
_SHORT_WEEKDAY = re.compile(
    rf"\b({'|'.join(_SHORT_WEEKDAYS)})\.?\s+(?=(?:om\s+|à\s+|a\s+|at\s+)?\d)", re.IGNORECASE
)
# "at 10", "om 9", "à 14": a bare number after these is an hour, which dateparser takes for a day.
_AT_HOUR = re.compile(r"\b(at|om|à|a)\s+([01]?\d|2[0-3])\b(?![:/.,]\d)", re.IGNORECASE)
# "tomorrow 9", "demain 9": a bare number after a day named by its distance from today, and
# ending the text, is an hour (after a weekday it may be a date: "jeudi 3").
_DAY_AND_HOUR = re.compile(
    r"\b(tomorrow|today|demain|apr[eè]s-demain|aujourd'hui|morgen|overmorgen|vandaag)"
    r"\s+([01]?\d|2[0-3])(?:[.]([0-5]\d))?$",
    re.IGNORECASE,
)
_WEEKDAY = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|"
    "vendredi|samedi|dimanche|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
)
# Each weekday's number (Monday 0), in the three languages; and the names in a text.
_WEEKDAY_NUMBERS: Final = {name: n % 7 for n, name in enumerate(_WEEKDAY.split("|"))}
_WEEKDAY_NAMED = re.compile(rf"\b({_WEEKDAY})\b", re.IGNORECASE)
DAYS_PER_WEEK: Final = 7
# "next Monday", "volgende maandag", "lundi prochain": the coming one, which the weekday alone
# already means here (days ahead are preferred); dateparser reads none of the Dutch or French.
_NEXT_WEEKDAY = re.compile(
    rf"\b(?:next|volgende|komende|prochaine?)\s+({_WEEKDAY})\b|\b({_WEEKDAY})\s+prochaine?\b",
    re.IGNORECASE,
)
# A weekday of next week ("volgende week woensdag", "mercredi de la semaine prochaine",
# "wednesday next week"), and a weekday a week after the coming one ("mercredi en huit"): both
# got "that day is not a Wednesday", the week read and the weekday left over.
_NEXT_WEEK = r"(?:(?:volgende|komende)\s+week|la\s+semaine\s+prochaine|next\s+week)"
_WEEKDAY_OF_NEXT_WEEK = re.compile(
    rf"\b{_NEXT_WEEK}\s+(?:le\s+|on\s+|op\s+)?({_WEEKDAY})\b"
    rf"|\b({_WEEKDAY})\s+(?:van\s+|de\s+)?{_NEXT_WEEK}\b",
    re.IGNORECASE,
)
_WEEKDAY_IN_EIGHT = re.compile(rf"\b({_WEEKDAY})\s+en\s+huit\b", re.IGNORECASE)


def _weeks_ahead(text: str, today: date) -> str:
    """Write a weekday of next week, or one "en huit", as its date ("16/12/2026")."""

    def of_next_week(match: re.Match[str]) -> str:
        monday = today + timedelta(days=DAYS_PER_WEEK - today.weekday())
        return _digits(monday + timedelta(days=_WEEKDAY_NUMBERS[(match[1] or match[2]).lower()]))

    def in_eight(match: re.Match[str]) -> str:
        ahead = (_WEEKDAY_NUMBERS[match[1].lower()] - today.weekday() - 1) % DAYS_PER_WEEK + 1
        return _digits(today + timedelta(days=ahead + DAYS_PER_WEEK))

    return _WEEKDAY_IN_EIGHT.sub(in_eight, _WEEKDAY_OF_NEXT_WEEK.sub(of_next_week, text))


def _digits(day: date) -> str:
    """Write a day as the Belgian digits the reader takes, day first."""
    return f"{day.day}/{day.month}/{day.year}"


# Parts of today, which dateparser does not read: "ce soir 19h" is today at 19:00.
_TODAY_PART = re.compile(
    r"\b(?:ce soir|cet apr[eè]s-midi|ce matin|vanavond|vanmiddag|vanochtend|vanmorgen|"
    r"tonight|this evening|this afternoon|this morning)\b(?:\s+(?:om|à|a|at|vers|rond)\b)?",
    re.IGNORECASE,
)
# Parts of a day named after it ("demain matin", "lundi soir 7h", "morgenavond"), which
# dateparser reads in no language here but English: the day stays (its hour is asked for when
# none is typed).
_DAY_PARTS: Final = "ochtend|voormiddag|namiddag|middag|avond"
_GLUED_PART = re.compile(rf"\b(morgen|{_WEEKDAY})({_DAY_PARTS})\b", re.IGNORECASE)
_DAY_PART = re.compile(
    rf"\b(?:matin|matinée|soir|soirée|apr[eè]s-midi|{_DAY_PARTS}|morning|afternoon|evening)\b",
    re.IGNORECASE,
)
# The parts of a day by the words that name them. A day named with one and no time offers hours
# of that part ("ce soir" at 8:00 offered 9:00 and 13:00 first).
_PARTS: Final = (
    ("morning", r"matin|matinée|ochtend|voormiddag|vanmorgen|morgens|morning"),
    ("afternoon", r"apr[eè]s-midi|namiddag|middag|afternoon"),
    ("evening", r"soir|soirée|avond|tonight|evening"),
)


def _named(words: str) -> re.Pattern[str]:
    # "vanavond", "vanmiddag": today's part, glued to "van".
    return re.compile(rf"(?:\b|(?<=van))(?:{words})\b", re.IGNORECASE)


_PART_OF = tuple((part, _named(words)) for part, words in _PARTS)
# Parts of a day after noon, today's or another's: an hour typed after them is in the afternoon
# ("ce soir à 7h", "demain soir 7h" are 19:00), unless it says so itself ("tonight at 7pm").
_AFTER_NOON = _named("|".join(words for part, words in _PARTS if part != "morning"))
_MORNING_HOUR = re.compile(r"(?<![\d:])(0?[1-9]|1[01])(:[0-5]\d)(?!\s*[ap]\.?m\b)", re.IGNORECASE)
# Words for "now", compared without case or accents.
_NOW: Final = frozenset(
    {
        "now",
        "right now",
        "immediately",
        "maintenant",
        "tout de suite",
        "immediatement",
        "nu",
        "meteen",
        "direct",
        "onmiddellijk",
        "nu meteen",
    }
)
# A time of day as the text is rewritten before dateparser reads it ("10:00"), or "10am".
_CLOCK_TIME = re.compile(
    r"(?<![\d:])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])|\b(?:[1-9]|1[0-2])\s?[ap]\.?m\b", re.I
)
_YEAR = re.compile(r"\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b")
# A day typed without a year and further ahead than this is one already gone this year.
FAR_AHEAD: Final = timedelta(days=183)
# The furthest a push can be planned: further is a typing slip (12/31 read as a year), or a date
# so far that the group will have ended.
HORIZON: Final = timedelta(days=366)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_BE_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$")
# A date in digits, which dateparser would read as it can (12/31 as the 12th of 2031).
_DIGIT_DATE = re.compile(r"^\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{1,4})?$")
_DAY_NAMES: Final = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_ABBREVIATIONS: Final = {"me": 3, "je": 4, "ve": 5, "sa": 6}  # French, in two letters
_WORKDAYS: Final = frozenset(
    {"weekdays", "workdays", "semaine", "en semaine", "jours ouvrables", "werkdagen", "weekdagen"}
)
_EVERY_DAY: Final = frozenset(
    {"daily", "every day", "all", "tous les jours", "chaque jour", "elke dag", "dagelijks"}
)
_DAY_RANGE_WORDS = re.compile(r"\s+(?:au|a|jusqu'au|tot|t/m|tem|to|through|till|until)\s+")


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
    numbers = _date_numbers(text, today)
    if numbers is None:
        return None
    try:
        return date(*numbers)
    except ValueError:
        return None


def _date_numbers(text: str, today: date) -> tuple[int, int, int] | None:
    """Return the year, month and day a date in digits names, whether or not that day exists."""
    if match := _ISO_DATE.match(text):
        return int(match.group(1)), int(match.group(2)), int(match.group(3))
    match = _BE_DATE.match(text)
    if match is None:
        return None
    day, month, year = int(match.group(1)), int(match.group(2)), match.group(3)
    if year is not None:
        return int(year) + (2000 if len(year) == 2 else 0), month, day
    if not 1 <= month <= 12:
        return today.year, month, day
    # Without a year, a day long gone means next year's (2/1 typed in December); one gone
    # lately stays in the past, to be refused rather than planned a year ahead. A day the month
    # lacks (29/02) is placed by the month's last, to say in which year it lacks it.
    last = calendar.monthrange(today.year, month)[1]
    gone = today - date(today.year, month, max(1, min(day, last))) >= FAR_AHEAD
    return today.year + gone, month, day


def _unreadable_date(word: str, today: date) -> bool:
    """Tell whether a word is a date in digits that names no day (31/13), read day first."""
    return (
        bool(_DIGIT_DATE.match(word)) and parse_clock(word) is None and not _parse_date(word, today)
    )


@dataclass(frozen=True)
class TypedTime:
    """A moment a trainer typed, in UTC; `day_only` when they gave a day but no time of day."""

    moment: datetime
    day_only: bool = False
    immediate: bool = False  # "now", "maintenant", "meteen": send at once, never "already past"
    part: str | None = None  # the part of the day named with a day only: "morning", "evening"…


def read_time(
    text: str, zone: ZoneInfo, now: datetime, languages: Sequence[str]
) -> TypedTime | None:
    """Read a date and time typed in words or numbers ("morgen 10u", "jeudi 9h", "1/12 9:00").

    `languages` are tried in order (the trainer's first). Numbers are read the Belgian way, day
    before month; a time alone is the next such time; a moment in the past is returned as it is,
    for the caller to refuse.
    """
    if " ".join(fold(text).casefold().split()) in _NOW:
        return TypedTime(now, immediate=True)
    # Hours in words as digits ("demain à neuf heures" was tomorrow and nine hours more:
    # dateparser took "neuf heures" for a duration), once the weeks are read ("mercredi en huit"
    # is no hour eight).
    text = hours_in_digits(_weeks_ahead(text, now.astimezone(zone).date()), languages)
    if _NO_SUCH_HOUR.search(text):
        return None
    written = _HOUR_RANGE.sub(lambda match: match[1], " ".join(text.split()))
    written = _DURATION.sub(_duration, written)
    written = _AFTER_TOMORROW.sub("après-demain", written)
    written = _DOTTED_HOUR.sub(lambda match: f"{match[1]}:{match[2]}", written)
    written = _SHORT_WEEKDAY.sub(lambda match: f"{_SHORT_WEEKDAYS[match[1].lower()]} ", written)
    written = _SPOKEN_HOUR.sub(lambda match: f"{match.group(1)}:{match.group(2) or '00'}", written)
    written = _AT_HOUR.sub(lambda match: f"{match.group(1)} {match.group(2)}:00", written)
    written = _DAY_AND_HOUR.sub(lambda match: f"{match[1]} {match[2]}:{match[3] or '00'}", written)
    written = _GLUED_PART.sub(lambda match: f"{match[1]} {match[2]}", written)
    if _AFTER_NOON.search(written):
        written = _MORNING_HOUR.sub(lambda match: f"{int(match[1]) + 12}{match[2]}", written)
    written = _TODAY_PART.sub(
        "today", _NEXT_WEEKDAY.sub(lambda match: match[1] or match[2], written)
    )
    written = " ".join(_DAY_PART.sub(" ", written).split())
    if (exact := parse_local(written, zone, now)) is not None:
        return TypedTime(exact)
    today = now.astimezone(zone).date()
    if any(_unreadable_date(word, today) for word in written.split()):
        return None  # no such day (31/13, 2026-13-01), or month before day
    # Its hours are digits already: read in no language again.
    if (minutes := read_clock(written, ())) is not None:
        moment = to_utc(today, minutes, zone)
        return TypedTime(
            moment if moment > now else to_utc(today + timedelta(days=1), minutes, zone)
        )
    typed = _read_words(written, zone, now, languages)
    # "next Saturday" on a Saturday is a week later; "Saturday 14:00" that morning is today.
    named = _weekdays_named(written)
    if typed is not None and not _NEXT_WEEKDAY.search(text):
        typed = _today_if_named(typed, named, written, zone, now, languages)
    if typed is None or not _on_the_day_named(typed, named, zone):
        return None
    return replace(typed, part=day_part(text)) if typed.day_only else typed


def day_part(text: str) -> str | None:
    """Return the part of a day a text names ("demain soir", "donderdagavond"), if any."""
    apart = _GLUED_PART.sub(lambda match: f"{match[1]} {match[2]}", text)
    return next((part for part, words in _PART_OF if words.search(apart)), None)


@dataclass(frozen=True)
class NoSuchDay:
    """A date in digits that names no day, read day first: 31/02, 31/04, 12/31, 31/13.

    `month_first` when the numbers read as a date month first (12/31); `days_in_month` when
    the month is one, with fewer days than the day typed (31/02: 28), in `year`.
    """

    typed: str
    month_first: bool = False
    day: int = 0
    month: int = 0
    year: int = 0
    days_in_month: int = 0


def no_such_day(typed: str, today: date) -> NoSuchDay:
    """Say what is wrong with a date in digits that names no day."""
    numbers = _date_numbers(typed, today)
    if numbers is None:
        return NoSuchDay(typed)
    year, month, day = numbers
    if 1 <= month <= 12 and 1 <= day <= 31:
        # 31/02, 29/02 of a year that is not a leap year, 31/04: a day the month lacks.
        last = calendar.monthrange(year, month)[1]
        return NoSuchDay(typed, day=day, month=month, year=year, days_in_month=last)
    # 12/31, 2/13: no month, but a day and month the other way round (never so in 2026-13-01).
    swapped = 1 <= day <= 12 and 1 <= month <= 31 and not _ISO_DATE.match(typed)
    return NoSuchDay(typed, month_first=swapped)


@dataclass(frozen=True)
class NotThatWeekday:
    """A day and a weekday that disagree: "mercredi 17/12" when the 17th is a Thursday."""

    moment: datetime  # the moment the date says, weekday left out
    named: int  # the weekday typed, Monday 0


def why_unread(
    text: str, zone: ZoneInfo, now: datetime, languages: Sequence[str]
) -> NoSuchDay | NotThatWeekday | None:
    """Say why `read_time` read no moment in a text, where it can tell; None otherwise."""
    today = now.astimezone(zone).date()
    for word in (word.strip(".,;") for word in text.split()):
        if _unreadable_date(word, today):
            return no_such_day(word, today)
    named = _weekdays_named(text)
    if len(named) == 1:
        without = " ".join(_WEEKDAY_NAMED.sub(" ", text).split())
        typed = read_time(without, zone, now, languages) if without else None
        if typed is not None and typed.moment.astimezone(zone).weekday() not in named:
            return NotThatWeekday(typed.moment, named.pop())
    return None


def _weekdays_named(written: str) -> set[int]:
    """Return the weekdays a text names (Monday 0), in any of the three languages."""
    return {_WEEKDAY_NUMBERS[name.lower()] for name in _WEEKDAY_NAMED.findall(written)}


def _on_the_day_named(typed: TypedTime, named: set[int], zone: ZoneInfo) -> bool:
    """Tell whether a moment falls on the weekday the text names, if it names one."""
    # "mardi 9 décembre" when the 9th is a Wednesday: one of the two is a slip, and which one
    # is not for the tutor to guess.
    return not named or typed.moment.astimezone(zone).weekday() in named


def _today_if_named(
    typed: TypedTime,
    named: set[int],
    written: str,
    zone: ZoneInfo,
    now: datetime,
    languages: Sequence[str],
) -> TypedTime:
    """Return "Saturday 14:00" typed on a Saturday morning as today, not a week later."""
    today = now.astimezone(zone)
    local = typed.moment.astimezone(zone)
    if named != {today.weekday()} or (local.date() - today.date()).days != DAYS_PER_WEEK:
        return typed
    # "maandag 14/12 om 8u45" typed on Monday the 7th names next week's day by its date too: it
    # was planned for today at 8:45, a week early.
    dated = _read_words(_WEEKDAY_NAMED.sub(" ", written), zone, now, languages)
    if dated is not None and dated.moment.astimezone(zone).date() == local.date():
        return typed
    earlier = to_utc(today.date(), local.hour * 60 + local.minute, zone)
    return replace(typed, moment=earlier) if earlier > now else typed


def _read_words(
    text: str, zone: ZoneInfo, now: datetime, languages: Sequence[str]
) -> TypedTime | None:
    # Imported here: dateparser takes a quarter of a second to load, and few commands need it.
    from dateparser.data.languages_info import language_order
    from dateparser.date import DateDataParser

    parser = DateDataParser(
        languages=[code for code in languages if code in language_order] or None,
        settings={
            "PREFER_DATES_FROM": "future",
            "TIMEZONE": zone.key,
            "RETURN_AS_TIMEZONE_AWARE": True,
            "DATE_ORDER": "DMY",
            "RELATIVE_BASE": now.astimezone(zone).replace(tzinfo=None),
            "RETURN_TIME_AS_PERIOD": True,
        },
    )
    found = parser.get_date_data(text)
    if found.date_obj is None:
        return None
    local = found.date_obj.astimezone(zone)
    if local - now > FAR_AHEAD and not _YEAR.search(text):
        # dateparser moves a day gone this year to next year: it is a past day, to be refused.
        try:
            local = local.replace(year=local.year - 1)
        except ValueError:  # 29 February
            return None
    # dateparser says "day" for a time typed with a day when it is the time of day it is now:
    # "tomorrow 10:00", typed at 10:00, was a day without a time.
    day_only = found.period != "time" and not _CLOCK_TIME.search(text)
    return TypedTime(local.astimezone(UTC), day_only)


def beyond_horizon(moment: datetime, now: datetime) -> bool:
    """Tell whether a moment is further ahead than any push is planned."""
    return moment - now > HORIZON


def parse_weekdays(text: str) -> str | None:
    """Read days such as `mon-fri`, `lundi,mercredi`, `ma-vr` or `weekdays` as ISO digits."""
    text = " ".join(fold(text).lower().split())
    if text in _WORKDAYS:
        return "12345"
    if text in _EVERY_DAY:
        return WEEKDAYS
    days: set[int] = set()
    # "lundi au vendredi", "maandag tot vrijdag", "monday to friday": a range in words.
    for part in re.split(r"\s*[,;/]\s*|\s+(?:et|en|and)\s+", _DAY_RANGE_WORDS.sub("-", text)):
        first, _, last = part.strip().partition("-")
        low, high = _day_number(first), _day_number(last) if last else _day_number(first)
        if low is None or high is None or high < low:
            return None
        days.update(range(low, high + 1))
    return "".join(str(day) for day in sorted(days)) or None


def _day_number(name: str) -> int | None:
    """Return the ISO number of a weekday named in English, French or Dutch, whole or short."""
    name = name.strip().rstrip(".")
    if name in _DAY_ABBREVIATIONS:
        return _DAY_ABBREVIATIONS[name]
    whole = _SHORT_WEEKDAYS.get(name, name)
    if whole in _WEEKDAY_NUMBERS:
        return _WEEKDAY_NUMBERS[whole] + 1
    # English in three letters or more, as the option always read: "mon", "tues", "thurs".
    return next((n + 1 for n, day in enumerate(_DAY_NAMES) if name[:3] == day), None)


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
