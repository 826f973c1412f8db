"""Plain-text helpers: sentences, word limits, accent-free matching, and data made inert."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
_LIST_MARK = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_OPENING_ANGLES = "<˂ᐸ⟨〈❬❮⧼"
_CLOSING_ANGLES = ">˃ᐳ⟩〉❭❯⧽"
_ANGLES = str.maketrans(
    _OPENING_ANGLES + _CLOSING_ANGLES, "‹" * len(_OPENING_ANGLES) + "›" * len(_CLOSING_ANGLES)
)


# Lone surrogates cannot be encoded (UTF-8 for the database, UTF-16 for Telegram's lengths),
# control characters other than line breaks and tabs have no place in a chat, and direction
# overrides can make a text read differently from what it holds.
_INVALID = re.compile(
    "[\ud800-\udfff\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff]"
)


def valid_unicode(text: str) -> str:
    """Drop lone surrogates, control characters and direction overrides; keep the rest."""
    return _INVALID.sub("", text)


# Words of two letters or more; a message in capitals has at least two of them, so that an
# acronym typed alone ("RGPD", "AI?") stays as it is.
_WORD = re.compile(r"[^\W\d_]{2,}")


def unshouted(text: str) -> str:
    """Return a message typed all in capitals in small letters; any other message as it is."""
    # People at ease with phones rarely do it, beginners often do ("EST-CE QUE L'IA ECOUTE MON
    # TELEPHONE ?"): read in capitals, every word looked like a name, and "BONJOUR …" like a bare
    # greeting. The readers already take acronyms in small letters ("c'est quoi l'ia").
    words = _WORD.findall(text)
    if len(words) < 2 or any(not word.isupper() for word in words):
        return text
    return text.lower()


def sentences(text: str) -> list[str]:
    """Split a text into sentences and list items, without their list marks."""
    lines = (_LIST_MARK.sub("", line) for line in text.splitlines())
    parts = (part.strip() for line in lines for part in _SENTENCE_END.split(line))
    return [part for part in parts if part]


def has_letters(text: str) -> bool:
    """Tell whether a text has a letter of any script: "7", "2026" and "🙂" have none."""
    return any(character.isalpha() for character in text)


def word_count(text: str) -> int:
    """Count the words of a text: pieces between spaces that hold a letter or a digit."""
    # French sets ":", "?" and "!" apart with a space; counted as words, they pushed French
    # cards of 90 words over the limit of an answer, which then left their last sentence out.
    return sum(1 for piece in text.split() if any(character.isalnum() for character in piece))


def trim_words(text: str, limit: int) -> str:
    """Keep whole sentences (or lines) up to `limit` words; cut a first long one with "…"."""
    if word_count(text) <= limit:
        return text.strip()
    kept: list[str] = []
    count = 0
    for line in text.strip().splitlines():
        pieces = _SENTENCE_END.split(line)
        line_kept: list[str] = []
        for piece in pieces:
            if count + word_count(piece) > limit:
                break
            line_kept.append(piece)
            count += word_count(piece)
        if line_kept:
            kept.append(" ".join(line_kept))
        if len(line_kept) < len(pieces):
            break
    if not "".join(kept).strip():
        return " ".join(text.split()[:limit]) + " …"
    return "\n".join(kept).strip()


def fold(text: str) -> str:
    """Remove accents, so "donnees" finds "données" (learners often type without them)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def inert(text: str) -> str:
    """Make text safe to put between tags in a prompt: it can neither close nor open one."""
    # NFKC folds full-width and small angle brackets (＜ ﹤) onto < and >; a model reads the
    # look-alikes that it leaves alone (⟨ 〈 ❮ ˂) as brackets too.
    return unicodedata.normalize("NFKC", text).translate(_ANGLES)


def run_in(run: Sequence[str], words: Sequence[str]) -> bool:
    """Tell whether `run` is a run of consecutive `words`."""
    size = len(run)
    return any(tuple(words[at : at + size]) == tuple(run) for at in range(len(words) - size + 1))


def holds_phrase(words: Sequence[str], phrases: AbstractSet[tuple[str, ...]], longest: int) -> bool:
    """Tell whether a run of the words, at most `longest` of them, is one of the phrases."""
    return any(
        tuple(words[start : start + size]) in phrases
        for size in range(1, longest + 1)
        for start in range(len(words) - size + 1)
    )
