"""What the voice tests share: the audio tools they need, and reading audio back with ffprobe."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass

import pytest

AUDIO_TOOLS = ("espeak-ng", "ffmpeg", "ffprobe")
_MISSING = [name for name in AUDIO_TOOLS if shutil.which(name) is None]

needs_audio_tools = pytest.mark.skipif(
    bool(_MISSING),
    reason=(
        f"{', '.join(_MISSING)} not installed: `./run test` installs espeak-ng and ffmpeg "
        "when run as root (apt-get install espeak-ng ffmpeg)"
    ),
)


@dataclass(frozen=True)
class Probed:
    """What ffprobe reads in a piece of audio."""

    container: str
    codec: str
    sample_rate: int
    channels: int
    seconds: float


def probe(audio: bytes) -> Probed:
    """Return the container, codec and duration of audio, as ffprobe reads them."""
    # From a file: read from a pipe, an OGG file has no duration (ffprobe cannot seek its end).
    with tempfile.NamedTemporaryFile(suffix=".ogg") as file:
        file.write(audio)
        file.flush()
        result = subprocess.run(
            ["ffprobe", "-v", "error", "-show_entries",
             "format=format_name,duration:stream=codec_name,sample_rate,channels",
             "-of", "json", file.name],
            capture_output=True, check=True, timeout=60,
        )  # fmt: skip
    found = json.loads(result.stdout)
    [stream] = found["streams"]
    return Probed(
        found["format"]["format_name"],
        stream["codec_name"],
        int(stream["sample_rate"]),
        int(stream["channels"]),
        float(found["format"].get("duration", 0)),
    )
