"""Whole conversations on Telegram, in French, Dutch and English, through the real Application."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Mapping
from dataclasses import replace

import pytest

from bot.app import App
from bot.channels.telegram.application import TelegramApplication
from bot.config import Language
from bot.core.delivery import Deliverer, DeliveryResult, DeliveryStatus
from bot.core.replies import Message
from bot.features.quiz.repo import SqlAnswers
from tests.support.buttons import data
from tests.support.telegram import (
    ApiCall,
    BotApi,
    TelegramChat,
    TelegramUser,
    Updates,
    application_for,
    running,
    stored_learner,
)

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
async def test_a_learner_takes_a_lesson_and_its_quiz_then_sees_and_deletes_their_data(
    language: Language,
    shared_app: App,
    new_chat: Callable[[str | None], TelegramChat],
) -> None:
    chat = new_chat(f"{language}-BE")
    t = shared_app.services.translators[language]
    course = shared_app.services.course
    lesson_id = course.lesson_order(language)[0]
    lesson = course.lesson(language, lesson_id)
    assert lesson is not None

    # First contact: a greeting in the client's language, the privacy notice, the menu.
    await chat.command("start")
    assert "/mydata" in chat.text
    assert "/forget" in chat.text
    assert t.gettext("What would you like to do?") in chat.texts
    assert chat.button_with_action("lessons.open")["callback_data"] == data(
        "lessons.open", lesson_id
    )
    if language != "en":
        english = shared_app.services.translators["en"]
        assert english.gettext("What would you like to do?") not in chat.texts

    # The lesson: the first card is a new message, the next ones replace it in place.
    await chat.tap_action("lessons.open")
    [card] = chat.calls_to("sendMessage")
    assert lesson.cards[0].heading in card.params["text"]
    for index in range(1, len(lesson.cards)):
        await chat.tap(data("lessons.card", lesson_id, index))
        [edit] = chat.calls_to("editMessageText")
        assert edit.params["message_id"] == card.result["message_id"]
        assert lesson.cards[index].heading in edit.params["text"]
    await chat.tap(data("lessons.card", lesson_id, len(lesson.cards) - 2))
    assert lesson.cards[-2].heading in chat.text
    await chat.tap(data("lessons.card", lesson_id, len(lesson.cards) - 1))

    # The quiz: the options are the buttons (letters when one is too long for a button); the
    # feedback replaces the question, whose buttons give way to one Next; the first answer is
    # wrong on purpose.
    await chat.tap(data("quiz.start", lesson_id))
    for index, item in enumerate(lesson.quiz):
        [question] = chat.calls_to("sendMessage")
        assert item.question in question.params["text"]
        labels = {b["text"] for b in question.buttons}
        lettered = any(len(option) > 30 for option in item.options)
        shown = set("ABCD"[: len(item.options)]) if lettered else set(item.options)
        assert shown <= labels
        choice = (item.correct + 1) % len(item.options) if index == 0 else item.correct
        await chat.tap(option_button(question, choice))
        [feedback] = chat.calls_to("editMessageText")
        assert feedback.params["message_id"] == question.result["message_id"]
        assert ("❌" if index == 0 else "✅") in feedback.params["text"]
        assert item.options[item.correct] in feedback.params["text"]
        listen = data("voice.feedback", item.id, choice)
        if index + 1 < len(lesson.quiz):
            assert chat.calls_to("sendMessage") == []
            assert [b["callback_data"] for b in feedback.buttons] == [
                data("lessons.resume"),
                listen,
            ]
            await chat.tap_action("lessons.resume")
        else:
            assert [b["callback_data"] for b in feedback.buttons] == [listen]
    total = len(lesson.quiz)
    assert chat.button_with_action("quiz.start")["callback_data"] == data("quiz.start", lesson_id)

    # Progress, with the score the Belgian way ("75 %" in French).
    await chat.command("progress")
    assert t.percent((total - 1) / total) in chat.text
    assert lesson.title in chat.text

    # Everything stored about them: a readable message and a JSON file.
    await chat.command("mydata")
    [document] = chat.calls_to("sendDocument")
    export = json.loads(document.files["document"][1])
    assert export["learner"]["language"] == language
    assert len(export["quiz_answers"]) == total
    assert export["telegram"] == {"open_quiz_polls": []}
    assert "Amina" in chat.texts[0]

    # Forgetting: a confirmation, then the confirmation message says it is done.
    await chat.command("forget")
    assert chat.button_with_action("privacy.forget")["callback_data"] == data(
        "privacy.forget", "yes"
    )
    await chat.tap(data("privacy.forget", "yes"))
    [done] = chat.calls_to("editMessageText")
    goodbye = (
        "Done. I deleted all your data. If you write to me again, we start from the beginning."
    )
    assert done.params["text"] == t.gettext(goodbye)
    assert await stored_learner(shared_app, chat) is None

    # An old button after that: answered, and nothing is stored again.
    await chat.tap(data("progress.show"))
    assert "/start" in chat.text
    assert await stored_learner(shared_app, chat) is None
    assert chat.unanswered_taps == []


async def test_a_learner_whose_client_speaks_another_language_chooses_one(
    shared_app: App, new_chat: Callable[[str | None], TelegramChat]
) -> None:
    chat = new_chat("de")

    await chat.command("start")
    assert [b["callback_data"] for b in chat.buttons] == [
        data("menu.lang", "fr"),
        data("menu.lang", "nl"),
        data("menu.lang", "en"),
    ]
    assert [b["text"][:2] for b in chat.buttons] == ["🇧🇪", "🇧🇪", "🇬🇧"]

    await chat.tap(data("menu.lang", "nl"))
    dutch = shared_app.services.translators["nl"]
    assert dutch.gettext("What would you like to do?") in chat.texts
    stored = await stored_learner(shared_app, chat)
    assert stored is not None
    assert stored.language == "nl"

    # One tap to change again, from the menu.
    await chat.tap_action("menu.langs")
    await chat.tap(data("menu.lang", "fr"))
    french = shared_app.services.translators["fr"]
    assert french.gettext("What would you like to do?") in chat.texts


async def test_a_newcomer_who_types_a_greeting_instead_of_tapping_gets_that_language(
    shared_app: App, new_chat: Callable[[str | None], TelegramChat]
) -> None:
    chat = new_chat("tr")
    await chat.command("start")

    await chat.say("Bonjour !")
    french = shared_app.services.translators["fr"]
    said = "\n".join(chat.texts)
    assert french.gettext("Welcome! I am your AI tutor.") in said
    assert french.gettext("What would you like to do?") in said
    stored = await stored_learner(shared_app, chat)
    assert stored is not None
    assert stored.language == "fr"


# Every learner command with a help line, in the order of the features that bring them.
LEARNER_COMMANDS = [
    "start",
    "help",
    "language",
    "lessons",
    "continue",
    "quiz",
    "practice",
    "listen",
    "progress",
    "certificate",
    "settings",
    "privacy",
    "mydata",
    "forget",
    "join",
    "leave",
]


async def test_commands_are_registered_for_each_language_at_start(
    application: TelegramApplication, api: BotApi
) -> None:
    calls = api.calls_to("setMyCommands")

    menus = {call.params.get("language_code"): call.params["commands"] for call in calls}
    assert set(menus) == {None, "fr", "nl", "en"}
    for language in (None, "fr", "nl", "en"):
        assert [c["command"] for c in menus[language]] == LEARNER_COMMANDS
    forget = LEARNER_COMMANDS.index("forget")
    assert menus["fr"][forget]["description"] == "Effacer toutes vos données"
    assert menus["nl"][forget]["description"] == "Al je gegevens wissen"
    assert menus["en"][forget]["description"] == "Delete all your data"
    assert menus["fr"][-1]["description"] == "Quitter votre groupe"


class Push:
    """A background worker, as the trainers' outbox is: it delivers one message, then waits."""

    def __init__(self, external_id: str) -> None:
        self.external_id = external_id
        self.results: list[DeliveryResult] = []
        self.cancelled = asyncio.Event()

    async def run(self, deliverers: Mapping[str, Deliverer]) -> None:
        deliverer = deliverers["telegram"]
        self.results.append(await deliverer.deliver(self.external_id, [Message("Quiz time!")]))
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            self.cancelled.set()
            raise


async def test_background_workers_run_with_the_bot_and_stop_before_it(
    shared_app: App, api: BotApi
) -> None:
    push = Push("424242")
    application = application_for(replace(shared_app, workers=[push]), api)

    async with running(application):
        await api.wait_for(lambda: bool(api.calls_to("sendMessage")))
        assert not push.cancelled.is_set()

    assert push.results == [DeliveryResult(DeliveryStatus.SENT)]
    assert push.cancelled.is_set()
    [sent] = api.calls_to("sendMessage")
    assert (sent.chat_id, sent.params["text"]) == (424242, "Quiz time!")


def option_button(question: ApiCall, option: int) -> str:
    """Return the data of the answer button for the file's option `option`, wherever shown."""
    return next(
        b["callback_data"] for b in question.buttons if b["callback_data"].endswith(f":{option}")
    )


async def test_a_quiz_as_native_polls(
    shared_app: App, api: BotApi, updates: Updates, new_user: Callable[[str | None], TelegramUser]
) -> None:
    polls = replace(
        shared_app, settings=shared_app.settings.model_copy(update={"quiz_style": "poll"})
    )
    application = application_for(polls, api)
    async with running(application):
        chat = TelegramChat(application, api, new_user("en"), updates)
        course = shared_app.services.course
        lesson_id = course.lesson_order("en")[0]
        lesson = course.lesson("en", lesson_id)
        assert lesson is not None
        await chat.command("start")
        await chat.tap_action("lessons.open")

        await chat.command("quiz")
        [poll] = chat.calls_to("sendPoll")
        item = lesson.quiz[0]
        assert poll.params["type"] == "quiz"
        assert poll.params["is_anonymous"] is False
        shown = [o["text"] for o in poll.params["options"]]
        assert sorted(shown) == sorted(item.options)
        assert poll.params["correct_option_ids"] == [shown.index(item.options[item.correct])]
        assert item.question in poll.params["question"]
        assert [b["callback_data"] for b in poll.buttons] == [
            data("voice.question", item.id),
            data("menu.show"),
        ]

        # A poll waiting for its answer is part of /mydata.
        await chat.command("mydata")
        [document] = chat.calls_to("sendDocument")
        export = json.loads(document.files["document"][1])
        assert [p["poll_id"] for p in export["telegram"]["open_quiz_polls"]] == [
            chat.last_poll["id"]
        ]

        # Voting is answering: the same feedback as a tap, recorded the same way.
        first_poll = chat.last_poll["id"]
        await chat.answer_poll(shown.index(item.options[item.correct]))
        assert "✅" in chat.text
        await chat.tap_action("lessons.resume")
        [second] = chat.calls_to("sendPoll")
        assert chat.last_poll["id"] != first_poll
        await chat.answer_poll((second.params["correct_option_ids"][0] + 1) % len(shown))
        assert "❌" in chat.text

        # A retracted vote changes nothing; a second vote on an old poll is a stale button.
        assert await chat.answer_poll() == []
        again = await chat.send(chat.updates.poll_answer(chat.user, first_poll, 0))
        assert [call.method for call in again] == ["sendMessage", "sendMessage"]
        assert chat.button_with_action("lessons.mods")

    stored = await stored_learner(shared_app, chat)
    assert stored is not None
    async with shared_app.database.session() as session:
        stored_answers = await SqlAnswers(session).export(stored.id)
    answers = [(a["item"], a["correct"]) for a in stored_answers]
    assert answers == [(lesson.quiz[0].id, True), (lesson.quiz[1].id, False)]
