"""The `learner_questions:` of lessons: read, checked, and searched as chunks of their own."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bot.adapters.search.chunks import ChunkKind, lesson_chunks
from bot.course.checks import LEARNER_QUESTIONS_RANGE
from bot.course.loader import ContentError, load_course, parse_lesson
from tests.support.content_check import findings, set_front_matter
from tests.support.learning import FIXTURE_COURSE_DIR

LESSON = "basics/what-is-ai"


def test_the_questions_are_read_with_their_spaces_tidied(course: Path) -> None:
    path = course / "en" / f"{LESSON}.md"
    set_front_matter(
        path, "learner_questions", ["is  ai a\nrobot", *(f"question {n}" for n in range(7))]
    )

    lesson = parse_lesson(path, "en")

    assert lesson.learner_questions[0] == "is ai a robot"
    assert len(lesson.learner_questions) == 8


def test_questions_that_are_not_a_list_of_texts_are_refused(course: Path) -> None:
    path = course / "en" / f"{LESSON}.md"
    set_front_matter(path, "learner_questions", "is ai a robot")

    with pytest.raises(ContentError, match="`learner_questions` must be a list"):
        parse_lesson(path, "en")


def test_each_question_is_a_chunk_after_the_lessons_own_text() -> None:
    lesson = load_course(FIXTURE_COURSE_DIR, ("en",)).lesson("en", LESSON)
    assert lesson is not None

    chunks = lesson_chunks(lesson)
    asked = [chunk for chunk in chunks if chunk.kind is ChunkKind.QUESTION]

    assert [chunk.text for chunk in asked] == list(lesson.learner_questions)
    assert chunks[-len(asked) :] == tuple(asked)
    assert {chunk.card_index for chunk in asked} == {None}
    # Adding questions leaves the other chunks' ids as they were: only new ones are embedded.
    bare = lesson_chunks(replace(lesson, learner_questions=()))
    assert [chunk.id for chunk in bare] == [chunk.id for chunk in chunks[: len(bare)]]


def test_a_lesson_without_questions_is_only_a_warning(course: Path) -> None:
    set_front_matter(course / "nl" / f"{LESSON}.md", "learner_questions", None)

    problems, warnings = findings(course)

    assert problems == []
    assert warnings == [
        f"{course / 'nl' / LESSON}.md:2: no `learner_questions`: "
        "search finds this lesson less often"
    ]


def test_too_few_long_or_repeated_questions_fail(course: Path) -> None:
    low, high = LEARNER_QUESTIONS_RANGE
    path = course / "fr" / f"{LESSON}.md"
    long_one = " ".join(["mot"] * 31)
    set_front_matter(path, "learner_questions", ["l'ia pense ?", "L'IA pense ?", long_one])

    problems, _ = findings(course)

    assert problems == [
        f"{path}:2: 3 learner questions, expected {low} to {high}",
        f'{path}:2: learner question listed twice: "L\'IA pense ?"',
        f"{path}:2: learner question over 30 words: {long_one!r}",
    ]


def test_a_question_listed_under_two_lessons_fails(course: Path) -> None:
    other = load_course(course, ("en",)).lesson("en", "basics/everyday-ai")
    assert other is not None
    path = course / "en" / f"{LESSON}.md"
    questions = list(parse_lesson(path, "en").learner_questions)
    set_front_matter(
        path, "learner_questions", [*questions[1:], other.learner_questions[0].upper()]
    )

    problems, _ = findings(course)

    assert problems == [
        f"{course / 'en' / 'basics/everyday-ai.md'}:2: learner question "
        f"{other.learner_questions[0]!r} is also listed under {LESSON}"
    ]
