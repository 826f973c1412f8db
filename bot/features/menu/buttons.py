"""The menu's buttons."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.callbacks import CallbackData


@dataclass(frozen=True)
class ShowMenu(CallbackData):
    """Back to the main menu."""

    action = "menu.show"


@dataclass(frozen=True)
class ShowHelp(CallbackData):
    """How the tutor works."""

    action = "menu.help"


@dataclass(frozen=True)
class AskLanguage(CallbackData):
    """Offer the languages."""

    action = "menu.langs"


@dataclass(frozen=True)
class ChooseLanguage(CallbackData):
    """Speak this language from now on."""

    action = "menu.lang"
    language: str


@dataclass(frozen=True)
class RunCommand(CallbackData):
    """Do what a command does: the one meant by a command typed with a letter off."""

    action = "menu.command"
    command: str
