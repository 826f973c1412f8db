"""Who may do what: administrators by channel identity, trainers by redeemed invite."""

from __future__ import annotations

from collections.abc import Callable

from bot.core.callbacks import CallbackData
from bot.core.feature import Audience
from bot.core.ports import Learner, UnitOfWork
from bot.core.replies import Button
from bot.core.router import Turn, button, rows
from bot.features.menu import flows as screens
from bot.features.trainers.buttons import NewCohort, ShowCohort, TrainerMenu
from bot.features.trainers.ports import COHORTS, PUSHES, Cohort


def trainer_menu_button(turn: Turn) -> Button:
    """Return the button back to the trainer menu."""
    return button(turn.t.gettext("🧑‍🏫 Trainer menu"), TrainerMenu())


def new_cohort_button(turn: Turn) -> Button:
    """Return the button that creates a group, asking for its name."""
    return button(turn.t.gettext("➕ New group"), NewCohort())


class Access:
    """Check roles, and refuse clearly when someone lacks one."""

    def __init__(self, admins: frozenset[tuple[str, str]]) -> None:
        self.admins = admins

    def is_admin(self, learner: Learner) -> bool:
        """Tell whether this person, as (channel, external id), is a configured administrator."""
        return (learner.channel, learner.external_id) in self.admins

    async def roles(self, uow: UnitOfWork, learner: Learner) -> list[Audience]:
        """Return the roles whose commands this person sees: trainer, and administrator."""
        if self.is_admin(learner):
            return ["trainer", "admin"]
        return ["trainer"] if await uow.get(COHORTS).is_trainer(learner.id) else []

    async def is_trainer(self, turn: Turn) -> bool:
        """Tell whether the person of this turn may lead cohorts (administrators may too)."""
        return self.is_admin(turn.learner) or await turn.repo(COHORTS).is_trainer(turn.learner.id)

    async def trainer(self, turn: Turn) -> bool:
        """Let a trainer through; tell anyone else, kindly, that this is for trainers."""
        if await self.is_trainer(turn):
            return True
        t = turn.t
        turn.say(
            t.gettext(
                "This is for trainers only. "
                "If you are a trainer, ask the administrator for an invitation."
            ),
            rows(screens.menu_button(t)),
        )
        return False

    def admin(self, turn: Turn) -> bool:
        """Let an administrator through; refuse anyone else."""
        if self.is_admin(turn.learner):
            return True
        t = turn.t
        turn.say(t.gettext("This is for administrators only."), rows(screens.menu_button(t)))
        return False

    async def own_cohorts(self, turn: Turn) -> list[Cohort]:
        """Return the trainer's cohorts; with none, explain how to create one."""
        cohorts = await turn.repo(COHORTS).cohorts_of(turn.learner.id)
        if not cohorts:
            turn.say(
                turn.t.gettext("You have no group yet. Tap ➕ New group to create one."),
                rows(new_cohort_button(turn), trainer_menu_button(turn)),
            )
        return cohorts

    async def ask_cohort(
        self, turn: Turn, question: str, choice: Callable[[int], CallbackData], last: Button
    ) -> None:
        """Ask a trainer to pick one of their cohorts; each button carries `choice(its id)`."""
        if not await self.trainer(turn):
            return
        cohorts = await self.own_cohorts(turn)
        if cohorts:
            buttons = [button(cohort.name, choice(cohort.id)) for cohort in cohorts]
            turn.say(question, rows(*buttons, last))

    async def led_cohort(self, turn: Turn, cohort_id: int) -> Cohort | None:
        """Return a cohort from a button when a trainer leads it; else say why and return None."""
        return await self.own_cohort(turn, cohort_id) if await self.trainer(turn) else None

    async def own_cohort(self, turn: Turn, cohort_id: int) -> Cohort | None:
        """Return the trainer's own cohort from a button; anything else is a stale button."""
        cohort = await turn.repo(COHORTS).owned_cohort(turn.learner.id, cohort_id)
        if cohort is None:
            await screens.stale_button(turn)
        return cohort

    async def refused_as_ended(self, turn: Turn, cohort: Cohort) -> bool:
        """Refuse, and return True, when the cohort's course ended: nothing more goes to it."""
        if cohort.id not in await turn.repo(PUSHES).ended_on([cohort.id]):
            return False
        t = turn.t
        turn.say(
            t.gettext(
                "🏁 The course of “{name}” has ended. To send to it or let people join, open it "
                "again from the group."
            ).format(name=cohort.name),
            rows(button(t.gettext("⬅ Back to the group"), ShowCohort(cohort.id))),
        )
        return True
