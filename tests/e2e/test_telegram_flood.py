"""A learner who floods the bot gets their burst and one "slow down"; others are still served."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import pytest
import pytest_asyncio

from bot.app import App
from bot.features.menu.buttons import ChooseLanguage
from bot.features.progress.buttons import ShowProgress
from tests.support.telegram import TelegramChat, tutor_for_telegram

pytestmark = pytest.mark.asyncio(loop_scope="module")

BURST = 5
SLOW_DOWN = {
    "fr": "Vous envoyez des messages très vite",
    "nl": "Je stuurt heel snel berichten",
    "en": "You are sending messages very fast",
}


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def shared_app(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[App]:
    """The tutor with a small burst, and no token coming back within a test."""
    opening = tutor_for_telegram(tmp_path_factory, flood_burst=BURST, flood_per_second=0.001)
    async with opening as app:
        yield app


def slow_downs(chat: TelegramChat) -> list[str]:
    texts = chat.api.sent_texts(chat.user.id)
    return [text for text in texts if text.startswith(tuple(SLOW_DOWN.values()))]


def replies_to(chat: TelegramChat) -> list[str]:
    return [text for text in chat.api.sent_texts(chat.user.id) if text not in slow_downs(chat)]


async def test_a_flood_of_messages_gets_its_burst_and_one_slow_down_in_french(
    new_chat: Callable[[str | None], TelegramChat],
) -> None:
    amina, jan = new_chat("fr"), new_chat("en")
    await jan.command("start")
    await jan.command("progress")
    one_progress = len(jan.calls_to("sendMessage"))
    await amina.command("start")
    before = len(replies_to(amina))

    flood = [amina.updates.command(amina.user, "progress") for _ in range(40)]
    await amina.send(*flood, jan.updates.command(jan.user, "progress"))

    assert [text[: len(SLOW_DOWN["fr"])] for text in slow_downs(amina)] == [SLOW_DOWN["fr"]]
    assert len(replies_to(amina)) - before == (BURST - 1) * one_progress
    assert len(jan.calls_to("sendMessage")) == one_progress
    assert not slow_downs(jan)


async def test_a_flood_of_taps_is_told_in_the_language_the_learner_chose(
    new_chat: Callable[[str | None], TelegramChat],
) -> None:
    jan = new_chat("en")
    await jan.command("start")
    await jan.command("language")
    await jan.tap(ChooseLanguage("nl").pack())
    progress = ShowProgress().pack()

    await jan.send(*(jan.tap_update(progress) for _ in range(30)))

    (told,) = slow_downs(jan)
    assert told.startswith(SLOW_DOWN["nl"])
    assert len(jan.calls_to("answerCallbackQuery")) == BURST - 3
