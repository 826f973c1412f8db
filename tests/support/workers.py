"""Find an assembled app's background workers, to run one step of theirs in a test."""

from __future__ import annotations

from bot.adapters.db.sweeper import Sweeper
from bot.app import App


def sweeper(app: App) -> Sweeper:
    """Return the app's sweeper of expired rows."""
    return next(worker for worker in app.workers if isinstance(worker, Sweeper))
