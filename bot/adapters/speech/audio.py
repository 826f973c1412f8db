"""Run the audio tools (espeak-ng, ffmpeg) as asyncio subprocesses, with a time limit."""

from __future__ import annotations

import asyncio
import os
import shutil
from asyncio.subprocess import DEVNULL, PIPE, Process
from collections.abc import Awaitable, Sequence
from typing import Final, TypeVar

# Telegram plays voice notes in OGG/Opus; 24 kbit/s mono is plenty for a voice.
OPUS_ARGS: Final = ("-c:a", "libopus", "-b:a", "24k", "-ar", "48000", "-ac", "1")
FFMPEG_QUIET: Final = ("-hide_banner", "-loglevel", "error", "-nostdin")
T = TypeVar("T")


class SpeechError(Exception):
    """Audio could not be made or heard: a tool or an endpoint failed, or took too long."""


def tool(name: str) -> str | None:
    """Return the path of an audio tool (espeak-ng, ffmpeg), or None when it is not installed."""
    return shutil.which(name)


def is_ogg_opus(audio: bytes) -> bool:
    """Tell whether audio is Opus in an OGG container, as Telegram's voice notes must be."""
    return audio.startswith(b"OggS") and b"OpusHead" in audio[:200]


async def to_ogg_opus(audio: bytes, limit_seconds: float) -> bytes:
    """Encode any audio ffmpeg reads (WAV, MP3, ...) as OGG/Opus."""
    ffmpeg = _required("ffmpeg")
    process = await asyncio.create_subprocess_exec(
        ffmpeg, *FFMPEG_QUIET, "-i", "pipe:0", *OPUS_ARGS, "-f", "ogg", "pipe:1",
        stdin=PIPE, stdout=PIPE, stderr=PIPE,
    )  # fmt: skip
    output, _ = await _within(limit_seconds, [process], process.communicate(audio))
    return _checked(output, process)


async def speak_to_ogg_opus(espeak_args: Sequence[str], text: str, limit_seconds: float) -> bytes:
    """Pipe espeak-ng's WAV into ffmpeg, which encodes it as OGG/Opus, all in memory."""
    espeak = _required("espeak-ng")
    ffmpeg = _required("ffmpeg")
    read_end, write_end = os.pipe()
    try:
        speaker = await asyncio.create_subprocess_exec(
            espeak,
            *espeak_args,
            "--stdin",
            "--stdout",
            stdin=PIPE,
            stdout=write_end,
            stderr=DEVNULL,
        )
        try:
            encoder = await asyncio.create_subprocess_exec(
                ffmpeg, *FFMPEG_QUIET, "-f", "wav", "-i", "pipe:0",
                *OPUS_ARGS, "-f", "ogg", "pipe:1",
                stdin=read_end, stdout=PIPE, stderr=PIPE,
            )  # fmt: skip
        except OSError:
            speaker.kill()
            await speaker.wait()
            raise
    finally:
        # The children hold their own ends; ffmpeg sees the end of input once espeak-ng exits.
        os.close(read_end)
        os.close(write_end)
    both = asyncio.gather(speaker.communicate(text.encode()), encoder.communicate())
    _, (output, _) = await _within(limit_seconds, [speaker, encoder], both)
    if speaker.returncode != 0:
        raise SpeechError(f"espeak-ng exited with {speaker.returncode}")
    return _checked(output, encoder)


def _required(name: str) -> str:
    path = tool(name)
    if path is None:
        raise SpeechError(f"{name} is not installed")
    return path


async def _within(limit_seconds: float, processes: Sequence[Process], work: Awaitable[T]) -> T:
    try:
        async with asyncio.timeout(limit_seconds):
            return await work
    except TimeoutError:
        for process in processes:
            if process.returncode is None:
                process.kill()
        for process in processes:
            await process.wait()
        raise SpeechError(f"audio tools took longer than {limit_seconds} s") from None


def _checked(output: bytes, process: Process) -> bytes:
    if process.returncode != 0 or not is_ogg_opus(output):
        raise SpeechError(f"ffmpeg exited with {process.returncode}")
    return output
