"""The topic gate's decision from the rankers' signals."""

from __future__ import annotations

from dataclasses import astuple

from bot.adapters.search.search import LessonHit, SearchResult
from bot.adapters.search.topics import TopicSignals
from bot.features.answers.gate import (
    READING_MARGIN,
    WEIGHTS,
    gate_margin,
    gate_score,
    on_topic,
)

MODEL = "use-multilingual-v3"
HIT = LessonHit("chatbots/hallucinations", "When chatbots make things up", "…", 0, 0.9)
# Signals as the local model gives them for a course question and for an everyday one.
COURSE = TopicSignals(
    relevance=0.52, centrality=0.28, everyday=0.2, known_share=1.0, lexical=1.5, topic_words=3
)
EVERYDAY = TopicSignals(
    relevance=0.35, centrality=0.05, everyday=0.55, known_share=0.5, lexical=1.1, topic_words=3
)


def result(signals: TopicSignals, *, confident: bool = True, model: str = MODEL) -> SearchResult:
    return SearchResult("en", (HIT,), confident, signals, model)


def test_a_question_about_the_course_passes_and_an_everyday_one_is_redirected() -> None:
    assert on_topic(result(COURSE), course_word=False)
    # Confident by the best lesson's similarity alone, which let such questions through before.
    assert not on_topic(result(EVERYDAY, confident=True), course_word=False)


def test_each_signal_pulls_the_way_it_should() -> None:
    weights = WEIGHTS[MODEL]
    base = gate_score(result(COURSE), False, weights)

    assert gate_score(result(COURSE), True, weights) > base
    closer_to_everyday = TopicSignals(0.52, 0.28, 0.6, 1.0, 1.5, 3)
    assert gate_score(result(closer_to_everyday), False, weights) < base
    fewer_known_words = TopicSignals(0.52, 0.28, 0.2, 0.5, 1.5, 3)
    assert gate_score(result(fewer_known_words), False, weights) < base


def test_without_a_lesson_nothing_is_on_topic() -> None:
    empty = SearchResult("en", (), False, COURSE, MODEL)

    assert not on_topic(empty, course_word=True)


def test_a_model_the_gate_was_not_fitted_for_keeps_the_rule_before_it() -> None:
    other = "text-embedding-3-small"

    assert on_topic(result(EVERYDAY, confident=True, model=other), course_word=False)
    assert on_topic(result(EVERYDAY, confident=False, model=other), course_word=True)
    assert not on_topic(result(EVERYDAY, confident=False, model=other), course_word=False)


def test_a_language_without_a_threshold_keeps_the_rule_before_it() -> None:
    german = SearchResult("de", (HIT,), False, COURSE, MODEL)

    assert not on_topic(german, course_word=False)
    assert on_topic(german, course_word=True)


def test_a_question_just_under_the_threshold_passes_in_the_lesson_it_finds_first() -> None:
    # Signals between an everyday question's and a course question's, just under the threshold.
    blends = (
        TopicSignals(
            *(
                e + (c - e) * share
                for e, c in zip(astuple(EVERYDAY)[:5], astuple(COURSE)[:5], strict=True)
            ),
            topic_words=3,
        )
        for share in (n / 100 for n in range(101))
    )
    near = next(
        signals
        for signals in blends
        if -READING_MARGIN < (gate_margin(result(signals), False) or 0.0) < 0
    )
    assert not on_topic(result(near), course_word=False)
    assert on_topic(result(near), course_word=False, reading=HIT.lesson_id)
    assert not on_topic(result(near), course_word=False, reading="basics/what-is-ai")
