"""Trainers: cohorts, pushed lessons and reminders through a durable outbox, and reports."""

from bot.trainers import membership
from bot.trainers.access import Access
from bot.trainers.cohort_flows import CohortFlows
from bot.trainers.options import TrainerOptions
from bot.trainers.push_flow import PushFlow
from bot.trainers.report_flow import ReportFlow
from bot.tutor.router import Router


def register(router: Router, options: TrainerOptions) -> None:
    """Add the trainer and learner commands, buttons and the join link to a router."""
    access = Access(options.admins)
    membership.register(router)
    CohortFlows(options, access).register(router)
    PushFlow(options, access, router).register(router)
    ReportFlow(access).register(router)
