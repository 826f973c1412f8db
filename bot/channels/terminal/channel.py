"""The terminal as a channel of the tutor: its name, and the command that redeems a join code."""

from __future__ import annotations

from bot.core.delivery import Deliverer

CHANNEL = "terminal"


def join_link(code: str) -> str:
    """Return what someone in `tutor chat` types to redeem a code."""
    return f"/start join-{code}"


class TerminalChannel:
    """Learners in `tutor chat`: reached through the chat on screen, invited with a command."""

    name = CHANNEL

    def __init__(self, deliverer: Deliverer) -> None:
        self.deliverer = deliverer

    def join_link(self, code: str) -> str:
        """Return the command that redeems a code in the terminal."""
        return join_link(code)
