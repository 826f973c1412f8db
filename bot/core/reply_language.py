"""Decide the language of a reply: the learner's own, unless a message is clearly in another one.

A learner chose a language; their messages mix it with names of tools and loanwords ("is chatgpt
safe", "c quoi un prompt"), typos and words of the other languages of Belgium, and a detector
reads such short texts poorly ("wat is AI" scores 0.62 French; lingua, the detector before, put
"is chatgpt safe" at 0.66 Dutch). So a message switches the reply to another offered language
only when all of these hold:

- without the phrases it quotes, it has more than `MAX_KEPT_WORDS` words, and at least
  `MIN_CLEAR_WORDS` of them are not names of tools or loanwords (bot/core/loanwords.txt);
- the detector, on the message without those words, puts the other language first, at least
  `MIN_MARGIN` above the learner's;
- the message has at least `MIN_FUNCTION_WORDS` function words of that language (its profile's
  `function_words`, those no other offered language lists), and more than of the learner's.

Everything else is answered in the learner's language. The rule and its figures:
docs/understanding.md; the battery it is measured on: eval/language/, benchmarks/language.py.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Final, Protocol

from bot.config import Language
from bot.core.languages import LanguageRegistry
from bot.core.text import fold

# Messages of this many words or fewer never switch: too short to tell a language apart.
MAX_KEPT_WORDS: Final = 4
# Words left once names of tools and loanwords are set aside ("is chatgpt safe" has one).
MIN_CLEAR_WORDS: Final = 3
# How far the detector must put the other language above the learner's (confidences sum to 1).
MIN_MARGIN: Final = 0.5
# Function words of the other language the message must hold.
MIN_FUNCTION_WORDS: Final = 2
# With this many, and none of the learner's language, a smaller margin is enough: a detector
# may be unsure of a plain sentence (lingua: "Do I have to pay to use ChatGPT on my phone?" 0.63).
STRONG_FUNCTION_WORDS: Final = 4
STRONG_MARGIN: Final = 0.25
_LETTERS = re.compile(r"[^\W\d_]+")
# A quoted phrase is what a learner asks about ("what does 'ik weet het niet' mean"), not the
# language they write in. A straight single quote opens only after a space or the start and
# closes only before a non-letter, so that the apostrophes of "c'est" and "l'IA" are left alone.
_QUOTED = re.compile(
    r"""«[^»]*» | “[^”]*” | „[^“”]*[“”] | "[^"]*" | ‘[^’]*’
        | (?<!\w)'(?=\S)[^'\n]*?(?<=\S)'(?!\w)""",
    re.VERBOSE,
)


class Confidences(Protocol):
    """The language detector: a confidence per offered language."""

    def confidences(self, text: str) -> Mapping[Language, float]:
        """Return the confidence for each language, summing to one."""
        ...


@dataclass(frozen=True)
class ReplyLanguage:
    """The language to reply in, and whether it differs from the learner's own."""

    language: Language
    switched: bool


@cache
def loanwords() -> frozenset[str]:
    """Return the names of tools and loanwords that say nothing about a message's language."""
    text = files("bot.core").joinpath("loanwords.txt").read_text("utf-8")
    lines = (line.strip() for line in text.splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


def without_quotes(text: str) -> str:
    """Return a message without the phrases it quotes."""
    return _QUOTED.sub(" ", text)


def words(text: str) -> list[str]:
    """Return the words of a text in lower case without accents, split at apostrophes."""
    return _LETTERS.findall(fold(text).casefold())


def without_loanwords(text: str) -> str:
    """Return a text without its names of tools and loanwords, for the detector to read."""
    return _LETTERS.sub(lambda m: "" if words(m[0])[0] in loanwords() else m[0], text)


def word_total(text: str) -> int:
    """Count the words of a message as a reader does: "c'est vrai ?" has two."""
    return sum(1 for word in text.split() if _LETTERS.search(word))


def can_switch(text: str) -> bool:
    """Tell whether a message is long enough to switch the reply to another language at all."""
    return word_total(without_quotes(text)) > MAX_KEPT_WORDS


class ReplyLanguageRule:
    """Keep the learner's language unless a message is clearly in another offered one."""

    def __init__(self, languages: LanguageRegistry) -> None:
        self.languages = languages
        listed = {p.code: frozenset(p.function_words) for p in languages}
        # A word two languages list ("de", "en", "is") is evidence for neither.
        self.function_words = {
            code: own - frozenset().union(*(o for c, o in listed.items() if c != code))
            for code, own in listed.items()
        }

    def evidence(self, found: list[str]) -> dict[Language, int]:
        """Count the function words of each language among some words."""
        return {code: sum(w in marks for w in found) for code, marks in self.function_words.items()}

    def choose(self, text: str, own: Language, detector: Confidences) -> ReplyLanguage:
        """Return the language to answer `text` in, for a learner whose language is `own`."""
        kept = ReplyLanguage(own, switched=False)
        if not can_switch(text):
            return kept
        text = without_quotes(text)
        found = [w for w in words(text) if w not in loanwords()]
        clear = [w for w in found if len(w) > 1]  # not an elided "l'" or "j'"
        if len(clear) < MIN_CLEAR_WORDS:
            return kept
        scores = detector.confidences(without_loanwords(text))
        best = max(scores, key=scores.__getitem__)
        if best == own:
            return kept
        evidence = self.evidence(found)
        if evidence[best] < MIN_FUNCTION_WORDS or evidence[best] <= evidence.get(own, 0):
            return kept
        strong = evidence[best] >= STRONG_FUNCTION_WORDS and not evidence.get(own, 0)
        if scores[best] - scores.get(own, 0.0) < (STRONG_MARGIN if strong else MIN_MARGIN):
            return kept
        return ReplyLanguage(best, switched=True)
