"""Migrations carry learners over, and back: state, quiz-item ids, review cards, streaks."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from bot.adapters.db.database import Database
from bot.core.languages import BUILT_IN
from bot.course.loader import load_course
from bot.features.review.repo import SqlReviews
from bot.features.voice.repo import SqlVoice
from bot.paths import PROJECT_ROOT

LESSON = "basics/what-is-ai"
# The tables whose numbers trainers' buttons and commands carry.
NEVER_REUSED = {"learners", "cohorts", "push_plans", "pushes"}
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


async def rows(database: Database, query: str) -> list[Any]:
    async with database.engine.connect() as connection:
        return list((await connection.execute(text(query))).all())


async def execute(database: Database, *statements: str) -> None:
    async with database.engine.begin() as connection:
        for statement in statements:
            await connection.execute(text(statement), {"now": NOW})


def insert_learners(*external_ids: str) -> str:
    """Return the INSERT of English learners with ids 1, 2, … and these external ids."""
    values = ", ".join(
        f"({number}, 'test', '{external_id}', 'en', :now, :now, true, true)"
        for number, external_id in enumerate(external_ids, 1)
    )
    return (
        "INSERT INTO learners (id, channel, external_id, language, created_at, last_seen_at,"
        f" is_reachable, reminders_on) VALUES {values}"
    )


async def test_learners_of_the_first_edition_keep_their_place_and_history(
    database_url: str,
) -> None:
    second = load_course(PROJECT_ROOT / "content", BUILT_IN.codes).lesson("en", LESSON).quiz[1].id  # type: ignore[union-attr]
    database = Database(database_url)
    try:
        await database.upgrade("0004_trainers")
        await execute(
            database,
            "INSERT INTO learners (id, channel, external_id, language, created_at, last_seen_at,"
            " is_reachable, reminders_on, mode, lesson_id, card_index, quiz_item) VALUES"
            f" (1, 'test', 'a', 'en', :now, :now, true, true, 'quiz', '{LESSON}', 0, 1),"
            f" (2, 'test', 'b', 'en', :now, :now, true, true, 'practice', '{LESSON}', 3, NULL),"
            " (3, 'test', 'c', 'en', :now, :now, true, true, 'idle', NULL, 0, NULL)",
            "INSERT INTO practice_state (learner_id, task_id, started_at)"
            " VALUES (2, 'basics-spot-ai', :now)",
            "INSERT INTO quiz_answers (learner_id, lesson_id, item_index, chosen, is_correct,"
            f" mode, attempt, answered_at) VALUES (1, '{LESSON}', 1, 0, false, 'quiz', 1, :now),"
            f" (1, '{LESSON}', 99, 0, false, 'quiz', 1, :now)",
            "INSERT INTO review_items (learner_id, lesson_id, item_index, box, due_at)"
            f" VALUES (1, '{LESSON}', 1, 1, :now)",
        )
        await database.upgrade()

        states = await rows(
            database, "SELECT learner_id, flow, resume_flow, lesson_id FROM conversations"
        )
        assert sorted(tuple(row) for row in states) == [
            (1, "quiz.answering", None, LESSON),
            (2, "practice.writing", "lessons.reading", LESSON),
            (3, "core.idle", None, None),
        ]
        # The answer to an item that no longer exists is dropped; the other follows its id.
        assert await rows(database, "SELECT item_id FROM quiz_answers") == [(second,)]
        assert await rows(database, "SELECT item_id FROM review_cards") == [(second,)]
        quiz_state = await rows(database, "SELECT data FROM conversations WHERE learner_id = 1")
        assert '"item": "' + second + '"' in str(quiz_state[0][0]).replace("'", '"')

        await database.downgrade("0004_trainers")
        assert await rows(
            database, "SELECT id, mode, lesson_id, card_index, quiz_item FROM learners ORDER BY id"
        ) == [
            (1, "quiz", LESSON, 0, 1),
            (2, "practice", LESSON, 3, None),
            (3, "idle", None, 0, None),
        ]
        assert await rows(database, "SELECT item_index FROM quiz_answers") == [(1,)]
        assert await rows(database, "SELECT task_id FROM practice_state") == [("basics-spot-ai",)]
    finally:
        await database.close()


async def test_a_cohort_outlives_its_trainer_and_going_back_drops_the_trainerless_ones(
    database_url: str,
) -> None:
    database = Database(database_url)
    try:
        await database.upgrade("0006_quiz_item_ids")
        await execute(
            database,
            insert_learners("leaving", "staying", "learner", "other"),
            "INSERT INTO cohorts (id, name, trainer_id, created_at, quiet_start, quiet_end,"
            " reminder_days) VALUES (1, 'Left', 1, :now, 0, 0, 3), (2, 'Kept', 2, :now, 0, 0, 3)",
            "INSERT INTO cohort_members (learner_id, cohort_id, joined_at)"
            " VALUES (3, 1, :now), (4, 2, :now)",
        )
        await database.upgrade()
        await execute(database, "DELETE FROM learners WHERE id = 1")
        assert await rows(database, "SELECT id, trainer_id FROM cohorts ORDER BY id") == [
            (1, None),
            (2, 2),
        ]
        assert await rows(database, "SELECT learner_id, cohort_id FROM cohort_members") == [
            (3, 1),
            (4, 2),
        ]

        await database.downgrade("0006_quiz_item_ids")
        assert await rows(database, "SELECT id FROM cohorts") == [(2,)]
        assert await rows(database, "SELECT learner_id FROM cohort_members") == [(4,)]
        await execute(database, "DELETE FROM learners WHERE id = 2")
        assert await rows(database, "SELECT id FROM cohorts") == []
    finally:
        await database.close()


async def test_streaks_milestones_and_certificates_come_and_go_with_their_migration(
    database_url: str,
) -> None:
    database = Database(database_url)
    try:
        await database.upgrade("0010_progress_certificates")
        await execute(
            database,
            insert_learners("a"),
            "INSERT INTO learning_streaks (learner_id, days, best, last_day, frozen_day)"
            " VALUES (1, 3, 5, '2026-11-23', NULL)",
            "INSERT INTO celebrations (learner_id, milestone, reached_at)"
            " VALUES (1, 'module:basics', :now)",
            "INSERT INTO certificates (learner_id, code_digest, code_prefix, name, language,"
            " modules, issued_at) VALUES (1, 'digest', 'ABC', 'Anna', 'en', '[\"Basics\"]', :now)",
            "INSERT INTO forgotten_certificates (code_digest, revoked_at) VALUES ('old', :now)",
        )
        # The learner's rows go with the learner; a forgotten code stays.
        await execute(database, "DELETE FROM learners WHERE id = 1")
        for table in ("learning_streaks", "celebrations", "certificates"):
            assert await rows(database, f"SELECT * FROM {table}") == []
        assert await rows(database, "SELECT code_digest FROM forgotten_certificates") == [("old",)]

        await database.downgrade("0008_identity_counters")
        async with database.engine.connect() as connection:
            names = await connection.run_sync(lambda sync: inspect(sync).get_table_names())
        assert not {
            "learning_streaks",
            "celebrations",
            "certificates",
            "forgotten_certificates",
        } & set(names)
        await database.upgrade()
    finally:
        await database.close()


async def test_leitner_boxes_become_fsrs_cards_and_go_back_to_boxes(database_url: str) -> None:
    database = Database(database_url)
    try:
        await database.upgrade("0008_identity_counters")
        await execute(
            database,
            insert_learners("a"),
            "INSERT INTO review_items (learner_id, lesson_id, item_id, box, due_at) VALUES"
            f" (1, '{LESSON}', 'missed', 1, :now), (1, '{LESSON}', 'held', 3, :now)",
        )
        await database.upgrade("0011_fsrs_reviews")
        cards = await rows(
            database,
            "SELECT item_id, stability, difficulty, state, step FROM review_cards ORDER BY item_id",
        )
        assert [tuple(card) for card in cards] == [
            ("held", 7.0, 6.4133, 2, None),
            ("missed", 1.0, 6.4133, 2, None),
        ]
        # Due when the box was; last answered one box interval before.
        async with database.session() as session:
            reviews = SqlReviews(session)
            held = await reviews.card(1, LESSON, "held")
            assert held is not None
            assert (held.due, held.last_review) == (NOW, NOW - timedelta(days=7))
            await reviews.save(1, replace(held, item_id="learnt", stability=40.0))

        await database.downgrade("0008_identity_counters")
        boxes = await rows(database, "SELECT item_id, box FROM review_items ORDER BY item_id")
        # Held beyond the last box (16 days): learnt, as Leitner would have retired it.
        assert [tuple(box) for box in boxes] == [("held", 3), ("missed", 1)]
    finally:
        await database.close()


async def table_names(database: Database) -> set[str]:
    async with database.engine.connect() as connection:
        return set(await connection.run_sync(lambda sync: inspect(sync).get_table_names()))


async def test_the_checks_come_with_their_migration_go_with_their_learner_and_go_back_down(
    database_url: str,
) -> None:
    database = Database(database_url)
    try:
        await database.upgrade("0008_identity_counters")
        await execute(
            database,
            insert_learners("leaving", "staying"),
        )
        await database.upgrade("0012_learning_gain")
        await execute(
            database,
            "INSERT INTO check_results (learner_id, form, offered_at, finished_at, score, total)"
            " VALUES (1, 'A', :now, :now, 4, 10), (2, 'A', :now, :now, 6, 10)",
            "INSERT INTO check_answers (learner_id, form, item_id, chosen, is_correct,"
            " answered_at) VALUES (1, 'A', 'bank-app-pattern', 1, true, :now),"
            " (2, 'A', 'bank-app-pattern', 0, false, :now)",
        )
        # One answer per learner, form and item, whatever the option.
        with pytest.raises(IntegrityError):
            await execute(
                database,
                "INSERT INTO check_answers (learner_id, form, item_id, chosen, is_correct,"
                " answered_at) VALUES (1, 'A', 'bank-app-pattern', 2, false, :now)",
            )
        await execute(database, "DELETE FROM learners WHERE id = 1")
        assert await rows(database, "SELECT learner_id FROM check_results") == [(2,)]
        assert await rows(database, "SELECT learner_id FROM check_answers") == [(2,)]

        await database.downgrade("0008_identity_counters")
        assert not {"check_results", "check_answers"} & await table_names(database)
        assert await rows(database, "SELECT id FROM learners") == [(2,)]
    finally:
        await database.close()


async def test_answers_kept_before_their_digest_stay_readable_and_the_digest_goes_back_down(
    database_url: str,
) -> None:
    database = Database(database_url)
    try:
        await database.upgrade("0015_dashboard")
        await execute(
            database,
            insert_learners("a"),
            "INSERT INTO voice_answers (id, learner_id, language, text, created_at) VALUES"
            " (7, 1, 'en', 'Same words.', :now), (8, 1, 'en', 'Same words.', :now)",
        )
        await database.upgrade()
        assert await rows(database, "SELECT id, digest FROM voice_answers ORDER BY id") == [
            (7, "7"),
            (8, "8"),
        ]
        async with database.session() as session:
            kept = await SqlVoice(session).keep_answer(1, "en", "Same words.", NOW)
            again = await SqlVoice(session).keep_answer(1, "en", "Same words.", NOW)
        assert kept == again
        assert kept not in (7, 8)
        await database.downgrade("0015_dashboard")
        columns = {c["name"] for c in await _columns(database, "voice_answers")}
        assert "digest" not in columns
        assert len(await rows(database, "SELECT id FROM voice_answers")) == 3
    finally:
        await database.close()


async def _columns(database: Database, table: str) -> list[dict[str, Any]]:
    async with database.engine.connect() as connection:
        return await connection.run_sync(lambda sync: inspect(sync).get_columns(table))


async def test_a_deleted_last_rows_number_is_never_given_again_and_going_back_keeps_the_rows(
    database_url: str,
) -> None:
    database = Database(database_url)
    try:
        await database.upgrade("0017_buttons_on_screen")
        await execute(database, _new_learner("a"), _new_learner("b"))
        await database.upgrade()
        await execute(database, "DELETE FROM learners WHERE id = 2", _new_learner("c"))
        assert await rows(database, "SELECT id, external_id FROM learners ORDER BY id") == [
            (1, "a"),
            (3, "c"),
        ]
        assert await _sqlite_autoincrement(database) in (NEVER_REUSED, None)
        await database.downgrade("0017_buttons_on_screen")
        assert await rows(database, "SELECT id, external_id FROM learners ORDER BY id") == [
            (1, "a"),
            (3, "c"),
        ]
        assert await _sqlite_autoincrement(database) in (set(), None)
    finally:
        await database.close()


def _new_learner(external_id: str) -> str:
    """Return the INSERT of an English learner numbered by the database."""
    return (
        "INSERT INTO learners (channel, external_id, language, created_at, last_seen_at,"
        f" is_reachable, reminders_on) VALUES ('test', '{external_id}', 'en', :now, :now, true,"
        " true)"
    )


async def _sqlite_autoincrement(database: Database) -> set[str] | None:
    """Return the SQLite tables that never give a number twice (None: PostgreSQL never does)."""
    if database.dialect != "sqlite":
        return None
    found = await rows(database, "SELECT name FROM sqlite_master WHERE sql LIKE '%AUTOINCREMENT%'")
    return {name for (name,) in found}
