"""Button data as a client would send it back, built and read by action name."""

from __future__ import annotations

from bot.core.callbacks import VERSION


def data(action: str, *fields: str | int) -> str:
    """Return the data of a button, e.g. `data("lessons.card", "basics/what-is-ai", 1)`."""
    return ":".join([VERSION, action, *(str(field) for field in fields)])


def action_of(button_data: str) -> str:
    """Return the action a button's data names."""
    return button_data.split(":")[1]
