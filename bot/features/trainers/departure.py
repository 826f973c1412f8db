"""A trainer who deletes their data: their groups stay, looked after by an administrator."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot.core.ports import LEARNERS
from bot.core.replies import CommandMenu
from bot.core.router import Turn
from bot.features.trainers.access import Access
from bot.features.trainers.ports import COHORTS, PUSHES


class TrainerDeparture:
    """Tell a trainer what becomes of their groups; hand them over just before their data goes."""

    def __init__(self, access: Access, zone: ZoneInfo) -> None:
        self.access = access
        self.zone = zone

    async def warning(self, turn: Turn) -> str | None:
        """Say which group the learner leaves, and, to a trainer, that their groups stay."""
        member = await turn.repo(COHORTS).membership(turn.learner.id)
        # Deleted, a learner's membership goes too: their trainer no longer sees them.
        leaving = (
            turn.t.gettext(
                "You also leave the group “{name}”: your trainer no longer sees you."
            ).format(name=member.cohort.name)
            if member
            else None
        )
        said = [line for line in (leaving, await self._groups_stay(turn)) if line]
        return "\n\n".join(said) or None

    async def _groups_stay(self, turn: Turn) -> str | None:
        """Explain, to a trainer with groups, that the groups and their learners stay."""
        # "The people who run the tutor": an administrator in the chat, if one was named, else
        # the operator on the command line; "an administrator takes it over" was untrue without.
        cohorts = await turn.repo(COHORTS).cohorts_of(turn.learner.id)
        if not cohorts:
            return None
        return turn.t.ngettext(
            "You lead {count} group: {names}. I do not delete it: the people who run the tutor "
            "look after it, and I tell its learners. They stay in the group and keep their "
            "progress.",
            "You lead {count} groups: {names}. I do not delete them: the people who run the "
            "tutor look after them, and I tell their learners. They stay in their group and "
            "keep their progress.",
            len(cohorts),
        ).format(count=len(cohorts), names=", ".join(cohort.name for cohort in cohorts))

    async def prepare(self, turn: Turn) -> None:
        """Tell the learners of each of the trainer's groups, then hand the groups over."""
        cohorts = turn.repo(COHORTS)
        successor = await self._successor(turn)
        for cohort in await cohorts.cohorts_of(turn.learner.id):
            await turn.repo(PUSHES).create_push(cohort, "handover", now=turn.now, zone=self.zone)
            if successor is None:
                # Nobody leads the group until the operator names a trainer: nobody joins it
                # either, told that a trainer sees them. The operator makes a new link then.
                await cohorts.revoke_cohort_codes(cohort.id, turn.now)
        await cohorts.hand_over(turn.learner.id, successor)
        if await cohorts.is_trainer(turn.learner.id) and not self.access.is_admin(turn.learner):
            # No longer a trainer: back to the menu every learner has.
            turn.add(CommandMenu())

    async def _successor(self, turn: Turn) -> int | None:
        # An administrator who uses the chat finds the groups there; without one, the groups
        # have no trainer and the operator looks after them on the command line.
        for channel, external_id in sorted(self.access.admins):
            admin = await turn.repo(LEARNERS).find(channel, external_id)
            if admin is not None and admin.id != turn.learner.id:
                return admin.id
        return None
