"""Lessons found by the questions learners would type, which stay out of the course's words."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.adapters.search import Retriever, open_retriever
from bot.course.loader import load_course
from tests.support.content_check import set_front_matter
from tests.support.retrieval import retrieval_settings, write_course

ASKED = [
    "someone got into my facebook and posted things in my name",
    "can my employer see my login when I work from home",
]
QUESTION = "a stranger got into my instagram and posts in my name, help"


def small_course_retriever(root: Path, *, asked: list[str] | None) -> Retriever:
    content = write_course(root)
    if asked is not None:
        set_front_matter(content / "en" / "privacy" / "passwords.md", "learner_questions", asked)
    settings = retrieval_settings(root, content_dir=content)
    return open_retriever(settings, load_course(content, settings.languages.codes))


@pytest.fixture(scope="module")
def with_questions(tmp_path_factory: pytest.TempPathFactory) -> Retriever:
    return small_course_retriever(tmp_path_factory.mktemp("asked"), asked=ASKED)


@pytest.fixture(scope="module")
def without_questions(tmp_path_factory: pytest.TempPathFactory) -> Retriever:
    return small_course_retriever(tmp_path_factory.mktemp("not-asked"), asked=None)


def test_a_question_worded_like_a_learner_question_finds_its_lesson(
    with_questions: Retriever, without_questions: Retriever
) -> None:
    assert without_questions.search_sync(QUESTION, "en").hits[0].lesson_id != "privacy/passwords"
    assert with_questions.search_sync(QUESTION, "en").hits[0].lesson_id == "privacy/passwords"


def test_the_learner_questions_words_are_not_the_courses(with_questions: Retriever) -> None:
    # "employer" is only in a learner question: neither a word the course knows nor a spelling
    # the corrector would turn "emploier" into.
    evidence = with_questions.evidence("emploier", "en")
    result = with_questions.search_sync("employer", "en")

    assert evidence.text == "emploier"
    assert result.signals.known_share == 0.0


def test_the_passage_shown_is_a_card_of_the_lesson(with_questions: Retriever) -> None:
    hit = with_questions.search_sync(ASKED[0], "en").hits[0]

    assert hit.lesson_id == "privacy/passwords"
    assert hit.card_index is not None
    assert hit.passage not in ASKED
