"""Model usage per learner and day, and practice attempts, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar, cast
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from bot.adapters.db.counters import SqlCounters
from bot.adapters.db.database import Database
from bot.adapters.db.learners import SqlLearners
from bot.core.limits import COUNTERS
from bot.core.model import ModelError, TokenUsage, Unavailable
from bot.core.ports import Learner, Port
from bot.features.practice.repo import SqlAttempts
from bot.features.practice.rubric import Verdict
from bot.features.usage.budget import DailyBudget
from bot.features.usage.ports import MODEL_USAGE
from bot.features.usage.repo import SqlUsage

T = TypeVar("T")
BRUSSELS = ZoneInfo("Europe/Brussels")
NOON = datetime(2026, 11, 23, 11, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Reply:
    usage: TokenUsage


@pytest.fixture
async def database(database_url: str) -> AsyncIterator[Database]:
    database = Database(database_url)
    await database.upgrade()
    try:
        yield database
    finally:
        await database.close()


@dataclass
class Spender:
    """What a turn gives the budget: the learner, the time, their identity code, the stores."""

    session: AsyncSession
    learner: Learner
    now: datetime

    @property
    def identity(self) -> str:
        return f"code-of-{self.learner.external_id}"

    def repo(self, port: Port[T]) -> T:
        adapters: dict[Port[Any], Any] = {MODEL_USAGE: SqlUsage, COUNTERS: SqlCounters}
        return cast(T, adapters[port](self.session))


async def spender(session: AsyncSession, learner: int, now: datetime) -> Spender:
    found = await SqlLearners(session).get(learner)
    assert found is not None
    return Spender(session, found, now)


async def new_learner(database: Database, name: str = "1") -> int:
    async with database.session() as session:
        learner = await SqlLearners(session).create("test", name, NOON, "fr", None)
    return learner.id


async def ask(budget: DailyBudget, database: Database, learner: int, now: datetime) -> object:
    async def call() -> Reply:
        return Reply(TokenUsage(100, 20))

    async with database.session() as session:
        return await budget.spend(await spender(session, learner, now), call)


async def test_the_daily_limit_holds_and_resets_at_midnight_in_brussels(
    database: Database,
) -> None:
    budget = DailyBudget(limit=2, timezone=BRUSSELS)
    learner = await new_learner(database)

    assert await ask(budget, database, learner, NOON) == Reply(TokenUsage(100, 20))
    assert await ask(budget, database, learner, NOON) == Reply(TokenUsage(100, 20))
    assert await ask(budget, database, learner, NOON) is Unavailable.DAILY_LIMIT
    # 23:30 UTC is already the next day in Brussels.
    late = datetime(2026, 11, 23, 23, 30, tzinfo=UTC)
    assert isinstance(await ask(budget, database, learner, late), Reply)

    async with database.session() as session:
        today = await SqlUsage(session).of_day(learner, budget.day(NOON))
        tomorrow = await SqlUsage(session).of_day(learner, budget.day(late))
    assert (today.calls, today.input_tokens, today.output_tokens) == (2, 200, 40)
    assert tomorrow.calls == 1
    assert tomorrow.day == budget.day(NOON) + timedelta(days=1)


async def test_learners_have_their_own_limit(database: Database) -> None:
    budget = DailyBudget(limit=1, timezone=BRUSSELS)
    first, second = await new_learner(database, "1"), await new_learner(database, "2")

    assert isinstance(await ask(budget, database, first, NOON), Reply)
    assert await ask(budget, database, first, NOON) is Unavailable.DAILY_LIMIT
    assert isinstance(await ask(budget, database, second, NOON), Reply)


async def test_a_failed_call_counts_and_no_model_costs_nothing(database: Database) -> None:
    budget = DailyBudget(limit=5, timezone=BRUSSELS)
    learner = await new_learner(database)

    async def failing() -> Reply:
        raise ModelError("TimeoutError")

    async with database.session() as session:
        turn = await spender(session, learner, NOON)
        assert await budget.spend(turn, failing) is Unavailable.FAILED
        assert await budget.spend(turn, None) is Unavailable.NO_MODEL
    async with database.session() as session:
        usage = await SqlUsage(session).of_day(learner, budget.day(NOON))
    assert (usage.calls, usage.input_tokens, usage.output_tokens) == (1, 0, 0)


async def test_a_limit_of_zero_keeps_the_model_off(database: Database) -> None:
    learner = await new_learner(database)
    budget = DailyBudget(limit=0, timezone=BRUSSELS)
    assert await ask(budget, database, learner, NOON) is Unavailable.DAILY_LIMIT


async def test_usage_adds_up_and_exports_as_numbers(database: Database) -> None:
    learner = await new_learner(database)
    day = NOON.date()
    async with database.session() as session:
        store = SqlUsage(session)
        await store.add_call(learner, day, TokenUsage(10, 1))
        await store.add_call(learner, day, TokenUsage(5, 2))
        await store.add_call(learner, day + timedelta(days=1), TokenUsage())
    async with database.session() as session:
        export = await SqlUsage(session).export(learner)
    assert export == {
        "days": [
            {"day": "2026-11-23", "calls": 2, "input_tokens": 15, "output_tokens": 3},
            {"day": "2026-11-24", "calls": 1, "input_tokens": 0, "output_tokens": 0},
        ]
    }


async def test_practice_attempts_are_kept_and_deleted_with_the_learner(
    database: Database,
) -> None:
    learner = await new_learner(database)
    weak = Verdict(clear_task=True, context=False, format=False, no_personal_data=False)
    strong = Verdict(clear_task=True, context=True, format=True, no_personal_data=True)
    async with database.session() as session:
        store = SqlAttempts(session)
        await store.record(learner, "basics-spot-ai", "fr", weak, by_model=True, now=NOON)
        await store.record(learner, "basics-spot-ai", "fr", strong, by_model=False, now=NOON)
        await store.record(learner, "basics-explain-learning", "fr", weak, by_model=False, now=NOON)
    async with database.session() as session:
        stored = await SqlAttempts(session).of_learner(learner, "basics-spot-ai")
        export = await SqlAttempts(session).export(learner)
    assert [(a.score, a.by_model, a.verdict) for a in stored] == [
        (1, True, weak),
        (4, False, strong),
    ]
    assert [(a["task_id"], a["score"]) for a in export["attempts"]] == [
        ("basics-spot-ai", 1),
        ("basics-spot-ai", 4),
        ("basics-explain-learning", 1),
    ]

    async with database.session() as session:
        await SqlUsage(session).add_call(learner, NOON.date(), TokenUsage(1, 1))
        await SqlLearners(session).delete(learner)
    async with database.session() as session:
        assert await SqlAttempts(session).of_learner(learner) == []
        assert (await SqlUsage(session).of_day(learner, NOON.date())).calls == 0


async def test_two_calls_at_once_on_a_new_day_both_count(database: Database) -> None:
    learner = await new_learner(database)
    day = NOON.date()
    first_inserted = asyncio.Event()

    async def second_call() -> None:
        await first_inserted.wait()
        async with database.session() as session:
            await SqlUsage(session).add_call(learner, day, TokenUsage(1, 1))

    other = asyncio.create_task(second_call())
    async with database.session() as session:
        await SqlUsage(session).add_call(learner, day, TokenUsage(1, 1))
        first_inserted.set()
        # Let the other transaction run into today's row, not yet committed by this one.
        await asyncio.sleep(0.2)
    await other
    async with database.session() as session:
        assert (await SqlUsage(session).of_day(learner, day)).calls == 2
