"""Read-only queries behind a cohort's progress report."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from statistics import mean
from typing import Final

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.adapters.db.tables import LearnerRow
from bot.config import Language
from bot.course.model import Course
from bot.features.answers.ports import UnansweredQuestion
from bot.features.answers.repo import SqlQuestions
from bot.features.progress.tables import LessonProgressRow
from bot.features.quiz.tables import QuizAnswerRow
from bot.features.trainers.repo import Cohort
from bot.features.trainers.tables import CohortMemberRow

WEEK: Final = timedelta(days=7)
# For cohorts with reminders off, "inactive" still needs a number of days.
DEFAULT_INACTIVE_DAYS: Final = 3
TOP_MISSED: Final = 5
UNANSWERED_DAYS: Final = 30
UNANSWERED_MAX: Final = 10


@dataclass(frozen=True)
class LearnerLine:
    """One learner's progress; the name is first name and initial only."""

    learner_id: int
    name: str | None
    joined_at: datetime
    last_seen_at: datetime
    completed: int
    completed_by_module: dict[str, int]
    average_score: float | None


@dataclass(frozen=True)
class LessonScore:
    """The average latest quiz score of one lesson, over the learners who took it."""

    lesson_id: str
    average: float
    learners: int


@dataclass(frozen=True)
class MissedQuestion:
    """A quiz question and how often the cohort got it wrong."""

    lesson_id: str
    item_id: str
    misses: int
    answers: int


@dataclass(frozen=True)
class Report:
    """Everything a trainer sees about a cohort at one moment."""

    cohort: Cohort
    now: datetime
    inactive_days: int
    learners: tuple[LearnerLine, ...]
    modules: tuple[tuple[str, int], ...]
    scores: tuple[LessonScore, ...]
    missed: tuple[MissedQuestion, ...]
    unanswered: tuple[UnansweredQuestion, ...]

    @property
    def active_this_week(self) -> tuple[LearnerLine, ...]:
        """Return the learners seen in the last seven days."""
        return tuple(line for line in self.learners if line.last_seen_at >= self.now - WEEK)

    @property
    def inactive(self) -> tuple[LearnerLine, ...]:
        """Return the learners not seen for `inactive_days` days or more."""
        cutoff = self.now - timedelta(days=self.inactive_days)
        return tuple(line for line in self.learners if line.last_seen_at <= cutoff)


async def build_report(
    session: AsyncSession,
    course: Course,
    reference: Language,
    cohort: Cohort,
    now: datetime,
    inactive_days: int,
) -> Report:
    """Gather a cohort's progress report; modules and lesson order are the reference language's."""
    members = list(
        await session.execute(
            select(
                LearnerRow.id,
                LearnerRow.display_name,
                CohortMemberRow.joined_at,
                LearnerRow.last_seen_at,
            )
            .join(CohortMemberRow, CohortMemberRow.learner_id == LearnerRow.id)
            .where(CohortMemberRow.cohort_id == cohort.id)
            .order_by(LearnerRow.display_name, LearnerRow.id)
        )
    )
    ids = [member.id for member in members]
    progress = await session.scalars(
        select(LessonProgressRow).where(LessonProgressRow.learner_id.in_(ids))
    )
    module_of = {
        lesson_id: module.id
        for module in course.modules.get(reference, ())
        for lesson_id in module.lesson_ids
    }
    completed: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    learner_scores: dict[int, list[float]] = defaultdict(list)
    lesson_scores: dict[str, list[float]] = defaultdict(list)
    for row in progress:
        if row.completed_at is not None and row.lesson_id in module_of:
            completed[row.learner_id][module_of[row.lesson_id]] += 1
        if row.last_score is not None and row.quiz_total:
            learner_scores[row.learner_id].append(row.last_score / row.quiz_total)
            lesson_scores[row.lesson_id].append(row.last_score / row.quiz_total)
    learners = tuple(
        LearnerLine(
            learner_id=member.id,
            name=member.display_name,
            joined_at=member.joined_at,
            last_seen_at=member.last_seen_at,
            completed=sum(completed[member.id].values()),
            completed_by_module=dict(completed[member.id]),
            average_score=mean(learner_scores[member.id]) if learner_scores[member.id] else None,
        )
        for member in members
    )
    order = course.lesson_order(reference)
    scores = tuple(
        LessonScore(lesson_id, mean(values), len(values))
        for lesson_id, values in sorted(
            lesson_scores.items(), key=lambda item: _position(order, item[0])
        )
    )
    unanswered = await SqlQuestions(session).of_learners(ids, now - timedelta(days=UNANSWERED_DAYS))
    return Report(
        cohort=cohort,
        now=now,
        inactive_days=inactive_days,
        learners=learners,
        modules=tuple(
            (module.id, len(module.lesson_ids)) for module in course.modules.get(reference, ())
        ),
        scores=scores,
        missed=await _most_missed(session, ids),
        unanswered=tuple(unanswered[:UNANSWERED_MAX]),
    )


def _position(order: tuple[str, ...], lesson_id: str) -> int:
    return order.index(lesson_id) if lesson_id in order else len(order)


async def _most_missed(session: AsyncSession, learner_ids: list[int]) -> tuple[MissedQuestion, ...]:
    misses = func.sum(case((QuizAnswerRow.is_correct.is_(False), 1), else_=0))
    rows = await session.execute(
        select(QuizAnswerRow.lesson_id, QuizAnswerRow.item_id, misses, func.count())
        .where(QuizAnswerRow.learner_id.in_(learner_ids), QuizAnswerRow.mode == "quiz")
        .group_by(QuizAnswerRow.lesson_id, QuizAnswerRow.item_id)
        .having(misses > 0)
        .order_by(misses.desc(), QuizAnswerRow.lesson_id, QuizAnswerRow.item_id)
        .limit(TOP_MISSED)
    )
    return tuple(
        MissedQuestion(lesson_id, item_id, int(missed), int(total))
        for lesson_id, item_id, missed, total in rows
    )
