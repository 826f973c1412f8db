"""Voice on Telegram, with the real Application: a lesson and quiz listened to, questions spoken.

Cards are read aloud by espeak-ng and ffmpeg for real; voice notes are downloaded through the
fake Bot API's `getFile` and transcribed by the fake OpenAI-compatible server.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import pytest
import pytest_asyncio

from bot.app import App
from bot.config import Language
from bot.features.quiz.order import option_order
from bot.features.quiz.repo import SqlAnswers
from tests.support.buttons import action_of, data
from tests.support.fake_openai import FakeOpenAI, tone
from tests.support.logs import SENT
from tests.support.speech import needs_audio_tools, probe
from tests.support.telegram import ApiCall, TelegramChat, stored_learner, tutor_for_telegram

pytestmark = [pytest.mark.asyncio(loop_scope="module"), pytest.mark.slow, needs_audio_tools]

NewChat = Callable[[str | None], TelegramChat]
# What a learner asks by voice, in each language, and a word of the lesson that answers it.
QUESTIONS = {
    "fr": ("Qu'est-ce qu'un deepfake ?", "deepfake"),
    "nl": ("Wat is een deepfake?", "deepfake"),
    "en": ("What is a deepfake?", "deepfake"),
}


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def shared_app(
    tmp_path_factory: pytest.TempPathFactory, fake_openai_server: FakeOpenAI
) -> AsyncIterator[App]:
    """The tutor with a transcription endpoint (the fake server); cards read by espeak-ng."""
    async with tutor_for_telegram(
        tmp_path_factory, stt_base_url=fake_openai_server.base_url, stt_timeout_seconds=2.0
    ) as app:
        yield app


def uploaded(call: ApiCall) -> bytes:
    """Return the audio a sendVoice call uploaded (not a file_id)."""
    assert "voice" in call.files, "the voice note was sent by file_id, not uploaded"
    return call.files["voice"][1]


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
async def test_a_learner_listens_to_a_whole_lesson_and_its_quiz(
    language: Language, shared_app: App, new_chat: NewChat
) -> None:
    chat = new_chat(language)
    t = shared_app.services.translators[language]
    course = shared_app.services.course
    lesson = course.lesson(language, course.lesson_order(language)[0])
    assert lesson is not None
    listen = t.gettext("🔊 Listen")
    await chat.command("start")
    await chat.tap_action("lessons.open")

    for index, card in enumerate(lesson.cards):
        assert card.heading in chat.text
        button = chat.button_with_action("voice.card")
        assert button == {"text": listen, "callback_data": data("voice.card", lesson.id, index)}
        await chat.tap(button["callback_data"])
        [note] = chat.voices
        audio = probe(uploaded(note))
        assert (audio.container, audio.codec, audio.channels) == ("ogg", "opus", 1)
        # espeak-ng at a calm rate says two to three words a second.
        words = len(card.body.split()) + len(card.heading.split())
        assert words / 4 < audio.seconds < words / 1.2
        if index + 1 < len(lesson.cards):
            await chat.tap(data("lessons.card", lesson.id, index + 1))

    await chat.tap(data("quiz.start", lesson.id))
    for number, item in enumerate(lesson.quiz):
        await chat.tap(data("voice.question", item.id))
        [question] = chat.voices
        # The question and every option, lettered: longer than the question alone.
        assert probe(uploaded(question)).seconds > len(item.question.split()) / 3
        await chat.tap(data("quiz.ans", item.id, item.correct))
        answered = chat.text
        assert t.gettext("✅ Right!") in answered
        await chat.tap(data("voice.feedback", item.id, item.correct))
        assert len(chat.voices) == 1
        if number + 1 < len(lesson.quiz):
            await chat.tap(data("lessons.resume"))
    total = len(lesson.quiz)
    done = t.ngettext(
        "Quiz done: {score} out of {total} question right.",
        "Quiz done: {score} out of {total} questions right.",
        total,
    ).format(score=total, total=total)
    assert done in answered
    assert chat.unanswered_taps == []

    # Another learner hears the same card: Telegram's file_id is reused, nothing is uploaded.
    other = new_chat(language)
    await other.command("start")
    await other.tap_action("lessons.open")
    await other.tap(data("voice.card", lesson.id, 0))
    [again] = other.voices
    assert "voice" not in again.files
    assert again.params["voice"] == chat.api.calls_to("sendVoice")[0].result["voice"]["file_id"]


async def test_every_card_comes_with_its_voice_note_once_turned_on(
    shared_app: App, new_chat: NewChat
) -> None:
    chat = new_chat("nl")
    t = shared_app.services.translators["nl"]
    lesson = shared_app.services.course.all_lessons("nl")[0]
    await chat.command("start")
    await chat.command("listen")
    assert t.gettext("I can also read every card to you as it comes.") in chat.text
    await chat.tap(data("voice.auto", "on"))
    await chat.tap(data("menu.show"))
    await chat.tap(data("lessons.open", lesson.id))
    # The first card was uploaded to another test's Bot API: refused by file_id, it is uploaded.
    sent = [call for call in chat.calls if call.method.startswith("send")]
    assert [call.method for call in sent if call.failure is None] == ["sendMessage", "sendVoice"]
    assert "voice" in sent[-1].files
    # Read aloud, the next card is a new message (not an edit), its voice note under it.
    await chat.tap(data("lessons.card", lesson.id, 1))
    shown = chat.calls_to("sendMessage", "editMessageText", "sendVoice")
    assert [call.method for call in shown if call.failure is None] == ["sendMessage", "sendVoice"]
    await chat.command("mydata")
    assert t.gettext("• Every card read aloud: yes") in chat.text
    await chat.command("listen")
    await chat.tap(data("voice.auto", "off"))
    await chat.tap(data("lessons.card", lesson.id, 2))
    assert chat.voices == []


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
async def test_a_question_asked_by_voice_is_heard_echoed_and_answered(
    language: Language, shared_app: App, new_chat: NewChat, fake_openai: FakeOpenAI
) -> None:
    chat = new_chat(language)
    t = shared_app.services.translators[language]
    said, answer_word = QUESTIONS[language]
    SENT.record(said)
    fake_openai.transcript = said
    await chat.command("start")

    await chat.speak(tone(2.0))

    assert [call.method for call in chat.calls_to("getFile", "download")] == ["getFile", "download"]
    [heard] = fake_openai.transcriptions
    assert heard.body["language"] == language
    assert heard.body["file"]["size"] > 1000
    assert t.gettext("🎙 I heard: “{text}”").format(text=said) in chat.text
    assert answer_word in chat.text.split(said)[-1].lower()
    assert chat.button_with_action("voice.misheard")
    assert chat.button_with_action("lessons.open")
    # The answer itself can be heard too.
    await chat.tap_action("voice.answer")
    assert len(chat.voices) == 1

    await chat.tap(data("voice.misheard"))
    assert t.gettext("Sorry, I did not hear you well.") in chat.text


async def test_saying_a_letter_or_an_option_answers_the_quiz(
    shared_app: App, new_chat: NewChat, fake_openai: FakeOpenAI
) -> None:
    chat = new_chat("fr")
    t = shared_app.services.translators["fr"]
    lesson = shared_app.services.course.all_lessons("fr")[0]
    await chat.command("start")
    # As the quiz button on the lesson's last card would.
    await chat.send(chat.forged_tap(data("quiz.start", lesson.id)))
    learner = await stored_learner(shared_app, chat)
    assert learner is not None
    first, second = lesson.quiz[:2]

    fake_openai.transcript = "La réponse B."
    await chat.speak(tone())
    order = option_order(learner.id, lesson.id, first.id, 1, len(first.options))
    chosen = first.options[order[1]]
    assert t.gettext("Your answer: {option}").format(option=chosen) in chat.text

    await chat.tap(data("lessons.resume"))
    fake_openai.transcript = second.options[second.correct].lower() + "."
    SENT.record(fake_openai.transcript)
    await chat.speak(tone())
    assert t.gettext("✅ Right!") in chat.text
    async with shared_app.database.session() as session:
        answers = await SqlAnswers(session).export(learner.id)
    assert [(a["item"], a["chosen"]) for a in answers] == [
        (first.id, order[1]),
        (second.id, second.correct),
    ]


async def test_when_transcription_fails_the_learner_keeps_their_place(
    shared_app: App, new_chat: NewChat, fake_openai: FakeOpenAI
) -> None:
    chat = new_chat("en")
    t = shared_app.services.translators["en"]
    lesson = shared_app.services.course.all_lessons("en")[0]
    await chat.command("start")
    # As the quiz button on the lesson's last card would.
    await chat.send(chat.forged_tap(data("quiz.start", lesson.id)))
    question = chat.text

    fake_openai.failures, fake_openai.failure_status = 5, 503
    await chat.speak(tone())
    sorry = t.gettext(
        "Sorry, I could not understand your voice message. "
        "Please type your question, or ask your trainer."
    )
    assert sorry in chat.text
    fake_openai.failures = 0

    fake_openai.delay = 5.0  # longer than the endpoint's timeout
    await chat.speak(tone())
    assert sorry in chat.text
    fake_openai.delay = 0.0

    # Too long: refused before it is downloaded.
    await chat.speak(tone(), duration=75)
    assert chat.calls_to("getFile") == []
    assert t.gettext("Your voice message is too long for me.").split(".")[0] in chat.text

    await chat.tap(data("menu.show"))
    await chat.tap(data("lessons.resume"))
    assert chat.text == question


async def test_personal_data_said_aloud_is_removed_before_anything_else(
    shared_app: App, new_chat: NewChat, fake_openai: FakeOpenAI
) -> None:
    chat = new_chat("nl")
    said = "Mijn nummer is 0475 12 34 56, wat is een chatbot?"
    SENT.record(said)
    fake_openai.transcript = said
    await chat.command("start")
    await chat.speak(tone())
    assert "0475" not in chat.text
    assert "[PHONE]" in chat.text
    assert shared_app.services.translators["nl"].gettext("a phone number") in chat.text
    assert all(action_of(b["callback_data"]) != "" for b in chat.buttons)
