"""Fold a text into one plain form for finding personal data, and map positions back."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Dashes and minus signs that people (or their keyboards) put between groups of digits.
_DASHES = frozenset("‐‑‒–—―−﹘﹣－")


@dataclass(frozen=True)
class Folded:
    """A folded text, with the span of the original text each of its characters came from."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def original(self, start: int, end: int) -> tuple[int, int]:
        """Return the span of the original text that a span of the folded text came from."""
        return self.starts[start], self.ends[end - 1]


def _clusters(text: str) -> list[tuple[int, int]]:
    # A character with the combining marks that follow it, so that "e" + "◌́" folds to "é".
    bounds: list[tuple[int, int]] = []
    for index, char in enumerate(text):
        if bounds and unicodedata.category(char).startswith("M"):
            bounds[-1] = (bounds[-1][0], index + 1)
        else:
            bounds.append((index, index + 1))
    return bounds


def _fold_cluster(cluster: str) -> str:
    char = cluster[0]
    category = unicodedata.category(char)
    if category == "Cf":  # zero-width spaces and joiners, soft hyphens, direction marks
        return ""
    if char.isspace():
        return " "
    if char in _DASHES:
        return "-"
    if category == "Nd":  # any script's digits: "٤", "४", "４"
        return str(unicodedata.decimal(char))
    return unicodedata.normalize("NFKC", cluster)


def fold(text: str) -> Folded:
    """Return a text in NFKC, with ASCII digits and dashes, no invisible marks, single spaces."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for start, end in _clusters(text):
        folded = _fold_cluster(text[start:end])
        if folded == " " and chars and chars[-1] == " ":
            ends[-1] = end
            continue
        for char in folded:
            chars.append(char)
            starts.append(start)
            ends.append(end)
    return Folded("".join(chars), tuple(starts), tuple(ends))
