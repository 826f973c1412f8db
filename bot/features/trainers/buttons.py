"""The trainers' buttons (and the learners' group and reminder buttons)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.callbacks import CallbackData


@dataclass(frozen=True)
class TrainerMenu(CallbackData):
    """The trainer menu."""

    action = "trainers.menu"


@dataclass(frozen=True)
class MyCohorts(CallbackData):
    """List the trainer's cohorts."""

    action = "trainers.groups"


@dataclass(frozen=True)
class NewCohort(CallbackData):
    """Ask a trainer for the name of a new cohort."""

    action = "trainers.new"


@dataclass(frozen=True)
class ShowCohort(CallbackData):
    """Show one cohort."""

    action = "trainers.group"
    cohort: int


@dataclass(frozen=True)
class RenameCohort(CallbackData):
    """Ask for a cohort's new name."""

    action = "trainers.rename"
    cohort: int


@dataclass(frozen=True)
class NewJoinCode(CallbackData):
    """Make a new join link for a cohort."""

    action = "trainers.code"
    cohort: int


@dataclass(frozen=True)
class StopJoinCodes(CallbackData):
    """Stop a cohort's join links."""

    action = "trainers.stopcode"
    cohort: int


@dataclass(frozen=True)
class AskDeleteCohort(CallbackData):
    """Ask whether to delete a cohort."""

    action = "trainers.askdelete"
    cohort: int


@dataclass(frozen=True)
class DeleteCohort(CallbackData):
    """Delete a cohort, once the trainer confirmed."""

    action = "trainers.delete"
    cohort: int


@dataclass(frozen=True)
class AskEndCohort(CallbackData):
    """Ask whether to end a cohort's course."""

    action = "trainers.askend"
    cohort: int


@dataclass(frozen=True)
class EndCohort(CallbackData):
    """End a cohort's course, once the trainer confirmed."""

    action = "trainers.end"
    cohort: int


@dataclass(frozen=True)
class ReopenCohort(CallbackData):
    """Open an ended course again."""

    action = "trainers.reopen"
    cohort: int


@dataclass(frozen=True)
class AskReminders(CallbackData):
    """Ask how often a cohort is reminded."""

    action = "trainers.remask"
    cohort: int


@dataclass(frozen=True)
class SetReminders(CallbackData):
    """Remind a cohort's inactive learners after so many days."""

    action = "trainers.rem"
    cohort: int
    days: int


@dataclass(frozen=True)
class AskQuietHours(CallbackData):
    """Ask for a cohort's quiet hours."""

    action = "trainers.quietask"
    cohort: int


@dataclass(frozen=True)
class SetQuietHours(CallbackData):
    """Set a cohort's quiet hours (minutes after midnight)."""

    action = "trainers.quiet"
    cohort: int
    start: int
    end: int


@dataclass(frozen=True)
class InviteTrainer(CallbackData):
    """Make an invitation for a new trainer."""

    action = "trainers.invite"


@dataclass(frozen=True)
class CancelInvite(CallbackData):
    """Cancel a trainer invitation."""

    action = "trainers.invx"
    code: int


@dataclass(frozen=True)
class ConfirmLeave(CallbackData):
    """Answer whether to leave the group: `yes` or `no`."""

    action = "trainers.leave"
    choice: str


@dataclass(frozen=True)
class ConfirmMove(CallbackData):
    """Answer whether to leave one's group for the one a code names: `yes` or `no`."""

    action = "trainers.move"
    choice: str


@dataclass(frozen=True)
class SwitchReminders(CallbackData):
    """Turn a learner's reminders `on` or `off`."""

    action = "trainers.remind"
    choice: str


@dataclass(frozen=True)
class WeeklyStatus(CallbackData):
    """Show whether the weekly report is on, with its switch."""

    action = "trainers.weeklyask"


@dataclass(frozen=True)
class SwitchWeekly(CallbackData):
    """Turn a trainer's weekly report `on` or `off`."""

    action = "trainers.weekly"
    choice: str


@dataclass(frozen=True)
class StartPush(CallbackData):
    """Start sending something to a cohort."""

    action = "trainers.push"


@dataclass(frozen=True)
class PushToCohort(CallbackData):
    """Send to this cohort."""

    action = "trainers.pcohort"
    cohort: int


@dataclass(frozen=True)
class PushKind(CallbackData):
    """Send this kind of thing."""

    action = "trainers.pkind"
    kind: str


@dataclass(frozen=True)
class PushModule(CallbackData):
    """Pick a lesson from this module."""

    action = "trainers.pmodule"
    module: str


@dataclass(frozen=True)
class PushLesson(CallbackData):
    """Send this lesson."""

    action = "trainers.plesson"
    lesson: str


@dataclass(frozen=True)
class PushLanguage(CallbackData):
    """Type the message in this language next."""

    action = "trainers.plang"
    language: str


@dataclass(frozen=True)
class PushBack(CallbackData):
    """Go back from typing a language's text: to the languages, or to the check before sending."""

    action = "trainers.pback"


@dataclass(frozen=True)
class PushWhen(CallbackData):
    """Go on to when to send."""

    action = "trainers.pwhen"


@dataclass(frozen=True)
class PushAt(CallbackData):
    """Send at this time: now, a preset, or ask."""

    action = "trainers.pat"
    choice: str


@dataclass(frozen=True)
class PushDue(CallbackData):
    """Send at this moment, in minutes since 1970 (UTC): a time offered for a typed day."""

    action = "trainers.pdue"
    minute: int


@dataclass(frozen=True)
class ConfirmPush(CallbackData):
    """Send as summarised."""

    action = "trainers.pgo"


@dataclass(frozen=True)
class ConfirmPushAgain(CallbackData):
    """Send as summarised, once told the same send was made or planned already."""

    action = "trainers.pagain"


@dataclass(frozen=True)
class CancelPush(CallbackData):
    """Abandon the send in progress."""

    action = "trainers.pcancel"


@dataclass(frozen=True)
class DiscardPush(CallbackData):
    """Abandon the send in progress, and the message written for it, once asked to be sure."""

    action = "trainers.pdiscard"


@dataclass(frozen=True)
class ShowScheduled(CallbackData):
    """List the planned sends."""

    action = "trainers.sched"


@dataclass(frozen=True)
class AskUnschedule(CallbackData):
    """Ask whether to cancel a planned send (`push`) or stop a plan (`plan`)."""

    # The action of the one-tap cancel buttons of before: those still in a chat now ask first.
    action = "trainers.unsched"
    kind: str
    item: int


@dataclass(frozen=True)
class Unschedule(CallbackData):
    """Cancel a planned send (`push`) or stop a plan (`plan`), once the trainer confirmed."""

    action = "trainers.unschedok"
    kind: str
    item: int


@dataclass(frozen=True)
class ChooseReport(CallbackData):
    """Ask which cohort to report on."""

    action = "trainers.report"


@dataclass(frozen=True)
class CohortReport(CallbackData):
    """Report on this cohort."""

    action = "trainers.rcohort"
    cohort: int


@dataclass(frozen=True)
class CohortMembers(CallbackData):
    """List a cohort's learners, a page at a time, to see one or take them out of it."""

    action = "trainers.members"
    cohort: int
    page: int


@dataclass(frozen=True)
class ShowMember(CallbackData):
    """Show one learner of a cohort: where they are, and the quizzes to go over with them."""

    action = "trainers.member"
    cohort: int
    learner: int


@dataclass(frozen=True)
class RemoveMember(CallbackData):
    """Ask whether to take a learner out of a cohort (confirmed 0), or do it (1)."""

    action = "trainers.unjoin"
    cohort: int
    learner: int
    confirmed: int
