"""The trainer's menu, their cohorts (create, join links, settings) and trainer invites."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from bot.delivery import Channel
from bot.i18n import Translator
from bot.trainers import codes, repo
from bot.trainers.access import Access, trainer_menu_button
from bot.trainers.options import TrainerOptions
from bot.trainers.repo import Cohort
from bot.trainers.timing import format_clock
from bot.tutor import screens
from bot.tutor.callbacks import encode
from bot.tutor.replies import Button
from bot.tutor.router import Router, Turn, rows

NAME_MAX_CHARS: Final = 40
REMINDER_CHOICES: Final = (0, 2, 3, 5, 7)
QUIET_CHOICES: Final = ((21 * 60, 8 * 60), (20 * 60, 9 * 60), (22 * 60, 7 * 60), (0, 0))


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
    name = " ".join(" ".join(words).split())
    return name if 0 < len(name) <= NAME_MAX_CHARS else None


class CohortFlows:
    """Trainer menu, cohorts and invites, for trainers and administrators only."""

    def __init__(
        self, options: TrainerOptions, access: Access, channels: Mapping[str, Channel]
    ) -> None:
        self.options = options
        self.access = access
        self.channels = channels

    def register(self, router: Router) -> None:
        """Add the trainer menu, cohort and invite commands and buttons to a router."""
        router.command("trainer", self.menu)
        router.button("tmenu", self.menu, 0)
        router.command("cohort", self.cohort_command)
        router.button("tgroups", self.list_cohorts, 0)
        router.button("tgroup", self.show_cohort, 1)
        router.button("tcode", self.new_code, 1)
        router.button("tstop", self.stop_codes, 1)
        router.button("tremask", self.ask_reminders, 1)
        router.button("trem", self.set_reminders, 2)
        router.button("tquietask", self.ask_quiet_hours, 1)
        router.button("tquiet", self.set_quiet_hours, 3)
        router.command("trainer_invite", self.invite)
        router.button("tinvite", self.invite, 0)
        router.button("tinvx", self.cancel_invite, 1)

    async def menu(self, turn: Turn, _args: tuple[str, ...]) -> None:
        """Show what a trainer can do, as buttons."""
        if not await self.access.trainer(turn):
            return
        t = turn.t
        invite = (
            Button(t.gettext("🎟 Invite a trainer"), encode("tinvite"))
            if self.access.is_admin(turn.learner)
            else None
        )
        turn.say(
            t.gettext("🧑‍🏫 Trainer menu. To create a group, send: /cohort new NAME"),
            rows(
                Button(t.gettext("👥 My groups"), encode("tgroups")),
                Button(t.gettext("📤 Send a lesson or a message"), encode("tp")),
                Button(t.gettext("📅 Planned sends"), encode("tsched")),
                Button(t.gettext("📊 Progress report"), encode("treport")),
                invite,
                screens.menu_button(t),
            ),
        )

    async def cohort_command(self, turn: Turn, args: tuple[str, ...]) -> None:
        """Handle `/cohort`, `/cohort new NAME`, `/cohort link NAME` and `/cohort stop NAME`."""
        if not await self.access.trainer(turn):
            return
        action, *words = args or ("",)
        if action == "new":
            await self._create(turn, tuple(words))
            return
        if action in {"link", "stop"}:
            name = clean_name(tuple(words))
            cohort = await repo.cohort_named(turn.session, name) if name else None
            if cohort is None or cohort.trainer_id != turn.learner.id:
                turn.say(
                    turn.t.gettext("You have no group with that name."),
                    rows(Button(turn.t.gettext("👥 My groups"), encode("tgroups"))),
                )
            elif action == "link":
                await self._issue_code(turn, cohort)
            else:
                await self._stop(turn, cohort)
            return
        await self.list_cohorts(turn, ())

    async def _create(self, turn: Turn, words: tuple[str, ...]) -> None:
        t = turn.t
        name = clean_name(words)
        if name is None:
            turn.say(
                t.gettext(
                    "Please give the group a name of up to {limit} characters, "
                    "like this: /cohort new Bootcamp March"
                ).format(limit=NAME_MAX_CHARS)
            )
            return
        cohort = await repo.create_cohort(
            turn.session,
            name,
            turn.learner.id,
            turn.now,
            quiet_hours=self.options.quiet_hours,
            reminder_days=self.options.reminder_days,
        )
        if cohort is None:
            turn.say(t.gettext("A group with that name already exists. Please choose another."))
            return
        turn.say(t.gettext("✅ The group “{name}” is ready.").format(name=cohort.name))
        await self._issue_code(turn, cohort)

    async def list_cohorts(self, turn: Turn, _args: tuple[str, ...]) -> None:
        """List the trainer's cohorts as buttons."""
        if not await self.access.trainer(turn):
            return
        t = turn.t
        cohorts = await self.access.own_cohorts(turn)
        if not cohorts:
            return
        buttons = []
        for cohort in cohorts:
            count = await repo.member_count(turn.session, cohort.id)
            label = t.ngettext("{name} · {count} learner", "{name} · {count} learners", count)
            buttons.append(
                Button(label.format(name=cohort.name, count=count), encode("tgroup", cohort.id))
            )
        turn.say(t.gettext("👥 Your groups:"), rows(*buttons, trainer_menu_button(turn)))

    async def show_cohort(self, turn: Turn, args: tuple[str, ...]) -> None:
        """Show one cohort with its settings and what can be done with it."""
        if not await self.access.trainer(turn) or not (
            cohort := await self.access.own_cohort(turn, args[0])
        ):
            return
        t = turn.t
        count = await repo.member_count(turn.session, cohort.id)
        lines = [
            f"👥 {cohort.name}",
            t.ngettext("{count} learner", "{count} learners", count).format(count=count),
            t.gettext("🌙 Quiet hours: {hours}").format(
                hours=quiet_label(t, cohort.quiet_start, cohort.quiet_end)
            ),
            t.gettext("🔔 Reminders: {when}").format(when=reminder_label(t, cohort.reminder_days)),
        ]
        turn.say(
            "\n".join(lines),
            rows(
                Button(t.gettext("📤 Send a lesson or a message"), encode("tpc", cohort.id)),
                Button(t.gettext("📊 Progress report"), encode("trc", cohort.id)),
                Button(t.gettext("🔗 New join link"), encode("tcode", cohort.id)),
                Button(t.gettext("🚫 Stop the join link"), encode("tstop", cohort.id)),
                Button(t.gettext("🔔 Reminders"), encode("tremask", cohort.id)),
                Button(t.gettext("🌙 Quiet hours"), encode("tquietask", cohort.id)),
                Button(t.gettext("⬅ My groups"), encode("tgroups")),
            ),
        )

    async def new_code(self, turn: Turn, args: tuple[str, ...]) -> None:
        """Replace a cohort's join link with a new one."""
        if await self.access.trainer(turn) and (
            cohort := await self.access.own_cohort(turn, args[0])
        ):
            await self._issue_code(turn, cohort)

    async def _issue_code(self, turn: Turn, cohort: Cohort) -> None:
        t = turn.t
        # One live code per cohort: a new link stops the old one.
        await repo.revoke_cohort_codes(turn.session, cohort.id, turn.now)
        _, code = await repo.create_code(
            turn.session,
            "cohort",
            now=turn.now,
            ttl=self.options.join_code_ttl,
            created_by_id=turn.learner.id,
            cohort_id=cohort.id,
        )
        until = t.gettext("It works until {date}. Older links of this group stop now.").format(
            date=t.date(turn.now + self.options.join_code_ttl)
        )
        turn.say(
            "\n\n".join([*self._share_lines(turn, code), until]),
            rows(
                Button(t.gettext("🚫 Stop the join link"), encode("tstop", cohort.id)),
                Button(t.gettext("⬅ Back to the group"), encode("tgroup", cohort.id)),
            ),
        )

    def _share_lines(self, turn: Turn, code: str) -> list[str]:
        t = turn.t
        channel = self.channels.get(turn.learner.channel)
        link = channel.join_link(code) if channel else None
        lines = [t.gettext("Share this link:") + f"\n{link}"] if link else []
        lines.append(t.gettext("Or they send: /join {code}").format(code=codes.pretty(code)))
        return lines

    async def stop_codes(self, turn: Turn, args: tuple[str, ...]) -> None:
        """Stop a cohort's join link (learners already in stay in)."""
        if await self.access.trainer(turn) and (
            cohort := await self.access.own_cohort(turn, args[0])
        ):
            await self._stop(turn, cohort)

    async def _stop(self, turn: Turn, cohort: Cohort) -> None:
        t = turn.t
        await repo.revoke_cohort_codes(turn.session, cohort.id, turn.now)
        turn.say(
            t.gettext(
                "🚫 The join link of “{name}” no longer works. Learners already in the group stay."
            ).format(name=cohort.name),
            rows(
                Button(t.gettext("🔗 New join link"), encode("tcode", cohort.id)),
                Button(t.gettext("⬅ Back to the group"), encode("tgroup", cohort.id)),
            ),
        )

    async def ask_reminders(self, turn: Turn, args: tuple[str, ...]) -> None:
        """Offer the reminder delays."""
        if not await self.access.trainer(turn) or not (
            cohort := await self.access.own_cohort(turn, args[0])
        ):
            return
        t = turn.t
        turn.say(
            t.gettext("🔔 When should a learner who stopped learning get a reminder?"),
            rows(
                *(
                    Button(reminder_label(t, days), encode("trem", cohort.id, days))
                    for days in REMINDER_CHOICES
                )
            ),
        )

    async def set_reminders(self, turn: Turn, args: tuple[str, ...]) -> None:
        """Set a cohort's reminder delay."""
        if not await self.access.trainer(turn) or not (
            cohort := await self.access.own_cohort(turn, args[0])
        ):
            return
        if not args[1].isdigit() or int(args[1]) not in REMINDER_CHOICES:
            await screens.stale_button(turn, ())
            return
        await repo.update_cohort(turn.session, cohort.id, reminder_days=int(args[1]))
        await self.show_cohort(turn, (args[0],))

    async def ask_quiet_hours(self, turn: Turn, args: tuple[str, ...]) -> None:
        """Offer the quiet hours."""
        if not await self.access.trainer(turn) or not (
            cohort := await self.access.own_cohort(turn, args[0])
        ):
            return
        t = turn.t
        turn.say(
            t.gettext("🌙 When should I not send messages? Messages wait until the end."),
            rows(
                *(
                    Button(quiet_label(t, start, end), encode("tquiet", cohort.id, start, end))
                    for start, end in QUIET_CHOICES
                )
            ),
        )

    async def set_quiet_hours(self, turn: Turn, args: tuple[str, ...]) -> None:
        """Set a cohort's quiet hours."""
        if not await self.access.trainer(turn) or not (
            cohort := await self.access.own_cohort(turn, args[0])
        ):
            return
        choice = (int(args[1]), int(args[2])) if args[1].isdigit() and args[2].isdigit() else None
        if choice not in QUIET_CHOICES:
            await screens.stale_button(turn, ())
            return
        await repo.update_cohort(
            turn.session, cohort.id, quiet_start=choice[0], quiet_end=choice[1]
        )
        await self.show_cohort(turn, (args[0],))

    async def invite(self, turn: Turn, _args: tuple[str, ...]) -> None:
        """Create a one-time trainer invite (administrators only)."""
        if not self.access.admin(turn):
            return
        t = turn.t
        code_id, code = await repo.create_code(
            turn.session,
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
            rows(Button(t.gettext("🚫 Cancel this invitation"), encode("tinvx", code_id))),
        )

    async def cancel_invite(self, turn: Turn, args: tuple[str, ...]) -> None:
        """Revoke a trainer invite this administrator made."""
        if not self.access.admin(turn):
            return
        t = turn.t
        done = args[0].isdigit() and await repo.revoke_code(
            turn.session, int(args[0]), turn.now, created_by_id=turn.learner.id
        )
        if not done:
            await screens.stale_button(turn, ())
            return
        turn.say(t.gettext("🚫 The invitation no longer works."), replace=True)
