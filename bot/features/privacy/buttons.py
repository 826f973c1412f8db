"""The privacy screens' buttons."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.callbacks import CallbackData


@dataclass(frozen=True)
class ConfirmForget(CallbackData):
    """Answer the question whether to delete everything: `yes` or `no`."""

    action = "privacy.forget"
    choice: str
