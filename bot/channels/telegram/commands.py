"""The command menu Telegram shows next to the text field, in each learner's language."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import Bot, BotCommand

from bot.config import Language
from bot.core.feature import CommandRoute
from bot.i18n import Translator


def bot_commands(t: Translator, commands: Sequence[CommandRoute]) -> list[BotCommand]:
    """Return the command menu in one language."""
    return [BotCommand(c.name, t.gettext(c.help)) for c in commands if c.help]


async def set_commands(
    bot: Bot,
    translators: dict[Language, Translator],
    default: Language,
    commands: Sequence[CommandRoute],
) -> None:
    """Register the learners' menu for each language, and the default one's for the others."""
    await bot.set_my_commands(bot_commands(translators[default], commands))
    for language, t in translators.items():
        await bot.set_my_commands(bot_commands(t, commands), language_code=language)
