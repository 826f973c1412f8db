"""Many learners at once, with polls and twice-delivered updates, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import SecretStr

from bot.adapters.db.learners import SqlLearners
from bot.app import open_app
from bot.features.quiz.repo import SqlAnswers
from tests.conftest import Clock, make_settings
from tests.support.buttons import data
from tests.support.telegram import (
    BOT_TOKEN,
    BotApi,
    TelegramChat,
    TelegramUser,
    Updates,
    application_for,
    running,
    shared_index_dir,
)

LANGUAGES = ("fr", "nl", "en")


async def test_learners_answering_polls_at_the_same_time_are_each_counted_once(
    database_url: str, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    settings = make_settings(
        tmp_path,
        database_url,
        telegram_bot_token=SecretStr(BOT_TOKEN),
        index_dir=shared_index_dir(tmp_path_factory),
        quiz_style="poll",
    )
    api = BotApi()
    updates = Updates()
    async with open_app(settings, clock=Clock()) as app:
        application = application_for(app, api)
        async with running(application):
            chats = [
                TelegramChat(
                    application, api, TelegramUser(30_000 + n, language_code=lang), updates
                )
                for n, lang in enumerate(LANGUAGES * 4)
            ]
            deliver = chats[0].send
            await deliver(*(updates.command(chat.user, "start") for chat in chats))
            await deliver(
                *(
                    chat.tap_update(data("lessons.open", app.services.course.lesson_order(lang)[0]))
                    for chat, lang in zip(chats, LANGUAGES * 4, strict=True)
                )
            )
            await deliver(*(updates.command(chat.user, "quiz") for chat in chats))
            votes = [updates.poll_answer(chat.user, chat.last_poll["id"], 0) for chat in chats]
            # Every vote arrives twice, all learners at once.
            await deliver(*votes, *votes)

        feedback = {
            chat.user.id: [t for t in api.sent_texts(chat.user.id) if "✅" in t or "❌" in t]
            for chat in chats
        }
        assert all(len(texts) == 1 for texts in feedback.values())
        async with app.database.session() as session:
            for chat, lang in zip(chats, LANGUAGES * 4, strict=True):
                learner = await SqlLearners(session).find("telegram", str(chat.user.id))
                assert learner is not None
                assert learner.language == lang
                first = app.services.course.all_lessons(lang)[0].quiz[0]
                stored = await SqlAnswers(session).export(learner.id)
                # Option 0 of the poll is the first option shown, wherever it is in the file.
                voted = first.options.index(chat.last_poll["options"][0]["text"])
                assert [(a["item"], a["chosen"]) for a in stored] == [(first.id, voted)]
