"""Normalise what learners type the same way as the phrases it is compared with."""

from __future__ import annotations

import re

from bot.core.text import fold

_REPEATED = re.compile(r"(.)\1+")
_WORD_CHARS = re.compile(r"[^\W_]+")


def normalise(text: str, *, runs: bool = True) -> tuple[str, ...]:
    """Return the words of a text: lower case, no accents, each run of one letter as one.

    Without `runs`, letters typed twice stay so: "lees" (read) is not "les" (lesson).
    """
    folded = fold(text).casefold().replace("'", " ").replace("’", " ")
    words = _WORD_CHARS.findall(folded)
    return tuple(_REPEATED.sub(r"\1", word) for word in words) if runs else tuple(words)
