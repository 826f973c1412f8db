"""Keep the topic of a learner's question, without the words that ask for a way of answering."""

from __future__ import annotations

import re
from functools import cache

from bot.core.languages import SearchWords

_WORD = re.compile(r"\w+")


@cache
def _answer_style(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE | re.VERBOSE)


def topic(text: str, language: SearchWords) -> str:
    """Return the question without phrases about how to answer it (all of it if nothing is left)."""
    # "What is AI, in simple words?" asks about AI, not about simple words; how to answer is the
    # tutor's job (short sentences already, and the "Simpler, please" button).
    stripped = " ".join(_answer_style(language.answer_style).sub(" ", text).split())
    if language.subject is not None:
        spelled_out, short = language.subject
        stripped = _answer_style(spelled_out).sub(short, stripped)
    if language.clippings:
        whole = dict(language.clippings)
        stripped = _WORD.sub(lambda word: whole.get(word[0].lower(), word[0]), stripped)
    return stripped if any(character.isalnum() for character in stripped) else text
