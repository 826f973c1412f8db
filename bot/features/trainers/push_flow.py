"""The /push wizard (cohort, what, when, confirm) and /scheduled, for trainers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Final, cast
from zoneinfo import ZoneInfo

from babel.lists import format_list

from bot.core.localtime import after_quiet_hours, format_clock, to_utc
from bot.core.ports import UnitOfWork
from bot.core.replies import Button
from bot.core.router import Turn, button, rows
from bot.core.state import FlowState
from bot.features.menu import flows as screens
from bot.features.menu.typed_language import language_reader
from bot.features.quiz.flows import on_screen
from bot.features.trainers import ports
from bot.features.trainers.access import Access, trainer_menu_button
from bot.features.trainers.buttons import (
    AskUnschedule,
    CancelPush,
    ConfirmPush,
    ConfirmPushAgain,
    DiscardPush,
    PushAt,
    PushBack,
    PushDue,
    PushKind,
    PushLanguage,
    PushLesson,
    PushModule,
    PushToCohort,
    PushWhen,
    ShowScheduled,
    Unschedule,
)
from bot.features.trainers.members import other_language_readers
from bot.features.trainers.moments import moment_text
from bot.features.trainers.options import TrainerOptions
from bot.features.trainers.ports import (
    COHORTS,
    DRAFTS,
    PLAN_KINDS,
    PUSHES,
    Cohort,
    Draft,
    Plan,
    Push,
)
from bot.features.trainers.timing import (
    WEEKDAYS,
    NoSuchDay,
    NotThatWeekday,
    TypedTime,
    beyond_horizon,
    next_occurrence,
    read_time,
    why_unread,
)
from bot.i18n import N_, Translator

MESSAGE_MAX_CHARS: Final = 500
MORNING: Final = 9 * 60
# Offered when a trainer types a day without a time of day, or with a part of the day.
DAY_TIMES: Final = (9 * 60, 13 * 60, 18 * 60)
PART_TIMES: Final = {
    "morning": (8 * 60, 9 * 60, 10 * 60),
    "afternoon": (13 * 60, 14 * 60, 16 * 60),
    "evening": (18 * 60, 19 * 60, 20 * 60),
}
# Preset times by button: the first of these weekdays after today, or every one of them.
TOMORROW_LABEL: Final = N_("Tomorrow at 9:00")
ONCE_PRESETS: Final = {
    "tomorrow": ("1234567", TOMORROW_LABEL),
    "monday": ("1", N_("Next Monday at 9:00")),
}
PLAN_PRESETS: Final = {
    "weekdays": ("12345", N_("Every weekday at 9:00")),
    "mondays": ("1", N_("Every Monday at 9:00")),
}
WHAT_CHOICES: Final = (
    ("lesson", N_("📖 A lesson")),
    ("quiz", N_("📝 A quiz on a lesson")),
    ("next", N_("▶ Each learner's next lesson")),
    ("review", N_("🔁 A review of missed questions")),
    ("message", N_("💬 A short message")),
)


@dataclass(frozen=True)
class TypingForPush(FlowState):
    """A trainer is typing a date or a message for the send in progress."""

    flow = "trainers.typing"
    captures_text = True
    literal_text = True
    # "time", "text-<language>", "language" (a language button is awaited) or "summary" (the
    # check before sending is shown).
    awaiting: str
    # A message typed before its language was chosen, kept until the trainer says which it is.
    kept: str = ""

    @property
    def step(self) -> str:
        """Return what the trainer is typing."""
        return self.awaiting


def cancel_button(t: Translator) -> Button:
    """Return the button that abandons the /push in progress."""
    return button(t.gettext("✖ Cancel"), CancelPush())


def describe_what(turn: Turn, kind: str, lesson_id: str | None) -> str:
    """Say in words what a push sends."""
    t = turn.t
    lesson = turn.course.lesson(turn.language, lesson_id) if lesson_id else None
    title = lesson.title if lesson else (lesson_id or "")
    match kind:
        case "lesson":
            return t.gettext("the lesson “{title}”").format(title=title)
        case "quiz":
            return t.gettext("the quiz of “{title}”").format(title=title)
        case "next":
            return t.gettext("each learner's next lesson")
        case "review":
            return t.gettext("a review of missed questions")
        case "reminder":
            return t.gettext("a reminder")
    return t.gettext("a message")


# Words of a planned message shown in the list of planned sends.
OPENING_WORDS: Final = 8


def _opening(text: str) -> str:
    """Return a message's first words, with "…" when there are more."""
    words = text.split()
    return " ".join(words[:OPENING_WORDS]) + ("…" if len(words) > OPENING_WORDS else "")


def unread_text(t: Translator, why: NoSuchDay | NotThatWeekday | None) -> str | None:
    """Say why a typed date was not read ("31/02", a weekday the date does not fall on)."""
    if isinstance(why, NoSuchDay):
        return _no_such_day_text(t, why)
    if isinstance(why, NotThatWeekday):
        named = t.locale.days["format"]["wide"][why.named]
        return t.gettext("That day is not a {weekday}: it is {day}.").format(
            weekday=named, day=t.day(why.moment)
        )
    return None


def _no_such_day_text(t: Translator, why: NoSuchDay) -> str:
    """Say what is wrong with a date that names no day: the month's length, or its order."""
    if why.days_in_month:
        month = t.locale.months["format"]["wide"][why.month]
        said = (
            # 29/02 is wrong only in some years: which one is said.
            t.gettext("There is no {day} {month} in {year}: {month} has {count} days that year.")
            if why.month == 2 and why.day == 29
            else t.gettext("There is no {day} {month}: {month} has {count} days.")
        )
        return said.format(day=why.day, month=month, year=why.year, count=why.days_in_month)
    if why.month_first:
        return t.gettext(
            "There is no day “{typed}”: a date is the day first, then the month."
        ).format(typed=why.typed)
    return t.gettext("There is no day “{typed}”.").format(typed=why.typed)


def describe_plan(t: Translator, weekdays: str, at_minute: int) -> str:
    """Say in words when a plan runs: `Monday to Friday at 09:00`, `every Monday at 09:00`."""
    clock = format_clock(at_minute)
    names = t.locale.days["format"]["wide"]
    if weekdays == WEEKDAYS:
        return t.gettext("every day at {time}").format(time=clock)
    if len(weekdays) == 1:
        return t.gettext("every {day} at {time}").format(day=names[int(weekdays) - 1], time=clock)
    spans = []
    for first, last in _runs([int(day) for day in weekdays]):
        if last - first >= 2:
            spans.append(
                t.gettext("{first} to {last}").format(first=names[first - 1], last=names[last - 1])
            )
        else:
            spans += [names[day - 1] for day in range(first, last + 1)]
    days = format_list(spans, locale=t.locale)
    return t.gettext("{days} at {time}").format(days=days, time=clock)


def _runs(days: list[int]) -> list[tuple[int, int]]:
    """Group sorted weekday numbers into runs of consecutive days: [1,2,3,5] → (1,3), (5,5)."""
    runs: list[tuple[int, int]] = []
    for day in days:
        if runs and runs[-1][1] == day - 1:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


class PushFlow:
    """Walk a trainer through sending something to a cohort, now, later or every week."""

    def __init__(self, options: TrainerOptions, access: Access) -> None:
        self.options = options
        self.access = access
        # Free text that is not an answer to this flow goes where it would have gone.

    async def start(self, turn: Turn, _: object = None) -> None:
        """Ask which cohort to send to."""
        _stop_typing(turn)
        t = turn.t
        await self.access.ask_cohort(
            turn, t.gettext("📤 Send to which group?"), PushToCohort, cancel_button(t)
        )

    async def choose_cohort(self, turn: Turn, chosen: PushToCohort) -> None:
        """Start a draft for the chosen cohort and ask what to send."""
        cohort = await self.access.led_cohort(turn, chosen.cohort)
        if cohort is None or await self.access.refused_as_ended(turn, cohort):
            return
        _stop_typing(turn)
        await turn.repo(DRAFTS).start_draft(turn.learner.id, cohort.id, turn.now)
        t = turn.t
        buttons = [button(t.gettext(label), PushKind(kind)) for kind, label in WHAT_CHOICES]
        turn.say(
            t.gettext("📤 What do you want to send to “{name}”?").format(name=cohort.name),
            rows(*buttons, cancel_button(t)),
        )

    async def choose_kind(self, turn: Turn, chosen: PushKind) -> None:
        """Record what to send, then ask for the lesson, the message or the time."""
        found = await self._draft(turn)
        if found is None:
            return
        kind = chosen.kind
        if kind not in {choice for choice, _ in WHAT_CHOICES}:
            await screens.stale_button(turn)
            return
        _stop_typing(turn)
        await turn.repo(DRAFTS).update_draft(
            turn.learner.id, turn.now, kind=kind, lesson_id=None, texts=None
        )
        t = turn.t
        if kind in {"lesson", "quiz"}:
            buttons = [
                button(module.title, PushModule(module.id))
                for module in turn.course.modules.get(turn.language, ())
            ]
            turn.say(t.gettext("Which topic?"), rows(*buttons, cancel_button(t)))
        elif kind == "message":
            await self._ask_language(turn, {})
        else:
            await self.ask_when(turn)

    async def choose_module(self, turn: Turn, chosen: PushModule) -> None:
        """List the lessons of the chosen module."""
        if await self._draft(turn) is None:
            return
        module = turn.course.module(turn.language, chosen.module)
        if module is None:
            await screens.stale_button(turn)
            return
        t = turn.t
        buttons = [
            button(lesson.title, PushLesson(lesson.id))
            for lesson_id in module.lesson_ids
            if (lesson := turn.course.lesson(turn.language, lesson_id))
        ]
        turn.say(t.gettext("Which lesson?"), rows(*buttons, cancel_button(t)))

    async def choose_lesson(self, turn: Turn, chosen: PushLesson) -> None:
        """Record the chosen lesson and ask when to send."""
        found = await self._draft(turn)
        if found is None:
            return
        if found.kind not in {"lesson", "quiz"} or not turn.course.lesson(
            turn.language, chosen.lesson
        ):
            await screens.stale_button(turn)
            return
        await turn.repo(DRAFTS).update_draft(turn.learner.id, turn.now, lesson_id=chosen.lesson)
        await self.ask_when(turn)

    async def _ask_language(self, turn: Turn, texts: dict[str, str]) -> None:
        t = turn.t
        buttons = [
            button(
                (
                    t.gettext("➕ Add {language}") if texts else t.gettext("✍ Write in {language}")
                ).format(language=t.language_name(profile.code)),
                PushLanguage(profile.code),
            )
            # The trainer's own language first: a Dutch-speaking coach tapped the first button
            # and wrote Dutch, filed as French.
            for profile in sorted(turn.services.languages, key=lambda p: p.code != turn.language)
            if profile.code not in texts
        ]
        if texts:
            text = t.gettext(
                "Saved. Add another language, or go on. Each learner gets your message "
                "in their language if you wrote it, otherwise in another one."
            )
            buttons.append(button(t.gettext("▶ Go on: when to send"), PushWhen()))
        else:
            text = t.gettext("💬 In which language do you write? You can add others after.")
        turn.say(text, rows(*buttons, cancel_button(t)))
        # A message typed instead of tapping a language is kept, not answered as a question.
        await self._await_input(turn, "language")

    def _ask_kept_language(self, turn: Turn, texts: dict[str, str], kept: str) -> None:
        """Ask in which language a message typed before choosing one is written."""
        t = turn.t
        buttons = [
            button(
                (
                    t.gettext("🔁 It replaces the {language} text")
                    if profile.code in texts
                    else t.gettext("It is in {language}")
                ).format(language=t.language_name(profile.code)),
                PushLanguage(profile.code),
            )
            # Languages not written yet first, the trainer's own first among them.
            for profile in sorted(
                turn.services.languages,
                key=lambda p: (p.code in texts, p.code != turn.language),
            )
        ]
        turn.say(
            t.gettext("I keep your message:\n{text}\nIn which language is it? Tap it.").format(
                text=kept
            ),
            rows(*buttons, cancel_button(t)),
        )

    async def choose_language(self, turn: Turn, chosen: PushLanguage) -> None:
        """Wait for the message in the chosen language, or file there the one typed before."""
        found = await self._draft(turn)
        if found is None:
            return
        if found.kind != "message" or chosen.language not in turn.services.languages:
            await screens.stale_button(turn)
            return
        state = turn.state
        if isinstance(state, TypingForPush) and state.kept:
            # Typed first, its language tapped after: the message is filed under it.
            await self._save_text(turn, found, chosen.language, state.kept)
            return
        await self._await_input(turn, f"text-{chosen.language}")
        t = turn.t
        # A trainer who cannot write the language goes back without losing what they wrote.
        back = [button(t.gettext("⬅ Back"), PushBack())] if found.texts else []
        turn.say(
            t.gettext(
                "Type your message in {language}, up to {limit} characters. "
                "Short sentences are easier to read."
            ).format(language=t.language_name(chosen.language), limit=MESSAGE_MAX_CHARS),
            rows(*back, cancel_button(t)),
        )

    async def back(self, turn: Turn, _: object = None) -> None:
        """Leave a language unwritten: back to the check before sending, or to the languages."""
        found = await self._draft(turn)
        if found is None:
            return
        if found.kind != "message" or not found.texts:
            await screens.stale_button(turn)
            return
        _stop_typing(turn)
        if found.when is None:
            await self._ask_language(turn, found.texts)
        else:
            await self._summary(turn)

    def _example_day(self, turn: Turn) -> str:
        """Return a day ten days on, as typed in numbers ("3/12"): a fixed one would be past."""
        day = turn.now.astimezone(self.options.zone) + timedelta(days=10)
        return f"{day.day}/{day.month}"

    async def ask_when(self, turn: Turn, _: object = None) -> None:
        """Offer when to send: now, a preset time, a typed time, or a weekly plan."""
        found = await self._draft(turn)
        if found is None:
            return
        if found.kind is None or (found.kind == "message" and not found.texts):
            await screens.stale_button(turn)
            return
        # A time typed instead of tapped is read as "🗓 Another date and time…" reads it:
        # "morgen om 9u" got "See you soon!", and the draft was left behind.
        await self._await_input(turn, "time")
        t = turn.t
        buttons = [button(t.gettext("⚡ Now"), PushAt("now"))]
        # On a Sunday, tomorrow is next Monday: one button for the one moment.
        presets: dict[datetime, tuple[str, str]] = {}
        for key, (weekdays, label) in ONCE_PRESETS.items():
            presets.setdefault(self._preset_due(turn, weekdays), (key, label))
        buttons += [button(t.gettext(label), PushAt(key)) for key, label in presets.values()]
        buttons.append(button(t.gettext("🗓 Another date and time…"), PushAt("ask")))
        if found.kind in PLAN_KINDS:
            buttons += [
                button(t.gettext(label), PushAt(key)) for key, (_, label) in PLAN_PRESETS.items()
            ]
        turn.say(t.gettext("🕒 When?"), rows(*buttons, cancel_button(t)))

    async def choose_when(self, turn: Turn, chosen: PushAt) -> None:
        """Record the time chosen with a button, or wait for a typed one."""
        found = await self._draft(turn)
        if found is None or found.kind is None:
            return
        choice = chosen.choice
        if choice == "now":
            await turn.repo(DRAFTS).update_draft(turn.learner.id, turn.now, when="now")
        elif choice in ONCE_PRESETS:
            due = self._preset_due(turn, ONCE_PRESETS[choice][0])
            await turn.repo(DRAFTS).update_draft(turn.learner.id, turn.now, when="once", due_at=due)
        elif choice in PLAN_PRESETS and found.kind in PLAN_KINDS:
            weekdays, _ = PLAN_PRESETS[choice]
            await turn.repo(DRAFTS).update_draft(
                turn.learner.id,
                turn.now,
                when="plan",
                weekdays=weekdays,
                at_minute=MORNING,
            )
        elif choice == "ask":
            await self._await_input(turn, "time")
            turn.say(
                turn.t.gettext(
                    "Type the day and time, in words or in numbers, for example: "
                    "tomorrow 9:00, Thursday 14:30 or {date} 10:00. It is now {now}."
                ).format(now=turn.t.datetime(turn.now), date=self._example_day(turn)),
                rows(cancel_button(turn.t)),
            )
            return
        else:
            await screens.stale_button(turn)
            return
        await self._summary(turn)

    def _preset_due(self, turn: Turn, weekdays: str) -> datetime:
        """Return when a preset goes: the next of its weekdays after today, at 9:00."""
        zone = self.options.zone
        # From the end of today, so "tomorrow" never means later today.
        start = turn.now.astimezone(zone).replace(hour=23, minute=59)
        return next_occurrence(start, zone, weekdays, MORNING)

    async def typed(self, turn: Turn, text: str) -> None:
        """Take a typed message or date for the /push in progress."""
        state = turn.state
        found = await turn.repo(DRAFTS).draft(turn.learner.id)
        if found is None or not isinstance(state, TypingForPush) or not _wizard_on_screen(turn):
            # Not (or no longer) waiting for this trainer: let the text go its usual way.
            turn.leave()
            await screens.answer_typed(turn, text)
            return
        t = turn.t
        if state.awaiting == "time":
            await self._typed_time(turn, text)
            return
        if state.awaiting == "summary":
            await self._typed_at_summary(turn, found, text)
            return
        if state.awaiting == "language" and (
            named := language_reader(turn.services.languages).named(text)
        ):
            # "nederlands" typed at "In which language?" picks it: it was added to the message.
            await self.choose_language(turn, PushLanguage(named))
            return
        if state.awaiting == "language" and state.kept:
            # Typed in two goes before a language was chosen: one message in two paragraphs.
            text = f"{state.kept}\n\n{text}"
        if len(text) > MESSAGE_MAX_CHARS:
            turn.say(
                t.gettext(
                    "That is {count} characters. Please make it shorter: {limit} at most."
                ).format(count=len(text), limit=MESSAGE_MAX_CHARS),
                rows(cancel_button(t)),
            )
            return
        if state.awaiting == "language":
            await self._await_input(turn, "language", kept=text)
            self._ask_kept_language(turn, found.texts, text)
            return
        await self._save_text(turn, found, state.awaiting.removeprefix("text-"), text)

    async def _save_text(self, turn: Turn, found: Draft, language: str, text: str) -> None:
        texts = {**found.texts, language: text}
        await self._stop_waiting(turn, texts=texts)
        await self._ask_language(turn, texts)

    async def _typed_at_summary(self, turn: Turn, found: Draft, text: str) -> None:
        """Take a day and time typed at the check before sending; keep the send otherwise."""
        typed = read_time(text, self.options.zone, turn.now, _time_languages(turn))
        if found.when != "plan" and typed is not None:
            await self._take_time(turn, typed)
            return
        t = turn.t
        turn.say(
            t.gettext(
                "Nothing is sent yet: tap ✅ below to send or plan it, or ✖ Cancel. "
                "For another time, type a day and time."
            )
            if found.when != "plan"
            else t.gettext("Your plan is not saved yet: tap ✅ below to save it, or ✖ Cancel.")
        )
        await self._summary(turn)

    async def _typed_time(self, turn: Turn, text: str) -> None:
        t = turn.t
        languages = _time_languages(turn)
        typed = read_time(text, self.options.zone, turn.now, languages)
        if typed is None:
            why = unread_text(t, why_unread(text, self.options.zone, turn.now, languages))
            # The date was understood when the reason is known: only asked again, not blamed.
            again = (
                t.gettext(
                    "Please type the day and time again, for example: "
                    "tomorrow 9:00, Thursday 14:30 or {date} 10:00"
                )
                if why
                else t.gettext(
                    "I did not understand that date. Please type it like this: "
                    "tomorrow 9:00, Thursday 14:30 or {date} 10:00"
                )
            ).format(date=self._example_day(turn))
            turn.say("\n".join(line for line in (why, again) if line), rows(cancel_button(t)))
            return
        await self._take_time(turn, typed)

    async def _take_time(self, turn: Turn, typed: TypedTime) -> None:
        """Record a time read from what the trainer typed, or ask for the hour or a later one."""
        t = turn.t
        if typed.immediate:
            await self._stop_waiting(turn, when="now")
            await self._summary(turn)
            return
        if typed.day_only:
            await self._offer_times(turn, typed.moment, PART_TIMES.get(typed.part or "", DAY_TIMES))
            return
        if typed.moment <= turn.now:
            await self._refuse_past(turn)
            return
        if beyond_horizon(typed.moment, turn.now):
            turn.say(
                t.gettext(
                    "That is more than a year away. Please type a day within the year, "
                    "day before month, like this: 24/12 9:00"
                ),
                rows(cancel_button(t)),
            )
            return
        await self._stop_waiting(turn, when="once", due_at=typed.moment)
        await self._summary(turn)

    async def _offer_times(self, turn: Turn, day: datetime, times: Sequence[int]) -> None:
        t = turn.t
        local_day = day.astimezone(self.options.zone).date()
        moments = [to_utc(local_day, minutes, self.options.zone) for minutes in times]
        choices = [moment for moment in moments if moment > turn.now]
        if not choices:
            await self._refuse_past(turn)
            return
        buttons = [
            button(moment_text(t, moment, turn.now), PushDue(_minutes(moment)))
            for moment in choices
        ]
        turn.say(
            t.gettext("At what time on {day}? Tap one, or type the day and time.").format(
                day=t.day(day)
            ),
            rows(*buttons, cancel_button(t)),
        )

    async def _refuse_past(self, turn: Turn) -> None:
        t = turn.t
        turn.say(
            t.gettext(
                "That time is already past: it is now {now}. Please type a later one, "
                "or tap the suggestion."
            ).format(now=t.datetime(turn.now)),
            rows(button(t.gettext(TOMORROW_LABEL), PushAt("tomorrow")), cancel_button(t)),
        )

    async def choose_due(self, turn: Turn, chosen: PushDue) -> None:
        """Record a time offered for a typed day."""
        found = await self._draft(turn)
        if found is None or found.kind is None:
            return
        due = datetime.fromtimestamp(chosen.minute * 60, UTC)
        if due <= turn.now:
            await self._refuse_past(turn)
            return
        await self._stop_waiting(turn, when="once", due_at=due)
        await self._summary(turn)

    async def _summary(self, turn: Turn) -> None:
        _stop_typing(turn)
        found = await turn.repo(DRAFTS).draft(turn.learner.id)
        cohort = (
            await turn.repo(COHORTS).owned_cohort(turn.learner.id, found.cohort_id)
            if found
            else None
        )
        if found is None or found.kind is None or cohort is None:
            await screens.stale_button(turn)
            return
        t = turn.t
        count = await turn.repo(COHORTS).member_count(cohort.id)
        lines = [
            t.gettext("Please check:"),
            t.ngettext(
                "• To: {name} ({count} learner)", "• To: {name} ({count} learners)", count
            ).format(name=cohort.name, count=count),
            t.gettext("• What: {what}").format(
                what=describe_what(turn, found.kind, found.lesson_id)
            ),
            t.gettext("• When: {when}").format(when=self._describe_when(turn, cohort, found)),
        ]
        unwritten: dict[str, str] = {}
        if found.kind == "message":
            unwritten = await _unwritten(turn, cohort, found.texts)
            # Each text under its language's name, as the trainer chose it ("Nederlands"), not
            # its code.
            lines += [
                "",
                *(
                    # A line of its own, the name first: "Français : …" in French.
                    t.gettext("{language}: {text}").format(
                        language=_first_letter_up(t.language_name(code)), text=text
                    )
                    for code, text in found.texts.items()
                ),
                *unwritten.values(),
            ]
        go = t.gettext("✅ Send") if found.when == "now" else t.gettext("✅ Plan it")
        add = (
            button(
                t.gettext("➕ Add {language}").format(language=t.language_name(code)),
                PushLanguage(code),
            )
            for code in unwritten
        )
        turn.say("\n".join(lines), rows(button(go, ConfirmPush()), *add, cancel_button(t)))
        # Typed text here is a new time, or a reminder that the send waits: never lost.
        await self._await_input(turn, "summary")

    def _describe_when(self, turn: Turn, cohort: Cohort, found: Draft) -> str:
        t = turn.t
        if found.when == "plan" and found.weekdays and found.at_minute is not None:
            return describe_plan(t, found.weekdays, found.at_minute)
        due_at = found.due_at if found.when == "once" else None
        return when_text(t, cohort, due_at, self.options.zone, turn.now)

    async def confirm(self, turn: Turn, chosen: ConfirmPush | ConfirmPushAgain) -> None:
        """Queue the push, or save the plan, and say what will happen."""
        found = await self._draft(turn)
        if found is None:
            return
        cohort = await turn.repo(COHORTS).owned_cohort(turn.learner.id, found.cohort_id)
        if cohort is None or found.kind is None or found.when is None:
            await screens.stale_button(turn)
            return
        # A draft begun before the course ended, confirmed after it.
        if await self.access.refused_as_ended(turn, cohort):
            await turn.repo(DRAFTS).delete_draft(turn.learner.id)
            return
        t = turn.t
        if isinstance(chosen, ConfirmPush) and await self._sent_already(turn, cohort, found):
            return
        _stop_typing(turn)
        await turn.repo(DRAFTS).delete_draft(turn.learner.id)
        if found.when == "plan" and found.weekdays and found.at_minute is not None:
            kind = cast(ports.PlanKind, found.kind)
            pushes = turn.repo(PUSHES)
            same = await pushes.same_plan(cohort.id, kind, found.weekdays, found.at_minute)
            # Saved twice, every learner would get each send twice.
            plan = same or await pushes.create_plan(
                cohort,
                kind,
                weekdays=found.weekdays,
                at_minute=found.at_minute,
                now=turn.now,
                zone=self.options.zone,
                created_by_id=turn.learner.id,
            )
            saved = (
                t.gettext("This plan already exists: {when}. Next time: {first}.")
                if same
                else t.gettext("✅ Plan saved: {when}. First time: {first}.")
            )
            text = saved.format(
                when=describe_plan(t, plan.weekdays, plan.at_minute),
                first=t.datetime(plan.next_run_at),
            )
        else:
            push = await turn.repo(PUSHES).create_push(
                cohort,
                cast(ports.PushKind, found.kind),
                now=turn.now,
                zone=self.options.zone,
                due_at=found.due_at if found.when == "once" else None,
                lesson_id=found.lesson_id,
                texts=found.texts,
                created_by_id=turn.learner.id,
            )
            text = await queued_text(turn.t, turn.uow, cohort, push, self.options.zone, turn.now)
        turn.say(text, rows(trainer_menu_button(turn)), replace=True)

    async def _sent_already(self, turn: Turn, cohort: Cohort, found: Draft) -> bool:
        """Ask before sending again what the cohort got or will get close to that time."""
        if found.when == "plan" or found.kind is None:
            return False  # a plan the same as one saved is said so, and not saved twice
        due_at = found.due_at if found.when == "once" else None
        same = await turn.repo(PUSHES).same_push(
            cohort.id,
            cast(ports.PushKind, found.kind),
            found.lesson_id,
            found.texts,
            due_at or turn.now,
        )
        if same is None:
            return False
        t = turn.t
        # The wizard run twice (the CLI asks for --again): every learner would get it twice.
        turn.say(
            t.gettext(
                "The same send to “{name}” was already made or planned for {when}. "
                "Send it once more?"
            ).format(name=cohort.name, when=moment_text(t, same.due_at, turn.now)),
            rows(button(t.gettext("✅ Send it again"), ConfirmPushAgain()), cancel_button(t)),
        )
        return True

    async def cancel(self, turn: Turn, _: object = None) -> None:
        """Abandon the /push in progress; a message written for it only once asked to be sure."""
        _stop_typing(turn)
        found = await turn.repo(DRAFTS).draft(turn.learner.id)
        if found is not None and found.texts:
            # "✖ Cancel", where "▶ Go on" had been before a language was added, threw away two
            # texts at once: "Cancelled. Nothing was sent."
            t = turn.t
            turn.say(
                t.gettext("Throw away the message you wrote? Nothing was sent."),
                rows(
                    button(t.gettext("🗑 Yes, throw it away"), DiscardPush()),
                    button(t.gettext("◀ No, go on"), PushBack()),
                ),
            )
            return
        await self.discard(turn)

    async def discard(self, turn: Turn, _: object = None) -> None:
        """Abandon the /push in progress, with what was written for it."""
        _stop_typing(turn)
        await turn.repo(DRAFTS).delete_draft(turn.learner.id)
        turn.say(turn.t.gettext("Cancelled. Nothing was sent."), replace=True)
        await screens.main_menu(turn)

    async def scheduled(self, turn: Turn, _: object = None) -> None:
        """List the planned sends of the trainer's cohorts, each with a cancel button."""
        if not await self.access.trainer(turn):
            return
        t = turn.t
        cohorts = {c.id: c for c in await turn.repo(COHORTS).cohorts_of(turn.learner.id)}
        planned, plans = await turn.repo(PUSHES).upcoming(list(cohorts), turn.now)
        if not planned and not plans:
            turn.say(t.gettext("Nothing is planned."), rows(trainer_menu_button(turn)))
            return
        lines = [t.gettext("📅 Planned sends:")]
        buttons = []
        items: list[Push | Plan] = [*planned, *plans]
        for number, item in enumerate(items, start=1):
            lines.append(f"{number}. {self._describe_item(t, turn, item, cohorts)}")
            kind = "plan" if isinstance(item, Plan) else "push"
            label = t.gettext("✖ Cancel number {number}").format(number=number)
            buttons.append(button(label, AskUnschedule(kind, item.id)))
        turn.say("\n".join(lines), rows(*buttons, trainer_menu_button(turn)))

    def _describe_item(
        self, t: Translator, turn: Turn, item: Push | Plan, cohorts: dict[int, Cohort]
    ) -> str:
        name = cohorts[item.cohort_id].name
        if isinstance(item, Plan):
            what = describe_what(turn, item.kind, None)
            when = describe_plan(t, item.weekdays, item.at_minute)
        else:
            what = describe_what(turn, item.kind, item.lesson_id)
            if item.kind == "message" and item.texts:
                # Two messages on the same morning read alike without their words.
                text = item.texts.get(turn.language) or next(iter(item.texts.values()))
                what = t.gettext("{what}: “{text}”").format(what=what, text=_opening(text))
            # A push held by quiet hours is listed too: when it really goes is what matters.
            when = when_text(t, cohorts[item.cohort_id], item.due_at, self.options.zone, turn.now)
        return f"{when} · {name} · {what}"

    async def ask_unschedule(self, turn: Turn, chosen: AskUnschedule) -> None:
        """Say which planned send or plan a cancel button names, and ask to confirm."""
        found = await self._planned(turn, chosen.kind, chosen.item)
        if found is None:
            return
        cohorts, item = found
        t = turn.t
        what = self._describe_item(t, turn, item, cohorts)
        if isinstance(item, Plan):
            question = t.gettext("Stop this weekly plan?\n{what}.")
        elif item.expanded_at is not None:
            # Held by quiet hours: some learners may have it already, the others will not.
            question = t.gettext(
                "Cancel this send?\n{what}.\nLearners who have not got it yet will not get it."
            )
        else:
            question = t.gettext("Cancel this planned send?\n{what}.")
        turn.say(
            question.format(what=what),
            rows(
                button(t.gettext("✖ Yes, cancel"), Unschedule(chosen.kind, chosen.item)),
                button(t.gettext("⬅ No, keep it"), ShowScheduled()),
            ),
        )

    async def unschedule(self, turn: Turn, chosen: Unschedule) -> None:
        """Cancel a planned push or stop a plan of the trainer's own cohorts, as confirmed."""
        found = await self._planned(turn, chosen.kind, chosen.item)
        if found is None:
            return
        cohorts, item = found
        pushes, owned = turn.repo(PUSHES), list(cohorts)
        done = (
            await pushes.stop_plan(item.id, owned)
            if isinstance(item, Plan)
            else await pushes.cancel_push(item.id, owned)
        )
        if not done:
            await screens.stale_button(turn)
            return
        # Said once cancelled: the list is numbered again after, so the number says nothing.
        what = self._describe_item(turn.t, turn, item, cohorts)
        turn.say(turn.t.gettext("✖ Cancelled: {what}.").format(what=what), replace=True)
        await self.scheduled(turn)

    async def _planned(
        self, turn: Turn, kind: str, item_id: int
    ) -> tuple[dict[int, Cohort], Push | Plan] | None:
        """Return the trainer's cohorts and a send or plan of theirs still to come.

        None, said, for one cancelled already, gone out meanwhile (a push already sending is not
        cut short) or not the trainer's: the list's numbers are not ids.
        """
        if not await self.access.trainer(turn):
            return None
        cohorts = {c.id: c for c in await turn.repo(COHORTS).cohorts_of(turn.learner.id)}
        planned, plans = await turn.repo(PUSHES).upcoming(list(cohorts), turn.now)
        items: list[Push | Plan] = (
            [*plans] if kind == "plan" else [*planned] if kind == "push" else []
        )
        item = next((item for item in items if item.id == item_id), None)
        if item is None:
            await screens.stale_button(turn)
            return None
        return cohorts, item

    async def _draft(self, turn: Turn) -> Draft | None:
        if not await self.access.trainer(turn):
            return None
        found = await turn.repo(DRAFTS).draft(turn.learner.id)
        if found is None:
            t = turn.t
            turn.say(
                t.gettext("This step is no longer active. Start again with /push."),
                rows(trainer_menu_button(turn)),
            )
        return found

    async def _await_input(self, turn: Turn, awaiting: str, kept: str = "") -> None:
        # Entered on top of the trainer's own lesson, which they find again afterwards; one
        # wait replaces another rather than piling up on it.
        _stop_typing(turn)
        turn.enter(TypingForPush(awaiting, kept))

    async def _stop_waiting(self, turn: Turn, **values: object) -> None:
        await turn.repo(DRAFTS).update_draft(turn.learner.id, turn.now, **values)
        _stop_typing(turn)


def held_until(cohort: Cohort, moment: datetime, zone: ZoneInfo) -> datetime:
    """Return when a push due at `moment` may go out, after the cohort's quiet hours."""
    return after_quiet_hours(moment, zone, cohort.quiet_start, cohort.quiet_end)


def _first_letter_up(name: str) -> str:
    """Return a name with its first letter in capitals ("français" starting a line)."""
    return name[:1].upper() + name[1:]


def when_text(
    t: Translator, cohort: Cohort, due_at: datetime | None, zone: ZoneInfo, now: datetime
) -> str:
    """Say when a one-off push goes out (now when `due_at` is None), and any quiet-hours hold."""
    due = due_at or now
    # With its weekday: "8/12/26 07:34" hid a time read wrong ("demain à neuf heures").
    said = moment_text(t, due, now) if due_at else t.gettext("now")
    held = held_until(cohort, due, zone)
    if held == due:
        return said
    return t.gettext("{when}, but the group's quiet hours hold it until {moment}").format(
        when=said, moment=moment_text(t, held, now)
    )


async def queued_text(
    t: Translator, stores: UnitOfWork, cohort: Cohort, push: Push, zone: ZoneInfo, now: datetime
) -> str:
    """Say truthfully what happens to a push just made: when, and to how many, it goes out."""
    if push.expanded_at is None:
        planned = t.gettext("✅ Planned for {when}. See /scheduled to cancel it.").format(
            when=moment_text(t, push.due_at, now)
        )
        held = held_until(cohort, push.due_at, zone)
        if held == push.due_at:
            return planned
        later = t.gettext("The group's quiet hours hold it until {moment}.")
        return f"{planned}\n{later.format(moment=moment_text(t, held, now))}"
    waiting = await stores.get(PUSHES).waiting(push.id)
    lines = [outcome_text(t, waiting, now)]
    if push.kind == "review" and waiting:
        # Each learner's reviews are counted when it goes out: the count above is who may get it.
        lines.append(t.gettext("Learners with nothing to review by then get no message."))
    members = await stores.get(COHORTS).member_count(cohort.id)
    if missing := members - sum(waiting.values()):
        lines.append(
            t.ngettext(
                "{count} learner cannot get messages: they blocked the tutor.",
                "{count} learners cannot get messages: they blocked the tutor.",
                missing,
            ).format(count=missing)
        )
    return "\n".join(lines)


def outcome_text(t: Translator, waiting: dict[datetime, int], now: datetime) -> str:
    """Say who gets a push now and who later, after the quiet hours, as the outbox holds it."""
    if not waiting:
        return t.gettext("Nobody in the group can get it.")
    parts = []
    for moment, count in sorted(waiting.items()):
        if moment <= now:
            part = t.ngettext("{count} learner now", "{count} learners now", count)
        else:
            part = t.ngettext(
                "{count} learner {moment} (after the quiet hours)",
                "{count} learners {moment} (after the quiet hours)",
                count,
            )
        parts.append(part.format(count=count, moment=moment_text(t, moment, now)))
    return t.gettext("✅ Sending to {who}.").format(who=", ".join(parts))


def _minutes(moment: datetime) -> int:
    return int(moment.timestamp()) // 60


def _time_languages(turn: Turn) -> list[str]:
    """Return the languages a typed time is read in, the trainer's first."""
    return [turn.language, *turn.services.languages.codes]


def _wizard_on_screen(turn: Turn) -> bool:
    """Tell whether the trainer still sees a step of the wizard: each shows ✖ Cancel."""
    return on_screen(turn, CancelPush.action)


def _stop_typing(turn: Turn) -> None:
    if isinstance(turn.state, TypingForPush):
        turn.leave()


async def _unwritten(turn: Turn, cohort: Cohort, texts: dict[str, str]) -> dict[str, str]:
    """Say, per language the message is not written in, which of its readers get another one."""
    # A French message reached a group whose one learner reads Dutch, and nothing said so.
    t = turn.t
    services = turn.services
    readers = await other_language_readers(
        turn.uow, cohort.id, texts, services.languages.codes, services.default_language
    )
    return {
        language: t.ngettext(
            "⚠ {count} learner reads the tutor in {language}: they get the {written} text.",
            "⚠ {count} learners read the tutor in {language}: they get the {written} text.",
            count,
        ).format(count=count, language=t.language_name(language), written=t.language_name(written))
        for language, (count, written) in readers.items()
    }
