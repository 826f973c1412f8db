"""What a learner did, as the tutor sees it, whatever the transport."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Sender:
    """Who sent an event: a channel identity, with hints from the client."""

    channel: str
    external_id: str
    language_code: str | None = None
    first_name: str | None = None
    last_name: str | None = None


@dataclass(frozen=True)
class Command:
    """A slash command such as `/progress`, with its arguments."""

    name: str
    args: tuple[str, ...] = ()


@dataclass(frozen=True)
class ButtonPress:
    """A tapped button, carrying its callback data."""

    data: str


@dataclass(frozen=True)
class Text:
    """Free text typed by the learner."""

    text: str


@dataclass(frozen=True)
class Spoken:
    """A voice note the front end transcribed: the words heard in it, not yet redacted."""

    text: str


@dataclass(frozen=True)
class Unheard:
    """A voice note the front end could not transcribe: `too_long`, or `failed` (error, timeout)."""

    reason: str


@dataclass(frozen=True)
class Unsupported:
    """Something the tutor cannot read: a sticker, photo, voice note, document, location."""

    kind: str


Event = Command | ButtonPress | Text | Spoken | Unheard | Unsupported
