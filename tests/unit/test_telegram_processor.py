"""Each learner's updates run one after the other; different learners' side by side."""

from __future__ import annotations

import asyncio
from collections import defaultdict

from telegram import Update

from bot.channels.telegram.processor import PerLearnerProcessor
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


async def test_a_learner_waits_for_their_previous_update_while_others_go_ahead() -> None:
    processor = PerLearnerProcessor(max_active=4)
    journal = Journal()
    release = asyncio.Event()

    tasks = [
        asyncio.create_task(
            processor.process_update(update(AMINA, "1"), journal.work("a1", release))
        ),
        asyncio.create_task(processor.process_update(update(AMINA, "2"), journal.work("a2"))),
        asyncio.create_task(processor.process_update(update(JAN, "1"), journal.work("j1"))),
    ]
    await journal.finished["j1"].wait()

    assert journal.entries == ["a1 starts", "j1 starts", "j1 ends"]
    release.set()
    await asyncio.gather(*tasks)
    assert journal.entries[3:] == ["a1 ends", "a2 starts", "a2 ends"]


async def test_at_most_max_active_learners_are_served_at_once() -> None:
    processor = PerLearnerProcessor(max_active=1)
    journal = Journal()
    release = asyncio.Event()

    first = asyncio.create_task(
        processor.process_update(update(AMINA, "1"), journal.work("a1", release))
    )
    second = asyncio.create_task(processor.process_update(update(JAN, "1"), journal.work("j1")))
    await journal.started["a1"].wait()
    for _ in range(10):  # give the second learner every chance to start too early
        await asyncio.sleep(0)

    assert journal.entries == ["a1 starts"]
    release.set()
    await asyncio.gather(first, second)
    assert journal.entries == ["a1 starts", "a1 ends", "j1 starts", "j1 ends"]


async def test_updates_without_a_user_are_processed_too() -> None:
    processor = PerLearnerProcessor()
    journal = Journal()

    await processor.process_update(object(), journal.work("anonymous"))

    assert journal.entries == ["anonymous starts", "anonymous ends"]
