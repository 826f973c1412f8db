"""Brussels time for trainers: typed dates, quiet hours across midnight and DST, weekly plans."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.core.localtime import (
    after_quiet_hours,
    find_clock,
    in_quiet_hours,
    parse_clock,
    parse_range,
    quiet_by_day,
    read_clock,
)
from bot.features.trainers.timing import (
    NoSuchDay,
    NotThatWeekday,
    TypedTime,
    beyond_horizon,
    next_occurrence,
    parse_local,
    parse_weekdays,
    read_time,
    why_unread,
)

BRUSSELS = ZoneInfo("Europe/Brussels")
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # a Monday, 10:00 in Brussels


def local(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=BRUSSELS).astimezone(UTC)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("9:00", 540), ("09h30", 570), ("21", 1260), ("23:59", 1439), ("0:05", 5), ("24:00", None)],
)
def test_parse_clock(text: str, minutes: int | None) -> None:
    assert parse_clock(text) == minutes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-01 09:00", local(2026, 12, 1, 9, 0)),
        ("1/12 9:00", local(2026, 12, 1, 9, 0)),
        ("01.12.2026 9h", local(2026, 12, 1, 9, 0)),
        ("24/11/26 8:30", local(2026, 11, 24, 8, 30)),
        # A day long gone this year means next year's; one gone lately stays past.
        ("2/1 10:00", local(2027, 1, 2, 10, 0)),
        ("20/11 10:00", local(2026, 11, 20, 10, 0)),
        # Summer time: Brussels is UTC+2 in July.
        ("2027-07-01 09:00", datetime(2027, 7, 1, 7, 0, tzinfo=UTC)),
        ("31/11 10:00", None),
        ("tomorrow", None),
        ("1/12", None),
    ],
)
def test_parse_local_reads_belgian_and_iso_dates(text: str, expected: datetime | None) -> None:
    assert parse_local(text, BRUSSELS, NOW) == expected


def test_quiet_hours_span_midnight() -> None:
    quiet = (21 * 60, 8 * 60)
    assert not in_quiet_hours(local(2026, 11, 23, 20, 59), BRUSSELS, *quiet)
    assert in_quiet_hours(local(2026, 11, 23, 21, 0), BRUSSELS, *quiet)
    assert in_quiet_hours(local(2026, 11, 24, 7, 59), BRUSSELS, *quiet)
    assert not in_quiet_hours(local(2026, 11, 24, 8, 0), BRUSSELS, *quiet)
    assert after_quiet_hours(local(2026, 11, 23, 22, 15), BRUSSELS, *quiet) == local(
        2026, 11, 24, 8, 0
    )
    assert after_quiet_hours(local(2026, 11, 24, 6, 0), BRUSSELS, *quiet) == local(
        2026, 11, 24, 8, 0
    )
    moment = local(2026, 11, 24, 12, 0)
    assert after_quiet_hours(moment, BRUSSELS, *quiet) == moment
    assert not in_quiet_hours(local(2026, 11, 24, 3, 0), BRUSSELS, 0, 0)


def test_quiet_hours_end_on_the_night_summer_time_ends() -> None:
    # 25 October 2026: clocks go back at 3:00; 8:00 is then UTC+1.
    end = after_quiet_hours(local(2026, 10, 24, 23, 0), BRUSSELS, 21 * 60, 8 * 60)
    assert end == datetime(2026, 10, 25, 7, 0, tzinfo=UTC)


def test_parse_range_and_weekdays() -> None:
    assert parse_range("21:00-08:00") == (1260, 480)
    assert parse_range("21:00–08:00") == (1260, 480)
    assert parse_range("21:00") is None
    assert parse_range("22u-7u") == parse_range("22h-7h") == (1320, 420)
    # The night's hours the wrong way round, not a break in the day.
    assert quiet_by_day(*(parse_range("08:00-21:00") or (0, 0)))
    assert quiet_by_day(*(parse_range("00:00-23:59") or (0, 0)))
    assert not quiet_by_day(*(parse_range("21:00-08:00") or (0, 0)))
    assert not quiet_by_day(*(parse_range("12:00-13:30") or (0, 0)))
    assert not quiet_by_day(0, 0)
    assert parse_weekdays("mon-fri") == "12345"
    assert parse_weekdays("Monday,wed,FRI") == "135"
    assert parse_weekdays("weekdays") == "12345"
    assert parse_weekdays("daily") == "1234567"
    assert parse_weekdays("fri-mon") is None
    assert parse_weekdays("someday") is None
    # French and Dutch, whole or short, and ranges in words, as the --at times are read.
    assert parse_weekdays("lundi au vendredi") == "12345"
    assert parse_weekdays("ma-vr") == "12345"
    assert parse_weekdays("maandag tot vrijdag") == "12345"
    assert parse_weekdays("lun,mer,ven") == "135"
    assert parse_weekdays("dinsdag en donderdag") == "24"
    assert parse_weekdays("tous les jours") == "1234567"
    assert parse_weekdays("vendredi-lundi") is None


def test_next_occurrence_on_weekdays() -> None:
    weekdays = "12345"
    assert next_occurrence(NOW, BRUSSELS, weekdays, 9 * 60) == local(2026, 11, 24, 9, 0)
    assert next_occurrence(NOW, BRUSSELS, weekdays, 11 * 60) == local(2026, 11, 23, 11, 0)
    friday_evening = local(2026, 11, 27, 18, 0)
    assert next_occurrence(friday_evening, BRUSSELS, weekdays, 9 * 60) == local(2026, 11, 30, 9, 0)
    assert next_occurrence(NOW, BRUSSELS, "1", 10 * 60) == local(2026, 11, 30, 10, 0)


# Monday 30 November 2026, 22:57 in Brussels: late, in most groups' quiet hours.
LATE = datetime(2026, 11, 30, 22, 57, tzinfo=BRUSSELS).astimezone(UTC)
LANGUAGES = ["en", "fr", "nl"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("morgen 10u", local(2026, 12, 1, 10, 0)),
        ("morgen om 10 uur", local(2026, 12, 1, 10, 0)),
        ("jeudi 9h", local(2026, 12, 3, 9, 0)),
        ("jeudi à 9 heures", local(2026, 12, 3, 9, 0)),
        ("demain 14h30", local(2026, 12, 1, 14, 30)),
        ("tomorrow 9am", local(2026, 12, 1, 9, 0)),
        ("Thursday 14:30", local(2026, 12, 3, 14, 30)),
        ("vrijdag 14u30", local(2026, 12, 4, 14, 30)),
        ("3/12 10u", local(2026, 12, 3, 10, 0)),
        ("3/12 à 10h", local(2026, 12, 3, 10, 0)),
        ("1/12 9:00", local(2026, 12, 1, 9, 0)),
        ("01.12.2026 9h", local(2026, 12, 1, 9, 0)),
        ("2026-12-01 09:00", local(2026, 12, 1, 9, 0)),
        # A time alone is the next one: tomorrow, this late.
        ("9:00", local(2026, 12, 1, 9, 0)),
        ("23h30", local(2026, 11, 30, 23, 30)),
        # Summer time: Brussels is UTC+2 in July.
        ("1/7/2027 9u", datetime(2027, 7, 1, 7, 0, tzinfo=UTC)),
        # "next" before or after a weekday is the coming one.
        ("volgende donderdag 10u", local(2026, 12, 3, 10, 0)),
        ("komende vrijdag om 14u", local(2026, 12, 4, 14, 0)),
        ("jeudi prochain à 9h", local(2026, 12, 3, 9, 0)),
        ("next Thursday at 10", local(2026, 12, 3, 10, 0)),
        # A bare number after "at", "om", "à" is an hour, not a day of the month.
        ("tomorrow at 9", local(2026, 12, 1, 9, 0)),
        ("demain à 9", local(2026, 12, 1, 9, 0)),
        ("à 10h", local(2026, 12, 1, 10, 0)),
        # So is a bare number ending the text after tomorrow or today.
        ("tomorrow 9", local(2026, 12, 1, 9, 0)),
        ("demain 14", local(2026, 12, 1, 14, 0)),
        ("morgen 9", local(2026, 12, 1, 9, 0)),
        ("om 23u", local(2026, 11, 30, 23, 0)),  # still to come today
        # Parts of a day after it: an hour in the evening or the afternoon is after noon.
        ("demain soir 7h", local(2026, 12, 1, 19, 0)),
        ("tomorrow evening at 7", local(2026, 12, 1, 19, 0)),
        ("morgenavond om 8u", local(2026, 12, 1, 20, 0)),
        ("jeudi matin 9h", local(2026, 12, 3, 9, 0)),
        ("donderdagnamiddag 2u", local(2026, 12, 3, 14, 0)),
        # Parts of today.
        ("ce soir 23h30", local(2026, 11, 30, 23, 30)),
        ("vanavond om 23u", local(2026, 11, 30, 23, 0)),
        # Durations, which the Belgian hours ("2 heures", "2 uur") must not turn into clocks.
        ("dans 2 heures", LATE + timedelta(hours=2)),
        ("over 2 uur", LATE + timedelta(hours=2)),
        ("in 2 hours", LATE + timedelta(hours=2)),
        # With an article, or "binnen": "binnen een uur" was one o'clock.
        ("binnen een uur", LATE + timedelta(hours=1)),
        ("over een uur", LATE + timedelta(hours=1)),
        ("in een uur", LATE + timedelta(hours=1)),
        ("dans une heure", LATE + timedelta(hours=1)),
        ("d'ici une heure", LATE + timedelta(hours=1)),
        ("in an hour", LATE + timedelta(hours=1)),
        ("binnen 30 minuten", LATE + timedelta(minutes=30)),
        ("over 3 dagen om 10u", local(2026, 12, 3, 10, 0)),
        # Minutes after a full stop, and weekdays in short before a time.
        ("morgen 9.30u", local(2026, 12, 1, 9, 30)),
        ("morgen 9.30", local(2026, 12, 1, 9, 30)),
        ("do 9u", local(2026, 12, 3, 9, 0)),
        ("vr. 14u", local(2026, 12, 4, 14, 0)),
        ("mar 9h", local(2026, 12, 1, 9, 0)),  # mardi, not March
        ("thu 9am", local(2026, 12, 3, 9, 0)),
        # A range of hours is its start (the twelve of "9h-12h" was read as 22:00).
        ("jeudi 9h-12h", local(2026, 12, 3, 9, 0)),
        ("morgen 9u-12u", local(2026, 12, 1, 9, 0)),
        ("demain de 9h à 12h", local(2026, 12, 1, 9, 0)),
        ("morgen van 9u tot 12u", local(2026, 12, 1, 9, 0)),
        ("tomorrow 9:00-12:00", local(2026, 12, 1, 9, 0)),
        # The day after tomorrow with or without its hyphen, minutes after a comma.
        ("après demain 9h", local(2026, 12, 2, 9, 0)),
        ("apres demain 9h", local(2026, 12, 2, 9, 0)),
        ("morgen 9,30u", local(2026, 12, 1, 9, 30)),
        ("demain 14,30h", local(2026, 12, 1, 14, 30)),
        # A weekday and the date it falls on.
        ("jeudi 3 décembre 9h", local(2026, 12, 3, 9, 0)),
        ("over 30 uur", LATE + timedelta(hours=30)),
        # Hours in words: "neuf heures" was a duration, tomorrow and nine hours more.
        ("demain à neuf heures", local(2026, 12, 1, 9, 0)),
        ("vendredi à dix heures", local(2026, 12, 4, 10, 0)),
        ("demain à onze heures moins le quart", local(2026, 12, 1, 10, 45)),
        ("morgen om negen uur", local(2026, 12, 1, 9, 0)),
        ("morgen half tien", local(2026, 12, 1, 9, 30)),
        ("morgen kwart over 9", local(2026, 12, 1, 9, 15)),
        ("tomorrow at nine o'clock", local(2026, 12, 1, 9, 0)),
        ("over twee uur", LATE + timedelta(hours=2)),
        # A weekday of next week, and one "en huit": "that day is not a Wednesday".
        ("volgende week woensdag 9u", local(2026, 12, 9, 9, 0)),
        ("la semaine prochaine mercredi 9h", local(2026, 12, 9, 9, 0)),
        ("mercredi de la semaine prochaine à 9h", local(2026, 12, 9, 9, 0)),
        ("wednesday next week at 9", local(2026, 12, 9, 9, 0)),
        ("mercredi en huit 10h", local(2026, 12, 9, 10, 0)),
    ],
)
def test_read_time_reads_words_and_numbers_in_three_languages(
    text: str, expected: datetime
) -> None:
    typed = read_time(text, BRUSSELS, LATE, LANGUAGES)
    assert typed is not None
    assert (typed.moment, typed.day_only) == (expected, False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("monday 14:00", local(2026, 11, 23, 14, 0)),  # later today, a Monday
        ("maandag 14u", local(2026, 11, 23, 14, 0)),
        ("lun 14h", local(2026, 11, 23, 14, 0)),
        ("monday 9:00", local(2026, 11, 30, 9, 0)),  # gone today: next week
        ("next monday 14:00", local(2026, 11, 30, 14, 0)),
        # With next week's date too, the date: it was today at that time, a week early.
        ("maandag 30/11 om 14u", local(2026, 11, 30, 14, 0)),
        ("ma 30 nov 14:00", local(2026, 11, 30, 14, 0)),
        ("lundi 30 novembre à 14h", local(2026, 11, 30, 14, 0)),
        ("monday 23/11 at 14:00", local(2026, 11, 23, 14, 0)),
    ],
)
def test_read_time_reads_todays_weekday_as_today_while_the_time_is_to_come(
    text: str, expected: datetime
) -> None:
    typed = read_time(text, BRUSSELS, NOW, LANGUAGES)
    assert typed is not None
    assert typed.moment == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An hour after "tonight" or "this afternoon" is after noon, unless it says otherwise.
        ("tonight at 7", local(2026, 11, 23, 19, 0)),
        ("ce soir à 7h", local(2026, 11, 23, 19, 0)),
        ("ce soir 7h30", local(2026, 11, 23, 19, 30)),
        ("vanavond om 7u", local(2026, 11, 23, 19, 0)),
        ("this evening at 8", local(2026, 11, 23, 20, 0)),
        ("this afternoon at 2", local(2026, 11, 23, 14, 0)),
        ("vanmiddag om 3u", local(2026, 11, 23, 15, 0)),
        ("tonight at 7pm", local(2026, 11, 23, 19, 0)),
        ("ce soir 19h", local(2026, 11, 23, 19, 0)),
        ("ce matin à 11h", local(2026, 11, 23, 11, 0)),
    ],
)
def test_read_time_reads_the_hours_of_tonight_after_noon(text: str, expected: datetime) -> None:
    typed = read_time(text, BRUSSELS, NOW, LANGUAGES)
    assert typed is not None
    assert (typed.moment, typed.day_only) == (expected, False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Gone: returned as they are, for the flow to refuse (not moved a year ahead).
        ("29/11 9:00", local(2026, 11, 29, 9, 0)),
        ("vandaag 10u", local(2026, 11, 30, 10, 0)),
        ("aujourd'hui 22h", local(2026, 11, 30, 22, 0)),
    ],
)
def test_read_time_keeps_past_moments_in_the_past(text: str, expected: datetime) -> None:
    typed = read_time(text, BRUSSELS, LATE, LANGUAGES)
    assert typed is not None
    assert typed.moment == expected
    assert typed.moment < LATE


@pytest.mark.parametrize("text", ["tomorrow 10:00", "demain 10h", "morgen om 10u", "tomorrow 10am"])
def test_a_time_typed_at_that_very_time_of_day_is_a_time(text: str) -> None:
    # dateparser gives the hour it is now to a day typed alone, and took such a time for none.
    now = local(2026, 11, 23, 10, 0)
    typed = read_time(text, BRUSSELS, now, LANGUAGES)
    assert typed is not None
    assert (typed.moment, typed.day_only) == (local(2026, 11, 24, 10, 0), False)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("jeudi", 3),
        ("morgen", 1),
        ("3/12", 3),
        # A part of the day without an hour: the hour is asked for.
        ("demain matin", 1),
        ("morgenochtend", 1),
        ("jeudi après-midi", 3),
    ],
)
def test_a_day_without_a_time_is_told_apart(text: str, day: int) -> None:
    typed = read_time(text, BRUSSELS, LATE, LANGUAGES)
    assert typed is not None
    assert typed.day_only
    assert typed.moment.astimezone(BRUSSELS).date() == date(2026, 12, day)


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("jeudi", None),
        ("morgen", None),
        ("demain matin", "morning"),
        ("morgenochtend", "morning"),
        ("jeudi après-midi", "afternoon"),
        ("morgennamiddag", "afternoon"),
        ("donderdagavond", "evening"),
        ("demain soir", "evening"),
        ("tomorrow evening", "evening"),
    ],
)
def test_a_day_without_a_time_keeps_the_part_of_the_day_it_names(
    text: str, part: str | None
) -> None:
    typed = read_time(text, BRUSSELS, LATE, LANGUAGES)
    assert typed is not None
    assert typed.part == part


@pytest.mark.parametrize("text", ["maintenant", "Now", "nu", "tout de suite", "meteen"])
def test_words_for_now_are_now_and_never_already_past(text: str) -> None:
    assert read_time(text, BRUSSELS, LATE, LANGUAGES) == TypedTime(LATE, immediate=True)


@pytest.mark.parametrize(
    "text",
    [
        "31/11 10:00",
        "whenever",
        "over 2 dinges",
        "",
        "demain 24h",  # no hour of a day: it was read as 24 hours from now
        "morgen 25u",
        "mardi 3 décembre 9h",  # the 3rd is a Thursday: which one is the slip?
    ],
)
def test_read_time_says_when_it_does_not_understand(text: str) -> None:
    assert read_time(text, BRUSSELS, LATE, LANGUAGES) is None


@pytest.mark.parametrize(
    "text",
    ["12/31 10:00", "12-25 10:00", "1/13 9:00", "13/13 10u", "2026-13-01 09:00", "demain 12/31"],
)
def test_a_date_in_digits_that_names_no_day_is_not_read_as_some_year(text: str) -> None:
    # Month before day, or no such month: dateparser made 2030-12-12 or 2112 of them.
    assert read_time(text, BRUSSELS, NOW, LANGUAGES) is None


@pytest.mark.parametrize(("text", "day"), [("24.12 10u", 24), ("3/12 9h", 3), ("1-12 9:00", 1)])
def test_a_date_in_digits_is_read_day_first(text: str, day: int) -> None:
    typed = read_time(text, BRUSSELS, NOW, LANGUAGES)
    assert typed is not None
    assert typed.moment.astimezone(BRUSSELS).day == day


def test_a_moment_more_than_a_year_ahead_is_beyond_the_horizon() -> None:
    assert not beyond_horizon(NOW + timedelta(days=300), NOW)
    assert beyond_horizon(NOW + timedelta(days=400), NOW)


def test_quiet_hours_may_be_none() -> None:
    assert parse_range("none") == (0, 0)
    assert parse_range("Off") == (0, 0)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("19u", 19 * 60),
        ("à 19h", 19 * 60),
        ("om 7 uur", 7 * 60),
        ("19h30", 19 * 60 + 30),
        ("7 pm", 19 * 60),
        ("7.30 p.m.", 19 * 60 + 30),
        ("12am", 0),
        ("vers 20h.", 20 * 60),
        ("13pm", None),
        ("25h", None),
        ("demain", None),
        ("19u of 20u", None),
        # A part of the day puts an hour up to 11 after noon, or keeps it in the morning.
        ("8 in the evening", 20 * 60),
        ("8h du soir", 20 * 60),
        ("'s avonds om 8", 20 * 60),
        ("7h du matin", 7 * 60),
        ("7 uur 's ochtends", 7 * 60),
        ("20 in the evening", 20 * 60),
        ("à 19h30 svp", 19 * 60 + 30),
        ("20u aub", 20 * 60),
        # A wish said first, a comma after the part of the day: it was refused as a question.
        ("liefst s avonds, rond 7 uur", 19 * 60),
        ("plutôt le soir vers 7h", 19 * 60),
        ("preferably in the evening at 7", 19 * 60),
        ("liefst morgen", None),
        # Hours in words, in any of the three languages.
        ("half acht", 7 * 60 + 30),
        ("vers sept heures du soir", 19 * 60),
        ("half past seven in the evening", 19 * 60 + 30),
        ("midi", 12 * 60),
        ("après-midi", None),
    ],
)
def test_read_clock_reads_a_time_of_day_as_learners_type_it(text: str, minutes: int | None) -> None:
    assert read_clock(text) == minutes


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("put the reminder at 7 in the evening please", 19 * 60),
        ("mets le rappel à sept heures du soir svp", 19 * 60),
        ("zet mijn herinnering om 8u s avonds aub", 20 * 60),
        ("sept heure du matin je me lève tôt", 7 * 60),
        ("vers 20h.", 20 * 60),  # a time alone too
        # A number alone is no time among other words, and no time is none.
        ("i have 3 children and my reminder should be later", None),
        ("change the reminders please", None),
        ("wat is een chatbot", None),  # "een" is one, but nothing of a clock is said
    ],
)
def test_find_clock_reads_the_time_a_sentence_names(text: str, minutes: int | None) -> None:
    assert find_clock(text) == minutes


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        # Day first, but a day the month lacks, in the year it would be read in (2027 from
        # December: February 2026 is long gone).
        ("31/02", NoSuchDay("31/02", day=31, month=2, year=2027, days_in_month=28)),
        ("29/02 10u", NoSuchDay("29/02", day=29, month=2, year=2027, days_in_month=28)),
        ("30/02/2028 9u", NoSuchDay("30/02/2028", day=30, month=2, year=2028, days_in_month=29)),
        ("31/04 10h", NoSuchDay("31/04", day=31, month=4, year=2027, days_in_month=30)),
        ("31/11 10u", NoSuchDay("31/11", day=31, month=11, year=2026, days_in_month=30)),
        ("2026-02-30 10:00", NoSuchDay("2026-02-30", day=30, month=2, year=2026, days_in_month=28)),
        ("12/31 10:00", NoSuchDay("12/31", month_first=True)),  # month first
        ("12/25", NoSuchDay("12/25", month_first=True)),
        # No month either way round, or written year first: no hint about the order.
        ("31/13 10u", NoSuchDay("31/13")),
        ("32/01 10u", NoSuchDay("32/01")),
        ("2026-13-01 9:00", NoSuchDay("2026-13-01")),
        (
            "mercredi 17/12 10h",  # the 17th is a Thursday
            NotThatWeekday(datetime(2026, 12, 17, 9, 0, tzinfo=UTC), named=2),
        ),
        (
            "woensdag 17 december 10u",
            NotThatWeekday(datetime(2026, 12, 17, 9, 0, tzinfo=UTC), named=2),
        ),
        ("blabla", None),  # nothing to say but that it was not read
    ],
)
def test_a_date_not_read_says_why_where_it_can(typed: str, why: object) -> None:
    now = datetime(2026, 12, 5, 22, 0, tzinfo=UTC)
    assert read_time(typed, BRUSSELS, now, ["fr", "nl", "en"]) is None
    assert why_unread(typed, BRUSSELS, now, ["fr", "nl", "en"]) == why
