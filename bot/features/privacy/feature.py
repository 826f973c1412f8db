"""Privacy: a learner sees everything stored about them, and deletes it."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from bot.core.feature import CommandRoute, FeatureContext, Manifest, TextRoute, on
from bot.core.localtime import parse_range
from bot.features.privacy import flows, watched
from bot.features.privacy.buttons import ConfirmForget
from bot.i18n import N_

if TYPE_CHECKING:
    from bot.adapters.db.tables import Base

DOMAIN = "tutor"
TABLES: tuple[type[Base], ...] = ()


def manifest(context: FeatureContext) -> Manifest:
    """Return what the privacy feature handles."""
    quiet = parse_range(context.settings.quiet_hours)
    assert quiet is not None, "validated by Settings"
    return Manifest(
        name="privacy",
        commands=(
            CommandRoute("privacy", flows.show_notice, N_("What I keep, and for how long")),
            CommandRoute(
                "mydata",
                partial(flows.my_data, quiet_hours=quiet),
                N_("See the data I keep about you"),
            ),
            CommandRoute("forget", flows.forget, N_("Delete all your data")),
        ),
        buttons=(on(ConfirmForget, flows.confirm_forget, by_words=False),),
        states=(flows.ConfirmingForget,),
        texts=(TextRoute(flows.forget_typed, flows.ConfirmingForget.flow),),
        # "le CPAS peut voir ce que j'écris ?": before small talk, and before a lesson card.
        text_filters=(watched.who_reads,),
    )
