"""Trainers: cohorts, pushed lessons and reminders through a durable outbox, and reports."""

from collections.abc import Mapping

from bot.delivery import Channel
from bot.trainers import membership
from bot.trainers.access import Access
from bot.trainers.cohort_flows import CohortFlows
from bot.trainers.options import TrainerOptions
from bot.trainers.push_flow import PushFlow
from bot.trainers.report_flow import ReportFlow
from bot.tutor.router import Router


def register(router: Router, options: TrainerOptions, channels: Mapping[str, Channel]) -> None:
    """Add the trainer and learner commands, buttons and the join link to a router.

    `channels` are those the process serves, by name: a trainer gets their own one's join links.
    """
    access = Access(options.admins)
    membership.register(router)
    CohortFlows(options, access, channels).register(router)
    PushFlow(options, access, router).register(router)
    ReportFlow(access).register(router)
