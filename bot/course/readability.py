"""Plain-language measures: words, sentences, average sentence length."""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD = re.compile(r"[\w’'-]+", re.UNICODE)
# A sentence ends at . ! ? or : before a space or the end, and at every line break
# (list items and headings carry no full stop but are read as separate sentences).
SENTENCE_END = re.compile(r"(?<=[.!?…:])\s+|\n+")


def words(text: str) -> list[str]:
    """Return the words of a text, numbers and contractions included."""
    return [w for w in WORD.findall(text) if any(ch.isalnum() for ch in w)]


def sentences(text: str) -> list[str]:
    """Split a text into sentences that hold at least one word."""
    return [s for s in SENTENCE_END.split(text) if words(s)]


@dataclass(frozen=True)
class TextStats:
    """Word and sentence counts for a piece of text."""

    words: int
    sentences: int

    @property
    def words_per_sentence(self) -> float:
        """Return the average sentence length in words."""
        return self.words / self.sentences if self.sentences else 0.0


def measure(texts: list[str]) -> TextStats:
    """Count words and sentences over several texts."""
    return TextStats(
        words=sum(len(words(t)) for t in texts),
        sentences=sum(len(sentences(t)) for t in texts),
    )
