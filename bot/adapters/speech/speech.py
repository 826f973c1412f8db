"""Course text read aloud, cached by what was read and how; voice notes heard, never kept.

`Speech` tries its engines in order (an OpenAI-compatible endpoint when configured, then
espeak-ng) and caches each piece of audio in the data folder under its `VoiceKey`: the text's
hash, the language, the engine and the voice. Only course text and the tutor's own answers are
ever synthesised, so the cache holds no learner's voice; voice notes are transcribed from memory.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Protocol

from bot.adapters.speech.audio import SpeechError
from bot.adapters.speech.espeak import EspeakSynthesizer
from bot.config import Language, Settings
from bot.course.speech import SpeechList

logger = logging.getLogger(__name__)

# A voice note longer or larger than this gets a kind "please keep it short" instead.
MAX_HEARD_SECONDS: Final = 60
MAX_HEARD_BYTES: Final = 1_000_000


class Synthesizer(Protocol):
    """An engine that reads text aloud as OGG/Opus."""

    @property
    def engine(self) -> str:
        """Return the engine's name, part of every cache key."""
        ...

    def voice(self, language: Language) -> str:
        """Return the voice it reads a language with, part of every cache key."""
        ...

    async def synthesize(self, text: str, language: Language) -> bytes:
        """Return the text read aloud, as OGG/Opus; raise SpeechError when it cannot."""
        ...


class Transcriber(Protocol):
    """An engine that hears what was said in a voice note."""

    async def transcribe(self, audio: bytes, language: Language) -> str:
        """Return the words heard; raise SpeechError when it cannot."""
        ...


@dataclass(frozen=True)
class VoiceKey:
    """What a piece of audio is: which text, in which language, by which engine and voice."""

    text_hash: str
    language: Language
    engine: str
    voice: str

    @property
    def digest(self) -> str:
        """Return one hash of the whole key, the audio's file name in the cache."""
        joined = "\0".join((self.text_hash, self.language, self.engine, self.voice))
        return hashlib.sha256(joined.encode()).hexdigest()


@dataclass(frozen=True)
class SpokenAudio:
    """Text read aloud: its key (of the engine that read it) and the OGG/Opus bytes."""

    key: VoiceKey
    content: bytes


def text_hash(text: str) -> str:
    """Return the hash that stands for a text in cache keys."""
    return hashlib.sha256(text.encode()).hexdigest()


class AudioCache:
    """OGG/Opus files in a folder, one per voice key, written whole or not at all."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, key: VoiceKey) -> Path:
        """Return the file of a key's audio."""
        return self.folder / key.digest[:2] / f"{key.digest}.ogg"

    async def get(self, key: VoiceKey) -> bytes | None:
        """Return the cached audio of a key, if any."""
        path = self.path(key)
        return await asyncio.to_thread(_read_if_there, path)

    async def put(self, key: VoiceKey, audio: bytes) -> None:
        """Keep a key's audio; concurrent writers of the same key leave one whole file."""
        await asyncio.to_thread(_write_atomically, self.path(key), audio)


def _read_if_there(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _write_atomically(path: Path, audio: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(audio)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class Speech:
    """Read text aloud with the first engine that works, and hear voice notes when configured."""

    def __init__(
        self,
        synthesizers: Sequence[Synthesizer],
        cache: AudioCache,
        transcriber: Transcriber | None = None,
        speech_lists: Mapping[Language, SpeechList] | None = None,
    ) -> None:
        if not synthesizers:
            raise ValueError("at least one speech engine is needed")
        self.synthesizers = tuple(synthesizers)
        self.cache = cache
        self.transcriber = transcriber
        self.speech_lists = dict(speech_lists or {})

    def spoken(self, text: str, language: Language) -> str:
        """Return a text as the engines get it: the language's words respelled to sound right."""
        speech_list = self.speech_lists.get(language)
        return speech_list.respell(text) if speech_list else text

    @property
    def can_hear(self) -> bool:
        """Tell whether voice notes can be transcribed."""
        return self.transcriber is not None

    def key(
        self, text: str, language: Language, synthesizer: Synthesizer | None = None
    ) -> VoiceKey:
        """Return the key of a text read by an engine (the preferred one by default)."""
        engine = synthesizer or self.synthesizers[0]
        spoken = self.spoken(text, language)
        return VoiceKey(text_hash(spoken), language, engine.engine, engine.voice(language))

    async def speak(self, text: str, language: Language) -> SpokenAudio:
        """Return the text read aloud: cached, or by the first engine that succeeds."""
        for synthesizer in self.synthesizers:
            key = self.key(text, language, synthesizer)
            if (cached := await self.cache.get(key)) is not None:
                return SpokenAudio(key, cached)
            try:
                audio = await synthesizer.synthesize(self.spoken(text, language), language)
            except SpeechError as error:
                # The text itself is course material, but it is left out of the logs all the same.
                logger.warning("%s could not read a text aloud: %s", key.engine, error)
                continue
            await self.cache.put(key, audio)
            return SpokenAudio(key, audio)
        raise SpeechError("no speech engine could read the text aloud")

    async def transcribe(self, audio: bytes, language: Language) -> str:
        """Return the words heard in a voice note; the audio is neither kept nor logged."""
        if self.transcriber is None:
            raise SpeechError("no transcription endpoint is configured")
        return await self.transcriber.transcribe(audio, language)

    async def aclose(self) -> None:
        """Close the endpoints' connections."""
        for engine in (*self.synthesizers, self.transcriber):
            close = getattr(engine, "aclose", None)
            if close is not None:
                await close()


def open_speech(
    settings: Settings, speech_lists: Mapping[Language, SpeechList] | None = None
) -> Speech:
    """Build the speech engines the settings describe: espeak-ng always, endpoints when set."""
    espeak = EspeakSynthesizer(
        settings.languages, settings.espeak_rate, settings.speech_timeout_seconds
    )
    if not espeak.installed:
        logger.warning("espeak-ng or ffmpeg is not installed: cards cannot be read aloud offline")
    synthesizers: list[Synthesizer] = [espeak]
    transcriber: Transcriber | None = None
    if settings.tts_base_url or settings.stt_base_url:
        # The OpenAI SDK takes a second to import; a tutor without endpoints never pays that.
        from bot.adapters.speech.remote import RemoteSynthesizer, RemoteTranscriber

        if settings.tts_base_url:
            remote = RemoteSynthesizer(
                settings.tts_base_url,
                settings.tts_api_key,
                settings.tts_model,
                settings.tts_voice,
                settings.tts_timeout_seconds,
            )
            synthesizers.insert(0, remote)
        if settings.stt_base_url:
            transcriber = RemoteTranscriber(
                settings.stt_base_url,
                settings.stt_api_key,
                settings.stt_model,
                settings.stt_timeout_seconds,
            )
    cache = AudioCache(settings.resolved_voice_dir)
    return Speech(synthesizers, cache, transcriber, speech_lists)
