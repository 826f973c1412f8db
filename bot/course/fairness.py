"""Measure whether a course's quiz items can be answered from their form alone.

A test-wise guesser never reads the question: it skips options with absolute words ("always",
"never"), prefers hedged ones ("sometimes", "can"), and picks the longest. With the options in
file order it also avoids the previous item's right position and prefers C or D on four-option
items. If such a guesser beats chance, the quiz measures test-taking, not understanding.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from bot.config import Language
from bot.core.yaml_text import parse_yaml
from bot.course.model import Lesson, QuizItem

WORDS_FILE = Path(__file__).with_name("quiz_words.yaml")
LETTERS = "ABCD"
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


@dataclass(frozen=True)
class CueWords:
    """The words that give an option away in one language."""

    absolute: tuple[str, ...] = ()
    hedged: tuple[str, ...] = ()


@dataclass(frozen=True)
class FairnessLimits:
    """How far the quiz of each language may lean on form before the check complains.

    Shares are fractions of the items. content/AUTHORING.md explains the figures.
    """

    guesser_advantage: float = 0.10  # form-only guesser's score minus chance
    right_longest: float = 0.33
    absolute_only_distractors: float = 0.05
    hedged_only_right: float = 0.05


@dataclass(frozen=True)
class LanguageFairness:
    """The fairness figures of one language's quiz items."""

    language: Language
    items: int
    positions: dict[str, int]  # how often the right option is A, B, C, D in the files
    right_longest: float  # share of items whose right option is strictly the longest
    absolute_only_distractors: float  # only distractors have absolute words
    hedged_only_right: float  # only the right option has hedged words
    chance: float  # expected score of a blind guess
    guesser_in_file_order: float  # the test-wise guesser, options in file order
    guesser_form_only: float  # the same guesser without positions, as options are shuffled

    def breaches(self, limits: FairnessLimits) -> list[str]:
        """Return what exceeds the limits, in words; empty when the quiz is fair enough."""
        advantage = self.guesser_form_only - self.chance
        found = (
            [
                f"a form-only guesser: {_pct(self.guesser_form_only)} against {_pct(self.chance)} "
                f"by chance (at most {_points(limits.guesser_advantage)} points over)"
            ]
            if advantage > limits.guesser_advantage
            else []
        )
        shares = [
            ("right option strictly the longest", self.right_longest, limits.right_longest),
            (
                "only distractors with absolute words",
                self.absolute_only_distractors,
                limits.absolute_only_distractors,
            ),
            ("only the right option hedged", self.hedged_only_right, limits.hedged_only_right),
        ]
        found += [
            f"{what}: {_pct(share)} of the items (at most {_pct(limit)})"
            for what, share, limit in shares
            if share > limit
        ]
        return found

    def as_json(self) -> dict[str, object]:
        """Return the figures as plain data, shares rounded to 0.001."""
        return {
            "language": self.language,
            "items": self.items,
            "positions": self.positions,
            **{
                name: round(getattr(self, name), 3)
                for name in (
                    "right_longest",
                    "absolute_only_distractors",
                    "hedged_only_right",
                    "chance",
                    "guesser_in_file_order",
                    "guesser_form_only",
                )
            },
        }

    def summary(self) -> str:
        """Return the figures on one line."""
        positions = " ".join(f"{letter}={count}" for letter, count in self.positions.items())
        return (
            f"{self.language}: {self.items} items; right option at {positions}; "
            f"strictly longest {_pct(self.right_longest)}; "
            f"absolute words only in distractors {_pct(self.absolute_only_distractors)}; "
            f"only right hedged {_pct(self.hedged_only_right)}; "
            f"guesser {_pct(self.guesser_in_file_order)} in file order, "
            f"{_pct(self.guesser_form_only)} shuffled, chance {_pct(self.chance)}"
        )


@dataclass(frozen=True)
class _Cues:
    absolute: frozenset[int] = field(default_factory=frozenset)
    hedged: frozenset[int] = field(default_factory=frozenset)


@cache
def cue_words(language: Language) -> CueWords:
    """Return the cue words of a language from quiz_words.yaml; none for a language not there."""
    data = parse_yaml(WORDS_FILE.read_text(encoding="utf-8")) or {}
    entry = data.get(language) or {}
    return CueWords(tuple(entry.get("absolute", ())), tuple(entry.get("hedged", ())))


def measure_fairness(language: Language, lessons: Sequence[Lesson]) -> LanguageFairness:
    """Return the fairness figures of the quiz items of some lessons, in course order."""
    return measure_item_fairness(language, [lesson.quiz for lesson in lessons])


def measure_item_fairness(
    language: Language, groups: Sequence[Sequence[QuizItem]]
) -> LanguageFairness:
    """Return the fairness figures of groups of items (a lesson's quiz, a check's form).

    The guesser in file order remembers the previous right position within a group only: the
    feedback that tells it where the last answer was ends with the group.
    """
    words = cue_words(language)
    items = [item for group in groups for item in group]
    cues = [_cues(item, words) for item in items]
    in_order = _guesser_in_file_order(groups, words)
    positions = dict.fromkeys(LETTERS, 0)
    for item in items:
        positions[LETTERS[item.correct]] += 1
    return LanguageFairness(
        language=language,
        items=len(items),
        positions=positions,
        right_longest=_share(items, _right_is_longest),
        absolute_only_distractors=_share_of(
            items, cues, lambda item, c: item.correct not in c.absolute and bool(c.absolute)
        ),
        hedged_only_right=_share_of(items, cues, lambda item, c: c.hedged == {item.correct}),
        chance=_mean(1 / len(item.options) for item in items),
        guesser_in_file_order=in_order,
        guesser_form_only=_mean(_guess(item, c) for item, c in zip(items, cues, strict=True)),
    )


def _cues(item: QuizItem, words: CueWords) -> _Cues:
    def having(phrases: Sequence[str]) -> frozenset[int]:
        return frozenset(n for n, option in enumerate(item.options) if _contains(option, phrases))

    return _Cues(having(words.absolute), having(words.hedged))


def _contains(text: str, phrases: Sequence[str]) -> bool:
    padded = f" {' '.join(_WORD.findall(text.lower()))} "
    return any(f" {phrase} " in padded for phrase in phrases)


def _right_is_longest(item: QuizItem) -> bool:
    right = len(item.options[item.correct])
    return all(len(o) < right for n, o in enumerate(item.options) if n != item.correct)


def _guesser_in_file_order(groups: Sequence[Sequence[QuizItem]], words: CueWords) -> float:
    scores = []
    for group in groups:
        previous = None  # the feedback told the guesser where the last right answer was
        for item in group:
            scores.append(_guess(item, _cues(item, words), previous=previous, positional=True))
            previous = item.correct
    return _mean(scores)


def _guess(
    item: QuizItem, cues: _Cues, *, previous: int | None = None, positional: bool = False
) -> float:
    """Return the expected score of the test-wise guesser on one item (ties split evenly)."""
    candidates = list(range(len(item.options)))
    candidates = _narrow(candidates, lambda n: n not in cues.absolute)
    candidates = _narrow(candidates, lambda n: n in cues.hedged)
    if positional:
        candidates = _narrow(candidates, lambda n: n != previous)
        if len(item.options) == 4:
            candidates = _narrow(candidates, lambda n: n >= 2)
    longest = max(len(item.options[n]) for n in candidates)
    candidates = [n for n in candidates if len(item.options[n]) == longest]
    return 1 / len(candidates) if item.correct in candidates else 0.0


def _narrow(candidates: list[int], keep: Callable[[int], bool]) -> list[int]:
    # A cue only helps when it leaves something to choose from.
    kept = [n for n in candidates if keep(n)]
    return kept or candidates


def _share(items: Sequence[QuizItem], test: Callable[[QuizItem], bool]) -> float:
    return _mean(1.0 if test(item) else 0.0 for item in items)


def _share_of(
    items: Sequence[QuizItem], cues: Sequence[_Cues], test: Callable[[QuizItem, _Cues], bool]
) -> float:
    return _mean(1.0 if test(i, c) else 0.0 for i, c in zip(items, cues, strict=True))


def _mean(values: Iterable[float]) -> float:
    listed = list(values)
    return sum(listed) / len(listed) if listed else 0.0


def _pct(share: float) -> str:
    return f"{share * 100:.1f} %"


def _points(share: float) -> str:
    return f"{share * 100:.0f}"
