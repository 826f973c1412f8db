"""The certificate on Telegram: a whole (small) course, the name, the PDF and its preview, the
code checked from the command line, then withdrawn by /forget; on SQLite and PostgreSQL."""

from __future__ import annotations

import io
import re
from pathlib import Path

from PIL import Image
from pydantic import SecretStr
from pypdf import PdfReader

from bot.app import open_app
from bot.channels.telegram.application import EXPORTERS
from bot.i18n import Translator
from tests.conftest import Clock, make_settings
from tests.support.buttons import action_of, data
from tests.support.cli import run_tutor
from tests.support.learning import FIXTURE_COURSE_DIR, fixture_course, translators
from tests.support.telegram import (
    BOT_TOKEN,
    BotApi,
    TelegramChat,
    TelegramUser,
    Updates,
    application_for,
    running,
)

fr: Translator = translators()["fr"]
NAME = "Zoë Van den Broeck"


async def learn_every_lesson(chat: TelegramChat) -> None:
    """From the menu, read every lesson card by card and answer each quiz right."""
    course = fixture_course()
    await chat.tap_action("lessons.open")
    for lesson in course.all_lessons("fr"):
        # On the last card the quiz takes Next's place, first.
        while action_of(chat.buttons[0]["callback_data"]) != "quiz.start":
            await chat.tap_action("lessons.card")
        await chat.tap_action("quiz.start")
        for number, item in enumerate(lesson.quiz):
            await chat.tap(data("quiz.ans", item.id, item.correct))
            if number + 1 < len(lesson.quiz):
                await chat.tap_action("lessons.resume")
        if lesson.id != course.lesson_order("fr")[-1]:
            await chat.tap_action("lessons.open")


async def test_a_learner_gets_a_certificate_that_verifies_until_they_forget(
    database_url: str, tmp_path: Path
) -> None:
    settings = make_settings(
        tmp_path,
        database_url,
        telegram_bot_token=SecretStr(BOT_TOKEN),
        content_dir=FIXTURE_COURSE_DIR,
        index_dir=tmp_path / "index",
    )
    api = BotApi()
    async with open_app(settings, clock=Clock(), exporters=EXPORTERS) as app:
        application = application_for(app, api)
        async with running(application):
            chat = TelegramChat(application, api, TelegramUser(40_001, "Zoë"), Updates())
            await chat.command("start")
            await learn_every_lesson(chat)
            assert (
                fr.gettext("🏆 You finished every lesson of the course. Congratulations!")
                in chat.text
            )

            await chat.tap_action("certificate.get")
            assert chat.button_with_action("certificate.first")["text"] == "Utiliser « Zoë »"
            await chat.say("Zoë 😀")
            assert not chat.calls_to("sendDocument")
            # Signs alone are no small talk here: the name is asked for again.
            await chat.say("...")
            assert fr.gettext("Please type your name, with at least two letters.") in chat.text
            await chat.say(NAME)
            assert not chat.calls_to("sendDocument")
            await chat.tap_action("certificate.ok")
            [photo] = chat.calls_to("sendPhoto")
            [document] = chat.calls_to("sendDocument")
            code = re.findall(r"\b[2-9A-Z]{5}-[2-9A-Z]{5}\b", chat.text)[0]

            await chat.command("progress")
            [progress_photo] = chat.calls_to("sendPhoto")
            progress = Image.open(io.BytesIO(progress_photo.files["photo"][1]))
            # The fixture course has two modules: two rows under the header.
            assert (progress.format, progress.size) == ("PNG", (900, 190 + 2 * 120 + 80))

    preview = Image.open(io.BytesIO(photo.files["photo"][1]))
    assert preview.format == "PNG"
    assert preview.width > preview.height
    filename, pdf = document.files["document"]
    assert filename == "certificat.pdf"
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert NAME in text
    assert "Date : 23 novembre 2026" in text
    assert f"Code de vérification : {code}" in text
    assert all(module.title in text for module in fixture_course().modules["fr"])

    data_dir = settings.data_dir
    exit_code, _, printed = run_tutor(
        tmp_path, database_url, "certificate", "verify", code, data_dir=data_dir
    )
    assert exit_code == 0
    assert printed[0].startswith(f"valid: {NAME} · issued 2026-11-23 · modules: Découvrir l'IA")

    async with open_app(settings, clock=Clock(), exporters=EXPORTERS) as app:
        application = application_for(app, api)
        async with running(application):
            chat = TelegramChat(application, api, TelegramUser(40_001, "Zoë"), Updates(200_000))
            await chat.command("mydata")
            assert f"au nom de {NAME}" in chat.text
            await chat.command("forget")
            assert "Votre certificat sera retiré" in chat.text
            await chat.tap(data("privacy.forget", "yes"))

    exit_code, _, printed = run_tutor(
        tmp_path, database_url, "certificate", "verify", code, data_dir=data_dir
    )
    assert (exit_code, printed) == (1, ["revoked: this certificate was withdrawn on 2026-11-23"])
