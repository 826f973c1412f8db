"""One turn at a time per learner, even when two replicas receive the same tap at once.

Two tutors stand for two webhook replicas: each has its own engine on the same database, as
two processes would. Telegram may deliver a tap twice, to either replica; the learner must get
the same verdict from both (the second shows the stored answer), and the answer must be stored
once.

On PostgreSQL the engine's `arrive(...)`, an UPDATE of the learner's row, holds that row until
the turn commits. On SQLite the same first write takes the database's single write lock, and the
other replica's turn waits for it within SQLite's busy timeout (5 s by default).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from datetime import datetime

import pytest

from bot.adapters.db.database import Database
from bot.adapters.db.learners import SqlLearners
from bot.adapters.db.unit import SqlUnits
from bot.core.engine import Tutor
from bot.core.events import ButtonPress
from bot.core.ports import LEARNERS
from bot.core.replies import Message, Reply
from bot.features.quiz.ports import ANSWERS
from bot.features.review.ports import REVIEWS
from tests.conftest import Clock
from tests.support.buttons import data
from tests.support.chat import Chat
from tests.support.learning import fixture_course, learning_manifests, learning_tutor, translators

LEARNERS_AT_A_QUESTION = 50
LESSON = "basics/what-is-ai"
ENGLISH = translators()["en"]
VERDICTS = (ENGLISH.gettext("✅ Right!"), ENGLISH.gettext("❌ Not quite."))


@dataclass(frozen=True)
class Replica:
    """A tutor on its own engine, as one process of the tutor has."""

    database: Database
    units: SqlUnits
    tutor: Tutor


@asynccontextmanager
async def replica(url: str, clock: Callable[[], datetime]) -> AsyncIterator[Replica]:
    """Open a tutor of the learning features on its own engine, and close the engine after."""
    database = Database(url)
    manifests = learning_manifests(fixture_course())
    bindings = {LEARNERS: SqlLearners} | {
        port: build for manifest in manifests for port, build in manifest.repositories
    }
    units = SqlUnits(database, bindings)
    try:
        yield Replica(database, units, learning_tutor(units, clock, manifests))
    finally:
        await database.close()


@dataclass(frozen=True)
class LearnerAtQuestion:
    """A learner at the first question of the quiz, with the answer they are about to tap."""

    chat: Chat
    tap: str
    right: bool


async def at_the_first_question(tutor: Tutor, number: int) -> LearnerAtQuestion:
    """Bring a new learner to the first quiz question; every other one is to answer it wrong."""
    chat = Chat(tutor, user=f"learner-{number}")
    await chat.command("start")
    await chat.press_data(data("quiz.start", LESSON))
    right = number % 2 == 0
    correct = chat.question.correct
    option = correct if right else (correct + 1) % len(chat.question.options)
    return LearnerAtQuestion(chat, chat.question.answer_data[option], right)


def texts(replies: list[Reply]) -> str:
    return "\n".join(reply.text for reply in replies if isinstance(reply, Message))


async def stored(replica: Replica, learner: LearnerAtQuestion) -> tuple[int, int]:
    """Return how many answers and review items are stored for a learner."""
    async with replica.units() as uow:
        found = await uow.get(LEARNERS).find(learner.chat.channel, learner.chat.user)
        assert found is not None
        answers = await uow.get(ANSWERS).export(found.id)
        reviews = await uow.get(REVIEWS).export(found.id)
    return len(answers), len(reviews)


async def test_a_tap_delivered_to_two_replicas_at_once_is_answered_once(
    database_url: str, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    """Tap every learner's answer on both replicas at once; check each is answered once."""
    async with AsyncExitStack() as stack:
        first = await stack.enter_async_context(replica(database_url, clock))
        second = await stack.enter_async_context(replica(database_url, clock))
        await first.database.upgrade()
        waiting = [
            await at_the_first_question(first.tutor, n) for n in range(LEARNERS_AT_A_QUESTION)
        ]

        async def tap_on_both(learner: LearnerAtQuestion) -> list[str]:
            event = ButtonPress(learner.tap)
            both = await asyncio.gather(
                first.tutor.handle(learner.chat.sender, event),
                second.tutor.handle(learner.chat.sender, event),
            )
            return [texts(replies) for replies in both]

        with caplog.at_level(logging.ERROR, logger="bot.core.engine"):
            replies = await asyncio.gather(*(tap_on_both(learner) for learner in waiting))
        failures = [record.exc_text or record.getMessage() for record in caplog.records]
        assert not failures, failures[0]
        for learner, pair in zip(waiting, replies, strict=True):
            verdict = VERDICTS[0] if learner.right else VERDICTS[1]
            assert pair[0] == pair[1], learner.chat.user
            assert verdict in pair[0], learner.chat.user
            assert await stored(second, learner) == (1, 0 if learner.right else 1)
