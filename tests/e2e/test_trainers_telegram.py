"""A trainer, an administrator and a learner on Telegram, through the real Application.

The running bot's own outbox worker (started with the Application, as `tutor run` does)
delivers the push: nothing in the test calls the worker.
"""

from __future__ import annotations

from pathlib import Path

import pytest

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


def lesson_pushes(api: BotApi, chat_id: int) -> list[dict[str, str]]:
    return [
        call.buttons[0]
        for call in api.calls_to("sendMessage")
        if call.chat_id == chat_id and str(call.params["text"]).startswith("📚")
    ]


async def test_invite_create_join_push_and_report_on_telegram(
    tmp_path_factory: pytest.TempPathFactory, course_index_dir: Path
) -> None:
    api = BotApi()
    updates = Updates()
    async with tutor_for_telegram(
        tmp_path_factory,
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
            invite = code_in(admin.text).replace("-", "")

            trainer_user = TelegramUser(2001, "Marie", "Dubois", "fr")
            trainer = TelegramChat(application, api, trainer_user, updates)
            await trainer.command("start", f"join-{invite}")
            assert "✅ Vous êtes maintenant formateur." in trainer.text
            # Their own command menu, in their language, with the trainers' commands.
            [menu] = [
                call
                for call in api.calls_to("setMyCommands")
                if call.params.get("scope", {}).get("chat_id") == trainer_user.id
            ]
            commands = {c["command"]: c["description"] for c in menu.params["commands"]}
            assert commands["push"] == "Envoyer une leçon ou un message"
            assert "start" in commands
            assert "trainer_invite" not in commands
            await trainer.command("cohort", "new", "Soir")
            assert f"https://t.me/{BOT_USERNAME}?start=join-" in trainer.text
            join = code_in(trainer.text).replace("-", "")

            learner_user = TelegramUser(5000, "Jan", "Peeters", "nl")
            learner = TelegramChat(application, api, learner_user, updates)
            await learner.command("start", f"join-{join}")
            assert "✅ Welkom in de groep “Soir”!" in learner.text

            await learner.command("push")
            assert "Dit is alleen voor trainers." in learner.text

            await trainer.command("push")
            await trainer.tap_action("trainers.pcohort")
            await trainer.tap("v2:trainers.pkind:lesson")
            await trainer.tap_action("trainers.pmodule")
            await trainer.tap_action("trainers.plesson")
            await trainer.tap("v2:trainers.pat:now")
            await trainer.tap("v2:trainers.pgo")
            assert "✅ Envoi à 1 apprenant maintenant." in trainer.text

            await api.wait_for(lambda: bool(lesson_pushes(api, learner_user.id)))
            [start_button] = lesson_pushes(api, learner_user.id)
            assert start_button["text"] == "▶ Start de les"
            await learner.tap(start_button["callback_data"])
            assert learner.text.startswith("📖")

            await trainer.command("report")
            await trainer.tap_action("trainers.rcohort")
            assert "📊 Rapport : Soir" in trainer.text
            assert "• Jan P. : 0" in trainer.text
            assert trainer.calls_to("sendPhoto")
            [csv_call] = trainer.calls_to("sendDocument")
            assert "Jan P." in csv_call.files["document"][1].decode("utf-8-sig")
