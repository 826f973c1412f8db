"""Decide whether a question is about the course before answering it from the lessons.

Both rankers always find some lesson, and everyday questions share words with the course ("a
recipe for pancakes" and the prompt-recipes lesson), so the best lesson's similarity alone lets
them through. The gate weighs six signals together: how close the best lesson's passages are, how
close the question is to what all lessons have in common, how close it is to an everyday subject
no lesson is about, how many of its words the course uses, how well the best lesson matches them
(BM25), and whether it names a word of the course's vocabulary (glossary or lesson keywords).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from bot.adapters.search import SearchResult


@dataclass(frozen=True)
class GateWeights:
    """A logistic score over the signals: on topic when it reaches its language's threshold."""

    relevance: float
    centrality: float
    everyday: float
    known_share: float
    lexical: float
    course_word: float
    # Questions score lower in some languages (the encoder is weakest in Dutch): each language
    # has the threshold that lets the same share of its development questions through.
    thresholds: Mapping[str, float]


# Fitted on the development sets by `python -m benchmarks.understanding --fit-gate` (logistic
# regression, classes weighted equally), each language's threshold set so that 97.5 % of its
# learner development questions pass; the similarities are the model's, so each model has its own.
WEIGHTS: Final[dict[str, GateWeights]] = {
    "use-multilingual-v3": GateWeights(
        relevance=12.869,
        centrality=10.933,
        everyday=-8.639,
        known_share=6.11,
        lexical=0.127,
        course_word=2.702,
        thresholds={"fr": 11.649, "nl": 10.222, "en": 11.786},
    ),
}


# How far below its threshold a question may score and still be answered when its best lesson
# is the one the learner is in: asked there, it is most likely about what the learner reads. The
# learner development questions, asked in the lesson that answers them, are answered 1.00 / 0.98
# / 1.00 (fr / nl / en; 0.98 / 0.97 / 0.98 asked anywhere). An off-topic development probe is
# answered only if its best lesson happens to be the learner's, and then 0.33 / 0.43 / 0.23 of
# them are (benchmarks/understanding.py, `reading`). The follow-ups' margin, for the same reason.
READING_MARGIN: Final = 2.5


def gate_score(result: SearchResult, course_word: bool, weights: GateWeights) -> float:
    """Return the gate's score for a search result: the higher, the more it is on topic."""
    signals = result.signals
    return (
        weights.relevance * signals.relevance
        + weights.centrality * signals.centrality
        + weights.everyday * signals.everyday
        + weights.known_share * signals.known_share
        + weights.lexical * signals.lexical
        + weights.course_word * course_word
    )


def gate_margin(result: SearchResult, course_word: bool) -> float | None:
    """Return how far the gate's score is above its threshold (below: negative), if fitted."""
    weights = WEIGHTS.get(result.model)
    threshold = weights.thresholds.get(result.language) if weights else None
    if weights is None or threshold is None or not result.hits:
        return None
    return gate_score(result, course_word, weights) - threshold


def on_topic(result: SearchResult, course_word: bool, reading: str | None = None) -> bool:
    """Tell whether to answer a question from the course rather than redirect the learner.

    `reading` is the lesson the learner is in: a question whose best lesson is that one ("c'est
    quoi un risque inacceptable ?" on the AI Act's card about risks) passes within
    `READING_MARGIN` of the threshold.
    """
    if not result.hits:
        return False
    margin = gate_margin(result, course_word)
    if margin is None:
        # A model or a language the gate was not fitted for: the best lesson's similarity, or a
        # course word, as before the gate.
        return result.confident or course_word
    if reading is not None and result.hits[0].lesson_id == reading:
        return margin >= -READING_MARGIN
    return margin >= 0
