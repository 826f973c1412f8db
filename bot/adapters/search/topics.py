"""Measure how much a question is about the course rather than about everyday life."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from bot.adapters.search.embedders import Embedder, Vectors
from bot.adapters.search.subjects import EVERYDAY_SUBJECTS


@dataclass(frozen=True)
class TopicSignals:
    """What the rankers say about whether a question is about the course at all."""

    relevance: float  # cosine of the best lesson's passages, plus a bonus when the rankers agree
    centrality: float  # cosine with what every lesson has in common (the mean of the chunks)
    everyday: float  # best cosine with an everyday subject no lesson is about
    known_share: float  # share of the question's topic words that the course uses
    lexical: float  # BM25 of the best whole lesson, log(1 + score)
    topic_words: int  # words of the question that are neither stop nor question words
    subject: str = ""  # the everyday subject closest to the question, of EVERYDAY_SUBJECTS


class EverydaySubjects:
    """The everyday subjects, embedded once when the index opens."""

    def __init__(self, embedder: Embedder) -> None:
        self._vectors = embedder.documents(EVERYDAY_SUBJECTS)

    def closest(self, question: Vectors) -> tuple[float, str]:
        """Return the best cosine between the question and an everyday subject, and that subject."""
        scores = self._vectors @ question
        best = int(scores.argmax())
        return float(scores[best]), EVERYDAY_SUBJECTS[best]


def centrality(question: Vectors, mean: Vectors) -> float:
    """Return the cosine between the question and the mean of a language's chunks."""
    norm = float(np.linalg.norm(mean))
    return float(question @ mean) / norm if norm else 0.0


def lexical_signal(best_lesson_bm25: float) -> float:
    """Return the BM25 of the best lesson on a scale that grows slowly, as evidence does."""
    return math.log1p(max(best_lesson_bm25, 0.0))
