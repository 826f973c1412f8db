"""Keep the topic of a learner's question, in the words the lessons use for it."""

from __future__ import annotations

import re
from functools import cache

from bot.core.languages import SearchWords


@cache
def _pattern(pattern: str) -> re.Pattern[str]:
    """Compile one of a language's case-insensitive verbose patterns, once."""
    return re.compile(pattern, re.IGNORECASE | re.VERBOSE)


def topic(text: str, language: SearchWords) -> str:
    """Return the question's topic in the lessons' words (all of it if nothing is left)."""
    # "What is AI, in simple words?" asks about AI, not about simple words; how to answer is the
    # tutor's job (short sentences already, and the "Simpler, please" button).
    stripped = " ".join(_pattern(language.answer_style).sub(" ", text).split())
    if language.subject is not None:
        spelled_out, short = language.subject
        stripped = _pattern(spelled_out).sub(short, stripped)
    stripped = language.in_full(stripped)
    return stripped if any(character.isalnum() for character in stripped) else text
