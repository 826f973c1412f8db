"""The index in chromadb's client/server mode, and with OpenAI-compatible embeddings."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.adapters.search import index_course, open_retriever
from bot.course.loader import load_course
from tests.support.retrieval import (
    FakeEmbeddings,
    chroma_binary,
    chroma_server,
    retrieval_settings,
    write_course,
)


@pytest.mark.slow
async def test_server_mode_indexes_and_searches_through_chroma_run(tmp_path: Path) -> None:
    if chroma_binary() is None:
        pytest.skip("the `chroma` command (from the chromadb package) is not installed")
    content = write_course(tmp_path)
    with chroma_server(tmp_path) as port:
        settings = retrieval_settings(
            tmp_path, content_dir=content, chroma_host="127.0.0.1", chroma_port=port
        )
        course = load_course(content, settings.languages.codes)
        first = index_course(settings, course)
        again = index_course(settings, course)
        retriever = open_retriever(settings, course)
        try:
            result = await retriever.search("why does the chatbot invent facts", "en")
        finally:
            await retriever.close()

    assert first.embedded_lessons == 9
    assert again.embedded_chunks == 0
    assert result.hits[0].lesson_id == "chatbots/hallucinations"
    # Nothing was written next to the tutor's data: the server holds the index.
    assert not (tmp_path / "data" / "index").exists()


async def test_openai_embeddings_index_and_search(tmp_path: Path) -> None:
    content = write_course(tmp_path)
    with FakeEmbeddings().running() as fake:
        settings = retrieval_settings(
            tmp_path,
            content_dir=content,
            embeddings="openai",
            llm_base_url=fake.base_url,
            llm_api_key="test-key",
            llm_max_retries=0,
        )
        retriever = open_retriever(settings, load_course(content, settings.languages.codes))
        try:
            result = await retriever.search("strong password for my account", "en")
        finally:
            await retriever.close()

    assert result.hits[0].lesson_id == "privacy/passwords"
    assert result.confident
    assert {request["model"] for request in fake.requests} == {"text-embedding-3-small"}
    # The passages went in batches, then one request for the question.
    assert len(fake.requests[-1]["input"]) == 1
