"""The assembled app searches the real course with the index built once for the session."""

from __future__ import annotations

from bot.adapters.search import index_course
from bot.app import App


async def test_the_app_finds_lessons_of_the_real_course(app: App) -> None:
    result = await (await app.retriever.wait()).search("what is a deepfake", "en")

    lesson = app.services.course.lesson("en", "verify/deepfakes")
    assert lesson is not None
    assert result.confident
    assert result.hits[0].lesson_id == lesson.id
    assert result.hits[0].passage in {card.text for card in lesson.cards}


async def test_the_app_started_on_an_index_that_was_already_up_to_date(app: App) -> None:
    await app.retriever.wait()
    report = index_course(app.settings, app.services.course)

    assert report.embedded_chunks == 0
    assert report.lessons == len(app.services.course.lessons)
