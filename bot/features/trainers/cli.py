"""`tutor trainer | cohort | push | schedule | report | outbox`: the operator's trainer tools.

Whoever can run these on the server has every right. They only write to the database: the
running bot's outbox worker does the sending.
"""

from __future__ import annotations

import argparse
import asyncio
import calendar
import shlex
import sys
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import replace
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, cast
from zoneinfo import ZoneInfo

from bot.adapters.db.unit import SqlUnitOfWork
from bot.cli_args import whole_number
from bot.config import Settings, parse_identity
from bot.core.languages import LanguageRegistry
from bot.core.localtime import (
    NO_QUIET_HOURS,
    format_clock,
    parse_range,
    quiet_by_day,
    read_clock,
)
from bot.core.ports import LEARNERS, Learner
from bot.features.trainers import codes, outbox
from bot.features.trainers.access import Access
from bot.features.trainers.cohort_flows import clean_name
from bot.features.trainers.members import other_language_readers
from bot.features.trainers.options import TrainerOptions
from bot.features.trainers.ports import (
    COHORTS,
    PLAN_KINDS,
    PUSHES,
    Cohort,
    PlanKind,
    PushKind,
    release_held,
)
from bot.features.trainers.push_flow import MESSAGE_MAX_CHARS, describe_plan, held_until
from bot.features.trainers.timing import (
    NoSuchDay,
    NotThatWeekday,
    beyond_horizon,
    parse_weekdays,
    read_time,
    why_unread,
)

if TYPE_CHECKING:
    from bot.app import App


# The longest wait before a learner who stopped gets a nudge: beyond a month, they have left.
REMINDER_DAYS_MOST: Final = 30
INACTIVE_DAYS_MOST: Final = 3650
ROW_ID_MOST: Final = 2**63 - 1  # the largest id a SQL BIGINT holds


class OperatorError(Exception):
    """A mistake in the command line, told to the operator in one line."""


Action = Callable[["App", SqlUnitOfWork, TrainerOptions, argparse.Namespace], Awaitable[None]]
# How someone on a channel redeems a code (a link, or what to type), and that of each channel.
JoinLink = Callable[[str], str | None]
JoinLinks = Callable[[Settings], Mapping[str, JoinLink]]


def add_commands(commands: Any, join_links: JoinLinks) -> None:
    """Add the trainer tools to the command parser; codes they make come with `join_links`."""
    _add_trainer_and_cohort(commands, join_links)
    _add_push_and_schedule(commands)
    report = commands.add_parser("report", help="a cohort's progress report")
    report.add_argument("--cohort", required=True)
    report.add_argument("--csv", type=Path, help="also write one row per learner to this file")
    report.add_argument("--png", type=Path, help="also draw the progress chart to this file")
    report.add_argument("--lang", help="the report's language (default: TUTOR_DEFAULT_LANGUAGE)")
    report.add_argument(
        "--inactive-days", type=_days, help="1 or more; default: the cohort's reminder delay"
    )
    report.set_defaults(handler=_runner(_report))
    status = commands.add_parser("outbox", help="count outbox rows by status")
    status.set_defaults(handler=_runner(_outbox))


def _add_trainer_and_cohort(commands: Any, join_links: JoinLinks) -> None:
    trainer = commands.add_parser("trainer", help="trainer invitations")
    trainer_actions = trainer.add_subparsers(dest="action", required=True, metavar="ACTION")
    invite = trainer_actions.add_parser("invite", help="make a one-time trainer invitation")
    invite.set_defaults(handler=_runner(partial(_invite, join_links=join_links)))
    invitations = trainer_actions.add_parser("list", help="the invitations that still work")
    invitations.set_defaults(handler=_runner(_invitations))
    revoke = trainer_actions.add_parser("revoke", help="cancel an invitation by its number")
    revoke.add_argument("id", type=_row_id)
    revoke.set_defaults(handler=_runner(_revoke))
    remove = trainer_actions.add_parser(
        "remove", help="take the trainer role back (they lead no cohort)"
    )
    remove.add_argument("trainer", metavar="CHANNEL:ID", help="e.g. telegram:123456789")
    remove.set_defaults(handler=_runner(_remove))
    weekly = trainer_actions.add_parser("weekly", help="switch a trainer's weekly report")
    weekly.add_argument("trainer", metavar="CHANNEL:ID", help="e.g. telegram:123456789")
    weekly.add_argument("state", choices=("on", "off"), type=str.lower)
    weekly.set_defaults(handler=_runner(_weekly))

    cohort = commands.add_parser("cohort", help="create and manage cohorts")
    cohort_actions = cohort.add_subparsers(dest="action", required=True, metavar="ACTION")
    create = cohort_actions.add_parser("create", help="create a cohort led by a trainer")
    create.add_argument("name")
    create.add_argument(
        "--trainer",
        required=True,
        metavar="CHANNEL:ID",
        help="who leads it, e.g. terminal:anna; a bare number is a Telegram user id "
        "(they must have sent /start)",
    )
    create.set_defaults(handler=_runner(partial(_create, join_links=join_links)))
    listing = cohort_actions.add_parser("list", help="list every cohort")
    listing.set_defaults(handler=_runner(_list))
    link = cohort_actions.add_parser("link", help="make a new join code (the old one stops)")
    link.add_argument("name")
    link.set_defaults(handler=_runner(partial(_link, join_links=join_links)))
    reopen = cohort_actions.add_parser("reopen", help="open a course its trainer ended again")
    reopen.add_argument("name")
    reopen.set_defaults(handler=_runner(_reopen))
    stop = cohort_actions.add_parser("stop", help="stop the cohort's join code")
    stop.add_argument("name")
    stop.set_defaults(handler=_runner(_stop))
    remove = cohort_actions.add_parser(
        "delete", help="delete a cohort: its codes, members and sends (learners stay)"
    )
    remove.add_argument("name")
    remove.add_argument("--yes", action="store_true", help="confirm: it cannot be undone")
    remove.set_defaults(handler=_runner(_delete))
    change = cohort_actions.add_parser(
        "set", help="change quiet hours, reminders, its trainer or its name"
    )
    change.add_argument("name")
    change.add_argument("--quiet", help="quiet hours, e.g. 21:00-08:00, or none")
    change.add_argument(
        "--trainer",
        metavar="CHANNEL:ID",
        help="hand the cohort to this trainer (they must have sent /start)",
    )
    change.add_argument("--rename", metavar="NAME", help="a new name for the cohort")
    change.add_argument(
        "--reminder-days", type=_reminder_days, help="days without learning, or off (0)"
    )
    change.set_defaults(handler=_runner(_set))


def _add_push_and_schedule(commands: Any) -> None:
    push = commands.add_parser("push", help="send something to a cohort, now or at a time")
    push.add_argument("--cohort", required=True)
    what = push.add_mutually_exclusive_group(required=True)
    what.add_argument("--lesson", metavar="ID", help="a lesson, e.g. basics/what-is-ai")
    what.add_argument("--quiz", metavar="ID", help="the quiz of a lesson")
    what.add_argument("--review", action="store_true", help="each learner's missed questions")
    what.add_argument("--next", action="store_true", help="each learner's next lesson")
    what.add_argument(
        "--message",
        action="append",
        metavar="LANG=TEXT",
        help="a short message; repeat per language",
    )
    push.add_argument(
        "--at",
        help='local time in words or numbers, e.g. "tomorrow 9:00", "jeudi 9h", "morgen 10u", '
        '"DD/MM 9:00" or "YYYY-MM-DD 09:00" (default: now)',
    )
    push.add_argument(
        "--again",
        action="store_true",
        help="send it even though a push of the same to the cohort goes within an hour",
    )
    push.set_defaults(handler=_runner(_push))

    schedule = commands.add_parser("schedule", help="recurring pushes")
    schedule_actions = schedule.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = schedule_actions.add_parser("add", help="add a weekly plan")
    add.add_argument("--cohort", required=True)
    add.add_argument("--what", choices=PLAN_KINDS, default="next")
    add.add_argument("--days", default="mon-fri", help="e.g. mon-fri, mon,wed,fri, daily")
    add.add_argument("--at", default="09:00", help="local time of day")
    add.set_defaults(handler=_runner(_schedule_add))
    plans = schedule_actions.add_parser("list", help="list plans and pushes not sent yet")
    plans.add_argument("--cohort")
    plans.add_argument("--lang", help="language of the days (default: TUTOR_DEFAULT_LANGUAGE)")
    plans.set_defaults(handler=_runner(_schedule_list))
    stop_plan = schedule_actions.add_parser("stop", help="stop a plan by its number")
    stop_plan.add_argument("id", type=_row_id)
    stop_plan.set_defaults(handler=_runner(_schedule_stop))
    cancel = schedule_actions.add_parser("cancel", help="cancel a push not sent yet")
    cancel.add_argument("id", type=_row_id)
    cancel.set_defaults(handler=_runner(_schedule_cancel))


def _reminder_days(text: str) -> int:
    """Read a reminder delay as the chat offers it: a number of days, or `off` (0)."""
    if text.strip().lower() in {*NO_QUIET_HOURS, "0"}:
        return 0
    return _whole_days(text, 1, "or off", most=REMINDER_DAYS_MOST)


def _days(text: str) -> int:
    """Read a number of days, 1 to about ten years (a date further back is no date)."""
    return _whole_days(text, 1, most=INACTIVE_DAYS_MOST)


def _row_id(text: str) -> int:
    """Read the number of a row as `list` shows it, for argparse."""
    # Beyond 64 bits, no database holds it: "no such …" is the true answer, not an overflow.
    return whole_number(text, 1, ROW_ID_MOST, "a number as the list shows it (1 or more)")


def _whole_days(text: str, least: int, other: str = "", *, most: int | None = None) -> int:
    """Read a whole number of days from `least` (to `most`, if given), for argparse."""
    upto = f"to {most}" if most is not None else "or more"
    return whole_number(text, least, most, f"a number of days, {least} {upto} {other}".strip())


def _runner(action: Action) -> Callable[[Settings, argparse.Namespace], int]:
    def handler(settings: Settings, args: argparse.Namespace) -> int:
        from bot.app import open_app

        async def run() -> None:
            # Serving nobody, the app loads no lesson index or language detector; no chat model.
            async with open_app(settings, chat_model=False) as app, app.tutor.units() as uow:
                # The operator's tools are adapters too: they may read the outbox's tables.
                assert isinstance(uow, SqlUnitOfWork)
                await action(app, uow, TrainerOptions.from_settings(settings), args)

        try:
            asyncio.run(run())
        except OperatorError as error:
            sys.stderr.write(f"{error}\n")
            return 1
        return 0

    return handler


def _share(code: str, join_link: JoinLink | None) -> None:
    """Print a cohort's join link and code."""
    if join_link and (link := join_link(code)):
        print(f"Link: {link}")
    _print_code(code, "learners send")


def _print_code(code: str, who: str) -> None:
    print(f"Code: {codes.pretty(code)}  ({who} /join {codes.pretty(code)})")


async def _cohort(uow: SqlUnitOfWork, name: str) -> Cohort:
    cohort = await uow.get(COHORTS).cohort_named(name)
    if cohort is None:
        raise OperatorError(f"No cohort named {name!r}. See `tutor cohort list`.")
    return cohort


async def _running_cohort(uow: SqlUnitOfWork, name: str, options: TrainerOptions) -> Cohort:
    """Return the cohort named so, unless its course ended: as in the chat, nothing goes to it."""
    cohort = await _cohort(uow, name)
    if ended := await _ended_on(uow, cohort):
        raise OperatorError(
            f"The course of {cohort.name!r} ended on {_local(ended, options.zone)}: nothing is "
            "sent to it and nobody joins it. To change that, open it again: "
            f"tutor cohort reopen {shlex.quote(cohort.name)}"
        )
    return cohort


async def _ended_on(uow: SqlUnitOfWork, cohort: Cohort) -> datetime | None:
    """Return when the cohort's course ended, or None while it runs."""
    return (await uow.get(PUSHES).ended_on([cohort.id])).get(cohort.id)


async def _trainer(uow: SqlUnitOfWork, cohort: Cohort) -> Learner | None:
    return await uow.get(LEARNERS).get(cohort.trainer_id) if cohort.trainer_id is not None else None


async def _invite(
    app: App, uow: SqlUnitOfWork, options: TrainerOptions, _: Any, *, join_links: JoinLinks
) -> None:
    now = app.services.clock()
    code_id, code = await uow.get(COHORTS).create_code(
        "trainer", now=now, ttl=options.invite_ttl, created_by_id=None
    )
    until = _local(now + options.invite_ttl, options.zone)
    print(f"Trainer invitation {code_id}, for one person, until {until}.")
    # Whoever gets it may be on any channel.
    for channel, join_link in join_links(app.settings).items():
        if link := join_link(code):
            print(f"Link on {channel}: {link}")
    _print_code(code, "the new trainer sends")


async def _invitations(app: App, uow: SqlUnitOfWork, options: TrainerOptions, _: Any) -> None:
    open_ones = await uow.get(COHORTS).open_invitations(app.services.clock())
    if not open_ones:
        print("No trainer invitation works now. Make one: tutor trainer invite")
    for invitation in open_ones:
        author = (
            await uow.get(LEARNERS).get(invitation.created_by_id)
            if invitation.created_by_id is not None
            else None
        )
        by = f"{author.channel}:{author.external_id}" if author else "the command line"
        print(
            f"invitation {invitation.id:<5} made {_local(invitation.created_at, options.zone)} "
            f"by {by}, works until {_local(invitation.expires_at, options.zone)}"
        )


async def _revoke(app: App, uow: SqlUnitOfWork, _: TrainerOptions, args: Any) -> None:
    now = app.services.clock()
    if not await uow.get(COHORTS).revoke_invitation(args.id, now, created_by_id=None):
        raise OperatorError(
            f"No trainer invitation {args.id} that still works (used, out of date, cancelled, "
            "or the number of a group's join code: stop those with 'tutor cohort stop NAME')."
        )
    print(f"Invitation {args.id} cancelled.")


async def _person(uow: SqlUnitOfWork, typed: str, option: str = "") -> Learner:
    """Return the person a `CHANNEL:ID` names; stop when the tutor knows nobody so."""
    try:
        channel, external_id = parse_identity(typed)
    except ValueError as error:
        raise OperatorError(f"{option}{error}.") from None
    found = await uow.get(LEARNERS).find(channel, external_id)
    if found is None:
        raise OperatorError(
            f"{channel}:{external_id} has not talked to the tutor yet: ask them to send /start."
        )
    return found


async def _remove(app: App, uow: SqlUnitOfWork, _: TrainerOptions, args: Any) -> None:
    person = await _person(uow, args.trainer)
    cohorts = uow.get(COHORTS)
    led = await cohorts.cohorts_of(person.id)
    if led:
        names = ", ".join(repr(cohort.name) for cohort in led)
        raise OperatorError(
            f"{args.trainer} leads {names}: hand each one to another trainer first "
            "(tutor cohort set NAME --trainer CHANNEL:ID)."
        )
    if not await cohorts.remove_trainer(person.id):
        raise OperatorError(f"{args.trainer} is not a trainer.")
    print(f"{args.trainer} is no longer a trainer: their trainer menu is gone.")


async def _weekly(app: App, uow: SqlUnitOfWork, _: TrainerOptions, args: Any) -> None:
    trainer = await _person(uow, args.trainer)
    channel, external_id = trainer.channel, trainer.external_id
    if not await Access(app.settings.admin_identities).roles(uow, trainer):
        raise OperatorError(
            f"{channel}:{external_id} is a learner, not a trainer: only trainers get the report."
        )
    await uow.get(COHORTS).set_weekly_report(trainer.id, args.state == "on")
    print(f"Weekly report {args.state} for {channel}:{external_id}.")


async def _create(
    app: App, uow: SqlUnitOfWork, options: TrainerOptions, args: Any, *, join_links: JoinLinks
) -> None:
    now = app.services.clock()
    name = _name(args.name)
    trainer = await _leader(uow, args.trainer, now)
    cohorts = uow.get(COHORTS)
    cohort = await cohorts.create_cohort(
        name,
        trainer.id,
        now,
        quiet_hours=options.quiet_hours,
        reminder_days=options.reminder_days,
    )
    if cohort is None:
        # "bootcamp." is taken by "Bootcamp": the one that exists is named.
        taken = await cohorts.cohort_named(name)
        raise OperatorError(f"A cohort named {taken.name if taken else name!r} already exists.")
    issued = await options.join_codes.issue(cohorts, cohort.id, now, trainer.id)
    print(f"Cohort {cohort.name!r} created, led by {trainer.display_name or args.trainer}.")
    _share(issued.code, join_links(app.settings).get(trainer.channel))


def _name(typed: str) -> str:
    """Return a cohort name as typed, cleaned, or stop with what a name may be."""
    name = clean_name((typed,))
    if name is None:
        raise OperatorError(
            "A cohort name has 1 to 40 characters, with at least a letter or digit."
        )
    return name


async def _leader(
    uow: SqlUnitOfWork, typed: str, now: datetime, cohort: Cohort | None = None
) -> Learner:
    """Return the person `--trainer` names, made a trainer of `cohort` (a new one when None)."""
    trainer = await _person(uow, typed, "--trainer: ")
    cohorts = uow.get(COHORTS)
    membership = await cohorts.membership(trainer.id)
    if cohort is not None and membership is not None and membership.cohort.id == cohort.id:
        # They would see their classmates' progress, and count among the learners they lead.
        raise OperatorError(
            f"{typed} is a learner in {cohort.name!r}: a learner cannot lead their own group. "
            "Choose someone else, or ask them to send /leave first."
        )
    await cohorts.make_trainer(trainer.id, now)
    return trainer


async def _list(app: App, uow: SqlUnitOfWork, options: TrainerOptions, _: Any) -> None:
    cohorts = uow.get(COHORTS)
    every = await cohorts.cohorts_of(None)
    if not every:
        print("No cohorts yet. Create one: tutor cohort create NAME --trainer CHANNEL:ID")
    ended = await uow.get(PUSHES).ended_on([cohort.id for cohort in every])
    for cohort in every:
        trainer = await _trainer(uow, cohort)
        who = f"{trainer.channel}:{trainer.external_id}" if trainer else "none"
        end = f" ended={_local(ended[cohort.id], options.zone)}" if cohort.id in ended else ""
        print(
            f"{cohort.name:40} learners={await cohorts.member_count(cohort.id):<5} "
            f"trainer={who} {_delivery(cohort)}{end}"
        )


async def _link(
    app: App, uow: SqlUnitOfWork, options: TrainerOptions, args: Any, *, join_links: JoinLinks
) -> None:
    now = app.services.clock()
    cohort = await _running_cohort(uow, args.name, options)
    trainer = await _trainer(uow, cohort)
    issued = await options.join_codes.issue(uow.get(COHORTS), cohort.id, now, cohort.trainer_id)
    # A cohort whose trainer left gets the code alone: no channel is theirs.
    _share(issued.code, join_links(app.settings).get(trainer.channel) if trainer else None)


async def _reopen(app: App, uow: SqlUnitOfWork, _: TrainerOptions, args: Any) -> None:
    cohort = await _cohort(uow, args.name)
    if await _ended_on(uow, cohort) is None:
        raise OperatorError(f"The course of {cohort.name!r} has not ended: it is open.")
    await uow.get(PUSHES).reopen(cohort.id)
    # As in the chat: what ending stopped stays stopped until someone asks for it again.
    print(
        f"The course of {cohort.name!r} is open again. Its join code, plans and reminders stay "
        f"off: tutor cohort link {shlex.quote(cohort.name)} makes a new code."
    )


async def _stop(app: App, uow: SqlUnitOfWork, _: TrainerOptions, args: Any) -> None:
    cohort = await _cohort(uow, args.name)
    count = await uow.get(COHORTS).revoke_cohort_codes(cohort.id, app.services.clock())
    print(f"Stopped {count} join code(s) of {cohort.name!r}.")


async def _delete(app: App, uow: SqlUnitOfWork, _: TrainerOptions, args: Any) -> None:
    cohort = await _cohort(uow, args.name)
    members = await uow.get(COHORTS).member_count(cohort.id)
    if not args.yes:
        raise OperatorError(
            f"Deleting {cohort.name!r} removes its {members} member(s) from it (they keep their "
            "progress), its join codes and its sends not made yet; it cannot be undone. Add "
            "--yes to go on."
        )
    await uow.get(COHORTS).delete_cohort(cohort.id)
    print(f"Deleted {cohort.name!r}; its {members} learner(s) keep their progress.")


def _delivery(cohort: Cohort) -> str:
    """Write a cohort's delivery settings as `quiet=21:00-08:00 reminder_days=3`."""
    quiet = (
        f"{format_clock(cohort.quiet_start)}-{format_clock(cohort.quiet_end)}"
        if cohort.quiet_start != cohort.quiet_end
        else "none"
    )
    return f"quiet={quiet} reminder_days={cohort.reminder_days}"


async def _set(app: App, uow: SqlUnitOfWork, options: TrainerOptions, args: Any) -> None:
    # Quiet hours and reminder days only shape sends, and an ended course gets none; its name and
    # its trainer may still change.
    sends = args.quiet is not None or args.reminder_days is not None
    cohort = await (_running_cohort(uow, args.name, options) if sends else _cohort(uow, args.name))
    changes: dict[str, Any] = {}
    released = None
    if args.quiet is not None:
        quiet = _quiet_hours(args.quiet)
        # As in the chat: sends held by the old quiet hours go when the new ones allow.
        released = await release_held(
            uow.get(PUSHES), cohort, quiet, app.services.clock(), options.zone
        )
        changes["quiet_start"], changes["quiet_end"] = quiet
    if args.reminder_days is not None:
        changes["reminder_days"] = args.reminder_days
    if args.rename is not None:
        changes["name"] = await _free_name(uow, _name(args.rename), cohort)
    # A cohort whose trainer left (/forget) waits for one: handed over, it is theirs.
    leader = (
        await _leader(uow, args.trainer, app.services.clock(), cohort)
        if args.trainer is not None
        else None
    )
    if leader is not None:
        changes["trainer_id"] = leader.id
    if not changes:
        raise OperatorError(
            "Nothing to change: give --quiet, --reminder-days, --trainer or --rename."
        )
    await uow.get(COHORTS).update_cohort(cohort.id, **changes)
    now_set = replace(cohort, **changes)
    print(f"Cohort {now_set.name!r} updated: {_delivery(now_set)}.")
    if "name" in changes:
        print(f"Renamed from {cohort.name!r}.")
    if leader is not None:
        print(f"Led by {leader.channel}:{leader.external_id}.")
    if released is not None:
        # Told, because the new quiet hours may let them go in the middle of the night.
        when = (
            "now"
            if released.at <= app.services.clock()
            else f"at {_local(released.at, options.zone)}"
        )
        print(f"{released.messages} message(s) held by the old quiet hours go {when}.")


def _unread(text: str, options: TrainerOptions, now: datetime, languages: list[str]) -> str:
    """Say why `--at` was not read, where the reader can tell."""
    why = why_unread(text, options.zone, now, languages)
    if isinstance(why, NoSuchDay):
        if why.days_in_month:
            month = calendar.month_name[why.month]
            year = f" in {why.year}" if why.month == 2 and why.day == 29 else ""
            length = f"{month} has {why.days_in_month} days{' that year' if year else ''}"
            return f"names no day (there is no {why.day} {month}{year}: {length})"
        if why.month_first:
            return f"names no day ({why.typed}: a date is the day first, then the month)"
        return f"names no day ({why.typed})"
    if isinstance(why, NotThatWeekday):
        day = why.moment.astimezone(options.zone)
        actual, named = calendar.day_name[day.weekday()], calendar.day_name[why.named]
        return f"names two days: {day:%d/%m} is a {actual}, not a {named}"
    return "is not a day and time this tool reads"


def _quiet_hours(typed: str) -> tuple[int, int]:
    """Read `--quiet` as the start and end minutes, or stop with what quiet hours look like."""
    quiet = parse_range(typed)
    if quiet is None:
        raise OperatorError("Quiet hours look like 21:00-08:00, or none.")
    if quiet[0] == quiet[1] and typed.strip().lower() not in NO_QUIET_HOURS:
        raise OperatorError(f"--quiet {typed} ends as it starts: for none, say none.")
    if quiet_by_day(*quiet):
        start, end = (format_clock(minutes) for minutes in quiet)
        raise OperatorError(
            f"--quiet {typed} holds every message from {start} to {end}, most of the day: for "
            f"the night, say {end}-{start}."
        )
    return quiet


async def _free_name(uow: SqlUnitOfWork, name: str, cohort: Cohort) -> str:
    """Return a new name for a cohort, unless another cohort's name reads the same."""
    taken = await uow.get(COHORTS).cohort_named(name)
    if taken is not None and taken.id != cohort.id:
        raise OperatorError(f"A cohort named {taken.name!r} already exists.")
    return name


async def _push(app: App, uow: SqlUnitOfWork, options: TrainerOptions, args: Any) -> None:
    now = app.services.clock()
    cohort = await _running_cohort(uow, args.cohort, options)
    due = _due(app, options, args.at, now) if args.at is not None else None
    # An empty id ("--lesson ''") is a lesson that does not exist, not no lesson.
    lesson_id = args.lesson if args.lesson is not None else args.quiz
    course = app.services.course
    if lesson_id is not None and course.lesson(app.services.default_language, lesson_id) is None:
        raise OperatorError(f"No lesson {lesson_id!r}. See `tutor content list`.")
    texts = _messages(args.message or [], app.services.languages)
    chosen = {
        "lesson": args.lesson,
        "quiz": args.quiz,
        "review": args.review,
        "next": args.next,
        "message": args.message,
    }
    kind = cast(PushKind, next(name for name, value in chosen.items() if value))
    same = await uow.get(PUSHES).same_push(cohort.id, kind, lesson_id, texts, due or now)
    if same is not None and not args.again:
        raise OperatorError(
            f"Push {same.id} already sends that to {cohort.name!r} "
            f"({_local(same.due_at, options.zone)}). To send it once more, add --again."
        )
    push = await uow.get(PUSHES).create_push(
        cohort,
        kind,
        now=now,
        zone=options.zone,
        due_at=due,
        lesson_id=lesson_id,
        texts=texts,
    )
    zone = options.zone
    if push.expanded_at is None:
        hold = _held(cohort, push.due_at, zone)
        print(f"Push {push.id} to {cohort.name!r} planned for {_local(push.due_at, zone)}{hold}.")
        return
    waiting = await uow.get(PUSHES).waiting(push.id)
    if not waiting:
        print(
            f"Push {push.id}: {cohort.name!r} has no learner who can get it now, so nothing was "
            "sent; learners who join later do not get it."
        )
        return
    for moment, count in sorted(waiting.items()):
        when = "to go now" if moment <= now else f"held by quiet hours until {_local(moment, zone)}"
        print(
            f"Push {push.id} to {cohort.name!r} queued for {count} learner(s), {when}; "
            "the running bot sends it."
        )
    if push.kind == "review":
        print("Learners with nothing to review by then get no message.")
    await _other_language_readers(app, uow, cohort, texts)


async def _other_language_readers(
    app: App, uow: SqlUnitOfWork, cohort: Cohort, texts: dict[str, str]
) -> None:
    """Say which learners read the tutor in a language the message is not written in."""
    # As the chat's check before sending says it: one learner got a text in another language,
    # and the operator never knew.
    if not texts:
        return
    services = app.services
    readers = await other_language_readers(
        uow, cohort.id, texts, services.languages.codes, services.default_language
    )
    for language, (count, written) in readers.items():
        print(
            f"Note: {count} learner(s) read the tutor in {language}: they get the {written} "
            f"text. Add --message {language}=TEXT to write to them in {language}."
        )


def _local(moment: datetime, zone: ZoneInfo) -> str:
    """Write a moment as the local date and time an operator reads."""
    return f"{moment.astimezone(zone):%Y-%m-%d %H:%M}"


def _due(app: App, options: TrainerOptions, text: str, now: datetime) -> datetime | None:
    languages = [app.services.default_language, *app.services.languages.codes]
    typed = read_time(text, options.zone, now, languages)
    if typed is not None and typed.immediate:
        return None  # as without --at
    if typed is None or typed.day_only:
        missing = "has no time of day" if typed else _unread(text, options, now, languages)
        # An example ten days on: a fixed date would be past one day.
        example = (now.astimezone(options.zone) + timedelta(days=10)).strftime("%Y-%m-%d")
        raise OperatorError(
            f'--at {text!r} {missing}: give a local day and time such as "tomorrow 9:00" or '
            f'"{example} 09:00". It is now {_local(now, options.zone)}.'
        )
    if typed.moment <= now:
        raise OperatorError(
            f"--at {text!r} is {_local(typed.moment, options.zone)}, already "
            f"past: it is now {_local(now, options.zone)}. Give a later time, "
            'such as "tomorrow 9:00".'
        )
    if beyond_horizon(typed.moment, now):
        raise OperatorError(
            f"--at {text!r} is {_local(typed.moment, options.zone)}, more than a year away. "
            'Give a day within the year, day before month, such as "24/12 9:00".'
        )
    return typed.moment


def _messages(values: list[str], languages: LanguageRegistry) -> dict[str, str]:
    texts: dict[str, str] = {}
    for value in values:
        language, separator, text = value.partition("=")
        if not separator or language not in languages:
            offered = ", ".join(languages.codes)
            raise OperatorError(f"--message takes LANG=TEXT, with LANG one of {offered}.")
        if not text.strip():
            raise OperatorError(f"--message {language}= has no text.")
        if language in texts:
            raise OperatorError(f"--message {language}= is given twice: give each language once.")
        if len(text) > MESSAGE_MAX_CHARS:
            raise OperatorError(f"A message has {MESSAGE_MAX_CHARS} characters at most.")
        texts[language] = text.strip()
    return texts


async def _schedule_add(app: App, uow: SqlUnitOfWork, options: TrainerOptions, args: Any) -> None:
    cohort = await _running_cohort(uow, args.cohort, options)
    # The time as the chat and `push --at` read it: 9:00, 9h, 14u30.
    weekdays, minutes = parse_weekdays(args.days), read_clock(args.at)
    if weekdays is None:
        raise OperatorError(
            f"--days {args.days!r} is not days this tool reads: use mon-fri, lundi-vendredi, "
            "ma-vr, mon,wed,fri, weekdays or daily."
        )
    if minutes is None:
        raise OperatorError(f"--at {args.at!r} is not a time of day: use 09:00, 9h or 14u30.")
    kind = cast(PlanKind, args.what)
    if same := await uow.get(PUSHES).same_plan(cohort.id, kind, weekdays, minutes):
        raise OperatorError(
            f"Plan {same.id} already sends that to {cohort.name!r} at that time on some of "
            "these days: see 'tutor schedule list'."
        )
    plan = await uow.get(PUSHES).create_plan(
        cohort,
        kind,
        weekdays=weekdays,
        at_minute=minutes,
        now=app.services.clock(),
        zone=options.zone,
    )
    hold = _held(cohort, plan.next_run_at, options.zone)
    print(f"Plan {plan.id} saved; first run {_local(plan.next_run_at, options.zone)}{hold}.")


async def _schedule_list(app: App, uow: SqlUnitOfWork, options: TrainerOptions, args: Any) -> None:
    cohorts = (
        [await _cohort(uow, args.cohort)]
        if args.cohort
        else await uow.get(COHORTS).cohorts_of(None)
    )
    by_id = {cohort.id: cohort for cohort in cohorts}
    planned, plans = await uow.get(PUSHES).upcoming(list(by_id), app.services.clock())
    if not planned and not plans:
        print("Nothing planned.")
        return
    # A language the tutor does not offer is one line, as for `tutor report --lang`.
    services = app.services
    t = services.translator(services.languages.profile(args.lang).code if args.lang else None)
    for plan in plans:
        cohort = by_id[plan.cohort_id]
        print(
            f"plan {plan.id:<5} {cohort.name:30} {plan.kind:8} "
            f"{describe_plan(t, plan.weekdays, plan.at_minute)} "
            f"(next {_local(plan.next_run_at, options.zone)}"
            f"{_held(cohort, plan.next_run_at, options.zone)})"
        )
    for push in planned:
        cohort = by_id[push.cohort_id]
        print(
            f"push {push.id:<5} {cohort.name:30} {push.kind:8} "
            f"at={_local(push.due_at, options.zone)}{_held(cohort, push.due_at, options.zone)}"
        )


def _held(cohort: Cohort, moment: datetime, zone: ZoneInfo) -> str:
    """Say until when a cohort's quiet hours hold what is due at a moment; nothing if they don't."""
    held = held_until(cohort, moment, zone)
    return f", held by quiet hours until {_local(held, zone)}" if held > moment else ""


async def _schedule_stop(app: App, uow: SqlUnitOfWork, _: TrainerOptions, args: Any) -> None:
    every = [cohort.id for cohort in await uow.get(COHORTS).cohorts_of(None)]
    if not await uow.get(PUSHES).stop_plan(args.id, every):
        raise OperatorError(f"No plan {args.id}.")
    print(f"Plan {args.id} stopped.")


async def _schedule_cancel(app: App, uow: SqlUnitOfWork, _: TrainerOptions, args: Any) -> None:
    every = [cohort.id for cohort in await uow.get(COHORTS).cohorts_of(None)]
    if not await uow.get(PUSHES).cancel_push(args.id, every):
        raise OperatorError(f"No push {args.id} still to send (already sent, or unknown).")
    print(f"Push {args.id} cancelled.")


async def _report(app: App, uow: SqlUnitOfWork, options: TrainerOptions, args: Any) -> None:
    from bot.features.trainers.chart import progress_chart
    from bot.features.trainers.report import DEFAULT_INACTIVE_DAYS, build_report
    from bot.features.trainers.report_formats import report_csv, report_text

    cohort = await _cohort(uow, args.cohort)
    services = app.services
    language = (
        services.languages.profile(args.lang).code if args.lang else services.default_language
    )
    t = services.translators[language]
    days = args.inactive_days or cohort.reminder_days or DEFAULT_INACTIVE_DAYS
    course = services.course
    reference = services.default_language
    report = await build_report(uow, course, reference, cohort, services.clock(), days)
    # Checked first, so that a mistyped folder does not come after the whole report.
    for path in (args.csv, args.png):
        if path is not None and (path.is_dir() or not path.parent.is_dir()):
            raise OperatorError(f"Cannot write {path}: give a file in an existing folder.")
    if args.csv and args.png and args.csv.absolute() == args.png.absolute():
        raise OperatorError(f"--csv and --png are both {args.csv}: give two files.")
    print(report_text(report, course, t))
    if args.csv:
        _write(args.csv, "CSV", report_csv(report, course, t))
    if args.png:
        _write(args.png, "Chart", progress_chart(report, course, t))


def _write(path: Path, what: str, content: bytes) -> None:
    try:
        path.write_bytes(content)
    except OSError as error:
        raise OperatorError(f"Cannot write {path}: {error.strerror}.") from None
    print(f"{what} written to {path}")


async def _outbox(app: App, uow: SqlUnitOfWork, _: TrainerOptions, __: Any) -> None:
    for status, count in (await outbox.counts(uow.session)).items():
        print(f"{status:8} {count}")
