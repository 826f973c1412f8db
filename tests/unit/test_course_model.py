"""Finding a lesson's quiz items by their id, and going between ids and positions."""

from __future__ import annotations

import pytest

from bot.course.model import Card, Lesson, QuizItem


def quiz_item(item_id: str, line: int) -> QuizItem:
    return QuizItem(
        id=item_id,
        question=f"Question {item_id}?",
        options=("Yes", "No", "Maybe"),
        correct=0,
        explanations=("Right.", "Wrong.", "Wrong."),
        line=line,
    )


LESSON = Lesson(
    id="basics/what-is-ai",
    language="en",
    title="What AI is",
    keywords=("ai",),
    cards=(Card("Why", "Because.", 20),),
    quiz=(quiz_item("best-description", 6), quiz_item("cannot-feel", 12)),
)


def test_an_item_is_found_by_its_id() -> None:
    assert LESSON.item("cannot-feel") is LESSON.quiz[1]
    assert LESSON.item("spam-filter") is None


def test_an_id_gives_the_position_of_its_item() -> None:
    assert [LESSON.item_position(item.id) for item in LESSON.quiz] == [0, 1]
    assert LESSON.item_position("spam-filter") is None


def test_a_position_gives_the_id_of_its_item() -> None:
    assert [LESSON.item_id_at(position) for position in range(2)] == [
        "best-description",
        "cannot-feel",
    ]


@pytest.mark.parametrize("position", [-1, 2])
def test_a_position_outside_the_quiz_gives_no_id(position: int) -> None:
    assert LESSON.item_id_at(position) is None
