"""The progress screen's button."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.callbacks import CallbackData


@dataclass(frozen=True)
class ShowProgress(CallbackData):
    """Show what the learner has done."""

    action = "progress.show"
