"""Whether a card rewritten by the model still says the card's hand-written key idea."""

from __future__ import annotations

from typing import Final

from bot.core.text import fold
from bot.course.readability import words

# Words this long carry the content ("filter", "learns", "données"); shorter ones are mostly
# articles, pronouns and small verbs, which any text shares.
MIN_CONTENT_LETTERS: Final = 5
# Words are compared by their beginning, so "learns" and "learning", "donnée" and "données" meet.
STEM_LETTERS: Final = 5
# The share of the key idea's content words a rewrite must use. A rewrite may change some words
# for simpler ones, but one that shares less than half of them says something else.
MIN_SHARED: Final = 0.5


def content_stems(text: str) -> set[str]:
    """Return the beginnings of a text's content words, without accents or capitals."""
    return {
        fold(word).lower()[:STEM_LETTERS]
        for word in words(text)
        if len(word) >= MIN_CONTENT_LETTERS
    }


def says_key_idea(rewrite: str, key_idea: str) -> bool:
    """Tell whether a rewrite uses enough of the key idea's content words to still say it."""
    needed = content_stems(key_idea)
    if not needed:
        return True
    shared = needed & content_stems(rewrite)
    return len(shared) >= MIN_SHARED * len(needed)
