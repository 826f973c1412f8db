"""Free questions answered from the course, with or without a chat model."""

from __future__ import annotations

from bot.adapters.db.tables import Base
from bot.core.events import Event, Spoken, Text
from bot.core.feature import FeatureContext, Manifest, TextRoute, on
from bot.core.lazy import Lazy
from bot.features.answers.buttons import AnswerInMyLanguage
from bot.features.answers.definitions import Definitions
from bot.features.answers.flows import Answers
from bot.features.answers.follow_up import RECENT_FOR
from bot.features.answers.ports import QUESTIONS, RECENT_QUESTIONS, UNANSWERED_KEPT
from bot.features.answers.repo import SqlQuestions, SqlRecentQuestions
from bot.features.answers.tables import RecentQuestionRow, UnansweredQuestionRow

DOMAIN = "llm"
TABLES: tuple[type[Base], ...] = (UnansweredQuestionRow, RecentQuestionRow)


def manifest(context: FeatureContext) -> Manifest:
    """Return what the answers feature handles."""
    definitions = Definitions(context.course, context.settings.languages)
    answers = Answers(
        context.retriever,
        context.detector,
        context.chains,
        context.budget,
        context.course,
        context.settings.privacy_lesson_id,
        context.settings.checking_lesson_id,
        context.settings.translation_lesson_id,
        context.settings.languages,
        definitions,
    )

    teaching = Lazy(lambda: definitions.teaching, name="glossary lessons")

    async def ahead(event: Event) -> None:
        # A question asked while the index and the detector load waits for them here, before
        # its transaction opens: on SQLite a waiting turn would hold up every other writer.
        if isinstance(event, Text | Spoken):
            context.start_loading()
            await context.retriever.settled()
            await context.detector.settled()
            # In a thread, like the index: it would hold up every other learner's turn.
            await teaching.wait()

    return Manifest(
        name="answers",
        ahead=(ahead,),
        warm_after_index=(teaching,),
        buttons=(on(AnswerInMyLanguage, answers.again),),
        texts=(TextRoute(answers.answer, replayable=True),),
        repositories=((QUESTIONS, SqlQuestions), (RECENT_QUESTIONS, SqlRecentQuestions)),
        sweeps=(
            lambda session, now: SqlRecentQuestions(session).forget_before(now - RECENT_FOR),
            lambda session, now: SqlQuestions(session).forget_before(now - UNANSWERED_KEPT),
        ),
        exporters=(
            ("unanswered_questions", lambda uow, learner: uow.get(QUESTIONS).export(learner)),
            ("recent_questions", lambda uow, learner: uow.get(RECENT_QUESTIONS).export(learner)),
        ),
    )
