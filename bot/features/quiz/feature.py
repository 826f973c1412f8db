"""The quiz after each lesson."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.core.feature import Deferred, FeatureContext, Manifest, on
from bot.features.quiz import flows, in_words, why
from bot.features.quiz.buttons import AnswerQuiz, StartQuiz
from bot.features.quiz.ports import ANSWERS, AnswerStore

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from bot.adapters.db.tables import Base

DOMAIN = "tutor"


def _tables() -> tuple[type[Base], ...]:
    from bot.features.quiz.tables import QuizAnswerRow

    return (QuizAnswerRow,)


TABLES = Deferred(_tables)


def _sql_answers(session: AsyncSession) -> AnswerStore:
    # Imported on first use, like the tables, so the manifest loads without SQLAlchemy.
    from bot.features.quiz.repo import SqlAnswers

    return SqlAnswers(session)


def manifest(_: FeatureContext) -> Manifest:
    """Return what the quiz handles: its buttons, an option's letter or words typed, and why."""
    return Manifest(
        name="quiz",
        buttons=(
            on(StartQuiz, flows.start_quiz, replayable=True),
            on(AnswerQuiz, flows.answer, replayable=True),
        ),
        text_filters=(why.explain_named_option, in_words.answer_in_words),
        states=(flows.Answering,),
        repositories=((ANSWERS, _sql_answers),),
        exporters=(("quiz_answers", lambda uow, learner: uow.get(ANSWERS).export(learner)),),
    )
