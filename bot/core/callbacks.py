"""Small, versioned callback data for buttons: `v1:<action>:<arg>:...`, at most 64 bytes."""

from __future__ import annotations

import re
from dataclasses import dataclass

VERSION = "v1"
MAX_BYTES = 64  # Telegram's limit for callback data
_ACTION = re.compile(r"^[a-z][a-z0-9_]{0,15}$")
_ARG = re.compile(r"^[A-Za-z0-9_/\-.]{1,48}$")


@dataclass(frozen=True)
class Callback:
    """A parsed button: what to do, and with what."""

    action: str
    args: tuple[str, ...]


def encode(action: str, *args: str | int) -> str:
    """Build callback data; refuse anything that would not parse back or not fit Telegram."""
    parts = [str(arg) for arg in args]
    if not _ACTION.match(action) or not all(_ARG.match(part) for part in parts):
        raise ValueError(f"unencodable callback {action!r} {parts!r}")
    data = ":".join([VERSION, action, *parts])
    if len(data.encode()) > MAX_BYTES:
        raise ValueError(f"callback data longer than {MAX_BYTES} bytes: {data!r}")
    return data


def decode(data: str) -> Callback | None:
    """Parse callback data; None for anything stale, foreign or forged."""
    if len(data.encode(errors="replace")) > MAX_BYTES:
        return None
    version, _, rest = data.partition(":")
    if version != VERSION or not rest:
        return None
    action, *args = rest.split(":")
    if not _ACTION.match(action) or not all(_ARG.match(arg) for arg in args):
        return None
    return Callback(action, tuple(args))
