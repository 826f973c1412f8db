"""The check-in and check-out: a learner's score before the course and after it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.core.feature import Deferred, FeatureContext, Manifest, on
from bot.features.gain import flows
from bot.features.gain.buttons import AnswerCheck, SkipCheck, StartCheck
from bot.features.gain.ports import CHECKS, CheckStore

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from bot.adapters.db.tables import Base

DOMAIN = "gain"


def _tables() -> tuple[type[Base], ...]:
    from bot.features.gain.tables import CheckAnswerRow, CheckResultRow

    return (CheckResultRow, CheckAnswerRow)


TABLES = Deferred(_tables)


def _sql_checks(session: AsyncSession) -> CheckStore:
    # Imported on first use, like the tables, so the manifest loads without SQLAlchemy.
    from bot.features.gain.repo import SqlChecks

    return SqlChecks(session)


def manifest(_: FeatureContext) -> Manifest:
    """Return what the checks handle."""
    return Manifest(
        name="gain",
        buttons=(
            on(StartCheck, flows.start),
            on(SkipCheck, flows.skip),
            on(AnswerCheck, flows.answer, replayable=True),
        ),
        states=(flows.Checking,),
        # An option's letter or words typed under a check's question answer it.
        text_filters=(flows.answer_in_words,),
        repositories=((CHECKS, _sql_checks),),
        exporters=(("checks", lambda uow, learner: uow.get(CHECKS).export(learner)),),
    )
