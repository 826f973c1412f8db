"""Route events to handlers; a turn carries the learner, their language and the replies."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.adapters.db.repo import Learner
from bot.config import Language
from bot.core.events import Sender
from bot.core.replies import Button, Keyboard, Message, Reply
from bot.course.model import Course
from bot.i18n import Translator

Exporter = Callable[[AsyncSession, int], Awaitable[dict[str, Any]]]


@dataclass(frozen=True)
class Services:
    """What every handler may use: the course, the catalogs and the clock."""

    course: Course
    translators: dict[Language, Translator]
    clock: Callable[[], datetime]
    # Each feature that stores data about a learner adds the part of /mydata it owns.
    exporters: Sequence[tuple[str, Exporter]] = ()
    default_language: Language = "en"


@dataclass
class Turn:
    """One event being handled: who, in which language, in which transaction, and the replies."""

    sender: Sender
    learner: Learner
    services: Services
    session: AsyncSession
    now: datetime
    replies: list[Reply] = field(default_factory=list)

    @property
    def language(self) -> Language:
        """Return the learner's language (the default one until they choose)."""
        return self.learner.language or self.services.default_language

    @property
    def t(self) -> Translator:
        """Return the translator of the learner's language."""
        return self.services.translators[self.language]

    @property
    def course(self) -> Course:
        """Return the course."""
        return self.services.course

    def say(self, text: str, keyboard: Keyboard = (), *, replace: bool = False) -> None:
        """Add a text reply."""
        self.replies.append(Message(text=text, keyboard=keyboard, replace=replace))

    def add(self, reply: Reply) -> None:
        """Add any other reply (a document, a picture, a question)."""
        self.replies.append(reply)


Handler = Callable[[Turn, tuple[str, ...]], Awaitable[None]]


def rows(*buttons: Button | None) -> Keyboard:
    """Lay buttons out one per row, skipping missing ones."""
    return tuple((button,) for button in buttons if button is not None)


@dataclass
class Router:
    """Map commands, button actions and free text (per learner mode) to handlers."""

    commands: dict[str, Handler] = field(default_factory=dict)
    buttons: dict[str, tuple[Handler, int]] = field(default_factory=dict)
    text_by_mode: dict[str, Handler] = field(default_factory=dict)
    fallback_text: Handler | None = None
    deep_links: dict[str, Handler] = field(default_factory=dict)

    def command(self, name: str, handler: Handler) -> None:
        """Handle `/name`."""
        self.commands[name] = handler

    def button(self, action: str, handler: Handler, arity: int) -> None:
        """Handle buttons of one action with exactly `arity` arguments."""
        self.buttons[action] = (handler, arity)

    def deep_link(self, prefix: str, handler: Handler) -> None:
        """Handle `/start <prefix>-<value>` links, such as `join-<code>`."""
        self.deep_links[prefix] = handler

    def text(self, handler: Handler, mode: str | None = None) -> None:
        """Handle free text, in one learner mode or in every mode without its own handler."""
        if mode is None:
            self.fallback_text = handler
        else:
            self.text_by_mode[mode] = handler
