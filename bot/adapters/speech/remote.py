"""OpenAI-compatible speech endpoints: `/audio/speech` and `/audio/transcriptions`.

OpenAI, Azure OpenAI (its `/openai/v1` base URL) and self-hosted servers (Kokoro, Piper,
faster-whisper) behind the same API. Imported only when one is configured.
"""

from __future__ import annotations

import openai
from pydantic import SecretStr

from bot.adapters.speech.audio import SpeechError, is_ogg_opus, to_ogg_opus
from bot.config import Language

# Local servers ask for no key, but the OpenAI client refuses to start without one.
NO_KEY = SecretStr("no-key")


def _client(base_url: str, api_key: SecretStr | None, timeout: float) -> openai.AsyncOpenAI:
    # One retry: a voice note that takes twice the time is still better than none, not more.
    return openai.AsyncOpenAI(
        base_url=base_url,
        api_key=(api_key or NO_KEY).get_secret_value(),
        timeout=timeout,
        max_retries=1,
    )


class RemoteSynthesizer:
    """Text read aloud by an `/audio/speech` endpoint, asked for OGG/Opus."""

    def __init__(
        self, base_url: str, api_key: SecretStr | None, model: str, voice: str, timeout: float
    ) -> None:
        self.client = _client(base_url, api_key, timeout)
        self.engine = f"remote:{model}"[:64]
        self.model = model
        self.voice_name = voice
        self.timeout = timeout

    def voice(self, _language: Language) -> str:
        """Return the endpoint's voice: one voice speaks every language."""
        return self.voice_name

    async def synthesize(self, text: str, language: Language) -> bytes:
        """Return the text read aloud as OGG/Opus, re-encoded if the server sent another format."""
        try:
            response = await self.client.audio.speech.create(
                model=self.model, voice=self.voice_name, input=text, response_format="opus"
            )
            audio = response.content
        except openai.APIError as error:
            raise SpeechError(f"the speech endpoint failed: {type(error).__name__}") from None
        if is_ogg_opus(audio):
            return audio
        return await to_ogg_opus(audio, self.timeout)

    async def aclose(self) -> None:
        """Close the pooled connections."""
        await self.client.close()


class RemoteTranscriber:
    """Voice notes heard by an `/audio/transcriptions` endpoint."""

    def __init__(
        self, base_url: str, api_key: SecretStr | None, model: str, timeout: float
    ) -> None:
        self.client = _client(base_url, api_key, timeout)
        self.model = model

    async def transcribe(self, audio: bytes, language: Language) -> str:
        """Return the words heard in an OGG/Opus voice note spoken in `language`."""
        try:
            result = await self.client.audio.transcriptions.create(
                model=self.model, file=("voice.ogg", audio, "audio/ogg"), language=language
            )
        except openai.APIError as error:
            raise SpeechError(
                f"the transcription endpoint failed: {type(error).__name__}"
            ) from None
        return result.text

    async def aclose(self) -> None:
        """Close the pooled connections."""
        await self.client.close()
