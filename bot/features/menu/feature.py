"""The menu: first contact, language, main menu and help."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.core.feature import (
    CommandRoute,
    DeepLinkRoute,
    FeatureContext,
    Manifest,
    TextRoute,
    on,
)
from bot.features.menu import flows
from bot.features.menu.buttons import AskLanguage, ChooseLanguage, RunCommand, ShowHelp, ShowMenu
from bot.features.menu.typed_buttons import press_named
from bot.i18n import N_

if TYPE_CHECKING:
    from bot.adapters.db.tables import Base

DOMAIN = "tutor"
TABLES: tuple[type[Base], ...] = ()


def manifest(_: FeatureContext) -> Manifest:
    """Return what the menu handles."""
    return Manifest(
        name="menu",
        commands=(
            CommandRoute(
                "start", flows.main_menu, N_("Start, or go back to the menu"), replayable=True
            ),
            CommandRoute("menu", flows.main_menu),
            CommandRoute("help", flows.show_help, N_("How it works")),
            CommandRoute("language", flows.ask_language, N_("Change the language")),
        ),
        buttons=(
            on(ShowMenu, flows.main_menu),
            on(ShowHelp, flows.show_help),
            on(AskLanguage, flows.ask_language),
            on(ChooseLanguage, flows.choose_language),
            on(RunCommand, flows.run_meant_command),
        ),
        deep_links=(DeepLinkRoute("lang", flows.language_link),),
        texts=(TextRoute(flows.language_typed, flows.ChoosingLanguage.flow),),
        # Right after the words of distress: a button's words typed do what it does, whoever
        # else would read them (small talk's "next lesson", a question's "open the lesson").
        text_filters=(press_named,),
        states=(flows.ChoosingLanguage,),
    )
