"""The learner's settings: review reminders (on or off, and their hour) and the language."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Final

from bot.core.localtime import find_clock, format_clock, is_quiet_minute, read_clock
from bot.core.ports import LEARNERS
from bot.core.router import Turn, button, rows
from bot.core.state import FlowState
from bot.core.text import fold
from bot.features.menu import flows as screens
from bot.features.menu.buttons import AskLanguage
from bot.features.review.ports import REMINDERS
from bot.features.settings.buttons import AskHour, ChooseHour, ShowSettings, SwitchReminders
from bot.features.voice.flows import read_aloud_button
from bot.features.voice.readings import reads_aloud
from bot.i18n import N_

HOURS_PER_ROW = 4
MINUTES_PER_DAY = 24 * 60
# What a time typed under the hours holds when it was meant as one: a digit, or a word of the
# time of day (an unreadable one gets a word on how to type it, not the answer to a question).
_TIME_WORDS = re.compile(
    r"\d|\b(?:half|quarter|o'clock|evening|morning|noon|midnight|heures?|soir|matin|midi|minuit"
    r"|uur|avond|avonds|ochtend|ochtends|middag|namiddag)\b",
    re.IGNORECASE,
)
SHORT_TIME_WORDS = 5


# Reminders turned off in words: "zet de herinneringen uit", "nee, liever geen herinneringen",
# "pas de rappels", "stop the reminders". They got the settings, or a card, and stayed on.
_POLITE = r"(?:\W+(?:meer|please|svp|stp|aub|graag|merci|thanks))*"
_REMINDERS_OFF = re.compile(
    # A verb that stops them, a few words before: "arrête de m'envoyer des rappels".
    r"\b(?:stop|turn off|switch off|disable|arrete[rz]?|desactive[rz]?|zet)\b.{0,25}"
    r"\b(?:reminders|rappels|herinneringen)\b"
    r"|\b(?:reminders|rappels|herinneringen)\b.{0,20}\b(?:off|desactives?|uit|uitzetten)\b"
    # A wish for none, said as one ("no more reminders", "liever geen herinneringen"); not "I
    # got no reminder today", which asks for the opposite.
    r"|\b(?:no more|don't want|dont want|do not want|plus de|je ne veux pas de|je veux pas de"
    r"|liever geen|wil geen)(?: (?:the|any|de|des|die))? (?:reminders|rappels|herinneringen)"
    rf"{_POLITE}\W*$"
    r"|\bgeen herinneringen meer\b"
    rf"|^\W*(?:no|pas de|nee,? geen|geen) (?:reminders|rappels|herinneringen){_POLITE}\W*$",
)
# The tutor's reminders named with an article ("the reminder", "mes rappels", "mijn
# herinnering"): "un rappel de mon rendez-vous à 15h" is another reminder, which it cannot send.
_REMINDERS_NAMED: Final = re.compile(
    r"\b(?:(?:the|my|your)\s+reminders?|(?:le|les|mes|mon|vos|tes)\s+rappels?"
    r"|(?:de|mijn|je|jouw|uw)\s+herinnering(?:en)?)\b",
    re.IGNORECASE,
)
# "Remind me at 12:30" alone, with no other errand: the tutor only reminds of reviews, and
# "rappelle-moi à 12h30" got what reminders are, and the hour unchanged.
_REMIND_ME: Final = re.compile(
    r"^\W*(?:rappelle[sz]?[- ]moi|rappelez[- ]moi|remind me|herinner me|herinner mij)\b(.*)$",
    re.IGNORECASE,
)
_AROUND_A_TIME: Final = frozenset(
    {
        *("a", "at", "around", "about", "tomorrow", "every", "day", "please", "the", "in"),
        *("vers", "demain", "chaque", "jour", "tous", "les", "jours", "svp", "stp", "le", "du"),
        *("om", "rond", "tegen", "morgen", "elke", "dag", "aub", "graag", "s", "het", "van"),
        *("h", "u", "am", "pm"),  # what is left of "12h30", "19u", "7 pm" once digits are out
    }
)
# Said before the hour a "remind me at…" set, and before the settings for other reminders asked.
REVIEWS_ONLY: Final = N_(
    "🔔 I can remind you to review your lessons, once a day, at the hour you choose here. I "
    "cannot remind you of other things, such as appointments."
)
# Under the hours, one word is enough.
_OFF_WORDS: Final = frozenset({"off", "uit", "aucun", "aucune", "geen", "none", "desactiver"})


def reminders_off_asked(text: str) -> bool:
    """Tell whether a message asks for no more reminders."""
    return _REMINDERS_OFF.search(fold(text).casefold()) is not None


def _asks_reminding_at(text: str) -> bool:
    """Tell whether a message asks to be reminded at a time, and of nothing else."""
    asked = _REMIND_ME.match(fold(text))
    if asked is None:
        return False
    rest = re.findall(r"[^\W\d_]+", asked.group(1).casefold())
    return all(word in _AROUND_A_TIME or _TIME_WORDS.fullmatch(word) for word in rest)


def _looks_like_a_time(text: str) -> bool:
    return len(text.split()) <= SHORT_TIME_WORDS and _TIME_WORDS.search(text) is not None


@dataclass(frozen=True)
class ChoosingHour(FlowState):
    """Looking at the reminder hours: an hour typed ("19u", "7 pm") is one tapped."""

    flow = "settings.hour"
    captures_text = True


class SettingsFlows:
    """The settings screens; reminders are only offered at hours outside the quiet hours."""

    def __init__(self, quiet_hours: tuple[int, int]) -> None:
        self.quiet_hours = quiet_hours
        self.hours = tuple(h for h in range(24) if not is_quiet_minute(h * 60, *quiet_hours))

    async def show(
        self, turn: Turn, _: object = None, *, again: bool = False, note: str = ""
    ) -> None:
        """Show the settings, each with the button that changes it, after a note if any."""
        t = turn.t
        if isinstance(turn.state, ChoosingHour):  # ◀ Back from the hours
            turn.leave()
        on = turn.learner.reminders_on
        if on:
            time = await turn.repo(REMINDERS).time(turn.learner.id)
            held = time.held(self.quiet_hours)
            clock = format_clock(time.minute(self.quiet_hours))
            reminders = (
                t.gettext("🔔 Review reminders: on, at about {time}.").format(time=clock)
                # Before the first answers there is no habit yet: the hour is the default one.
                if time.chosen_hour is not None or time.usual_hour is None or held
                else t.gettext(
                    "🔔 Review reminders: on, at about {time} (when you usually learn)."
                ).format(time=clock)
            )
            switch = button(t.gettext("🔕 Turn reminders off"), SwitchReminders("off"))
        else:
            reminders = t.gettext("🔕 Review reminders: off.")
            switch = button(t.gettext("🔔 Turn reminders on"), SwitchReminders("on"))
        reads = await reads_aloud(turn)
        reading = (
            t.gettext("🔊 Every card read aloud: on.")
            if reads
            else t.gettext("🔊 Every card read aloud: off.")
        )
        # What reminders do is said only while they are on: off, it read as a promise.
        how = (
            t.gettext("When questions are due, I send you one short message a day.") if on else None
        )
        text = "\n".join(
            line
            for line in (
                *((note, "") if note else ()),
                t.gettext("⚙️ Your settings"),
                "",
                reminders,
                how,
                t.gettext("🌐 Language: {language}").format(language=turn.profile.label),
                reading,
            )
            if line is not None
        )
        keyboard = rows(
            switch,
            button(t.gettext("🕕 Change the time"), AskHour()) if on else None,
            button(t.gettext("🌐 Language"), AskLanguage()),
            # Found only through /listen before: a reader with poor eyesight looked for it here.
            read_aloud_button(t, on=reads),
            screens.menu_button(t),
        )
        turn.say(text, keyboard, replace=again and not note)

    async def switch_reminders(self, turn: Turn, chosen: SwitchReminders) -> None:
        """Turn reminders on or off, then show the settings again."""
        if chosen.choice not in {"on", "off"}:
            await screens.stale_button(turn)
            return
        on = chosen.choice == "on"
        await turn.repo(LEARNERS).set_reminders(turn.learner.id, on)
        turn.learner = replace(turn.learner, reminders_on=on)
        await self.show(turn, again=True)

    async def ask_hour(self, turn: Turn, _: object = None, *, note: str = "") -> None:
        """Offer the hours a reminder may come at, and the hour the learner usually learns."""
        t = turn.t
        if not isinstance(turn.state, ChoosingHour):
            turn.enter(ChoosingHour())
        hours = [button(format_clock(h * 60), ChooseHour(h)) for h in self.hours]
        keyboard = (
            *(tuple(hours[i : i + HOURS_PER_ROW]) for i in range(0, len(hours), HOURS_PER_ROW)),
            *rows(
                button(t.gettext("When I usually learn"), ChooseHour(ChooseHour.AUTOMATIC)),
                button(t.gettext("◀ Back"), ShowSettings()),
            ),
        )
        question = t.gettext("At what time should I send your reminders?")
        turn.say(f"{note}\n\n{question}" if note else question, keyboard, replace=not note)

    async def reminders_off_typed(self, turn: Turn, text: str) -> bool:
        """Turn reminders off when a message asks for none; False for anything else."""
        if not turn.learner.reminders_on or not reminders_off_asked(text):
            return False
        if isinstance(turn.state, ChoosingHour):
            turn.leave()
        await self.switch_reminders(turn, SwitchReminders("off"))
        return True

    async def hour_typed(self, turn: Turn, text: str) -> None:
        """Take an hour typed under the hours as the one tapped; anything else is a question."""
        t = turn.t
        if fold(text).casefold().strip(" .!") in _OFF_WORDS:
            turn.leave()
            await self.switch_reminders(turn, SwitchReminders("off"))
            return
        # Typed here, a time among other words is the time meant: "sept heure du matin je me
        # lève tôt" was answered as a question outside the course, and the hours were gone.
        minutes = read_clock(text, (turn.language,))
        if minutes is None:
            minutes = find_clock(text, (turn.language,))
        if minutes is None and _looks_like_a_time(text):
            # "25h", "half past eight": a time meant, not a question to answer elsewhere.
            note = t.gettext("I did not understand that time. Tap an hour, or type it like 19:00.")
            await self.ask_hour(turn, note=note)
            return
        if minutes is None:
            await screens.as_question(turn, text)
            return
        await self._hour_typed(turn, minutes)

    async def reminder_hour_typed(self, turn: Turn, text: str) -> bool:
        """Set the reminders' hour a message asks for ("put the reminder at 7 pm"); else False."""
        # Not in text a flow reads: a practice prompt or a trainer's message may name a time.
        named = _REMINDERS_NAMED.search(fold(text)) is not None
        if turn.state.captures_text or not (named or _asks_reminding_at(text)):
            return False
        minutes = find_clock(text, (turn.language,))
        if minutes is None:
            return False
        if not named:
            # "rappelle-moi demain à 18h" may have meant another errand: what reminders do first.
            turn.say(turn.t.gettext(REVIEWS_ONLY))
        # "put the reminder at 7 in the evening please" got what reminders are, and the settings.
        if not turn.learner.reminders_on:
            await turn.repo(LEARNERS).set_reminders(turn.learner.id, True)
            turn.learner = replace(turn.learner, reminders_on=True)
        await self._hour_typed(turn, minutes)
        return True

    async def _hour_typed(self, turn: Turn, minutes: int) -> None:
        """Set the hour of a typed time, or say why not and show the hours."""
        t = turn.t
        hour = minutes // 60
        if hour not in self.hours:
            first, last = self._day()
            # Which of the two, by the nearer end of the quiet hours ("21u30" was "too late or
            # too early", and said 21:00).
            start, end = self.quiet_hours
            late = (minutes - start) % MINUTES_PER_DAY <= (end - minutes) % MINUTES_PER_DAY
            note = (
                t.gettext(
                    "I do not send reminders at {time}: it is too late. "
                    "Please choose an hour from {first} to {last}."
                )
                if late
                else t.gettext(
                    "I do not send reminders at {time}: it is too early. "
                    "Please choose an hour from {first} to {last}."
                )
            ).format(time=format_clock(minutes), first=first, last=last)
            await self.ask_hour(turn, note=note)
            return
        # Reminders come on the hour: 20:30 is said to be 20:00, not silently made so.
        note = (
            t.gettext("Reminders come on the hour: I chose {time}.").format(
                time=format_clock(hour * 60)
            )
            if minutes % 60
            else ""
        )
        await self.choose_hour(turn, ChooseHour(hour), note=note)

    def _day(self) -> tuple[str, str]:
        """Return the first and the last hour a reminder may come at, from the quiet hours' end."""
        end = self.quiet_hours[1]
        ordered = sorted(self.hours, key=lambda hour: (hour * 60 - end) % MINUTES_PER_DAY)
        return format_clock(ordered[0] * 60), format_clock(ordered[-1] * 60)

    async def choose_hour(self, turn: Turn, chosen: ChooseHour, *, note: str = "") -> None:
        """Set the reminders' hour, then show the settings again, after a note if there is one."""
        automatic = chosen.hour == ChooseHour.AUTOMATIC
        if not automatic and chosen.hour not in self.hours:
            await screens.stale_button(turn)
            return
        hour = None if automatic else chosen.hour
        await turn.repo(REMINDERS).choose_hour(turn.learner.id, hour)
        if isinstance(turn.state, ChoosingHour):
            turn.leave()
        await self.show(turn, again=True, note=note)
