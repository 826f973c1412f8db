"""What the Telegram front end stores: handled update ids and quiz polls, on both databases."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from bot.adapters.db.database import Database
from bot.adapters.db.learners import SqlLearners
from bot.channels.telegram import store
from bot.core.ports import Learner

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
BOT, OTHER_BOT = 7000000001, 7000000002


@pytest.fixture
async def database(database_url: str) -> AsyncIterator[Database]:
    database = Database(database_url)
    await database.upgrade()
    yield database
    await database.close()


async def learner(database: Database, external_id: str) -> Learner:
    async with database.session() as session:
        return await SqlLearners(session).create("telegram", external_id, NOW, "fr", "Amina B.")


async def test_an_update_is_claimed_once_per_bot(database: Database) -> None:
    async with database.session() as session:
        first = await store.claim_update(session, BOT, 500, NOW)
    async with database.session() as session:
        again = await store.claim_update(session, BOT, 500, NOW)
        other_bot = await store.claim_update(session, OTHER_BOT, 500, NOW)
        next_update = await store.claim_update(session, BOT, 501, NOW)

    assert (first, again, other_bot, next_update) == (True, False, True, True)


async def test_a_failed_claim_leaves_the_transaction_usable(database: Database) -> None:
    async with database.session() as session:
        await store.claim_update(session, BOT, 600, NOW)
    async with database.session() as session:
        assert not await store.claim_update(session, BOT, 600, NOW)
        amina = await SqlLearners(session).create("telegram", "111", NOW, "fr", None)
    async with database.session() as session:
        assert await SqlLearners(session).get(amina.id) is not None


async def test_old_update_ids_are_forgotten(database: Database) -> None:
    async with database.session() as session:
        await store.claim_update(session, BOT, 1, NOW - timedelta(days=3))
        await store.claim_update(session, BOT, 2, NOW)
        await store.forget_updates(session, NOW - timedelta(days=2))
    async with database.session() as session:
        assert await store.claim_update(session, BOT, 1, NOW)
        assert not await store.claim_update(session, BOT, 2, NOW)


async def test_a_poll_is_taken_once_and_only_by_its_learner(database: Database) -> None:
    await learner(database, "111")
    await learner(database, "222")
    data = ("v2:quiz.ans:basics/what-is-ai:0:0", "v2:quiz.ans:basics/what-is-ai:0:1")
    async with database.session() as session:
        assert await store.save_poll(session, "111", "5001", data, NOW)
        assert not await store.save_poll(session, "999", "5002", data, NOW)

    async with database.session() as session:
        by_someone_else = await store.take_poll(session, "5001", "222")
    async with database.session() as session:
        taken = await store.take_poll(session, "5001", "111")
    async with database.session() as session:
        again = await store.take_poll(session, "5001", "111")

    assert by_someone_else is None
    assert taken is not None
    assert (taken.poll_id, taken.answer_data, taken.sent_at) == ("5001", data, NOW)
    assert again is None


async def test_polls_are_exported_and_deleted_with_the_learner(database: Database) -> None:
    amina = await learner(database, "111")
    async with database.session() as session:
        await store.save_poll(session, "111", "5001", ("v2:quiz.ans:a/b:0:0",), NOW)
        exported = await store.export(session, amina.id)
        await SqlLearners(session).delete(amina.id)
    async with database.session() as session:
        assert await store.export(session, amina.id) == {"open_quiz_polls": []}
        assert await store.take_poll(session, "5001", "111") is None

    assert exported == {"open_quiz_polls": [{"poll_id": "5001", "sent_at": NOW.isoformat()}]}


async def test_unanswered_polls_are_forgotten_after_a_while(database: Database) -> None:
    await learner(database, "111")
    async with database.session() as session:
        await store.save_poll(
            session, "111", "old", ("v2:quiz.ans:a/b:0:0",), NOW - timedelta(days=40)
        )
        await store.save_poll(session, "111", "new", ("v2:quiz.ans:a/b:1:0",), NOW)
        await store.forget_polls(session, NOW - timedelta(days=30))
    async with database.session() as session:
        assert await store.take_poll(session, "old", "111") is None
        assert await store.take_poll(session, "new", "111") is not None


async def test_reachability_follows_blocking(database: Database) -> None:
    amina = await learner(database, "111")
    async with database.session() as session:
        assert await store.set_reachable(session, "111", reachable=False)
        assert not await store.set_reachable(session, "999", reachable=False)
        blocked = await SqlLearners(session).get(amina.id)
        await store.set_reachable(session, "111", reachable=True)
        unblocked = await SqlLearners(session).get(amina.id)

    assert blocked is not None
    assert not blocked.is_reachable
    assert unblocked is not None
    assert unblocked.is_reachable
