"""Trainers on more than one channel: administrators by channel identity, and join links."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.app import App, open_app
from tests.conftest import Clock
from tests.support.chat import Chat
from tests.support.trainers import ADMIN_ID, person, trainer_settings

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
