"""Trainers' and administrators' own command menus, given when a channel starts being served."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from bot.adapters.db.database import Database
from bot.adapters.db.learners import SqlLearners
from bot.core.delivery import Deliverer
from bot.core.ports import Learner, Repositories
from bot.core.replies import CommandMenu
from bot.core.router import Services
from bot.features.trainers.access import Access
from bot.features.trainers.ports import COHORTS
from bot.features.trainers.repo import SqlCohorts

logger = logging.getLogger(__name__)


class StaffMenus:
    """Give every trainer and administrator the menu of their commands, in their language.

    Who becomes a trainer in the chat gets it there and then; this covers those named on the
    command line, administrators, and a menu lost since (a language changed in another process).
    """

    def __init__(self, database: Database, services: Services, access: Access) -> None:
        self.database = database
        self.services = services
        self.access = access

    async def run(self, deliverers: Mapping[str, Deliverer]) -> None:
        """Set each one's menu once, on the channels served; then stop."""
        for learner, menu in await self._menus():
            deliverer = deliverers.get(learner.channel)
            reached = deliverer is not None and (
                deliverer.recipients is None or learner.external_id in deliverer.recipients
            )
            if deliverer is None or not reached:
                continue
            try:
                await deliverer.deliver(learner.external_id, [menu])
            except Exception:
                # One menu not set must not keep the others from being set.
                logger.exception("Could not set the command menu of learner %s", learner.id)

    async def _menus(self) -> list[tuple[Learner, CommandMenu]]:
        async with self.database.session() as session:
            uow = Repositories({COHORTS: lambda: SqlCohorts(session)})
            learners = SqlLearners(session)
            staff = [await learners.get(i) for i in await uow.get(COHORTS).trainer_ids()]
            staff += [await learners.find(channel, key) for channel, key in self.access.admins]
            unique = {learner.id: learner for learner in staff if learner is not None}
            menus = []
            for learner in unique.values():
                audiences = await self.services.audiences(uow, learner)
                if audiences == ["learner"]:
                    continue  # leads a group without the role: a learner's menu
                language = self.services.language(learner.language)
                menus.append((learner, self.services.command_menu(language, audiences)))
            return menus
