"""Acknowledgements of webhook calls: every delivery of an update waits for its turn to end."""

from __future__ import annotations

import asyncio

from telegram import Update

from bot.channels.telegram.acks import AcknowledgedQueue, Acknowledgements


async def test_every_delivery_of_an_update_is_released_when_its_turn_ends() -> None:
    acknowledgements = Acknowledgements()
    first, again = acknowledgements.expect(7), acknowledgements.expect(7)
    other = acknowledgements.expect(8)
    acknowledgements.ended(Update(7))
    assert first.done()
    assert again.done()
    assert not other.done()


async def test_the_queue_lets_other_items_through_and_holds_updates_until_their_turn_ends() -> None:
    acknowledgements = Acknowledgements()
    queue = AcknowledgedQueue(acknowledgements)
    await queue.put("stop signal")  # not an update: returns at once
    putting = asyncio.ensure_future(queue.put(Update(9)))
    await asyncio.sleep(0)
    assert queue.qsize() == 2
    assert not putting.done()
    acknowledgements.ended(await queue.get())  # PTB's own item: nothing waits for it
    acknowledgements.ended(await queue.get())
    await asyncio.wait_for(putting, 1)
