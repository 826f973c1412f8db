"""Keep the topic of a learner's question, without the words that ask for a way of answering."""

from __future__ import annotations

import re
from typing import Final

from bot.config import Language

# "What is AI, in simple words?" asks about AI, not about simple words: left in, these phrases
# matched the lessons that teach how to ask a chatbot for simple words. How to answer is the
# tutor's job (short sentences already, and the "Simpler, please" button).
_ANSWER_STYLE: Final[dict[Language, str]] = {
    "en": r"""
        \b(?:in|with|using)\s+(?:very\s+)?(?:simple|plain|easy|everyday|basic)\s+
            (?:words|terms|language|english)\b
        | \b(?:very\s+)?(?:simply|briefly)\b
        | \blike\s+i'?m\s+(?:five|5)\b
        | \bfor\s+dummies\b
    """,
    "fr": r"""
        \b(?:en|avec\s+des)\s+(?:mots|termes)\s+(?:tout\s+)?(?:simples|faciles)\b
        | \b(?:tout\s+)?simplement\b
        | \bpour\s+les\s+nuls\b
        | \ben\s+bref\b
    """,
    "nl": r"""
        \bin\s+(?:simpele|eenvoudige|gewone|makkelijke|duidelijke)\s+(?:woorden|taal|termen)\b
        | \b(?:simpel|eenvoudig|kort)\s+uitgelegd\b
        | \bvoor\s+dummies\b
    """,
}
ANSWER_STYLE: Final = {
    language: re.compile(pattern, re.IGNORECASE | re.VERBOSE)
    for language, pattern in _ANSWER_STYLE.items()
}


def topic(text: str, language: Language) -> str:
    """Return the question without phrases about how to answer it (all of it if nothing is left)."""
    stripped = " ".join(ANSWER_STYLE[language].sub(" ", text).split())
    return stripped if any(character.isalnum() for character in stripped) else text
