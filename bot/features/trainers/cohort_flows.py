"""The trainer's menu, their cohorts (create, join links, settings) and trainer invites."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from bot.core.delivery import Channel
from bot.core.localtime import format_clock
from bot.core.router import Turn, action_of, button, rows
from bot.core.state import FlowState
from bot.core.text import fold
from bot.features.menu import flows as screens
from bot.features.trainers import codes
from bot.features.trainers.access import Access, new_cohort_button, trainer_menu_button
from bot.features.trainers.buttons import (
    AskDeleteCohort,
    AskEndCohort,
    AskQuietHours,
    AskReminders,
    CancelInvite,
    ChooseReport,
    CohortMembers,
    CohortReport,
    DeleteCohort,
    EndCohort,
    InviteTrainer,
    MyCohorts,
    NewJoinCode,
    PushToCohort,
    RenameCohort,
    ReopenCohort,
    SetQuietHours,
    SetReminders,
    ShowCohort,
    ShowScheduled,
    StartPush,
    StopJoinCodes,
    SwitchWeekly,
    TrainerMenu,
    WeeklyStatus,
)
from bot.features.trainers.options import TrainerOptions
from bot.features.trainers.ports import COHORTS, PUSHES, Cohort, release_held
from bot.features.trainers.report import UNANSWERED_MIN_LEARNERS
from bot.features.trainers.weekly_report import WEEKLY_MINUTE
from bot.i18n import Translator

NAME_MAX_CHARS: Final = 40
REMINDER_CHOICES: Final = (0, 2, 3, 5, 7)
QUIET_CHOICES: Final = ((21 * 60, 8 * 60), (20 * 60, 9 * 60), (22 * 60, 7 * 60), (0, 0))
# The words of `/cohort new|link|stop|delete` as French- and Dutch-speaking trainers type them
# (accents removed): "/cohort nouveau Groupe B" created nothing.
_ACTIONS: Final = {
    **dict.fromkeys(("nouveau", "nouvelle", "creer", "cree", "nieuw", "nieuwe", "maak"), "new"),
    **dict.fromkeys(("lien", "koppeling"), "link"),
    **dict.fromkeys(("arreter", "arrete", "stoppen", "stopzetten"), "stop"),
    **dict.fromkeys(
        ("supprimer", "supprime", "effacer", "verwijder", "verwijderen", "wis", "wissen"), "delete"
    ),
}


def quiet_label(t: Translator, start: int, end: int) -> str:
    """Describe a cohort's quiet hours."""
    if start == end:
        return t.gettext("no quiet hours")
    return f"{format_clock(start)}–{format_clock(end)}"


def reminder_label(t: Translator, days: int) -> str:
    """Describe a cohort's reminder delay."""
    if days == 0:
        return t.gettext("off")
    return t.ngettext(
        "after {days} day without learning", "after {days} days without learning", days
    ).format(days=days)


def clean_name(words: tuple[str, ...]) -> str | None:
    """Return a cohort name from the words typed, or None when it is empty or too long."""
    # Composed accents: "è" typed as e and a combining grave accent is stored as one "è".
    typed = "".join(char for char in " ".join(words) if unicodedata.category(char) != "Cf")
    # Hidden marks (a zero-width space) are left out: they made a name no one could type again.
    name = unicodedata.normalize("NFC", " ".join(typed.split()))
    # A name of signs alone ("!!!", "🎓🎓") says nothing, and all such names would read alike.
    return name if len(name) <= NAME_MAX_CHARS and any(c.isalnum() for c in name) else None


@dataclass(frozen=True)
class NamingCohort(FlowState):
    """A trainer is typing the name of a new cohort, or the new name of one (`cohort`)."""

    flow = "trainers.naming"
    captures_text = True
    literal_text = True
    cohort: int | None = None


class CohortFlows:
    """Trainer menu, cohorts and invites, for trainers and administrators only."""

    def __init__(
        self, options: TrainerOptions, access: Access, channels: Mapping[str, Channel]
    ) -> None:
        self.options = options
        self.access = access
        self.channels = channels

    async def menu(self, turn: Turn, _: object = None) -> None:
        """Show what a trainer can do, as buttons."""
        if not await self.access.trainer(turn):
            return
        t = turn.t
        invite = (
            button(t.gettext("🎟 Invite a trainer"), InviteTrainer())
            if self.access.is_admin(turn.learner)
            else None
        )
        menu = "\n".join(
            [
                t.gettext("🧑‍🏫 Trainer menu"),
                # "How do I add someone to my group?": nothing here said it.
                t.gettext("Learners join a group with its link or code: 👥 My groups shows them."),
                # "Can I read Fatou's conversations?" got a lesson card on chatbots keeping
                # chats: what a trainer sees is said where their tools are.
                # The questions only once enough learners asked some: in a group of three, a
                # trainer promised them looked for them in vain.
                t.gettext(
                    "You see each learner's first name, lessons, quiz scores and last visit, and "
                    "in the report the questions I could not answer, without names, once at "
                    "least {count} learners of the group asked some. You never see their "
                    "messages."
                ).format(count=UNANSWERED_MIN_LEARNERS),
            ]
        )
        turn.say(
            menu,
            rows(
                button(t.gettext("👥 My groups"), MyCohorts()),
                new_cohort_button(turn),
                button(t.gettext("📤 Send a lesson or a message"), StartPush()),
                button(t.gettext("📅 Planned sends"), ShowScheduled()),
                button(t.gettext("📊 Progress report"), ChooseReport()),
                button(t.gettext("📬 Weekly report"), WeeklyStatus()),
                invite,
                screens.menu_button(t),
            ),
        )

    async def cohort_command(self, turn: Turn, args: tuple[str, ...]) -> None:
        """Handle `/cohort`, `/cohort new NAME`, and `/cohort link|stop|delete NAME`."""
        if not await self.access.trainer(turn):
            return
        typed, *words = args or ("",)
        action = _ACTIONS.get(key := fold(typed).lower(), key)
        if action == "new":
            await self._create(turn, tuple(words))
            return
        if action in {"link", "stop", "delete"}:
            name = clean_name(tuple(words))
            cohort = await turn.repo(COHORTS).cohort_named(name) if name else None
            if name is None:
                turn.say(
                    turn.t.gettext(
                        "Please add the group's name, like this: /cohort {action} Bootcamp March"
                    ).format(action=action),
                    rows(button(turn.t.gettext("👥 My groups"), MyCohorts())),
                )
            elif cohort is None or cohort.trainer_id != turn.learner.id:
                turn.say(
                    turn.t.gettext("You have no group with that name."),
                    rows(button(turn.t.gettext("👥 My groups"), MyCohorts())),
                )
            elif action == "link":
                if not await self.access.refused_as_ended(turn, cohort):
                    await self._issue_code(turn, cohort, replacing=True)
            elif action == "delete":
                await self._ask_delete(turn, cohort)
            else:
                await self._stop(turn, cohort)
            return
        if typed:
            # "/cohort nouveau Groupe B" only showed the list, with nothing created and no word why.
            turn.say(
                turn.t.gettext(
                    "I do not know “{word}”. To create a group: /cohort new Bootcamp March"
                ).format(word=typed)
            )
        await self.list_cohorts(turn)

    async def ask_name(self, turn: Turn, _: object = None) -> None:
        """Ask for the name of a new group; the next text typed is the name."""
        if not await self.access.trainer(turn):
            return
        turn.enter(NamingCohort())
        turn.say(
            turn.t.gettext(
                "What should the new group be called? Type its name, for example: Bootcamp March"
            ),
            rows(trainer_menu_button(turn)),
        )

    async def ask_rename(self, turn: Turn, chosen: RenameCohort) -> None:
        """Ask for a group's new name; the next text typed is the name."""
        cohort = await self.access.led_cohort(turn, chosen.cohort)
        if cohort is None:
            return
        if isinstance(turn.state, NamingCohort):
            turn.leave()  # tapped twice: one name awaited, not two
        turn.enter(NamingCohort(cohort.id))
        turn.say(
            turn.t.gettext(
                "What should the group “{name}” be called now? Type its new name."
            ).format(name=cohort.name),
            rows(button(turn.t.gettext("⬅ Back to the group"), ShowCohort(cohort.id))),
        )

    async def named(self, turn: Turn, text: str) -> None:
        """Create the group named by the text typed after ➕ New group, or rename one."""
        state = turn.state
        renamed = state.cohort if isinstance(state, NamingCohort) else None
        turn.leave()
        asked_from = ShowCohort.action if renamed is not None else TrainerMenu.action
        if {action_of(shown) for shown in turn.shown} != {asked_from}:
            # The trainer went elsewhere after ➕ New group or ✏ Rename (their groups, the menu):
            # what they type there is no group's name.
            await screens.answer_typed(turn, text)
            return
        if renamed is not None:
            await self._rename(turn, renamed, tuple(text.split()))
        elif await self.access.trainer(turn):
            await self._create(turn, tuple(text.split()))

    async def _rename(self, turn: Turn, cohort_id: int, words: tuple[str, ...]) -> None:
        cohort = await self.access.led_cohort(turn, cohort_id)
        if cohort is None:
            return
        t = turn.t
        name = clean_name(words)
        holder = await turn.repo(COHORTS).cohort_named(name) if name else None
        if name is None or (holder is not None and holder.id != cohort.id):
            # Asked again, the group's screen one tap away.
            turn.enter(NamingCohort(cohort.id))
            problem = (
                t.gettext("Please type a name of up to {limit} characters.").format(
                    limit=NAME_MAX_CHARS
                )
                if name is None
                else t.gettext(
                    "This name is not available. Please type another one, for example with "
                    "the place or the month."
                )
            )
            turn.say(problem, rows(button(t.gettext("⬅ Back to the group"), ShowCohort(cohort.id))))
            return
        await turn.repo(COHORTS).update_cohort(cohort.id, name=name)
        turn.say(t.gettext("✅ The group is now called “{name}”.").format(name=name))
        await self.show_cohort(turn, ShowCohort(cohort.id))

    async def _create(self, turn: Turn, words: tuple[str, ...]) -> None:
        t = turn.t
        if not words:
            # "/cohort new" alone, or a copy of the menu's example: ask for the name.
            await self.ask_name(turn)
            return
        name = clean_name(words)
        if name is None:
            turn.say(
                t.gettext(
                    "Please give the group a name of up to {limit} characters, "
                    "like this: /cohort new Bootcamp March"
                ).format(limit=NAME_MAX_CHARS)
            )
            return
        cohort = await turn.repo(COHORTS).create_cohort(
            name,
            turn.learner.id,
            turn.now,
            quiet_hours=self.options.quiet_hours,
            reminder_days=self.options.reminder_days,
        )
        if cohort is None:
            await self._name_taken(turn, name)
            return
        turn.say(t.gettext("✅ The group “{name}” is ready.").format(name=cohort.name))
        await self._issue_code(turn, cohort, replacing=False)

    async def _name_taken(self, turn: Turn, name: str) -> None:
        t = turn.t
        holder = await turn.repo(COHORTS).cohort_named(name)
        if holder is not None and holder.trainer_id == turn.learner.id:
            turn.say(
                t.gettext("You already have a group with that name."),
                rows(button(t.gettext("👥 My groups"), MyCohorts())),
            )
            return
        # Names are unique across trainers (the command line finds cohorts by name), but whose
        # group has the name is none of this trainer's business.
        turn.say(
            t.gettext(
                "This name is not available. Please choose another one, for example with "
                "the place or the month: /cohort new Bootcamp Ghent March"
            )
        )

    async def list_cohorts(self, turn: Turn, _: object = None) -> None:
        """List the trainer's cohorts as buttons."""
        if not await self.access.trainer(turn):
            return
        t = turn.t
        cohorts = await self.access.own_cohorts(turn)
        if not cohorts:
            return
        buttons = []
        ended = await turn.repo(PUSHES).ended_on([cohort.id for cohort in cohorts])
        for cohort in cohorts:
            count = await turn.repo(COHORTS).member_count(cohort.id)
            label = (
                t.ngettext(
                    "{name} · {count} learner · ended", "{name} · {count} learners · ended", count
                )
                if cohort.id in ended
                else t.ngettext("{name} · {count} learner", "{name} · {count} learners", count)
            )
            buttons.append(
                button(label.format(name=cohort.name, count=count), ShowCohort(cohort.id))
            )
        turn.say(
            t.gettext("👥 Your groups:"),
            rows(*buttons, new_cohort_button(turn), trainer_menu_button(turn)),
        )

    async def show_cohort(self, turn: Turn, chosen: ShowCohort) -> None:
        """Show one cohort with its settings and what can be done with it."""
        cohort = await self.access.led_cohort(turn, chosen.cohort)
        if cohort is None:
            return
        t = turn.t
        count = await turn.repo(COHORTS).member_count(cohort.id)
        if ended := (await turn.repo(PUSHES).ended_on([cohort.id])).get(cohort.id):
            self._show_ended(turn, cohort, count, ended)
            return
        lines = [
            f"👥 {cohort.name}",
            t.ngettext("{count} learner", "{count} learners", count).format(count=count),
            t.gettext("🌙 Quiet hours: {hours}").format(
                hours=quiet_label(t, cohort.quiet_start, cohort.quiet_end)
            ),
            t.gettext("🔔 Reminders: {when}").format(when=reminder_label(t, cohort.reminder_days)),
        ]
        # The live code again, as printed on handouts: "🔗 New join link" alone stopped it.
        live = await self.options.join_codes.current(turn.repo(COHORTS), cohort.id, turn.now)
        if live is None:
            lines += ["", t.gettext("🔗 No join link works now.")]
        else:
            until = t.gettext("It works until {date}.").format(date=t.date(live.expires_at))
            lines += ["", *self._share_lines(turn, live.code), until]
        turn.say(
            "\n".join(lines),
            rows(
                button(t.gettext("📤 Send a lesson or a message"), PushToCohort(cohort.id)),
                button(t.gettext("📊 Progress report"), CohortReport(cohort.id)),
                button(t.gettext("👤 Learners in the group"), CohortMembers(cohort.id, 0)),
                button(t.gettext("🔗 New join link"), NewJoinCode(cohort.id)),
                button(t.gettext("🚫 Stop the join link"), StopJoinCodes(cohort.id))
                if live is not None
                else None,
                button(t.gettext("🔔 Reminders"), AskReminders(cohort.id)),
                button(t.gettext("🌙 Quiet hours"), AskQuietHours(cohort.id)),
                button(t.gettext("✏ Rename the group"), RenameCohort(cohort.id)),
                button(t.gettext("🏁 End the course"), AskEndCohort(cohort.id)),
                button(t.gettext("🗑 Delete the group"), AskDeleteCohort(cohort.id)),
                button(t.gettext("⬅ My groups"), MyCohorts()),
            ),
        )

    def _show_ended(self, turn: Turn, cohort: Cohort, count: int, ended: datetime) -> None:
        """Show a cohort whose course ended: its results, and the way to open it again."""
        t = turn.t
        lines = [
            f"👥 {cohort.name}",
            t.ngettext("{count} learner", "{count} learners", count).format(count=count),
            t.gettext(
                "🏁 The course ended on {date}: nothing more is sent, and nobody can join."
            ).format(date=t.date(ended)),
        ]
        turn.say(
            "\n".join(lines),
            rows(
                button(t.gettext("📊 Progress report"), CohortReport(cohort.id)),
                button(t.gettext("👤 Learners in the group"), CohortMembers(cohort.id, 0)),
                button(t.gettext("↩ Open the course again"), ReopenCohort(cohort.id)),
                button(t.gettext("✏ Rename the group"), RenameCohort(cohort.id)),
                button(t.gettext("🗑 Delete the group"), AskDeleteCohort(cohort.id)),
                button(t.gettext("⬅ My groups"), MyCohorts()),
            ),
        )

    async def reopen(self, turn: Turn, chosen: ReopenCohort) -> None:
        """Open an ended course again; its join link, plans and reminders stay off."""
        cohort = await self.access.led_cohort(turn, chosen.cohort)
        if cohort is None:
            return
        await turn.repo(PUSHES).reopen(cohort.id)
        turn.say(
            turn.t.gettext(
                "↩ The course of “{name}” is open again. Make a new join link, and plan sends and "
                "reminders again if you need them."
            ).format(name=cohort.name)
        )
        await self.show_cohort(turn, ShowCohort(cohort.id))

    async def ask_end(self, turn: Turn, chosen: AskEndCohort) -> None:
        """Say what ending a cohort's course does, and ask to confirm."""
        cohort = await self.access.led_cohort(turn, chosen.cohort)
        if cohort is None or await self.access.refused_as_ended(turn, cohort):
            return
        t = turn.t
        turn.say(
            t.gettext(
                "End the course of “{name}”? Its join link stops, planned sends and reminders "
                "stop, and I thank its learners and tell them they can go on alone. The group "
                "and its report stay, for you to download; delete the group when you no longer "
                "need them."
            ).format(name=cohort.name),
            rows(
                button(t.gettext("🏁 Yes, end it"), EndCohort(cohort.id)),
                button(t.gettext("⬅ No, keep it going"), ShowCohort(cohort.id)),
            ),
        )

    async def end(self, turn: Turn, chosen: EndCohort) -> None:
        """End a cohort's course: no more joining or sending; its learners thanked and told."""
        cohort = await self.access.led_cohort(turn, chosen.cohort)
        if cohort is None or await self.access.refused_as_ended(turn, cohort):
            return
        cohorts, pushes = turn.repo(COHORTS), turn.repo(PUSHES)
        await cohorts.revoke_cohort_codes(cohort.id, turn.now)
        await cohorts.update_cohort(cohort.id, reminder_days=0)
        planned, plans = await pushes.upcoming([cohort.id], turn.now)
        for push in planned:
            await pushes.cancel_push(push.id, [cohort.id])
        for plan in plans:
            await pushes.stop_plan(plan.id, [cohort.id])
        await pushes.create_push(cohort, "ended", now=turn.now, zone=self.options.zone)
        t = turn.t
        turn.say(
            t.gettext(
                "🏁 The course of “{name}” has ended: its learners are told, and nothing more is "
                "sent to them. Its report stays here until you delete the group."
            ).format(name=cohort.name),
            rows(
                button(t.gettext("📊 Progress report"), CohortReport(cohort.id)),
                button(t.gettext("⬅ Back to the group"), ShowCohort(cohort.id)),
            ),
            replace=True,
        )

    async def ask_delete(self, turn: Turn, chosen: AskDeleteCohort) -> None:
        """Say what deleting a cohort does, and ask to confirm."""
        if (cohort := await self.access.led_cohort(turn, chosen.cohort)) is not None:
            await self._ask_delete(turn, cohort)

    async def _ask_delete(self, turn: Turn, cohort: Cohort) -> None:
        t = turn.t
        count = await turn.repo(COHORTS).member_count(cohort.id)
        question = (
            t.ngettext(
                "Delete the group “{name}”? Its {count} learner keeps their lessons and progress, "
                "but you will no longer see them, and sends planned for the group are cancelled. "
                "This cannot be undone.",
                "Delete the group “{name}”? Its {count} learners keep their lessons and progress, "
                "but you will no longer see them, and sends planned for the group are cancelled. "
                "This cannot be undone.",
                count,
            )
            if count
            else t.gettext(
                "Delete the group “{name}”? No learner has joined it yet. Sends planned for the "
                "group are cancelled. This cannot be undone."
            )
        )
        # A course's results are often owed to whoever funds it: said before they go.
        keep_results = t.gettext(
            "Need the results? Download the report first, or end the course instead: the group "
            "and its report stay."
        )
        turn.say(
            "\n\n".join([question.format(name=cohort.name, count=count), keep_results]),
            rows(
                button(t.gettext("🗑 Yes, delete it"), DeleteCohort(cohort.id)),
                button(t.gettext("📊 Progress report"), CohortReport(cohort.id)),
                button(t.gettext("🏁 End the course"), AskEndCohort(cohort.id)),
                button(t.gettext("⬅ No, keep it"), ShowCohort(cohort.id)),
            ),
        )

    async def delete(self, turn: Turn, chosen: DeleteCohort) -> None:
        """Delete one of the trainer's cohorts."""
        cohort = await self.access.led_cohort(turn, chosen.cohort)
        if cohort is None:
            return
        await turn.repo(COHORTS).delete_cohort(cohort.id)
        turn.say(
            turn.t.gettext("🗑 The group “{name}” is deleted.").format(name=cohort.name),
            rows(
                button(turn.t.gettext("👥 My groups"), MyCohorts()),
                trainer_menu_button(turn),
            ),
            replace=True,
        )

    async def new_code(self, turn: Turn, chosen: NewJoinCode) -> None:
        """Replace a cohort's join link with a new one."""
        cohort = await self.access.led_cohort(turn, chosen.cohort)
        if cohort is not None and not await self.access.refused_as_ended(turn, cohort):
            await self._issue_code(turn, cohort, replacing=True)

    async def _issue_code(self, turn: Turn, cohort: Cohort, *, replacing: bool) -> None:
        t = turn.t
        # One live code per cohort: a new link stops the old one.
        issued = await self.options.join_codes.issue(
            turn.repo(COHORTS), cohort.id, turn.now, turn.learner.id
        )
        until = (
            t.gettext("It works until {date}. Older links of this group stop now.")
            if replacing
            else t.gettext("It works until {date}.")
        ).format(date=t.date(issued.expires_at))
        turn.say(
            "\n\n".join([*self._share_lines(turn, issued.code), until]),
            # The way on first: a trainer who tapped the first button out of habit stopped the
            # link they had just been given to share.
            rows(
                button(t.gettext("⬅ Back to the group"), ShowCohort(cohort.id)),
                button(t.gettext("🚫 Stop the join link"), StopJoinCodes(cohort.id)),
            ),
        )

    def _share_lines(self, turn: Turn, code: str) -> list[str]:
        t = turn.t
        channel = self.channels.get(turn.learner.channel)
        link = channel.join_link(code) if channel else None
        lines = [t.gettext("Share this link:") + f"\n{link}"] if link else []
        lines.append(t.gettext("Or they send: /join {code}").format(code=codes.pretty(code)))
        return lines

    async def stop_codes(self, turn: Turn, chosen: StopJoinCodes) -> None:
        """Stop a cohort's join link (learners already in stay in)."""
        if (cohort := await self.access.led_cohort(turn, chosen.cohort)) is not None:
            await self._stop(turn, cohort)

    async def _stop(self, turn: Turn, cohort: Cohort) -> None:
        t = turn.t
        await turn.repo(COHORTS).revoke_cohort_codes(cohort.id, turn.now)
        turn.say(
            t.gettext(
                "🚫 The join link of “{name}” no longer works. Learners already in the group stay."
            ).format(name=cohort.name),
            rows(
                button(t.gettext("🔗 New join link"), NewJoinCode(cohort.id)),
                button(t.gettext("⬅ Back to the group"), ShowCohort(cohort.id)),
            ),
        )

    async def ask_reminders(self, turn: Turn, chosen: AskReminders) -> None:
        """Offer the reminder delays."""
        cohort = await self.access.led_cohort(turn, chosen.cohort)
        if cohort is None or await self.access.refused_as_ended(turn, cohort):
            return
        t = turn.t
        turn.say(
            t.gettext("🔔 When should a learner who stopped learning get a reminder?"),
            rows(
                *(
                    button(reminder_label(t, days), SetReminders(cohort.id, days))
                    for days in REMINDER_CHOICES
                )
            ),
        )

    async def set_reminders(self, turn: Turn, chosen: SetReminders) -> None:
        """Set a cohort's reminder delay."""
        cohort = await self.access.led_cohort(turn, chosen.cohort)
        if cohort is None or await self.access.refused_as_ended(turn, cohort):
            return
        if chosen.days not in REMINDER_CHOICES:
            await screens.stale_button(turn)
            return
        await turn.repo(COHORTS).update_cohort(cohort.id, reminder_days=chosen.days)
        await self.show_cohort(turn, ShowCohort(chosen.cohort))

    async def ask_quiet_hours(self, turn: Turn, chosen: AskQuietHours) -> None:
        """Offer the quiet hours."""
        cohort = await self.access.led_cohort(turn, chosen.cohort)
        if cohort is None or await self.access.refused_as_ended(turn, cohort):
            return
        t = turn.t
        turn.say(
            t.gettext("🌙 When should I not send messages? Messages wait until the end."),
            rows(
                *(
                    button(quiet_label(t, start, end), SetQuietHours(cohort.id, start, end))
                    for start, end in QUIET_CHOICES
                )
            ),
        )

    async def set_quiet_hours(self, turn: Turn, chosen: SetQuietHours) -> None:
        """Set a cohort's quiet hours."""
        cohort = await self.access.led_cohort(turn, chosen.cohort)
        if cohort is None or await self.access.refused_as_ended(turn, cohort):
            return
        choice = (chosen.start, chosen.end)
        if choice not in QUIET_CHOICES:
            await screens.stale_button(turn)
            return
        await turn.repo(COHORTS).update_cohort(
            cohort.id, quiet_start=choice[0], quiet_end=choice[1]
        )
        released = await release_held(
            turn.repo(PUSHES), cohort, choice, turn.now, self.options.zone
        )
        if released is not None:
            # The new quiet hours may let them go in the middle of the night: said, not hidden.
            t = turn.t
            when = (
                t.gettext("now")
                if released.at <= turn.now
                else t.gettext("at {time}").format(time=t.time(released.at))
            )
            turn.say(
                t.ngettext(
                    "📤 {count} message held by the quiet hours goes {when}.",
                    "📤 {count} messages held by the quiet hours go {when}.",
                    released.messages,
                ).format(count=released.messages, when=when)
            )
        await self.show_cohort(turn, ShowCohort(chosen.cohort))

    async def weekly(self, turn: Turn, _: object = None) -> None:
        """Say whether the weekly report is on, with a button to switch it."""
        if not await self.access.trainer(turn):
            return
        t = turn.t
        on = await turn.repo(COHORTS).weekly_report_on(turn.learner.id)
        state = t.gettext("It is on.") if on else t.gettext("It is off: I do not send it to you.")
        switch = (
            button(t.gettext("🔕 No more weekly reports"), SwitchWeekly("off"))
            if on
            else button(t.gettext("📬 Send me the weekly report"), SwitchWeekly("on"))
        )
        turn.say(
            "\n\n".join(
                [
                    t.gettext(
                        "📬 Every Monday at {time}, I send you a short report on each of your "
                        "groups: who is active, who may need help and why, the most-missed "
                        "questions. Outside the quiet hours of the group."
                    ).format(time=format_clock(WEEKLY_MINUTE)),
                    state,
                ]
            ),
            rows(switch, trainer_menu_button(turn)),
        )

    async def switch_weekly(self, turn: Turn, chosen: SwitchWeekly) -> None:
        """Switch the trainer's weekly report on or off."""
        if not await self.access.trainer(turn):
            return
        if chosen.choice not in {"on", "off"}:
            await screens.stale_button(turn)
            return
        await turn.repo(COHORTS).set_weekly_report(turn.learner.id, chosen.choice == "on")
        await self.weekly(turn)

    async def invite(self, turn: Turn, _: object = None) -> None:
        """Create a one-time trainer invite (administrators only)."""
        if not self.access.admin(turn):
            return
        t = turn.t
        code_id, code = await turn.repo(COHORTS).create_code(
            "trainer",
            now=turn.now,
            ttl=self.options.invite_ttl,
            created_by_id=turn.learner.id,
        )
        lines = [
            t.gettext("🎟 Trainer invitation, for one person, until {date}.").format(
                date=t.datetime(turn.now + self.options.invite_ttl)
            ),
            *self._share_lines(turn, code),
        ]
        turn.say(
            "\n\n".join(lines),
            rows(button(t.gettext("🚫 Cancel this invitation"), CancelInvite(code_id))),
        )

    async def cancel_invite(self, turn: Turn, chosen: CancelInvite) -> None:
        """Revoke a trainer invite this administrator made."""
        if not self.access.admin(turn):
            return
        t = turn.t
        done = await turn.repo(COHORTS).revoke_invitation(
            chosen.code, turn.now, created_by_id=turn.learner.id
        )
        if not done:
            await screens.stale_button(turn)
            return
        turn.say(t.gettext("🚫 The invitation no longer works."), replace=True)
