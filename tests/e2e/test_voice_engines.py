"""The speech endpoints on Telegram: an OpenAI-compatible `/audio/speech` read, and its fallbacks.

Without a transcription endpoint, a voice note still gets the kind "please type" answer.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import pytest
import pytest_asyncio

from bot.app import App
from tests.support.buttons import data
from tests.support.fake_openai import FakeOpenAI, tone
from tests.support.speech import needs_audio_tools, probe
from tests.support.telegram import TelegramChat, tutor_for_telegram

pytestmark = [pytest.mark.asyncio(loop_scope="module"), pytest.mark.slow, needs_audio_tools]

NewChat = Callable[[str | None], TelegramChat]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def shared_app(
    tmp_path_factory: pytest.TempPathFactory, fake_openai_server: FakeOpenAI
) -> AsyncIterator[App]:
    """The tutor reading aloud with the fake speech endpoint; no transcription endpoint."""
    async with tutor_for_telegram(
        tmp_path_factory,
        tts_base_url=fake_openai_server.base_url,
        tts_model="tts-test",
        tts_voice="nova",
        tts_timeout_seconds=2.0,
    ) as app:
        yield app


async def test_cards_are_read_by_the_endpoint_and_by_espeak_when_it_fails(
    shared_app: App, new_chat: NewChat, fake_openai: FakeOpenAI
) -> None:
    chat = new_chat("fr")
    lesson = shared_app.services.course.all_lessons("fr")[0]
    await chat.command("start")
    await chat.tap_action("lessons.open")

    # OGG/Opus from the endpoint is sent as it is.
    await chat.tap(data("voice.card", lesson.id, 0))
    [speech] = fake_openai.speeches
    assert speech.body["model"] == "tts-test"
    assert speech.body["voice"] == "nova"
    assert speech.body["response_format"] == "opus"
    assert lesson.cards[0].heading in speech.body["input"]
    [note] = chat.voices
    assert note.files["voice"][1] == fake_openai.audio()

    # Another format (a server that ignores the one asked for) is encoded as OGG/Opus.
    fake_openai.speech_audio = tone(1.5, codec="pcm_s16le", container="wav")
    await chat.tap(data("lessons.card", lesson.id, 1))
    await chat.tap(data("voice.card", lesson.id, 1))
    [note] = chat.voices
    audio = probe(note.files["voice"][1])
    assert (audio.container, audio.codec) == ("ogg", "opus")
    assert 1.3 < audio.seconds < 1.7

    # Down or slow: espeak-ng reads the card, and the learner stays where they were.
    fake_openai.failures, fake_openai.failure_status = 10, 500
    await chat.tap(data("lessons.card", lesson.id, 2))
    await chat.tap(data("voice.card", lesson.id, 2))
    [note] = chat.voices
    spoken = note.files["voice"][1]
    assert probe(spoken).seconds > 3
    assert spoken != fake_openai.audio()
    fake_openai.failures = 0
    fake_openai.delay = 5.0
    await chat.tap(data("lessons.card", lesson.id, 3))
    await chat.tap(data("voice.card", lesson.id, 3))
    assert len(chat.voices) == 1
    fake_openai.delay = 0.0
    await chat.tap(data("lessons.card", lesson.id, 4))
    assert lesson.cards[4].heading in chat.text


async def test_without_a_transcription_endpoint_a_voice_note_gets_the_typing_hint(
    shared_app: App, new_chat: NewChat, fake_openai: FakeOpenAI
) -> None:
    chat = new_chat("nl")
    t = shared_app.services.translators["nl"]
    await chat.command("start")
    await chat.speak(tone())
    assert chat.calls_to("getFile") == []
    assert fake_openai.transcriptions == []
    assert (
        t.gettext(
            "I cannot listen to voice messages yet. Please type your question, or ask your trainer."
        )
        in chat.text
    )
