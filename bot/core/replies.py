"""What the tutor answers, for a front end to render in its own way."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Button:
    """A button with its label and callback data."""

    label: str
    data: str


Keyboard = tuple[tuple[Button, ...], ...]


@dataclass(frozen=True)
class Message:
    """A text message, optionally with buttons; `replace` hints to edit the tapped message."""

    text: str
    keyboard: Keyboard = ()
    replace: bool = False


@dataclass(frozen=True)
class Document:
    """A file to send, such as the learner's data export."""

    filename: str
    content: bytes
    caption: str = ""


@dataclass(frozen=True)
class Picture:
    """A PNG picture, such as a progress chart."""

    content: bytes
    caption: str = ""


@dataclass(frozen=True)
class Question:
    """A quiz question; a front end shows it as buttons or as a native quiz poll.

    Answering option `i` is the same as pressing a button with `answer_data[i]`.
    """

    header: str
    question: str
    options: tuple[str, ...]
    answer_data: tuple[str, ...]
    correct: int
    explanation: str
    extra_keyboard: Keyboard = ()


@dataclass(frozen=True)
class Forgotten:
    """Tell the front end that the learner's data was deleted, so it deletes what it keeps too."""


Reply = Message | Document | Picture | Question | Forgotten
