"""How far a misspelt word may be from the word meant: one rule for every correction."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

from bot.core.text import fold

if TYPE_CHECKING:
    from symspellpy import SymSpell

# Words shorter than this are left alone: one changed letter in "ia" or "cv" makes another word.
MIN_LETTERS: Final = 4
# Shorter words get one edit, longer ones two: two edits turn most short words into another word
# of the course ("achats" into "chat").
TWO_EDITS_FROM: Final = 9
MAX_EDITS: Final = 2


def edits_allowed(word: str) -> int:
    """Return how many edits a word may be from the word meant: none for a short word."""
    if len(word) < MIN_LETTERS:
        return 0
    return 1 if len(word) < TWO_EDITS_FROM else MAX_EDITS


def close_terms(symspell: SymSpell, word: str) -> list[str]:
    """Return the dictionary's words a folded word may be a typo of, closest first."""
    from symspellpy import Verbosity

    edits = edits_allowed(word)
    found = symspell.lookup(word, Verbosity.CLOSEST, max_edit_distance=edits) if edits else []
    # People seldom miss the first letter; a word that differs there is another word.
    return [str(item.term) for item in found if item.term[0] == word[0]]


class CloseWords:
    """Find the closest of a few known words (a glossary's) to a misspelt one."""

    def __init__(self, words: Iterable[str]) -> None:
        from symspellpy import SymSpell

        # Compared in small letters: "Halucination" at the start of a question is a typo too.
        self._known = frozenset(fold(word).lower() for word in words)
        self._symspell = SymSpell(max_dictionary_edit_distance=MAX_EDITS)
        for word in self._known:
            if len(word) >= MIN_LETTERS - 1:
                self._symspell.create_dictionary_entry(word, 1)

    def closest(self, word: str) -> str | None:
        """Return the known word (in small letters) a folded word is a typo of, if it is one."""
        word = word.lower()
        if word in self._known or not word.isalpha():
            return None
        return next(iter(close_terms(self._symspell, word)), None)
