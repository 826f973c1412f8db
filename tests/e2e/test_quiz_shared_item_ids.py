"""Two lessons may have quiz items of the same id: each is answered in its own lesson."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import select

from bot.app import App
from bot.course.model import Course
from bot.features.quiz.tables import QuizAnswerRow
from tests.support.buttons import data
from tests.support.chat import Chat


def shared_item(course: Course) -> tuple[str, str, str]:
    """Return an item id that two lessons of the course both have, and those two lessons."""
    lessons = course.all_lessons("en")
    counts = Counter(item.id for lesson in lessons for item in lesson.quiz)
    item_id = next(item_id for item_id, count in counts.items() if count > 1)
    first, second = (lesson.id for lesson in lessons if lesson.item(item_id) is not None)
    return item_id, first, second


async def answer_up_to(chat: Chat, course: Course, lesson_id: str, item_id: str) -> str:
    """Take a lesson's quiz, answering rightly up to that item; return what the item's tap got."""
    lesson = course.lesson("en", lesson_id)
    assert lesson is not None
    await chat.press_data(data("quiz.start", lesson_id))
    for item in lesson.quiz:
        await chat.answer(item.correct)
        if item.id == item_id:
            return chat.text
        await chat.press("▶")
    raise AssertionError(f"{item_id} not in {lesson_id}")


async def test_an_item_of_a_second_lesson_is_not_taken_for_the_first_ones(app: App) -> None:
    course = app.services.course
    item_id, first, second = shared_item(course)
    chat = Chat(app.tutor, language_code="en")
    await chat.command("start")
    await answer_up_to(chat, course, first, item_id)

    outcome = await answer_up_to(chat, course, second, item_id)

    item = course.lesson("en", second).item(item_id)  # type: ignore[union-attr]
    assert item is not None
    assert "your first answer counts" not in outcome
    assert item.explanations[item.correct] in outcome
    async with app.database.session() as session:
        answered = set(
            await session.scalars(
                select(QuizAnswerRow.lesson_id).where(QuizAnswerRow.item_id == item_id)
            )
        )
    assert answered == {first, second}
