"""Misspelt questions and off-topic signals on a small course, with the real model and chromadb."""

from __future__ import annotations

import pytest

from bot.adapters.search import Retriever, open_retriever
from bot.course.loader import load_course
from tests.support.retrieval import retrieval_settings, write_course


@pytest.fixture(scope="module")
def retriever(tmp_path_factory: pytest.TempPathFactory) -> Retriever:
    root = tmp_path_factory.mktemp("small-course-typos")
    settings = retrieval_settings(root, content_dir=write_course(root))
    return open_retriever(settings, load_course(settings.content_dir, settings.languages.codes))


@pytest.mark.parametrize(
    ("text", "language", "read", "lesson_id"),
    [
        ("why does the chatbot invnet facts", "en", "invent", "chatbots/hallucinations"),
        ("un chatbot peut inventter des faits ?", "fr", "inventer", "chatbots/hallucinations"),
        ("mot de passe solidde", "fr", "solide", "privacy/passwords"),
        ("kan een chatbot fieten verzinnen", "nl", "feiten", "chatbots/hallucinations"),
    ],
)
def test_a_misspelt_question_is_read_with_the_course_words_and_finds_the_lesson(
    retriever: Retriever, text: str, language: str, read: str, lesson_id: str
) -> None:
    evidence = retriever.evidence(text, language)
    result = retriever.search_sync(text, language)

    assert read in evidence.text.split()
    assert result.hits[0].lesson_id == lesson_id


def test_a_question_about_the_course_and_one_about_cooking_send_opposite_signals(
    retriever: Retriever,
) -> None:
    course = retriever.search_sync("can a chatbot invent sources and links", "en").signals
    cooking = retriever.search_sync("recipe for pancakes with bananas", "en").signals

    assert course.relevance > cooking.relevance
    assert course.known_share == 1.0
    assert cooking.known_share < 1.0
    assert cooking.everyday > course.everyday
    assert course.lexical > cooking.lexical
