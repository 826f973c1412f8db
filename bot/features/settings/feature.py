"""Settings: review reminders and their hour, and a way to the language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.core.feature import CommandRoute, FeatureContext, Manifest, TextRoute, on
from bot.core.localtime import parse_range
from bot.features.settings.buttons import AskHour, ChooseHour, ShowSettings, SwitchReminders
from bot.features.settings.flows import ChoosingHour, SettingsFlows
from bot.i18n import N_

if TYPE_CHECKING:
    from bot.adapters.db.tables import Base

DOMAIN = "tutor"
TABLES: tuple[type[Base], ...] = ()


def manifest(context: FeatureContext) -> Manifest:
    """Return what the settings handle."""
    quiet = parse_range(context.settings.quiet_hours)
    assert quiet is not None, "validated by Settings"
    flows = SettingsFlows(quiet)
    return Manifest(
        name="settings",
        commands=(CommandRoute("settings", flows.show, N_("Reminders and language")),),
        buttons=(
            on(ShowSettings, flows.show),
            on(SwitchReminders, flows.switch_reminders),
            on(AskHour, flows.ask_hour),
            on(ChooseHour, flows.choose_hour),
        ),
        texts=(TextRoute(flows.hour_typed, ChoosingHour.flow),),
        text_filters=(flows.reminders_off_typed, flows.reminder_hour_typed),
        states=(ChoosingHour,),
    )
