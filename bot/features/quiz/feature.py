"""The quiz after each lesson."""

from __future__ import annotations

from bot.adapters.db.tables import Base
from bot.core.feature import FeatureContext, Manifest, on
from bot.features.quiz import flows
from bot.features.quiz.buttons import AnswerQuiz, StartQuiz
from bot.features.quiz.ports import ANSWERS
from bot.features.quiz.repo import SqlAnswers
from bot.features.quiz.tables import QuizAnswerRow

DOMAIN = "tutor"
TABLES: tuple[type[Base], ...] = (QuizAnswerRow,)


def manifest(_: FeatureContext) -> Manifest:
    """Return what the quiz handles."""
    return Manifest(
        name="quiz",
        buttons=(on(StartQuiz, flows.start_quiz), on(AnswerQuiz, flows.answer)),
        states=(flows.Answering,),
        repositories=((ANSWERS, SqlAnswers),),
        exporters=(("quiz_answers", lambda uow, learner: uow.get(ANSWERS).export(learner)),),
    )
