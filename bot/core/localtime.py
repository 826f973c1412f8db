"""Local time of day: clock times, quiet hours across midnight and summer time, stored in UTC."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from functools import partial
from typing import Final
from zoneinfo import ZoneInfo

NO_QUIET_HOURS: Final = frozenset({"none", "off"})
# Quiet hours within one day (not across midnight) longer than this, in minutes, are taken for
# a slip: the night's hours typed the wrong way round.
LONGEST_DAYTIME_QUIET: Final = 12 * 60
# What shows that words among others are a time of day: a digit, or a word of the clock.
_CLOCK_MARKS: Final = re.compile(
    r"\d|\b(?:uur|heures?|o'?clock|half|kwart|quart|quarter|demie?|midi|noon|midday|midnight"
    r"|minuit|middernacht|[ap]\.?m\.?)\b",
    re.IGNORECASE,
)
# The most words a time of day takes in a sentence: "liefst s avonds rond half acht".
LONGEST_CLOCK_WORDS: Final = 7
_CLOCK = re.compile(r"^([01]?\d|2[0-3])[:hH.]?([0-5]\d)?$")


def parse_clock(text: str) -> int | None:
    """Read a time of day such as `9:00`, `09h30` or `21` as minutes after midnight."""
    match = _CLOCK.match(text.strip())
    if match is None:
        return None
    return int(match.group(1)) * 60 + int(match.group(2) or 0)


# Parts of the day around an hour ("8 in the evening", "7h du matin", "'s avonds om 8"): the
# afternoon and evening ones put an hour up to 11 after noon.
_LATER_PARTS = (
    r"(?:in\s+the\s+|this\s+)?(?:evening|afternoon|night)|tonight"
    r"|(?:du|de\s+l['’]?|ce)\s*(?:soir|apr[eè]s[-\s]midi)|le\s+soir|ce\s+soir"
    r"|['’]?s\s*avonds|['’]?s\s*namiddags|vanavond|namiddag|avond"
)
_EARLY_PARTS = (
    r"(?:in\s+the\s+|this\s+)?morning|du\s+matin|le\s+matin|ce\s+matin|matin"
    r"|['’]?s\s*(?:ochtends|morgens)|ochtend"
)


def _part_of_day(later: str) -> str:
    """Return a pattern of a part of the day; group `later` holds an afternoon or evening one."""
    return rf"(?:(?P<{later}>{_LATER_PARTS})|{_EARLY_PARTS})"


# Hours said in words once their numbers are digits (text2num): "9 heures et demie", "half 10"
# (Dutch: half an hour before ten), "quarter to 10", "9 o'clock". Each: a pattern whose group
# `hour` is the hour named, the minutes past it, and how many hours before it the time is.
_SAID_HOURS: Final = {
    "fr": (
        (r"(?P<hour>\d{1,2})\s*(?:heures?|h)\s+et\s+demie?", 30, 0),
        (r"(?P<hour>\d{1,2})\s*(?:heures?|h)\s+et\s+quart", 15, 0),
        (r"(?P<hour>\d{1,2})\s*(?:heures?|h)\s+moins\s+(?:le\s+)?quart", 45, 1),
        (r"(?<![-\w])(?P<hour>midi)\b", 0, 0),  # not "après-midi"
        (r"\b(?P<hour>minuit)\b", 0, 0),
    ),
    "nl": (
        (r"\bhalf\s+(?P<hour>\d{1,2})\b", 30, 1),
        (r"\bkwart\s+over\s+(?P<hour>\d{1,2})\b", 15, 0),
        (r"\bkwart\s+voor\s+(?P<hour>\d{1,2})\b", 45, 1),
        (r"\b(?P<hour>middernacht)\b", 0, 0),
    ),
    "en": (
        (r"\bhalf\s+past\s+(?P<hour>\d{1,2})\b", 30, 0),
        (r"\b(?:a\s+)?quarter\s+past\s+(?P<hour>\d{1,2})\b", 15, 0),
        (r"\b(?:a\s+)?quarter\s+to\s+(?P<hour>\d{1,2})\b", 45, 1),
        (r"\b(?P<hour>\d{1,2})\s*o'?clock\b", 0, 0),
        (r"\b(?P<hour>noon|midday)\b", 0, 0),
        (r"\b(?P<hour>midnight)\b", 0, 0),
    ),
}
_NAMED_HOURS: Final = {"midi": 12, "noon": 12, "midday": 12, "minuit": 0, "middernacht": 0}
HOUR_LANGUAGES: Final = ("fr", "nl", "en")


def hours_in_digits(text: str, languages: Sequence[str] = HOUR_LANGUAGES) -> str:
    """Write the hours a text says in words as digits: "neuf heures et demie" is "9:30"."""
    # Imported here, as dateparser is: only a typed time needs it.
    from text_to_num import alpha2digit

    for language in (code for code in languages if code in HOUR_LANGUAGES):
        # Every number but one, which stays a word: "binnen een uur", "une heure" are
        # durations or articles as often as one o'clock.
        text = alpha2digit(text, language, threshold=1)
        for pattern, minutes, before in _SAID_HOURS.get(language, ()):
            said = partial(_clock_said, minutes=minutes, before=before)
            text = re.sub(pattern, said, text, flags=re.IGNORECASE)
    return text


def _clock_said(match: re.Match[str], *, minutes: int, before: int) -> str:
    """Return a time said as an hour, minutes past it and hours before it, as `9:30`."""
    hour = match["hour"]
    named = _NAMED_HOURS.get(hour.casefold())
    if named is not None:
        return f"{named}:00"
    # "half 1" is half past twelve: the hours before one go round the clock face.
    return f"{(int(hour) - before - 1) % 12 + 1 if before else int(hour)}:{minutes:02d}"


# A wish said before the time: "liefst 's avonds, rond 7 uur", "plutôt vers 19h".
_PREFERENCE = (
    r"liefst|graag|bij\s+voorkeur|misschien|plut[oô]t|de\s+pr[eé]f[eé]rence|peut[-\s]?[eê]tre"
    r"|preferably|ideally|maybe|rather"
)
# "19u", "à 19h", "om 7 uur", "7 pm", "19:30", "8h du soir": a time of day as learners type it.
_TYPED_CLOCK = re.compile(
    rf"^(?:(?:{_PREFERENCE})\s+)?"
    rf"(?:{_part_of_day('later')}\s+)?(?:(?:at|om|à|a|vers|rond|tegen|around|by)\s+)?"
    r"(?P<hour>[01]?\d|2[0-3])(?:\s*(?:[:h.u]|uur|heures?|o'clock)\s*(?P<minutes>[0-5]\d)?)?"
    rf"\s*(?:(?P<half>am|pm|a\.m\.?|p\.m\.?)|{_part_of_day('later_after')})?"
    r"(?:\s+(?:svp|stp|s'il vous pla[iî]t|aub|alstublieft|please|pls))?$"
)


def read_clock(text: str, languages: Sequence[str] = HOUR_LANGUAGES) -> int | None:
    """Read a time of day typed as people do ("19u", "à 19h", "7 pm") as minutes after midnight.

    Hours in words are read in `languages` ("half acht" is 7:30 in Dutch).
    """
    said = hours_in_digits(text, languages)
    # A comma between the part of the day and the hour, as in "'s avonds, rond 7 uur".
    match = _TYPED_CLOCK.match(" ".join(said.casefold().replace(",", " ").split()).rstrip(" .!"))
    if match is None:
        return None
    hour, minutes, half = int(match["hour"]), int(match["minutes"] or 0), match["half"]
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half.startswith("p") else 0)
    elif (match["later"] or match["later_after"]) and hour <= 11:
        hour += 12
    return hour * 60 + minutes


def find_clock(text: str, languages: Sequence[str] = HOUR_LANGUAGES) -> int | None:
    """Read the time of day a sentence names among other words, the longest reading first.

    "put the reminder at 7 in the evening please" names 19:00, "sept heure du matin je me
    lève tôt" 07:00; `read_clock` reads a time typed alone.
    """
    words = text.split()
    for start in range(len(words)):
        for end in range(min(len(words), start + LONGEST_CLOCK_WORDS), start, -1):
            window = " ".join(words[start:end])
            if (end - start == 1 and window.isdigit()) or not _CLOCK_MARKS.search(window):
                # A number alone is no time in a sentence ("I have 3 children"), nor a number
                # in words with nothing of a clock ("wat is een chatbot" was 01:00).
                continue
            if (minutes := read_clock(window, languages)) is not None:
                return minutes
    return None


def format_clock(minutes: int) -> str:
    """Write minutes after midnight as `09:00`."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_range(text: str) -> tuple[int, int] | None:
    """Read quiet hours such as `21:00-08:00`, `22u-7u` as two minute counts; `none` is none."""
    if text.strip().lower() in NO_QUIET_HOURS:
        return (0, 0)
    start, separator, end = text.replace("–", "-").partition("-")
    if not separator:
        return None
    first, last = read_clock(start), read_clock(end)
    return None if first is None or last is None else (first, last)


def quiet_by_day(start: int, end: int) -> bool:
    """Tell whether quiet hours look written the wrong way round: most of the day, not the night."""
    # "08:00-21:00" held every message all day and sent them at night; quiet hours that do not
    # cross midnight are a short break at most ("12:00-13:30").
    return start < end and end - start > LONGEST_DAYTIME_QUIET


def to_utc(day: date, minutes: int, zone: ZoneInfo) -> datetime:
    """Return the UTC instant of a local day and time of day."""
    local = datetime.combine(day, time(minutes // 60, minutes % 60), tzinfo=zone)
    return local.astimezone(UTC)


def in_quiet_hours(moment: datetime, zone: ZoneInfo, start: int, end: int) -> bool:
    """Tell whether a moment falls in the quiet hours (which may span midnight)."""
    local = moment.astimezone(zone)
    return is_quiet_minute(local.hour * 60 + local.minute, start, end)


def is_quiet_minute(minute: int, start: int, end: int) -> bool:
    """Tell whether a time of day (minutes after midnight) falls in the quiet hours."""
    if start == end:
        return False
    if start < end:
        return start <= minute < end
    return minute >= start or minute < end


def after_quiet_hours(moment: datetime, zone: ZoneInfo, start: int, end: int) -> datetime:
    """Return the moment itself, or the end of the quiet hours it falls in."""
    if not in_quiet_hours(moment, zone, start, end):
        return moment
    local = moment.astimezone(zone)
    day = local.date()
    if local.hour * 60 + local.minute >= end:
        day += timedelta(days=1)
    return to_utc(day, end, zone)
