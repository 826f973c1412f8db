"""Trainers: cohorts, pushed lessons and reminders through a durable outbox, and reports."""

from bot.core.router import Router
from bot.features.trainers import membership
from bot.features.trainers.access import Access
from bot.features.trainers.cohort_flows import CohortFlows
from bot.features.trainers.options import TrainerOptions
from bot.features.trainers.push_flow import PushFlow
from bot.features.trainers.report_flow import ReportFlow


def register(router: Router, options: TrainerOptions) -> None:
    """Add the trainer and learner commands, buttons and the join link to a router."""
    access = Access(options.admin_ids)
    membership.register(router)
    CohortFlows(options, access).register(router)
    PushFlow(options, access, router).register(router)
    ReportFlow(access).register(router)
