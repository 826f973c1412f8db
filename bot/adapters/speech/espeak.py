"""Read text aloud offline with espeak-ng, encoded as OGG/Opus by ffmpeg."""

from __future__ import annotations

from bot.adapters.speech.audio import speak_to_ogg_opus, tool
from bot.config import Language
from bot.core.languages import LanguageRegistry


class EspeakSynthesizer:
    """espeak-ng in the learner's language (a Belgian French voice), at a calm rate."""

    engine = "espeak-ng"

    def __init__(self, languages: LanguageRegistry, rate: int, timeout: float) -> None:
        self.languages = languages
        self.rate = rate
        self.timeout = timeout

    @property
    def installed(self) -> bool:
        """Tell whether espeak-ng and ffmpeg are on this machine."""
        return tool("espeak-ng") is not None and tool("ffmpeg") is not None

    def voice(self, language: Language) -> str:
        """Return the espeak-ng voice of a language, with the rate (both change the audio)."""
        profile = self.languages.profile(language)
        return f"{profile.espeak_voice or profile.code}@{self.rate}"

    async def synthesize(self, text: str, language: Language) -> bytes:
        """Return the text read aloud, as OGG/Opus."""
        voice = self.voice(language).split("@", 1)[0]
        # -z: no pause after the last sentence, which would only lengthen the note.
        args = ("-v", voice, "-s", str(self.rate), "-z")
        return await speak_to_ogg_opus(args, text, self.timeout)
