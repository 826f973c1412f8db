"""Speech for real: espeak-ng and ffmpeg make cached OGG/Opus; the voice store on both databases."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.adapters.db.database import Database
from bot.adapters.db.learners import SqlLearners
from bot.adapters.speech.audio import SpeechError
from bot.adapters.speech.espeak import EspeakSynthesizer
from bot.adapters.speech.speech import AudioCache, Speech
from bot.config import Language
from bot.core.languages import BUILT_IN
from bot.course.speech import parse_speech_list
from bot.features.voice.ports import KEEP_ANSWERS
from bot.features.voice.repo import SqlVoice
from bot.paths import PROJECT_ROOT
from tests.support.speech import needs_audio_tools, probe

NOW = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
TEXTS = {
    "fr": "L'IA est partout. Le 2 décembre 2026, je lis mes e-mails et je mets mon CV à jour.",
    "nl": "AI is overal. Op 2 december 2026 lees ik mijn e-mails en werk ik mijn cv bij.",
    "en": "AI is everywhere. On 2 December 2026 I read my e-mails and update my CV.",
}


class Counting:
    """An engine that counts how often it is asked to read."""

    def __init__(self, engine: EspeakSynthesizer) -> None:
        self.wrapped = engine
        self.engine = engine.engine
        self.calls = 0

    def voice(self, language: Language) -> str:
        return self.wrapped.voice(language)

    async def synthesize(self, text: str, language: Language) -> bytes:
        self.calls += 1
        return await self.wrapped.synthesize(text, language)


def speech_lists() -> dict[Language, object]:
    return {
        language: parse_speech_list(PROJECT_ROOT / "content" / "speech" / f"{language}.yaml")
        for language in BUILT_IN.codes
    }


@needs_audio_tools
@pytest.mark.parametrize("language", ["fr", "nl", "en"])
async def test_espeak_reads_each_language_as_ogg_opus_once_then_from_the_cache(
    language: Language, tmp_path: Path
) -> None:
    engine = Counting(EspeakSynthesizer(BUILT_IN, 145, 30))
    speech = Speech([engine], AudioCache(tmp_path), speech_lists=speech_lists())  # type: ignore[arg-type]
    text = TEXTS[language]

    first = await speech.speak(text, language)

    audio = probe(first.content)
    assert (audio.container, audio.codec, audio.sample_rate, audio.channels) == (
        "ogg", "opus", 48_000, 1,
    )  # fmt: skip
    # Sixteen words and a date at a calm rate: between four and twelve seconds.
    assert 4 < audio.seconds < 12
    assert first.key.engine == "espeak-ng"
    assert first.key.voice == f"{BUILT_IN.profile(language).espeak_voice}@145"
    assert await speech.cache.get(first.key) == first.content

    again = await speech.speak(text, language)
    assert again == first
    assert engine.calls == 1


@needs_audio_tools
def test_the_respelled_words_sound_as_they_should() -> None:
    def phonemes(voice: str, text: str) -> str:
        return subprocess.run(
            ["espeak-ng", "-q", "-x", "-v", voice, text],
            capture_output=True, text=True, check=True, timeout=30,
        ).stdout.strip()  # fmt: skip

    french = parse_speech_list(PROJECT_ROOT / "content" / "speech" / "fr.yaml")
    # Left alone, espeak-ng says "IA" as one syllable ("ya") and "e-mail" in English.
    assert phonemes("fr-be", "IA") == "j'a"
    assert phonemes("fr-be", french.respell("IA")) == "_!'i; 'a"
    assert "(en)" in phonemes("fr-be", "e-mail")
    assert "(en)" not in phonemes("fr-be", french.respell("e-mail"))
    dutch = parse_speech_list(PROJECT_ROOT / "content" / "speech" / "nl.yaml")
    assert phonemes("nl", dutch.respell("AI")) == "_!'a: _!'i:"


@needs_audio_tools
async def test_audio_tools_that_take_too_long_are_stopped(tmp_path: Path) -> None:
    engine = EspeakSynthesizer(BUILT_IN, 145, 0.001)
    with pytest.raises(SpeechError, match="longer than"):
        await engine.synthesize(TEXTS["en"] * 20, "en")


async def test_with_no_engine_that_works_speaking_fails_clearly(tmp_path: Path) -> None:
    class Broken:
        engine = "broken"

        def voice(self, language: Language) -> str:
            return "none"

        async def synthesize(self, text: str, language: Language) -> bytes:
            raise SpeechError("down")

    speech = Speech([Broken()], AudioCache(tmp_path))
    with pytest.raises(SpeechError, match="no speech engine"):
        await speech.speak("Hello.", "en")
    assert await speech.cache.get(speech.key("Hello.", "en")) is None


async def test_the_voice_store_keeps_the_setting_and_answers_a_day_and_forgets_them(
    database_url: str,
) -> None:
    database = Database(database_url)
    await database.upgrade()
    try:
        async with database.session() as session:
            learners = SqlLearners(session)
            anna = await learners.create("test", "anna", NOW, "fr", "Anna B.")
            ben = await learners.create("test", "ben", NOW, "nl", "Ben C.")
            voice = SqlVoice(session)
            assert await voice.reads_aloud(anna.id) is False
            await voice.set_read_aloud(anna.id, True, NOW)
            kept = await voice.keep_answer(anna.id, "fr", "Un deepfake est une fausse vidéo.", NOW)
        async with database.session() as session:
            voice = SqlVoice(session)
            assert await voice.reads_aloud(anna.id) is True
            answer = await voice.answer(anna.id, kept, NOW + timedelta(hours=23))
            assert answer is not None
            assert answer.text == "Un deepfake est une fausse vidéo."
            # Someone else's answer, or one older than a day, cannot be read.
            assert await voice.answer(ben.id, kept, NOW) is None
            assert await voice.answer(anna.id, kept, NOW + timedelta(days=1, minutes=1)) is None
            exported = await voice.export(anna.id)
            assert exported["read_cards_aloud"] is True
            assert len(exported["answers_to_read_aloud"]) == 1
            # The same answer again is kept once, under the same id.
            assert (
                await voice.keep_answer(anna.id, "fr", "Un deepfake est une fausse vidéo.", NOW)
                == kept
            )
            assert len((await voice.export(anna.id))["answers_to_read_aloud"]) == 1
            # The sweep deletes every learner's answers kept more than a day ago.
            await voice.keep_answer(ben.id, "nl", "Een deepfake is nep.", NOW + timedelta(days=2))
            await voice.forget_before(NOW + timedelta(days=2) - KEEP_ANSWERS)
            assert (await voice.export(anna.id))["answers_to_read_aloud"] == []
            assert len((await voice.export(ben.id))["answers_to_read_aloud"]) == 1
            await SqlLearners(session).delete(anna.id)
        async with database.session() as session:
            voice = SqlVoice(session)
            assert await voice.export(anna.id) == {
                "read_cards_aloud": False,
                "answers_to_read_aloud": [],
            }
    finally:
        await database.close()
