"""Turns skip the statements whose work an earlier turn did: answers, reviews, questions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import event

from bot.app import App
from bot.config import Settings
from tests.conftest import Clock, make_settings
from tests.support.buttons import data
from tests.support.chat import Chat


@pytest.fixture
def settings(tmp_path: Path, database_url: str, course_index_dir: Path) -> Settings:
    """Run each test once on SQLite and once on PostgreSQL."""
    return make_settings(tmp_path, database_url, index_dir=course_index_dir)


@contextmanager
def statements(app: App) -> Iterator[list[str]]:
    """Record the SQL statements the database runs inside the block."""
    seen: list[str] = []

    def record(*arguments: object) -> None:
        seen.append(str(arguments[2]))

    engine = app.database.engine.sync_engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def tables(ran: list[str], *names: str) -> set[str]:
    return {name for name in names for statement in ran if name in statement}


async def test_the_second_answer_reads_neither_progress_nor_streak_nor_the_usual_hour(
    app: App, chat: Chat
) -> None:
    lesson_id = app.services.course.lesson_order("en")[0]
    lesson = app.services.course.lesson("en", lesson_id)
    assert lesson is not None
    skipped = ("lesson_progress", "learning_streaks", "review_reminders")
    await chat.command("start")
    await chat.press_data(data("quiz.start", lesson_id))

    with statements(app) as first:
        await chat.answer(lesson.quiz[0].correct)
    await chat.press_data(chat.buttons[0].data)  # Next ▶
    with statements(app) as second:
        await chat.answer(lesson.quiz[1].correct)

    assert tables(first, *skipped) == {"learning_streaks", "review_reminders"}
    assert tables(second, *skipped) == set()
    # The streak's read and its first row, the latest answers' hours and the usual hour.
    assert len(second) == len(first) - 4


async def test_an_answer_is_stored_without_being_looked_for_first(app: App, chat: Chat) -> None:
    lesson_id = app.services.course.lesson_order("en")[0]
    lesson = app.services.course.lesson("en", lesson_id)
    assert lesson is not None
    await chat.command("start")
    await chat.press_data(data("quiz.start", lesson_id))

    with statements(app) as answering:
        await chat.answer(lesson.quiz[0].correct)

    assert not [s for s in answering if s.startswith("SELECT") and "FROM quiz_answers" in s]
    assert [s for s in answering if s.startswith("INSERT INTO quiz_answers")]


async def test_the_answer_that_ends_a_quiz_counts_its_score_once(app: App, chat: Chat) -> None:
    lesson_id = app.services.course.lesson_order("en")[0]
    lesson = app.services.course.lesson("en", lesson_id)
    assert lesson is not None
    await chat.command("start")
    await chat.press_data(data("quiz.start", lesson_id))
    for item in lesson.quiz[:-1]:
        await chat.answer(item.correct)
        await chat.press_data(chat.buttons[0].data)  # Next ▶

    with statements(app) as ending:
        await chat.answer(lesson.quiz[-1].correct)

    counts = [s for s in ending if s.startswith("SELECT count(") and "quiz_answers" in s]
    assert len(counts) == 1
    assert str(len(lesson.quiz)) in chat.text


async def test_a_quiz_starts_with_one_statement_on_the_lessons_progress(
    app: App, chat: Chat
) -> None:
    lesson_id = app.services.course.lesson_order("en")[0]
    await chat.command("start")
    await chat.press_data(data("lessons.open", lesson_id))

    with statements(app) as starting:
        await chat.press_data(data("quiz.start", lesson_id))

    # The attempt is counted in one upsert, not read first and written after.
    assert [s.split(" (")[0] for s in starting if "lesson_progress" in s.split(" (")[0]] == [
        "INSERT INTO lesson_progress"
    ]
    assert chat.text.startswith("📝 Question 1 of")


async def test_the_second_review_of_the_day_reads_its_card_once_and_skips_the_rest(
    app: App, chat: Chat, clock: Clock
) -> None:
    lesson_id = app.services.course.lesson_order("en")[0]
    lesson = app.services.course.lesson("en", lesson_id)
    assert lesson is not None
    await chat.command("start")
    await chat.press_data(data("quiz.start", lesson_id))
    for number, item in enumerate(lesson.quiz[:2]):
        if number:
            await chat.press_data(chat.buttons[0].data)  # Next ▶
        await chat.answer((item.correct + 1) % len(item.options))  # missed: due tomorrow
    clock.advance(days=1)
    await chat.command("quiz")  # the review of what was missed

    with statements(app) as first:
        await chat.answer(0)
    await chat.press_data(chat.buttons[0].data)  # Next ▶
    with statements(app) as second:
        await chat.answer(0)

    skipped = ("learning_streaks", "review_reminders")
    assert tables(first, *skipped) == set(skipped)
    assert tables(second, *skipped) == set()
    card_reads = [s for s in second if s.startswith("SELECT review_cards.learner_id")]
    assert len(card_reads) == 1
    # Which review of the item this is was counted when the question was asked.
    assert not [s for s in first + second if s.startswith("SELECT count(") and "quiz_answers" in s]


async def test_a_question_answered_as_before_writes_no_conversation(
    app: App, chat: Chat, clock: Clock
) -> None:
    await chat.command("start")
    await chat.say("What is a deepfake?")
    clock.advance(minutes=1)

    with statements(app) as again:
        await chat.say("What is a deepfake?")
    with statements(app) as other:
        await chat.say("Can a chatbot make mistakes?")

    # The same answer under the same buttons: where the learner is was read, not written.
    assert tables(again, "conversations") == {"conversations"}
    assert not [statement for statement in again if statement.startswith("UPDATE conversations")]
    # Another answer has other buttons, which typed words may name: they are written.
    assert [statement for statement in other if statement.startswith("UPDATE conversations")]


async def test_a_tap_reads_the_learner_and_where_they_are_in_one_statement(
    app: App, chat: Chat
) -> None:
    lesson_id = app.services.course.lesson_order("en")[0]
    await chat.command("start")
    await chat.press_data(data("lessons.open", lesson_id))

    with statements(app) as tapping:
        await chat.press_data(data("lessons.card", lesson_id, 1))

    assert tapping[0].startswith("UPDATE learners")
    assert "FROM conversations" in tapping[0]
    assert not [s for s in tapping[1:] if s.startswith("SELECT") and "conversations" in s]
    assert [s for s in tapping if s.startswith("UPDATE conversations")]
    assert "2/" in chat.text


async def test_a_newcomer_has_no_place_to_read_before_their_first_one_is_written(
    app: App, chat: Chat
) -> None:
    with statements(app) as arriving:
        await chat.command("start")

    assert not [s for s in arriving if s.startswith("SELECT") and "FROM conversations" in s]
    assert [s for s in arriving if s.startswith("INSERT INTO conversations")]
