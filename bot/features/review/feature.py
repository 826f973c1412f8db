"""Reviews of missed questions, and the /quiz command that offers them first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.core.feature import CommandRoute, Deferred, FeatureContext, Manifest, on
from bot.features.review import flows
from bot.features.review.buttons import AnswerReview, NextReview
from bot.features.review.ports import REVIEWS, ReviewStore
from bot.i18n import N_

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from bot.adapters.db.tables import Base

DOMAIN = "tutor"


def _tables() -> tuple[type[Base], ...]:
    from bot.features.review.tables import ReviewItemRow

    return (ReviewItemRow,)


TABLES = Deferred(_tables)


def _sql_reviews(session: AsyncSession) -> ReviewStore:
    # Imported on first use, like the tables, so the manifest loads without SQLAlchemy.
    from bot.features.review.repo import SqlReviews

    return SqlReviews(session)


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
        repositories=((REVIEWS, _sql_reviews),),
        exporters=(("reviews", lambda uow, learner: uow.get(REVIEWS).export(learner)),),
    )
