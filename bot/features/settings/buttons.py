"""The settings' buttons."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.callbacks import CallbackData


@dataclass(frozen=True)
class ShowSettings(CallbackData):
    """Show the learner's settings."""

    action = "settings.show"


@dataclass(frozen=True)
class SwitchReminders(CallbackData):
    """Turn reminders on or off."""

    action = "settings.rem"
    choice: str  # "on" or "off"


@dataclass(frozen=True)
class AskHour(CallbackData):
    """Offer the hours a reminder may come at."""

    action = "settings.hours"


@dataclass(frozen=True)
class ChooseHour(CallbackData):
    """Send reminders at this hour; AUTOMATIC follows when the learner usually learns."""

    AUTOMATIC = 24

    action = "settings.hour"
    hour: int
