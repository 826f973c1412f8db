"""The pacer spaces messages to one chat and pauses everyone after RetryAfter."""

from __future__ import annotations

import time

from bot.outbox.pacing import Pacer


async def test_two_messages_to_one_chat_are_spaced_by_the_chat_interval() -> None:
    pacer = Pacer(rate_per_second=0, chat_interval_seconds=0.05)
    await pacer.wait("42")
    first = time.monotonic()
    await pacer.wait("42")
    assert time.monotonic() - first >= 0.05


async def test_the_overall_rate_and_a_pause_hold_every_chat() -> None:
    pacer = Pacer(rate_per_second=100, chat_interval_seconds=0)
    start = time.monotonic()
    for chat in range(5):
        await pacer.wait(str(chat))
    assert time.monotonic() - start >= 4 * 0.01
    pacer.pause(0.05)
    paused = time.monotonic()
    await pacer.wait("99")
    assert time.monotonic() - paused >= 0.05
