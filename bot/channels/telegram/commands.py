"""The command menu Telegram shows next to the text field, in each learner's language."""

from __future__ import annotations

from typing import Final

from telegram import Bot, BotCommand

from bot.config import Language
from bot.i18n import LANGUAGES, N_, Translator

COMMANDS: Final[tuple[tuple[str, str], ...]] = (
    ("start", N_("Start, or go back to the menu")),
    ("lessons", N_("All lessons")),
    ("quiz", N_("A quiz, or your review")),
    ("practice", N_("Practise writing a prompt")),
    ("progress", N_("What you have done")),
    ("language", N_("Change the language")),
    ("help", N_("How it works")),
    ("mydata", N_("See the data I keep about you")),
    ("forget", N_("Delete all your data")),
)


def bot_commands(t: Translator) -> list[BotCommand]:
    """Return the command menu in one language."""
    return [BotCommand(name, t.gettext(description)) for name, description in COMMANDS]


async def set_commands(
    bot: Bot, translators: dict[Language, Translator], default: Language
) -> None:
    """Register the menu for French, Dutch and English clients, and a default for the others."""
    await bot.set_my_commands(bot_commands(translators[default]))
    for language in LANGUAGES:
        await bot.set_my_commands(bot_commands(translators[language]), language_code=language)
