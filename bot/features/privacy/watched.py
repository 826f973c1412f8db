"""Answer "who can read what I write here?": what a trainer sees, and that no office does."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Final

import yaml

from bot.core.router import Turn, button, rows
from bot.core.text import holds_phrase
from bot.features.menu import flows as screens
from bot.features.menu.buttons import RunCommand
from bot.features.smalltalk.text import normalise
from bot.features.trainers.membership import TRAINER_SEES
from bot.features.trainers.report import UNANSWERED_MIN_LEARNERS
from bot.i18n import N_

WORDS: Final = Path(__file__).with_name("watched.yaml")
NOBODY_READS: Final = N_(
    "🔒 I do not keep your messages, and I send them to no office: not the CPAS, the Forem, the "
    "VDAB or Actiris. I keep your last questions for 30 minutes, to understand the next one."
)
# As the report shows them: the ten newest of 30 days, each with its date, names and numbers
# taken out; what a learner writes about themselves may still say who it is.
IN_A_GROUP: Final = N_(
    "Your trainer can also read the questions I could not answer, with their date but without "
    "your name, for 30 days, once at least {count} learners of the group asked some. Do not "
    "write private things in them."
)
ON_THE_PHONE: Final = N_(
    "This chat also stays on your phone: if someone else uses it, you can delete the chat there."
)
NO_GROUP: Final = N_("You are in no group: no trainer sees what you do.")
LEARNERS_UNREAD: Final = N_(
    "🔒 I do not keep the learners' messages, so nobody can read them, trainers neither. You see "
    "their first names, the lessons they did, their quiz scores and when they last learnt; the "
    "report also shows the questions I could not answer, without names, once at least {count} "
    "learners of the group asked some."
)

Phrase = tuple[str, ...]
# "wat ik hier allemaal schrijf": the verb of writing, within this many words of "wat ik".
WRITING_GAP: Final = 4


@dataclass(frozen=True)
class WatchedWords:
    """The words of a question on who reads what the learner writes (see watched.yaml)."""

    mine: frozenset[Phrase]
    openers: frozenset[Phrase]
    writes: frozenset[str]
    me: frozenset[Phrase]
    theirs: frozenset[Phrase]
    seeing: frozenset[str]
    seen_by: frozenset[str]
    here: frozenset[str]
    fear: frozenset[str]
    watchers: frozenset[Phrase]
    this_app: frozenset[Phrase]
    tools: frozenset[Phrase]
    things: frozenset[Phrase]

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> WatchedWords:
        """Build the words from watched.yaml's sections, every language's together."""

        def phrases(section: Any) -> frozenset[Phrase]:
            listed: Iterable[Any] = (
                (text for texts in section.values() for text in texts)
                if isinstance(section, Mapping)
                else section
            )
            return frozenset(normalise(str(text), runs=False) for text in listed)

        def words(section: Any) -> frozenset[str]:
            return frozenset(word for phrase in phrases(section) for word in phrase)

        return cls(
            phrases(data["mine"]),
            phrases(data["writing"]["openers"]),
            words(data["writing"]["verbs"]),
            phrases(data["me"]),
            phrases(data["theirs"]),
            words(data["seeing"]),
            words(data["seen_by"]),
            words(data["here"]),
            words(data["fear"]),
            phrases(data["watchers"]),
            phrases(data["this_app"]),
            phrases(data["tools"]),
            phrases(data["things"]),
        )

    def asked(self, text: str) -> bool:
        """Tell whether a message asks who can read what the learner writes here."""
        words = normalise(text, runs=False)
        if self._names_a_tool(words):
            return False
        said = frozenset(words)
        watcher = _holds(words, self.watchers)
        if _holds(words, self.mine) or self._says_what_i_write(words):
            sees = bool(said & self.seeing) and (watcher or bool(said & self.here))
            return sees or (watcher and bool(said & self.fear))
        return _holds(words, self.me) and watcher and bool(said & self.seen_by)

    def asked_of_others(self, text: str) -> bool:
        """Tell whether a message asks to read what others (a trainer's learners) write."""
        words = normalise(text, runs=False)
        return (
            not self._names_a_tool(words)
            and not _holds(words, self.things)
            and _holds(words, self.theirs)
            and not self.seeing.isdisjoint(words)
        )

    def _says_what_i_write(self, words: Phrase) -> bool:
        """Tell whether "what I … write" is said, with up to three words between."""
        return any(
            words[start : start + len(opener)] == opener
            and not self.writes.isdisjoint(
                words[start + len(opener) : start + len(opener) + WRITING_GAP]
            )
            for opener in self.openers
            for start in range(len(words))
        )

    def _names_a_tool(self, words: Phrase) -> bool:
        """Tell whether the words name an AI tool or app, other than this chat itself."""
        return _holds(_without(words, self.this_app), self.tools)


def _without(words: Phrase, phrases: frozenset[Phrase]) -> Phrase:
    """Return the words with each run that is one of the phrases taken out."""
    kept: list[str] = []
    at = 0
    while at < len(words):
        found = next(
            (len(phrase) for phrase in phrases if words[at : at + len(phrase)] == phrase), 0
        )
        if not found:
            kept.append(words[at])
        at += found or 1
    return tuple(kept)


def _holds(words: Phrase, phrases: frozenset[Phrase]) -> bool:
    """Tell whether one of the phrases is a run of the words."""
    return holds_phrase(words, phrases, max((len(phrase) for phrase in phrases), default=0))


async def _leads_a_group(turn: Turn) -> bool:
    """Tell whether the learner is a trainer, who may ask to read their learners' messages."""
    return "trainer" in await turn.services.audiences(turn.uow, turn.learner)


@cache
def watched_words() -> WatchedWords:
    """Read watched.yaml once."""
    return WatchedWords.of(yaml.safe_load(WORDS.read_text(encoding="utf-8")))


async def who_reads(turn: Turn, text: str) -> bool:
    """Say who sees what the learner writes and does, when that is what they ask; else False."""
    if turn.state.captures_text:
        # A practice prompt ("write to the commune… check my message") or a name being typed.
        return False
    words = watched_words()
    if words.asked_of_others(text) and await _leads_a_group(turn):
        said = turn.t.gettext(LEARNERS_UNREAD).format(count=UNANSWERED_MIN_LEARNERS)
        turn.say(said, rows(screens.menu_button(turn.t)))
        return True
    if not words.asked(text):
        return False
    t = turn.t
    grouped = await turn.services.questions_read(turn.uow, turn.learner)
    lines = [
        t.gettext(NOBODY_READS),
        *(
            [t.gettext(TRAINER_SEES), t.gettext(IN_A_GROUP).format(count=UNANSWERED_MIN_LEARNERS)]
            if grouped
            else [t.gettext(NO_GROUP)]
        ),
        t.gettext(ON_THE_PHONE),
    ]
    see_mine = button(t.gettext("📋 See my data"), RunCommand("mydata"))
    turn.say("\n".join(lines), rows(screens.way_back(turn, t), see_mine, screens.menu_button(t)))
    return True
