"""Trainers: cohorts and join links, pushes and plans through a durable outbox, reports."""

from __future__ import annotations

from bot.adapters.db.tables import Base
from bot.core.feature import (
    CommandRoute,
    DeepLinkRoute,
    Departure,
    FeatureContext,
    Manifest,
    TextRoute,
    on,
)
from bot.features.trainers import buttons, membership, tables
from bot.features.trainers.access import Access
from bot.features.trainers.cohort_flows import CohortFlows, NamingCohort
from bot.features.trainers.departure import TrainerDeparture
from bot.features.trainers.members import MemberFlows
from bot.features.trainers.menus import StaffMenus
from bot.features.trainers.options import TrainerOptions
from bot.features.trainers.outbox import PushMailbox
from bot.features.trainers.ports import COHORTS, DRAFTS, PUSHES
from bot.features.trainers.push_flow import PushFlow, TypingForPush
from bot.features.trainers.pushes import SqlPushes
from bot.features.trainers.repo import SqlCohorts, SqlDrafts
from bot.features.trainers.report_flow import ReportFlow
from bot.features.trainers.scheduler import Scheduler
from bot.i18n import N_

DOMAIN = "trainers"
TABLES: tuple[type[Base], ...] = (
    tables.TrainerRow,
    tables.CohortRow,
    tables.TrainerSettingsRow,
    tables.CohortMemberRow,
    tables.AccessCodeRow,
    tables.PushPlanRow,
    tables.PushRow,
    tables.OutboxRow,
    tables.PushDraftRow,
)


def manifest(context: FeatureContext) -> Manifest:
    """Return what the trainers' and the learners' group commands handle."""
    options = TrainerOptions.from_settings(context.settings)
    access = Access(options.admins)
    cohorts = CohortFlows(options, access, context.channels)
    members = MemberFlows(access, options.zone)
    push = PushFlow(options, access)
    report = ReportFlow(access)
    departure = TrainerDeparture(access, options.zone)
    database = context.database
    return Manifest(
        name="trainers",
        commands=(
            # Listed for every learner: a trainer hands out a code, and /leave is the way out.
            CommandRoute(
                "join", membership.join_command, N_("Join a group with your trainer's code")
            ),
            CommandRoute("leave", membership.leave, N_("Leave your group")),
            CommandRoute("reminders", membership.reminders),
            CommandRoute("trainer", cohorts.menu, N_("The trainer menu"), "trainer"),
            CommandRoute(
                "cohort",
                cohorts.cohort_command,
                N_("Your groups: learners, join links, taking someone out"),
                "trainer",
            ),
            CommandRoute("push", push.start, N_("Send a lesson or a message"), "trainer"),
            CommandRoute("scheduled", push.scheduled, N_("Planned sends"), "trainer"),
            CommandRoute("report", report.choose, N_("A group's progress report"), "trainer"),
            CommandRoute("weekly", cohorts.weekly, N_("The weekly report, on or off"), "trainer"),
            CommandRoute("trainer_invite", cohorts.invite, N_("Invite a trainer"), "admin"),
        ),
        # What cannot be undone needs a tap: typing a button's words does what it does
        # (bot/features/menu/typed_buttons.py), but not for these.
        buttons=(
            on(buttons.ConfirmLeave, membership.confirm_leave),
            on(buttons.ConfirmMove, membership.confirm_move),
            on(buttons.SwitchReminders, membership.switch_reminders),
            on(buttons.TrainerMenu, cohorts.menu),
            on(buttons.MyCohorts, cohorts.list_cohorts),
            on(buttons.NewCohort, cohorts.ask_name),
            on(buttons.ShowCohort, cohorts.show_cohort),
            on(buttons.CohortMembers, members.members),
            on(buttons.ShowMember, members.member),
            on(buttons.RemoveMember, members.remove, by_words=False),
            on(buttons.NewJoinCode, cohorts.new_code),
            on(buttons.StopJoinCodes, cohorts.stop_codes),
            on(buttons.RenameCohort, cohorts.ask_rename),
            on(buttons.AskDeleteCohort, cohorts.ask_delete),
            on(buttons.DeleteCohort, cohorts.delete, by_words=False),
            on(buttons.AskEndCohort, cohorts.ask_end),
            on(buttons.EndCohort, cohorts.end, by_words=False),
            on(buttons.ReopenCohort, cohorts.reopen, by_words=False),
            on(buttons.AskReminders, cohorts.ask_reminders),
            on(buttons.SetReminders, cohorts.set_reminders),
            on(buttons.AskQuietHours, cohorts.ask_quiet_hours),
            on(buttons.SetQuietHours, cohorts.set_quiet_hours),
            on(buttons.InviteTrainer, cohorts.invite),
            on(buttons.CancelInvite, cohorts.cancel_invite),
            on(buttons.WeeklyStatus, cohorts.weekly),
            on(buttons.SwitchWeekly, cohorts.switch_weekly),
            on(buttons.StartPush, push.start),
            on(buttons.PushToCohort, push.choose_cohort),
            on(buttons.PushKind, push.choose_kind),
            on(buttons.PushModule, push.choose_module),
            on(buttons.PushLesson, push.choose_lesson),
            on(buttons.PushLanguage, push.choose_language),
            on(buttons.PushBack, push.back),
            on(buttons.PushWhen, push.ask_when),
            on(buttons.PushAt, push.choose_when),
            on(buttons.PushDue, push.choose_due),
            on(buttons.ConfirmPush, push.confirm),
            on(buttons.ConfirmPushAgain, push.confirm),
            on(buttons.CancelPush, push.cancel),
            on(buttons.DiscardPush, push.discard, by_words=False),
            on(buttons.ShowScheduled, push.scheduled),
            on(buttons.AskUnschedule, push.ask_unschedule),
            on(buttons.Unschedule, push.unschedule, by_words=False),
            on(buttons.ChooseReport, report.choose),
            on(buttons.CohortReport, report.show),
        ),
        texts=(
            TextRoute(push.typed, TypingForPush.flow),
            TextRoute(cohorts.named, NamingCohort.flow),
        ),
        # Learners paste the code alone, or on the line after /join.
        text_filters=(membership.typed_code,),
        deep_links=(DeepLinkRoute("join", membership.redeem),),
        states=(TypingForPush, NamingCohort, membership.Moving),
        repositories=((COHORTS, SqlCohorts), (DRAFTS, SqlDrafts), (PUSHES, SqlPushes)),
        exporters=(("trainers", lambda uow, learner: uow.get(COHORTS).export(learner)),),
        departures=(Departure(departure.warning, departure.prepare),),
        workers=(
            lambda services: Scheduler(database, services, options.zone),
            lambda services: StaffMenus(database, services, access),
        ),
        mailboxes=(PushMailbox(options.zone),),
        roles=(access.roles,),
        question_readers=(membership.has_trainers,),
        suggesters=(membership.lesson_sent,),
    )
