"""Reviews of missed questions, and the /quiz command that offers them first."""

from __future__ import annotations

from bot.adapters.db.tables import Base
from bot.core.feature import CommandRoute, FeatureContext, Manifest, on
from bot.features.review import flows
from bot.features.review.buttons import AnswerReview, NextReview
from bot.features.review.ports import REVIEWS
from bot.features.review.repo import SqlReviews
from bot.features.review.tables import ReviewItemRow
from bot.i18n import N_

DOMAIN = "tutor"
TABLES: tuple[type[Base], ...] = (ReviewItemRow,)


def manifest(_: FeatureContext) -> Manifest:
    """Return what the review handles."""
    return Manifest(
        name="review",
        commands=(
            CommandRoute("quiz", flows.quiz_command, N_("A quiz, or your review")),
            CommandRoute("review", flows.next_review),
        ),
        buttons=(on(NextReview, flows.next_review), on(AnswerReview, flows.review_answer)),
        states=(flows.Reviewing,),
        repositories=((REVIEWS, SqlReviews),),
        exporters=(("reviews", lambda uow, learner: uow.get(REVIEWS).export(learner)),),
    )
