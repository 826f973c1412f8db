"""Say when something happens in the trainer's words: today, tomorrow or a day, at a time."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.i18n import Translator


def moment_text(t: Translator, moment: datetime, now: datetime) -> str:
    """Say a moment relative to now: `today at 07:00`, `tomorrow at 07:00`, `Tuesday 1 Dec…`."""
    day = moment.astimezone(t.timezone).date()
    today = now.astimezone(t.timezone).date()
    if day == today:
        return t.gettext("today at {time}").format(time=t.time(moment))
    if day == today + timedelta(days=1):
        return t.gettext("tomorrow at {time}").format(time=t.time(moment))
    return t.gettext("{day} at {time}").format(day=t.day(moment), time=t.time(moment))
