"""The check-in's and check-out's buttons."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.callbacks import CallbackData


@dataclass(frozen=True)
class StartCheck(CallbackData):
    """Start a check (or go on with it, or see its result)."""

    action = "gain.start"
    form: str  # "A", the check-in, or "B", the check-out


@dataclass(frozen=True)
class SkipCheck(CallbackData):
    """Say no to a check that is offered."""

    action = "gain.skip"
    form: str


@dataclass(frozen=True)
class AnswerCheck(CallbackData):
    """Choose an option of a check's item."""

    action = "gain.ans"
    form: str
    item: str
    option: int  # the option's index in the file, wherever it is shown
