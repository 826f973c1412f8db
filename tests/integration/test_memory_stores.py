"""The in-memory stores of the flow tests behave like the SQL adapters, on the same checks."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.exc import IntegrityError

from bot.adapters.db.database import Database
from bot.adapters.db.learners import SqlLearners
from bot.adapters.db.unit import SqlFactory, SqlUnits
from bot.core.ports import LEARNERS, Port, UnitsOfWork
from bot.core.state import StoredState
from bot.features.answers.ports import QUESTIONS
from bot.features.answers.repo import SqlQuestions
from bot.features.progress.ports import PROGRESS
from bot.features.progress.repo import SqlProgress
from bot.features.quiz.ports import ANSWERS, Answer, AnswerMode
from bot.features.quiz.repo import SqlAnswers
from bot.features.review.ports import REVIEWS
from bot.features.review.repo import SqlReviews
from tests.support.memory import ConstraintError, MemoryUnits

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
LESSON = "basics/what-is-ai"
SQL_BINDINGS: dict[Port[Any], SqlFactory] = {
    LEARNERS: SqlLearners,
    PROGRESS: SqlProgress,
    ANSWERS: SqlAnswers,
    REVIEWS: SqlReviews,
    QUESTIONS: SqlQuestions,
}
# What each backend raises for a write its constraints refuse.
REFUSED = (ConstraintError, IntegrityError)


@pytest.fixture(params=["memory", "sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url_or_none(request: pytest.FixtureRequest, tmp_path: Path) -> str | None:
    """Return where the stores keep their rows: nowhere (in memory), SQLite or PostgreSQL."""
    if request.param == "memory":
        return None
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'tutor.db'}"
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
async def units(database_url_or_none: str | None) -> AsyncIterator[UnitsOfWork]:
    if database_url_or_none is None:
        yield MemoryUnits()
        return
    database = Database(database_url_or_none)
    await database.upgrade()
    try:
        yield SqlUnits(database, SQL_BINDINGS)
    finally:
        await database.close()


async def new_learner(units: UnitsOfWork, external_id: str) -> int:
    async with units() as uow:
        learner = await uow.get(LEARNERS).create("test", external_id, NOW, "fr", "Anna B.")
    return learner.id


def answer(learner_id: int, item: str, *, correct: bool, mode: AnswerMode = "quiz") -> Answer:
    return Answer(learner_id, LESSON, item, 0, correct, mode, 1, NOW)


async def test_learners_are_found_updated_and_unique_per_identity(units: UnitsOfWork) -> None:
    anna = await new_learner(units, "anna")
    later = NOW + timedelta(hours=1)
    async with units() as uow:
        learners = uow.get(LEARNERS)
        await learners.set_reachable(anna, False)
        await learners.set_language(anna, "nl")
        await learners.set_reminders(anna, False)
        await learners.set_language(anna + 1000, "en")  # nobody: nothing happens
    async with units() as uow:
        found = await uow.get(LEARNERS).arrive("test", "anna", later)
        assert await uow.get(LEARNERS).find("telegram", "anna") is None
    assert found is not None
    assert (found.id, found.language, found.reminders_on, found.is_reachable) == (
        anna,
        "nl",
        False,
        True,
    )
    assert (found.created_at, found.last_seen_at) == (NOW, later)
    with pytest.raises(REFUSED):
        await new_learner(units, "anna")


async def test_a_conversation_is_stored_as_json_and_exported(units: UnitsOfWork) -> None:
    anna = await new_learner(units, "anna")
    current = StoredState("quiz.answering", "", {"lesson": LESSON, "item": "cannot-feel"})
    resume = StoredState("lessons.reading", "", {"lesson": LESSON, "card": 2})
    async with units() as uow:
        assert await uow.get(LEARNERS).conversation(anna) == (None, None)
        await uow.get(LEARNERS).save_conversation(anna, current, resume, LESSON, NOW)
    async with units() as uow:
        assert await uow.get(LEARNERS).conversation(anna) == (current, resume)
        await uow.get(LEARNERS).save_conversation(anna, resume, None, LESSON, NOW)
    async with units() as uow:
        assert await uow.get(LEARNERS).conversation(anna) == (resume, None)
        export = await uow.get(LEARNERS).export(anna)
        assert await uow.get(LEARNERS).export(anna + 1000) == {}
    assert export["learner"]["created_at"] == NOW.isoformat()
    assert export["conversation"] == {
        "where": {"flow": "lessons.reading", "step": "", "data": {"lesson": LESSON, "card": 2}},
        "interrupted": None,
    }


async def test_progress_keeps_the_first_opening_and_the_best_score(units: UnitsOfWork) -> None:
    anna = await new_learner(units, "anna")
    brussels = ZoneInfo("Europe/Brussels")
    async with units() as uow:
        progress = uow.get(PROGRESS)
        await progress.start_lesson(anna, "basics/second", NOW + timedelta(minutes=5))
        await progress.start_lesson(anna, LESSON, NOW.astimezone(brussels))
        await progress.start_lesson(anna, LESSON, NOW + timedelta(days=1))
        assert await progress.start_quiz_attempt(anna, LESSON, 4, NOW) == 1
        assert await progress.start_quiz_attempt(anna, LESSON, 4, NOW) == 2
        await progress.finish_quiz(anna, LESSON, 3, NOW)
        finished = await progress.finish_quiz(anna, LESSON, 1, NOW + timedelta(days=2))
    assert (finished.last_score, finished.best_score, finished.completed_at) == (1, 3, NOW)
    async with units() as uow:
        every = await uow.get(PROGRESS).all(anna)
        export = await uow.get(PROGRESS).export(anna)
    assert [p.lesson_id for p in every] == [LESSON, "basics/second"]
    assert every[0].started_at == NOW
    assert every[0].started_at.tzinfo == UTC
    assert (every[0].quiz_attempts, every[0].quiz_total) == (2, 4)
    assert export[0] == {
        "lesson_id": LESSON,
        "started_at": NOW.isoformat(),
        "completed_at": NOW.isoformat(),
        "quiz_attempts": 2,
        "last_score": 1,
        "best_score": 3,
        "quiz_total": 4,
    }


async def test_an_answer_is_stored_once_and_counted(units: UnitsOfWork) -> None:
    anna = await new_learner(units, "anna")
    async with units() as uow:
        answers = uow.get(ANSWERS)
        assert await answers.record(answer(anna, "best-description", correct=True))
        assert not await answers.record(answer(anna, "best-description", correct=False))
        assert await answers.record(answer(anna, "cannot-feel", correct=False))
        assert await answers.record(answer(anna, "cannot-feel", correct=True, mode="review"))
        assert not await answers.record(answer(anna + 1000, "cannot-feel", correct=True))
    async with units() as uow:
        answers = uow.get(ANSWERS)
        assert await answers.attempt_score(anna, LESSON, 1) == 1
        assert await answers.attempt_score(anna, LESSON, 2) == 0
        assert await answers.review_count(anna, LESSON, "cannot-feel") == 1
        export = await answers.export(anna)
    assert [(a["item"], a["correct"], a["mode"]) for a in export] == [
        ("best-description", True, "quiz"),
        ("cannot-feel", False, "quiz"),
        ("cannot-feel", True, "review"),
    ]
    assert export[0] == {
        "lesson_id": LESSON,
        "item": "best-description",
        "chosen": 0,
        "correct": True,
        "mode": "quiz",
        "attempt": 1,
        "answered_at": NOW.isoformat(),
    }


async def test_the_latest_quiz_answer_to_an_item_is_found(units: UnitsOfWork) -> None:
    anna = await new_learner(units, "anna")
    async with units() as uow:
        answers = uow.get(ANSWERS)
        await answers.record(answer(anna, "cannot-feel", correct=False))
        await answers.record(replace(answer(anna, "cannot-feel", correct=True), attempt=2))
        await answers.record(answer(anna, "cannot-feel", correct=False, mode="review"))
    async with units() as uow:
        answers = uow.get(ANSWERS)
        latest = await answers.last_quiz_answer(anna, "cannot-feel")
        assert await answers.last_quiz_answer(anna, "best-description") is None
    assert latest == replace(answer(anna, "cannot-feel", correct=True), attempt=2)


async def test_reviews_fall_due_longest_overdue_first(units: UnitsOfWork) -> None:
    anna = await new_learner(units, "anna")
    async with units() as uow:
        reviews = uow.get(REVIEWS)
        await reviews.schedule(anna, LESSON, "b-item", 1, NOW)
        await reviews.schedule(anna, LESSON, "a-item", 1, NOW)
        await reviews.schedule(anna, "basics/earlier", "c-item", 2, NOW - timedelta(days=1))
        await reviews.schedule(anna, LESSON, "later", 1, NOW + timedelta(days=1))
        await reviews.schedule(anna, LESSON, "later", 3, NOW + timedelta(days=7))
        await reviews.retire(anna, LESSON, "b-item")
        await reviews.retire(anna, LESSON, "never-scheduled")
    async with units() as uow:
        reviews = uow.get(REVIEWS)
        due = await reviews.due(anna, NOW)
        assert await reviews.next_due(anna) == NOW - timedelta(days=1)
        assert await reviews.next_due(anna + 1000) is None
        later = await reviews.item(anna, LESSON, "later")
        export = await reviews.export(anna)
    assert [(item.lesson_id, item.item_id) for item in due] == [
        ("basics/earlier", "c-item"),
        (LESSON, "a-item"),
    ]
    assert later is not None
    assert (later.box, later.due_at) == (3, NOW + timedelta(days=7))
    assert sorted(entry["item"] for entry in export) == ["a-item", "c-item", "later"]
    assert {"lesson_id": LESSON, "item": "a-item", "box": 1, "due_at": NOW.isoformat()} in export


async def test_unanswered_questions_are_cut_and_listed_newest_first(units: UnitsOfWork) -> None:
    anna, bert = await new_learner(units, "anna"), await new_learner(units, "bert")
    async with units() as uow:
        questions = uow.get(QUESTIONS)
        await questions.record(anna, "fr", "x" * 1200, NOW)
        await questions.record(bert, "nl", "wat is een prompt", NOW + timedelta(hours=1))
        await questions.record(anna, "fr", "c'est quoi un deepfake", NOW + timedelta(hours=2))
    async with units() as uow:
        questions = uow.get(QUESTIONS)
        both = await questions.of_learners([anna, bert])
        recent = await questions.of_learners([anna], since=NOW + timedelta(minutes=1))
        export = await questions.export(anna)
    assert [(q.learner_id, len(q.text)) for q in both] == [(anna, 22), (bert, 17), (anna, 1000)]
    assert [q.text for q in recent] == ["c'est quoi un deepfake"]
    assert export[0] == {
        "language": "fr",
        "text": "c'est quoi un deepfake",
        "asked_at": (NOW + timedelta(hours=2)).isoformat(),
    }


@pytest.mark.parametrize("port", [PROGRESS, REVIEWS, QUESTIONS])
async def test_rows_of_a_learner_who_does_not_exist_are_refused(
    units: UnitsOfWork, port: object
) -> None:
    writes = {
        PROGRESS: lambda uow: uow.get(PROGRESS).start_lesson(404, LESSON, NOW),
        REVIEWS: lambda uow: uow.get(REVIEWS).schedule(404, LESSON, "item", 1, NOW),
        QUESTIONS: lambda uow: uow.get(QUESTIONS).record(404, "en", "why", NOW),
    }
    with pytest.raises(REFUSED):
        async with units() as uow:
            await writes[port](uow)


async def test_deleting_a_learner_deletes_their_rows_and_no_one_elses(units: UnitsOfWork) -> None:
    anna, bert = await new_learner(units, "anna"), await new_learner(units, "bert")
    state = StoredState("core.idle", "", {"lesson": None})
    for learner in (anna, bert):
        async with units() as uow:
            await uow.get(LEARNERS).save_conversation(learner, state, None, None, NOW)
            await uow.get(PROGRESS).start_lesson(learner, LESSON, NOW)
            await uow.get(ANSWERS).record(answer(learner, "cannot-feel", correct=False))
            await uow.get(REVIEWS).schedule(learner, LESSON, "cannot-feel", 1, NOW)
            await uow.get(QUESTIONS).record(learner, "en", "why", NOW)
    async with units() as uow:
        await uow.get(LEARNERS).delete(anna)
    for learner, left in ((anna, 0), (bert, 1)):
        async with units() as uow:
            counts = [
                len(await uow.get(PROGRESS).all(learner)),
                len(await uow.get(ANSWERS).export(learner)),
                len(await uow.get(REVIEWS).export(learner)),
                len(await uow.get(QUESTIONS).export(learner)),
            ]
            conversation = await uow.get(LEARNERS).conversation(learner)
        assert counts == [left] * 4
        assert (conversation[0] is not None) == bool(left)


async def fail_after_writing(units: UnitsOfWork, learner_id: int) -> None:
    async with units() as uow:
        await uow.get(PROGRESS).start_lesson(learner_id, LESSON, NOW)
        await uow.get(LEARNERS).set_language(learner_id, "en")
        raise RuntimeError("the turn failed")


async def test_a_unit_of_work_that_fails_keeps_nothing(units: UnitsOfWork) -> None:
    anna = await new_learner(units, "anna")
    with pytest.raises(RuntimeError):
        await fail_after_writing(units, anna)
    async with units() as uow:
        assert await uow.get(PROGRESS).all(anna) == []
        learner = await uow.get(LEARNERS).get(anna)
    assert learner is not None
    assert learner.language == "fr"
