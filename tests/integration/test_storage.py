"""The database on SQLite and PostgreSQL: migrations, restarts, crashes, cascading deletes."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from bot.adapters.db.database import Database
from bot.app import open_app, schema
from bot.core.feature import ButtonRoute
from bot.features.quiz.buttons import AnswerQuiz
from tests.conftest import Clock, make_settings
from tests.support.buttons import data
from tests.support.chat import Chat

LESSON = "basics/what-is-ai"


async def table_names(database: Database) -> set[str]:
    async with database.engine.connect() as connection:
        return set(await connection.run_sync(lambda sync: inspect(sync).get_table_names()))


async def test_migrations_run_up_down_and_up_again(database_url: str) -> None:
    database = Database(database_url)
    try:
        await database.upgrade()
        expected = set(schema().tables)
        assert expected <= await table_names(database)
        await database.downgrade("base")
        assert await table_names(database) <= {"alembic_version"}
        await database.upgrade()
        assert expected <= await table_names(database)
    finally:
        await database.close()


async def test_processes_starting_together_migrate_one_after_the_other(database_url: str) -> None:
    # Replicas started at once each run the migrations: without a lock, two create the same
    # tables and one fails.
    databases = [Database(database_url) for _ in range(3)]
    try:
        await asyncio.gather(*(database.upgrade() for database in databases))
        assert all([await database.at_head() for database in databases])
    finally:
        await asyncio.gather(*(database.close() for database in databases))


async def test_migrations_match_the_models(database_url: str) -> None:
    database = Database(database_url)
    try:
        await database.upgrade()
        async with database.engine.connect() as connection:
            differences = await connection.run_sync(
                lambda sync: compare_metadata(MigrationContext.configure(sync), schema())
            )
        assert differences == []
    finally:
        await database.close()


async def test_progress_survives_a_restart(database_url: str, tmp_path: Path, clock: Clock) -> None:
    settings = make_settings(tmp_path, database_url)
    async with open_app(settings, clock=clock) as app:
        chat = Chat(app.tutor)
        await chat.command("start")
        await chat.press_data(data("quiz.start", LESSON))
        lesson = app.services.course.lesson("en", LESSON)
        assert lesson is not None
        for index, item in enumerate(lesson.quiz):
            await chat.answer(item.correct)
            if index + 1 < len(lesson.quiz):
                await chat.press_data(data("lessons.resume"))
    async with open_app(settings, clock=clock) as app:
        chat = Chat(app.tutor)
        await chat.command("progress")
        assert f"✅ {lesson.title}: {len(lesson.quiz)}/{len(lesson.quiz)}" in chat.text


async def test_a_crash_mid_quiz_resumes_at_the_same_question(
    database_url: str, tmp_path: Path, clock: Clock
) -> None:
    settings = make_settings(tmp_path, database_url)
    async with open_app(settings, clock=clock) as app:
        chat = Chat(app.tutor)
        await chat.command("start")
        await chat.press_data(data("quiz.start", LESSON))
        await chat.answer(0)
        second_question = (await chat.press_data(data("lessons.resume"))) and chat.question.question
        # A handler that fails must roll back everything it did, and say so kindly.
        app.router.buttons["quiz.ans"] = ButtonRoute(AnswerQuiz, crash)
        await chat.answer(1)
        assert "Your progress is safe" in chat.text
    async with open_app(settings, clock=clock) as app:
        chat = Chat(app.tutor)
        await chat.command("start")
        await chat.press_data(chat.button_with_action("lessons.resume").data)
        assert chat.question.question == second_question
        await chat.answer(0)
        await chat.command("mydata")
        assert "2 quiz answers" in chat.text


async def crash(*_: object) -> None:
    raise RuntimeError("simulated crash")


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_the_default_database_is_a_sqlite_file_in_the_data_dir(
    database_url: str, tmp_path: Path
) -> None:
    settings = make_settings(tmp_path, "")
    assert settings.resolved_database_url == f"sqlite+aiosqlite:///{tmp_path / 'data' / 'tutor.db'}"
    async with open_app(settings) as app:
        chat = Chat(app.tutor)
        await chat.command("start")
    assert (tmp_path / "data" / "tutor.db").exists()
