"""Each learner's updates run in order and within limits; different learners' side by side."""

from __future__ import annotations

import asyncio
from collections import defaultdict

from telegram import Update

from bot.channels.telegram.processor import PerLearnerProcessor
from bot.core.flood import TokenBuckets
from tests.support.telegram import TelegramUser, Updates

AMINA = TelegramUser(1, "Amina")
JAN = TelegramUser(2, "Jan")


class Journal:
    """Work that records when it starts and ends, and can be held until released."""

    def __init__(self) -> None:
        self.entries: list[str] = []
        self.started: defaultdict[str, asyncio.Event] = defaultdict(asyncio.Event)
        self.finished: defaultdict[str, asyncio.Event] = defaultdict(asyncio.Event)

    async def work(self, name: str, hold: asyncio.Event | None = None) -> None:
        self.entries.append(f"{name} starts")
        self.started[name].set()
        if hold is not None:
            await hold.wait()
        self.entries.append(f"{name} ends")
        self.finished[name].set()


def update(user: TelegramUser, text: str) -> Update:
    return Update.de_json(Updates().text(user, text), None)


class SlowDowns:
    """Record whom the processor asked to slow down."""

    def __init__(self) -> None:
        self.users: list[int] = []

    async def __call__(self, update: Update) -> None:
        assert update.effective_user is not None
        self.users.append(update.effective_user.id)


def processor(
    *,
    max_active: int = 8,
    max_waiting: int = 512,
    burst: int = 100,
    max_queued: int = 100,
    slow_downs: SlowDowns | None = None,
) -> PerLearnerProcessor:
    # No token comes back during a test: only the burst decides.
    buckets = TokenBuckets(burst, 1e-9, lambda: 0.0)
    return PerLearnerProcessor(
        buckets,
        slow_downs or SlowDowns(),
        max_queued=max_queued,
        max_active=max_active,
        max_waiting=max_waiting,
    )


async def test_a_learner_waits_for_their_previous_update_while_others_go_ahead() -> None:
    flow = processor(max_active=4)
    journal = Journal()
    release = asyncio.Event()

    tasks = [
        asyncio.create_task(flow.process_update(update(AMINA, "1"), journal.work("a1", release))),
        asyncio.create_task(flow.process_update(update(AMINA, "2"), journal.work("a2"))),
        asyncio.create_task(flow.process_update(update(JAN, "1"), journal.work("j1"))),
    ]
    await journal.finished["j1"].wait()

    assert journal.entries == ["a1 starts", "j1 starts", "j1 ends"]
    release.set()
    await asyncio.gather(*tasks)
    assert journal.entries[3:] == ["a1 ends", "a2 starts", "a2 ends"]


async def test_at_most_max_active_learners_are_served_at_once() -> None:
    flow = processor(max_active=1)
    journal = Journal()
    release = asyncio.Event()

    first = asyncio.create_task(
        flow.process_update(update(AMINA, "1"), journal.work("a1", release))
    )
    second = asyncio.create_task(flow.process_update(update(JAN, "1"), journal.work("j1")))
    await journal.started["a1"].wait()
    for _ in range(10):  # give the second learner every chance to start too early
        await asyncio.sleep(0)

    assert journal.entries == ["a1 starts"]
    release.set()
    await asyncio.gather(first, second)
    assert journal.entries == ["a1 starts", "a1 ends", "j1 starts", "j1 ends"]


async def test_updates_without_a_user_are_processed_too() -> None:
    flow = processor()
    journal = Journal()

    await flow.process_update(object(), journal.work("anonymous"))

    assert journal.entries == ["anonymous starts", "anonymous ends"]


async def test_beyond_the_burst_updates_are_dropped_and_one_slow_down_is_asked() -> None:
    slow_downs = SlowDowns()
    flow = processor(burst=3, slow_downs=slow_downs)
    journal = Journal()

    for index in range(6):
        await flow.process_update(update(AMINA, str(index)), journal.work(f"a{index}"))

    assert journal.entries == [
        "a0 starts",
        "a0 ends",
        "a1 starts",
        "a1 ends",
        "a2 starts",
        "a2 ends",
    ]
    assert slow_downs.users == [AMINA.id]


async def test_a_flood_is_dropped_before_it_waits_so_others_are_served_meanwhile() -> None:
    flow = processor(max_active=2, max_waiting=4, max_queued=2)
    journal = Journal()
    release = asyncio.Event()
    first = asyncio.create_task(
        flow.process_update(update(AMINA, "0"), journal.work("a0", release))
    )
    await journal.started["a0"].wait()
    waiting = asyncio.create_task(flow.process_update(update(AMINA, "1"), journal.work("a1")))
    flood = [
        asyncio.create_task(flow.process_update(update(AMINA, str(index)), journal.work("a")))
        for index in range(2, 500)
    ]
    jan = asyncio.create_task(flow.process_update(update(JAN, "1"), journal.work("j1")))
    for _ in range(10):  # every task has run as far as it can without a0 finishing
        await asyncio.sleep(0)

    # Beyond two waiting or in progress, Amina's updates were dropped without waiting their
    # turn, holding none of the four shared places: Jan was served while a0 still runs.
    assert all(task.done() for task in flood)
    assert journal.entries == ["a0 starts", "j1 starts", "j1 ends"]
    release.set()
    await asyncio.gather(first, waiting, jan)
    assert journal.entries[3:] == ["a0 ends", "a1 starts", "a1 ends"]
