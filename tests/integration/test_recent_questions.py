"""The store of learners' recent questions on SQLite and PostgreSQL: few, short-lived, private."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.adapters.db.database import Database
from bot.adapters.db.learners import SqlLearners
from bot.features.answers.repo import SqlRecentQuestions

NOW = datetime(2026, 12, 10, 9, 0, tzinfo=UTC)


async def test_only_the_last_few_are_kept_and_expired_ones_are_forgotten(
    database_url: str,
) -> None:
    database = Database(database_url)
    try:
        await database.upgrade()
        async with database.session() as session:
            learners = SqlLearners(session)
            anna = await learners.create("test", "anna", NOW, "en", None)
            ben = await learners.create("test", "ben", NOW, "fr", None)
            store = SqlRecentQuestions(session)
            await store.add(ben.id, "fr", "Et au travail ?", NOW - timedelta(hours=1), keep=3)
            ids = [
                await store.add(anna.id, "en", f"question {n}", NOW + timedelta(minutes=n), keep=3)
                for n in range(4)
            ]
            kept = await store.since(anna.id, NOW)
            assert [(q.id, q.text) for q in kept] == [
                (ids[1], "question 1"),
                (ids[2], "question 2"),
                (ids[3], "question 3"),
            ]
            assert [q.text for q in await store.since(anna.id, NOW + timedelta(minutes=2))] == [
                "question 2",
                "question 3",
            ]
            await store.forget_before(NOW)
            assert await store.export(ben.id) == []
            assert [q["text"] for q in await store.export(anna.id)] == [
                "question 1",
                "question 2",
                "question 3",
            ]
            await learners.delete(anna.id)
            assert await store.since(anna.id, NOW) == []
    finally:
        await database.close()
