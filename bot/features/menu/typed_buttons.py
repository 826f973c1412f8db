"""Read typed words that name a button on the learner's screen as a tap of that button.

Many learners type what a button says rather than tap it: "Open de les", "📖 Open de les",
"volgende les" under "▶ Volgende les: AI die je al gebruikt". A label names its button whole,
in any case, with or without its emoji, accents and punctuation; a label made of an action and
what it acts on ("▶ Next lesson: …", "AI ontdekken · 0/5"), or of words and a detail in brackets
("🧭 Wat weet ik al? (10 vragen)"), is named by its action too, when that
has two words or more. A single word ("verder", "start", "bias") is left to the readers of small
talk and of questions, which know more about it than a label does.
"""

from __future__ import annotations

import re
from typing import Final

from bot.core.replies import Button
from bot.core.router import Turn, press_shown
from bot.core.text import fold

# Letters and digits: "Task 1" and "Task 2" are two labels, "18:00" an hour.
_WORD: Final = re.compile(r"[^\W_]+")
# What separates a button's action from what it acts on or adds: "▶ Continue: …", "Module ·
# 2/5", "🧭 What do I already know? (10 questions)".
_ACTION_END: Final = re.compile(r"[:·(]")
MIN_ACTION_WORDS: Final = 2


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(text).casefold()))


def names(label: str, typed: str) -> bool:
    """Tell whether typed words name a button: its whole label, or its action alone."""
    said = _words(typed)
    if not said:
        return False
    if said == _words(label):
        return True
    action = _words(_ACTION_END.split(label, maxsplit=1)[0])
    return len(action) >= MIN_ACTION_WORDS and said == action


def named(shown: tuple[Button, ...], typed: str) -> Button | None:
    """Return the button on screen that typed words name; None when none or several differ."""
    found = {button.data: button for button in shown if names(button.label, typed)}
    return next(iter(found.values())) if len(found) == 1 else None


async def press_named(turn: Turn, text: str) -> bool:
    """Do what the button on screen that the words name does; False when they name none."""
    shown = named(turn.shown, text)
    return shown is not None and await press_shown(turn, shown)
