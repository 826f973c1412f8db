"""Forged numbers in every kind of button, on PostgreSQL, through the real Application."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.callbacks import MAX_INT, VERSION, CallbackData, field_kinds
from tests.support.logs import watching_logs
from tests.support.telegram import (
    BotApi,
    TelegramChat,
    TelegramUser,
    Updates,
    application_for,
    running,
    tutor_for_telegram,
)
from tests.support.trainers import ADMIN_ID, BOT_USERNAME, code_in

# The largest id a button may carry, one more (an int4 column overflows), and the most digits.
FORGED_NUMBERS = (str(MAX_INT), str(MAX_INT + 1), "9" * 10, "9" * 30)
# Text fields that mean nothing, and a real lesson, so that the numbers are read after it.
FORGED_TEXTS = ("x", "basics/what-is-ai")


def forged_data(kind: type[CallbackData], number: str, text: str) -> str:
    """Pack a kind of button by hand, with `number` in each int field and `text` in each other."""
    fields = [number if field is int else text for _, field in field_kinds(kind)]
    return ":".join([VERSION, kind.action, *fields])


@pytest.mark.postgres
async def test_forged_huge_numbers_in_every_button_are_refused_kindly(
    tmp_path_factory: pytest.TempPathFactory, course_index_dir: Path, postgres_url: str
) -> None:
    api = BotApi()
    updates = Updates()
    async with tutor_for_telegram(
        tmp_path_factory,
        database_url=postgres_url,
        index_dir=course_index_dir,
        admin_ids=[ADMIN_ID],
        telegram_bot_username=BOT_USERNAME,
    ) as app:
        application = application_for(app, api)
        async with running(application):
            admin = TelegramChat(
                application, api, TelegramUser(ADMIN_ID, "Ann", None, "en"), updates
            )
            await admin.command("start")
            await admin.command("trainer_invite")
            trainer = TelegramChat(
                application, api, TelegramUser(2001, "Marie", None, "en"), updates
            )
            await trainer.command("start", f"join-{code_in(admin.text).replace('-', '')}")
            await trainer.command("cohort", "new", "Evening")
            forged = [
                forged_data(route.data, number, text)
                for route in app.router.buttons.values()
                if int in dict(field_kinds(route.data)).values()
                for number in FORGED_NUMBERS
                for text in FORGED_TEXTS
            ]
            # The data of the first version of the buttons, as the issue found it.
            forged.append("v1:tgroup:" + "9" * 30)

            with watching_logs() as logs:
                for data in forged:
                    await trainer.send(trainer.forged_tap(data))
                    assert trainer.calls_to("sendMessage", "editMessageText"), data

    assert trainer.unanswered_taps == []
    errors = [line for line in logs.lines if " ERROR " in line or "Traceback" in line]
    assert errors == []
