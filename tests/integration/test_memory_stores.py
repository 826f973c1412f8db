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
from bot.core.replies import Button
from bot.core.state import StoredState
from bot.features.answers.ports import QUESTIONS
from bot.features.answers.repo import SqlQuestions
from bot.features.certificate.ports import CERTIFICATES, Certificate, Verification
from bot.features.certificate.repo import SqlCertificates
from bot.features.progress.ports import CELEBRATIONS, PROGRESS, STREAKS
from bot.features.progress.repo import SqlCelebrations, SqlProgress, SqlStreaks
from bot.features.progress.streaks import Streak
from bot.features.quiz.ports import ANSWERS, Answer, AnswerMode
from bot.features.quiz.repo import SqlAnswers
from bot.features.review.ports import DEFAULT_HOUR, REMINDERS, REVIEWS, ReviewCard
from bot.features.review.repo import SqlReminders, SqlReviews
from tests.support.memory import ConstraintError, MemoryUnits

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
LESSON = "basics/what-is-ai"
SQL_BINDINGS: dict[Port[Any], SqlFactory] = {
    LEARNERS: SqlLearners,
    PROGRESS: SqlProgress,
    ANSWERS: SqlAnswers,
    REVIEWS: SqlReviews,
    REMINDERS: SqlReminders,
    QUESTIONS: SqlQuestions,
    STREAKS: SqlStreaks,
    CELEBRATIONS: SqlCelebrations,
    CERTIFICATES: SqlCertificates,
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
        assert await uow.get(LEARNERS).buttons(anna) == ()
        export = await uow.get(LEARNERS).export(anna)
        assert await uow.get(LEARNERS).export(anna + 1000) == {}
    assert export["learner"]["created_at"] == NOW.isoformat()
    assert export["conversation"] == {
        "where": {"flow": "lessons.reading", "step": "", "data": {"lesson": LESSON, "card": 2}},
        "interrupted": None,
        "buttons": [],
    }


async def test_the_buttons_on_screen_are_kept_with_the_conversation(units: UnitsOfWork) -> None:
    anna = await new_learner(units, "anna")
    idle = StoredState("core.idle", "", {"lesson": LESSON})
    shown = (
        Button("📖 Open the lesson", f"v2:lessons.open:{LESSON}"),
        Button("☰ Menu", "v2:menu.show"),
    )
    async with units() as uow:
        await uow.get(LEARNERS).save_conversation(anna, idle, None, LESSON, NOW, shown)
    async with units() as uow:
        assert await uow.get(LEARNERS).buttons(anna) == shown
        # Only the buttons changed: they are stored all the same.
        await uow.get(LEARNERS).save_conversation(anna, idle, None, LESSON, NOW, shown[1:])
    async with units() as uow:
        assert await uow.get(LEARNERS).buttons(anna) == shown[1:]
        export = await uow.get(LEARNERS).export(anna)
    assert export["conversation"]["buttons"] == ["☰ Menu"]


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


def card(lesson_id: str, item_id: str, due: datetime, stability: float = 1.0) -> ReviewCard:
    return ReviewCard(lesson_id, item_id, due, stability, 5.0, 2, None, due - timedelta(days=1))


async def test_cards_fall_due_longest_due_first(units: UnitsOfWork) -> None:
    anna = await new_learner(units, "anna")
    async with units() as uow:
        reviews = uow.get(REVIEWS)
        await reviews.save(anna, card(LESSON, "b-item", NOW))
        await reviews.save(anna, card(LESSON, "a-item", NOW))
        await reviews.save(anna, card("basics/earlier", "c-item", NOW - timedelta(days=1)))
        await reviews.save(anna, card(LESSON, "later", NOW + timedelta(days=1)))
        await reviews.save(anna, card(LESSON, "later", NOW + timedelta(days=7), stability=7.0))
        await reviews.retire(anna, LESSON, "b-item")
        await reviews.retire(anna, LESSON, "never-answered")
    async with units() as uow:
        reviews = uow.get(REVIEWS)
        due = await reviews.due(anna, NOW + timedelta(seconds=1), limit=10)
        first = await reviews.due(anna, NOW + timedelta(seconds=1), limit=1)
        count = await reviews.count_due(anna, NOW + timedelta(seconds=1))
        assert await reviews.count_due(anna, NOW) == 1  # due strictly before
        assert await reviews.next_due(anna) == NOW - timedelta(days=1)
        assert await reviews.next_due(anna + 1000) is None
        later = await reviews.card(anna, LESSON, "later")
        recent = await reviews.recent_reviews(anna, 2)
        export = await reviews.export(anna)
    assert [(c.lesson_id, c.item_id) for c in due] == [
        ("basics/earlier", "c-item"),
        (LESSON, "a-item"),
    ]
    assert [c.item_id for c in first] == ["c-item"]
    assert count == 2
    assert later == card(LESSON, "later", NOW + timedelta(days=7), stability=7.0)
    assert recent == [NOW + timedelta(days=6), NOW - timedelta(days=1)]
    assert [entry["item"] for entry in export] == ["c-item", "a-item", "later"]
    assert export[1] == {
        "lesson_id": LESSON,
        "item": "a-item",
        "due": NOW.isoformat(),
        "stability_days": 1.0,
        "difficulty": 5.0,
        "last_answer": (NOW - timedelta(days=1)).isoformat(),
    }


async def test_a_card_saved_again_reads_as_saved_in_the_same_unit(units: UnitsOfWork) -> None:
    anna = await new_learner(units, "anna")
    first, again = card(LESSON, "item", NOW), card(LESSON, "item", NOW + timedelta(days=7), 7.0)
    async with units() as uow:
        reviews = uow.get(REVIEWS)
        await reviews.save(anna, first)
        read_first = await reviews.card(anna, LESSON, "item")
        await reviews.save(anna, again)
        read_again = await reviews.card(anna, LESSON, "item")
    assert (read_first, read_again) == (first, again)


async def test_reminder_hours_follow_the_learner_unless_they_choose(units: UnitsOfWork) -> None:
    anna = await new_learner(units, "anna")
    async with units() as uow:
        reminders = uow.get(REMINDERS)
        assert (await reminders.time(anna)).hour == DEFAULT_HOUR
        await reminders.set_usual_hour(anna, 20)
        usual = await reminders.time(anna)
        await reminders.choose_hour(anna, 9)
        chosen = await reminders.time(anna)
        await reminders.set_usual_hour(anna, 21)
        export = await reminders.export(anna)
        await reminders.choose_hour(anna, None)
        back = await reminders.time(anna)
    assert (usual.hour, chosen.hour, back.hour) == (20, 9, 21)
    assert export == {"usual_hour": 21, "chosen_hour": 9, "reminders": []}


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


@pytest.mark.parametrize("port", [PROGRESS, REVIEWS, REMINDERS, QUESTIONS, ANSWERS])
async def test_rows_of_a_learner_who_does_not_exist_are_refused(
    units: UnitsOfWork, port: object
) -> None:
    writes = {
        PROGRESS: lambda uow: uow.get(PROGRESS).start_lesson(404, LESSON, NOW),
        REVIEWS: lambda uow: uow.get(REVIEWS).save(404, card(LESSON, "item", NOW)),
        REMINDERS: lambda uow: uow.get(REMINDERS).choose_hour(404, 9),
        QUESTIONS: lambda uow: uow.get(QUESTIONS).record(404, "en", "why", NOW),
        ANSWERS: lambda uow: uow.get(ANSWERS).record(answer(404, "item", correct=True)),
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
            await uow.get(REVIEWS).save(learner, card(LESSON, "cannot-feel", NOW))
            await uow.get(REMINDERS).set_usual_hour(learner, 18)
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
                (await uow.get(REMINDERS).time(learner)).usual_hour is not None,
            ]
            conversation = await uow.get(LEARNERS).conversation(learner)
        assert counts == [left] * 5
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


async def test_the_latest_answer_to_each_item_counts_reviews_included(units: UnitsOfWork) -> None:
    anna = await new_learner(units, "anna")
    async with units() as uow:
        answers = uow.get(ANSWERS)
        await answers.record(answer(anna, "first", correct=False))
        await answers.record(answer(anna, "second", correct=True))
        later = replace(
            answer(anna, "first", correct=True, mode="review"), answered_at=NOW + timedelta(days=1)
        )
        await answers.record(later)
        latest = await answers.latest_results(anna)
    assert latest == {(LESSON, "first"): True, (LESSON, "second"): True}


async def test_streaks_and_milestones_are_kept_once_and_go_with_the_learner(
    units: UnitsOfWork,
) -> None:
    anna = await new_learner(units, "anna")
    streak = Streak(3, 5, NOW.date(), NOW.date() - timedelta(days=2))
    async with units() as uow:
        assert await uow.get(STREAKS).of(anna) is None
        await uow.get(STREAKS).save(anna, Streak(1, 1, NOW.date()))
        await uow.get(STREAKS).save(anna, streak)
        assert await uow.get(CELEBRATIONS).claim(anna, "module:basics", NOW)
        assert not await uow.get(CELEBRATIONS).claim(anna, "module:basics", NOW)
    async with units() as uow:
        assert await uow.get(STREAKS).of(anna) == streak
        assert await uow.get(STREAKS).export(anna) == {
            "days": 3,
            "best": 5,
            "last_day": NOW.date().isoformat(),
            "frozen_day": (NOW.date() - timedelta(days=2)).isoformat(),
        }
        assert await uow.get(CELEBRATIONS).export(anna) == [
            {"milestone": "module:basics", "reached_at": NOW.isoformat()}
        ]
        await uow.get(LEARNERS).delete(anna)
    async with units() as uow:
        assert await uow.get(STREAKS).of(anna) is None
        assert await uow.get(CELEBRATIONS).export(anna) == []


async def test_certificates_replace_each_other_and_outlive_forget_as_revoked(
    units: UnitsOfWork,
) -> None:
    anna = await new_learner(units, "anna")
    first = Certificate("ABC", "Anna", "fr", ("Découvrir l'IA",), NOW)
    second = replace(first, code_prefix="XYZ", issued_at=NOW + timedelta(days=1))
    async with units() as uow:
        await uow.get(CERTIFICATES).issue(anna, "one", first, NOW)
        await uow.get(CERTIFICATES).issue(anna, "two", second, second.issued_at)
    async with units() as uow:
        store = uow.get(CERTIFICATES)
        assert await store.valid_of(anna) == second
        assert await store.verify("one") == Verification("revoked", revoked_at=second.issued_at)
        assert await store.verify("two") == Verification("valid", second)
        assert await store.verify("three") == Verification("unknown")
        assert [c["code_starts_with"] for c in await store.export(anna)] == ["ABC", "XYZ"]
        assert not await store.revoke("one", NOW)
    with pytest.raises(REFUSED):
        async with units() as uow:
            await uow.get(CERTIFICATES).issue(anna, "two", second, NOW)
    later = NOW + timedelta(days=3)
    async with units() as uow:
        await uow.get(CERTIFICATES).forget(anna, later)
        await uow.get(LEARNERS).delete(anna)
    async with units() as uow:
        store = uow.get(CERTIFICATES)
        assert await store.of_learner(anna) == []
        assert await store.verify("one") == Verification("revoked", revoked_at=second.issued_at)
        assert await store.verify("two") == Verification("revoked", revoked_at=later)
