"""SQLite's writers of one process take turns, in order, and a session inside a session passes."""

from __future__ import annotations

import asyncio

import pytest

from bot.adapters.db.database import OneAtATime


async def test_tasks_go_through_one_at_a_time_in_the_order_they_came() -> None:
    way = OneAtATime()
    inside: list[int] = []
    log: list[str] = []

    async def task(number: int) -> None:
        async with way.turn():
            inside.append(number)
            log.append(f"in {number} with {len(inside)}")
            await asyncio.sleep(0)  # others run meanwhile, and must wait
            inside.remove(number)

    await asyncio.gather(*(task(number) for number in range(5)))

    assert log == [f"in {number} with 1" for number in range(5)]


async def test_the_task_inside_may_come_again_without_waiting_for_itself() -> None:
    way = OneAtATime()

    async def nested() -> str:
        async with way.turn(), way.turn():
            return "done"

    assert await asyncio.wait_for(nested(), timeout=5) == "done"


async def test_an_error_inside_lets_the_next_task_through() -> None:
    way = OneAtATime()

    async def failing() -> None:
        async with way.turn():
            raise RuntimeError("the turn failed")

    with pytest.raises(RuntimeError):
        await failing()
    async with way.turn():
        pass
