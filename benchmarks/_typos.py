"""Make a typo variant of question cases: the same questions with 1 or 2 realistic typos each.

Typos are the kinds learners make on a phone or a keyboard: a neighbouring key on the keyboard
of their language (AZERTY for French, QWERTY for Dutch and English), a dropped letter, a doubled
letter, two neighbouring letters swapped, or an accent left out. Each question gets one typo, or
two one time in three, in words of at least four letters, never on the first letter (people
rarely miss that one). The random generator is seeded by the seed and the question itself, so a
question always gets the same typos, whatever other cases the file holds.
"""

from __future__ import annotations

import random
import re
import unicodedata
import zlib
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Final

from bot.adapters.search.evaluation import EvalCase

SEED: Final = 14
KEYBOARDS: Final[dict[str, tuple[str, ...]]] = {
    "azerty": ("azertyuiop", "qsdfghjklm", "wxcvbn"),
    "qwerty": ("qwertyuiop", "asdfghjkl", "zxcvbnm"),
}
LAYOUT: Final = {"fr": "azerty", "nl": "qwerty", "en": "qwerty"}
WORD: Final = re.compile(r"\w{4,}")
TWO_TYPOS_ONE_IN: Final = 3


def neighbours(layout: str) -> dict[str, str]:
    """Return the keys next to each letter: same row, and the staggered rows above and below."""
    rows = KEYBOARDS[layout]
    near: dict[str, str] = {}
    for row_number, row in enumerate(rows):
        for column, key in enumerate(row):
            around = [(row_number, column - 1), (row_number, column + 1)]
            around += [(row_number - 1, column), (row_number - 1, column + 1)]
            around += [(row_number + 1, column - 1), (row_number + 1, column)]
            near[key] = "".join(
                rows[r][c] for r, c in around if 0 <= r < len(rows) and 0 <= c < len(rows[r])
            )
    return near


def _bare(letter: str) -> str:
    return unicodedata.normalize("NFKD", letter)[0]


Typo = Callable[[str, int, random.Random, dict[str, str]], str | None]


def _near_key(word: str, at: int, rng: random.Random, near: dict[str, str]) -> str | None:
    keys = near.get(word[at].lower())
    return word[:at] + rng.choice(keys) + word[at + 1 :] if keys else None


def _drop(word: str, at: int, rng: random.Random, near: dict[str, str]) -> str | None:
    return word[:at] + word[at + 1 :]


def _double(word: str, at: int, rng: random.Random, near: dict[str, str]) -> str | None:
    return word[:at] + word[at] + word[at:]


def _swap(word: str, at: int, rng: random.Random, near: dict[str, str]) -> str | None:
    if at + 1 >= len(word) or word[at] == word[at + 1]:
        return None
    return word[:at] + word[at + 1] + word[at] + word[at + 2 :]


def _no_accent(word: str, at: int, rng: random.Random, near: dict[str, str]) -> str | None:
    accented = [n for n, letter in enumerate(word) if _bare(letter) != letter]
    if not accented:
        return None
    n = rng.choice(accented)
    return word[:n] + _bare(word[n]) + word[n + 1 :]


TYPOS: Final[tuple[Typo, ...]] = (_near_key, _drop, _double, _swap, _no_accent)


def misspell(text: str, language: str, rng: random.Random) -> str:
    """Put one typo in one word of at least four letters (the text as it was if it has none)."""
    words = list(WORD.finditer(text))
    if not words:
        return text
    near = neighbours(LAYOUT.get(language, "qwerty"))
    match = rng.choice(words)
    word = match.group()
    for typo in rng.sample(TYPOS, len(TYPOS)):
        changed = typo(word, rng.randrange(1, len(word)), rng, near)
        if changed is not None and changed != word:
            return text[: match.start()] + changed + text[match.end() :]
    return text


def with_typos(cases: Sequence[EvalCase], seed: int = SEED) -> tuple[EvalCase, ...]:
    """Return the cases with 1 or 2 typos in each question, the same for the same seed."""
    variant = []
    for case in cases:
        rng = random.Random(seed * 1_000_003 + zlib.crc32(case.question.encode()))
        question = misspell(case.question, case.language, rng)
        if rng.randrange(TWO_TYPOS_ONE_IN) == 0:
            question = misspell(question, case.language, rng)
        variant.append(replace(case, question=question))
    return tuple(variant)
