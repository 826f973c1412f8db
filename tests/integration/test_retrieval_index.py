"""Indexing and searching a small course with the real model and an embedded chromadb."""

from __future__ import annotations

import logging
import warnings
from pathlib import Path

import pytest

from bot.adapters.search import Retriever, index_course, open_retriever, search
from bot.adapters.search.chunks import course_chunks
from bot.adapters.search.embedders import make_embedder
from bot.adapters.search.store import (
    ChunkStore,
    course_fingerprint,
    load_vectors,
    open_client,
    vectors_file,
)
from bot.course.loader import load_course
from tests.support.retrieval import LESSONS, retrieval_settings, write_course


@pytest.fixture
def course_dir(tmp_path: Path) -> Path:
    return write_course(tmp_path)


@pytest.fixture(scope="module")
def retriever(tmp_path_factory: pytest.TempPathFactory) -> Retriever:
    root = tmp_path_factory.mktemp("small-course")
    settings = retrieval_settings(root, content_dir=write_course(root))
    return open_retriever(settings, load_course(settings.content_dir, settings.languages.codes))


def test_first_index_embeds_every_lesson_and_the_second_nothing(
    tmp_path: Path, course_dir: Path
) -> None:
    settings = retrieval_settings(tmp_path, content_dir=course_dir)
    course = load_course(course_dir, settings.languages.codes)

    first = index_course(settings, course)
    again = index_course(settings, course)

    assert first.lessons == first.embedded_lessons == 9
    assert first.embedded_chunks > 9 * 3
    assert (again.embedded_lessons, again.embedded_chunks, again.removed_lessons) == (0, 0, 0)
    store = ChunkStore(open_client(settings), make_embedder(settings))
    try:
        assert store.count() == first.embedded_chunks
    finally:
        store.close()


def test_only_the_changed_lesson_is_embedded_again(tmp_path: Path, course_dir: Path) -> None:
    settings = retrieval_settings(tmp_path, content_dir=course_dir)
    index_course(settings, load_course(course_dir, settings.languages.codes))
    lesson = course_dir / "fr" / "jobs" / "cv.md"
    lesson.write_text(
        lesson.read_text(encoding="utf-8").replace("vérité", "vérité, rien que la vérité"),
        encoding="utf-8",
    )
    (course_dir / "nl" / "privacy" / "passwords.md").unlink()

    report = index_course(settings, load_course(course_dir, settings.languages.codes))

    assert (report.lessons, report.embedded_lessons, report.removed_lessons) == (8, 1, 1)


def test_rebuild_embeds_everything_again(tmp_path: Path, course_dir: Path) -> None:
    settings = retrieval_settings(tmp_path, content_dir=course_dir)
    course = load_course(course_dir, settings.languages.codes)
    first = index_course(settings, course)

    rebuilt = index_course(settings, course, rebuild=True)

    assert rebuilt.embedded_chunks == first.embedded_chunks
    assert rebuilt.removed_lessons == 0


def test_an_index_reopens_without_warnings(
    tmp_path: Path, course_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = retrieval_settings(tmp_path, content_dir=course_dir)
    index_course(settings, load_course(course_dir, settings.languages.codes))
    caplog.clear()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        store = ChunkStore(open_client(settings), make_embedder(settings))
        config = store.collection.configuration
        store.close()

    assert config["embedding_function"].get_config() == {
        "backend": "local",
        "model": "use-multilingual-v3",
    }
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_search_finds_the_lesson_with_its_best_card(retriever: Retriever) -> None:
    result = retriever.search_sync("why does the chatbot invent facts", "en")

    best = result.hits[0]
    assert result.confident
    assert best.lesson_id == "chatbots/hallucinations"
    assert best.title == "When chatbots make things up"
    cards = LESSONS["chatbots/hallucinations"]["en"]["cards"]
    heading = list(cards)[best.card_index or 0]
    assert best.passage == f"{heading}\n\n{cards[heading]}"
    assert [hit.score for hit in result.hits] == sorted(
        (hit.score for hit in result.hits), reverse=True
    )


def test_each_lesson_comes_back_once(retriever: Retriever) -> None:
    result = retriever.search_sync("chatbot", "en", k=10)

    ids = [hit.lesson_id for hit in result.hits]
    assert len(ids) == len(set(ids)) == 3


def test_search_stays_in_the_language_asked(retriever: Retriever) -> None:
    result = retriever.search_sync("strong password for my account", "nl")

    assert result.language == "nl"
    titles = {lesson["nl"]["title"] for lesson in LESSONS.values()}
    assert result.hits
    assert {hit.title for hit in result.hits} <= titles


def test_an_unrelated_question_is_not_confident(retriever: Retriever) -> None:
    result = retriever.search_sync("recipe for pancakes with bananas", "en")

    assert not result.confident


@pytest.mark.parametrize(
    ("text", "language", "lesson_id"),
    [
        ("c'est quoi une hallucination", "fr", "chatbots/hallucinations"),
        ("mijn cv in een chatbot plakken", "nl", "jobs/cv"),
        ("mot de passe solide", "fr", "privacy/passwords"),
    ],
)
async def test_async_search_answers_in_every_language(
    retriever: Retriever, text: str, language: str, lesson_id: str
) -> None:
    result = await retriever.search(text, language, k=2)

    assert result.confident
    assert result.hits[0].lesson_id == lesson_id
    assert len(result.hits) <= 2


def _no_index(_settings: object) -> None:
    raise AssertionError("the index was opened")


def test_a_start_after_indexing_reads_the_saved_vectors_without_chromadb(
    tmp_path: Path, course_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = retrieval_settings(tmp_path, content_dir=course_dir)
    course = load_course(course_dir, settings.languages.codes)
    index_course(settings, course)

    monkeypatch.setattr(search, "open_client", _no_index)
    result = open_retriever(settings, course).search_sync("why does the chatbot invent facts", "en")

    assert result.hits[0].lesson_id == "chatbots/hallucinations"


def test_a_second_start_reads_the_saved_vectors_without_chromadb(
    tmp_path: Path, course_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = retrieval_settings(tmp_path, content_dir=course_dir)
    course = load_course(course_dir, settings.languages.codes)
    first = open_retriever(settings, course)

    monkeypatch.setattr(search, "open_client", _no_index)
    again = open_retriever(settings, course)

    question = "puis-je mettre mon CV dans un chatbot"
    assert again.search_sync(question, "fr") == first.search_sync(question, "fr")


def test_saved_vectors_of_another_course_are_not_used(tmp_path: Path, course_dir: Path) -> None:
    settings = retrieval_settings(tmp_path, content_dir=course_dir)
    course = load_course(course_dir, settings.languages.codes)
    open_retriever(settings, course)
    (course_dir / "nl" / "privacy" / "passwords.md").unlink()
    changed = course_chunks(load_course(course_dir, settings.languages.codes))
    saved = vectors_file(settings, make_embedder(settings))

    assert load_vectors(saved, course_fingerprint(changed), settings.languages.codes) is None
    assert load_vectors(saved, course_fingerprint(course_chunks(course)), ["nl"]) is not None


def test_a_damaged_copy_of_the_vectors_is_read_from_the_index_again(
    tmp_path: Path, course_dir: Path
) -> None:
    settings = retrieval_settings(tmp_path, content_dir=course_dir)
    course = load_course(course_dir, settings.languages.codes)
    index_course(settings, course)
    saved = vectors_file(settings, make_embedder(settings))
    saved.write_bytes(saved.read_bytes()[:1000])
    fingerprint = course_fingerprint(course_chunks(course))

    assert load_vectors(saved, fingerprint, settings.languages.codes) is None
    result = open_retriever(settings, course).search_sync("why does the chatbot invent facts", "en")

    assert result.hits[0].lesson_id == "chatbots/hallucinations"
    assert load_vectors(saved, fingerprint, settings.languages.codes) is not None
