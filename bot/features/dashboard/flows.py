"""/dashboard in the chat: a trainer's one-time link to the web dashboard."""

from __future__ import annotations

from bot.core.router import Turn, rows
from bot.features.dashboard.links import LINK_TTL, issue_link, sign_in_url
from bot.features.dashboard.ports import SIGN_INS
from bot.features.trainers.access import Access, trainer_menu_button


class DashboardFlow:
    """Give trainers and administrators a link that signs them in to the dashboard once."""

    def __init__(self, access: Access, web_url: str | None) -> None:
        self.access = access
        self.web_url = web_url

    async def link(self, turn: Turn, _: object = None) -> None:
        """Send a one-time sign-in link, or say why there is none."""
        if not await self.access.trainer(turn):
            return
        t = turn.t
        keyboard = rows(trainer_menu_button(turn))
        if self.web_url is None:
            turn.say(
                # Said to a trainer, who changes no settings; operators read docs/deploy.md
                # (TUTOR_WEB_URL).
                t.gettext(
                    "The web dashboard is not switched on for this tutor. Ask the person who runs "
                    "the tutor for you to switch it on."
                ),
                keyboard,
            )
            return
        token = await issue_link(turn.repo(SIGN_INS), turn.learner.id, turn.now)
        if token is None:
            turn.say(
                t.gettext(
                    "You asked for several links in a short time. "
                    "Use the last one, or try again in a quarter of an hour."
                ),
                keyboard,
            )
            return
        minutes = int(LINK_TTL.total_seconds() // 60)
        text = t.ngettext(
            "🖥 Your link to the dashboard. It works once, for {minutes} minute; "
            "do not share it:\n{link}",
            "🖥 Your link to the dashboard. It works once, for {minutes} minutes; "
            "do not share it:\n{link}",
            minutes,
        )
        turn.say(text.format(minutes=minutes, link=sign_in_url(self.web_url, token)), keyboard)
