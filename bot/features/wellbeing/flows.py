"""Answer words of distress with the people who can help, before anything else reads them.

A learner who writes that they think of suicide, are in danger or cannot go on gets, in any
state and in their language, the Belgian lines that listen day and night, and the way back to
where they were. Nothing of the message is stored, searched or sent to a model.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any, Final

import yaml

from bot.core.router import Turn, rows
from bot.features.menu import flows as screens
from bot.features.quiz.flows import way_back
from bot.features.smalltalk.text import normalise
from bot.i18n import N_

# The lines as content/facts.yaml registers them (tests/unit/test_wellbeing.py checks that they
# agree): when one changes, the register and this change together.
HELPLINES: Final = {
    "tele_onthaal": "106",
    "tele_accueil": "107",
    "zelfmoordlijn": "1813",
    "prevention_suicide": "0800 32 123",
}
EMERGENCY: Final = "112"  # Europe's emergency number

REPLY: Final = N_(
    "💛 I am sorry things are so hard for you right now. I am a computer program, but people "
    "can listen to you and help, day and night, for free and without your name:\n"
    "• To talk: Tele-Onthaal {tele_onthaal} (in Dutch) or Télé-Accueil {tele_accueil} "
    "(in French).\n"
    "• If you think about suicide: Zelfmoordlijn {zelfmoordlijn} (in Dutch) or Centre de "
    "Prévention du Suicide {prevention_suicide} (in French).\n"
    "• In danger right now: call {emergency}.\n"
    "You can also talk to your doctor or to someone you trust."
)


@dataclass(frozen=True)
class Distress:
    """The phrases of distress of every language, normalised as small talk is."""

    phrases: frozenset[tuple[str, ...]]

    @classmethod
    def of(cls, by_language: Mapping[str, Iterable[str]]) -> Distress:
        """Build the phrases from words.yaml's lists, whatever the languages offered."""
        return cls(
            frozenset(normalise(phrase) for texts in by_language.values() for phrase in texts)
        )

    def found_in(self, text: str) -> bool:
        """Return whether a message holds a phrase of distress, as a run of whole words."""
        words = normalise(text)
        longest = max(map(len, self.phrases), default=0)
        return any(
            words[start : start + size] in self.phrases
            for size in range(1, longest + 1)
            for start in range(len(words) - size + 1)
        )

    async def read(self, turn: Turn, text: str) -> bool:
        """Answer distress with the lines that listen and return True; False for anything else."""
        if not self.found_in(text):
            return False
        t = turn.t
        said = t.gettext(REPLY).format(**HELPLINES, emergency=EMERGENCY)
        turn.say(said, rows(way_back(turn, t), screens.menu_button(t)))
        return True


@cache
def distress() -> Distress:
    """Return the phrases of words.yaml."""
    data: dict[str, Any] = yaml.safe_load(
        files("bot.features.wellbeing").joinpath("words.yaml").read_text("utf-8")
    )
    return Distress.of(data["phrases"])
