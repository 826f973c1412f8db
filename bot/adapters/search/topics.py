"""Measure how much a question is about the course rather than about everyday life."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

import numpy as np

from bot.adapters.search.embedders import Embedder, Vectors

# Everyday subjects learners may bring up that no lesson is about. The encoder is multilingual, so
# one description in English stands for a subject in every language. Broad on purpose: a
# question close to one of them and not closer to the lessons is about something else.
EVERYDAY_SUBJECTS: Final = (
    "the weather forecast, rain, sun, temperature",
    "a cooking recipe, ingredients, dinner",
    "sport, football, a match, results, training for a run",
    "health, illness, pain, medicine, doctor",
    "politics, elections, government, parliament, ministers",
    "shopping, prices, buying a product, sales, cheap",
    "maths, arithmetic, calculating numbers",
    "a joke, a funny story, a song",
    "public transport, train, bus, timetable, tickets",
    "the town hall, ID card, paperwork, taxes, benefits, unemployment",
    "housing, rent, furniture, home repairs",
    "pets, animals, the vet",
    "family, children, love, friends",
    "music, films, television, series",
    "cars, driving, fuel, parking",
    "garden, plants, flowers",
    "holidays, travel, hotels",
    "religion and beliefs",
    "school homework and exams",
    "household appliances, washing machine, fridge, phone subscription, internet provider",
    "insurance, health insurance, reimbursement",
)


@dataclass(frozen=True)
class TopicSignals:
    """What the rankers say about whether a question is about the course at all."""

    relevance: float  # cosine of the best lesson's passages, plus a bonus when the rankers agree
    centrality: float  # cosine with what every lesson has in common (the mean of the chunks)
    everyday: float  # best cosine with an everyday subject no lesson is about
    known_share: float  # share of the question's topic words that the course uses
    lexical: float  # BM25 of the best whole lesson, log(1 + score)
    topic_words: int  # words of the question that are neither stop nor question words


class EverydaySubjects:
    """The everyday subjects, embedded once when the index opens."""

    def __init__(self, embedder: Embedder) -> None:
        self._vectors = embedder.documents(EVERYDAY_SUBJECTS)

    def closeness(self, question: Vectors) -> float:
        """Return the best cosine between the question and an everyday subject."""
        return float((self._vectors @ question).max())


def centrality(question: Vectors, mean: Vectors) -> float:
    """Return the cosine between the question and the mean of a language's chunks."""
    norm = float(np.linalg.norm(mean))
    return float(question @ mean) / norm if norm else 0.0


def lexical_signal(best_lesson_bm25: float) -> float:
    """Return the BM25 of the best lesson on a scale that grows slowly, as evidence does."""
    return math.log1p(max(best_lesson_bm25, 0.0))
