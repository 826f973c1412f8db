"""Trainers on more than one channel: administrators by channel identity, and join links."""

from __future__ import annotations

from collections.abc import AsyncIterator
from io import StringIO
from pathlib import Path

import pytest

from bot.app import App, open_app
from bot.channels.telegram.channel import TelegramChannel
from bot.channels.terminal.channel import TerminalChannel
from bot.channels.terminal.chat import TerminalChat
from bot.core.events import Sender
from tests.conftest import Clock
from tests.support.chat import Chat
from tests.support.telegram import BotApi
from tests.support.trainers import (
    ADMIN_ID,
    BOT_USERNAME,
    code_in,
    new_cohort,
    new_trainer,
    person,
    recording_deliverer,
    trainer_settings,
)

ADMINS_ONLY = "This is for administrators only."


@pytest.fixture
async def app(
    tmp_path: Path, database_url: str, clock: Clock, course_index_dir: Path
) -> AsyncIterator[App]:
    settings = trainer_settings(
        tmp_path, database_url, index_dir=course_index_dir, admins="terminal:anna"
    )
    async with open_app(settings, clock=clock) as opened:
        yield opened


async def in_terminal(app: App, user: str) -> Chat:
    """Return someone who started the tutor in `tutor chat` as `user`."""
    chat = Chat(app.tutor, user=user, channel="terminal", first_name=user.title())
    await chat.command("start")
    return chat


async def test_an_administrator_is_recognised_by_channel_and_id(app: App) -> None:
    anna = await in_terminal(app, "anna")
    await anna.command("trainer_invite")
    assert "🎟 Trainer invitation, for one person" in anna.text
    await anna.command("trainer")
    assert anna.button("Invite a trainer")

    # TUTOR_ADMIN_IDS still names a Telegram user.
    telegram_admin = await person(app, ADMIN_ID)
    await telegram_admin.command("trainer_invite")
    assert "🎟 Trainer invitation, for one person" in telegram_admin.text

    # The same id on another channel, or someone else on the terminal, is nobody special.
    same_name_on_telegram = Chat(app.tutor, user="anna", channel="telegram")
    await same_name_on_telegram.command("start")
    for stranger in (
        same_name_on_telegram,
        await in_terminal(app, "bob"),
        await in_terminal(app, str(ADMIN_ID)),
    ):
        await stranger.command("trainer_invite")
        assert ADMINS_ONLY in stranger.text


async def test_a_trainer_gets_the_join_link_of_the_channel_they_use(
    app: App, tmp_path: Path
) -> None:
    on_telegram = await new_trainer(app, 2001)
    anna = await in_terminal(app, "anna")
    telegram = TelegramChannel(recording_deliverer(app, BotApi()), BOT_USERNAME)
    async with app.serving([telegram]):
        await new_cohort(on_telegram, "Evening")
        assert f"Share this link:\nhttps://t.me/{BOT_USERNAME}?start=join-" in on_telegram.text
        # This process does not serve the terminal: the code alone.
        await new_cohort(anna, "Morning")
        assert "Share this link" not in anna.text
        assert "Or they send: /join " in anna.text

    anna_screen = TerminalChat(app, anna.sender, StringIO(), tmp_path)
    async with app.serving([TerminalChannel(anna_screen)]):
        await anna.command("cohort", "link", "Morning")
        code = code_in(anna.text).replace("-", "")
        link = f"/start join-{code}"
        assert f"Share this link:\n{link}" in anna.text
        # What anna shares is what someone types in their own `tutor chat`.
        bob_screen = StringIO()
        bob = TerminalChat(app, Sender("terminal", "bob", "en"), bob_screen, tmp_path)
        await bob.send(bob.to_event(link))
        assert "Welcome to the group “Morning”!" in bob_screen.getvalue()
        # Telegram is not served any more: its trainer gets the code alone.
        await on_telegram.command("cohort", "link", "Evening")
        assert "Share this link" not in on_telegram.text
        assert "Or they send: /join " in on_telegram.text
