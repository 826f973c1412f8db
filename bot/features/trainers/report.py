"""A cohort's progress report, gathered through the learning features' repositories."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Container, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from statistics import mean
from typing import Final

from bot.config import Language
from bot.core.ports import UnitOfWork
from bot.course.model import Course
from bot.features.answers.ports import QUESTIONS, UNANSWERED_KEPT, UnansweredQuestion
from bot.features.gain.ports import CHECK_IN, CHECK_OUT, CHECKS, CheckResult
from bot.features.progress.ports import PROGRESS, LessonProgress
from bot.features.quiz.ports import ANSWERS, MissedItem
from bot.features.trainers.ports import COHORTS, Cohort, Member

WEEK: Final = timedelta(days=7)
# For cohorts with reminders off, "inactive" still needs a number of days.
DEFAULT_INACTIVE_DAYS: Final = 3
TOP_MISSED: Final = 5
UNANSWERED_MAX: Final = 10
# Questions are shown without who asked only when at least this many learners asked them:
# in a smaller group, a trainer could tell who asked what.
UNANSWERED_MIN_LEARNERS: Final = 3
# A latest quiz with fewer right answers than this share shows where a learner needs help.
STRUGGLING_BELOW: Final = 0.5


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
    # The finished check-in (whenever it was taken: it is the baseline) and the finished
    # check-out (only when taken after joining: before, it was not this group's learning).
    check_in: CheckResult | None = None
    check_out: CheckResult | None = None
    # Quiz answers right and asked per module, in the latest attempt of each quiz taken.
    answers_by_module: dict[str, tuple[int, int]] = field(default_factory=dict)
    # Where a trainer can help: the lesson started last and not finished, and the lesson whose
    # latest quiz went worst, when under half of it was right (its id and share right).
    working_on: str | None = None
    struggling_with: tuple[str, float] | None = None


@dataclass(frozen=True)
class LearningGain:
    """The cohort's average check-in and check-out scores out of 10, and the gain between them.

    The gain is averaged over the learners who did both only: averages over different people
    would mix who stayed with who started.
    """

    check_in: float | None = None
    check_in_count: int = 0
    check_out: float | None = None
    check_out_count: int = 0
    gain: float | None = None
    both: int = 0

    @classmethod
    def of(cls, learners: tuple[LearnerLine, ...]) -> LearningGain:
        """Return the cohort's figures from its learners' lines."""
        before = [line.check_in.out_of_ten for line in learners if line.check_in]
        after = [line.check_out.out_of_ten for line in learners if line.check_out]
        gains = [
            line.check_out.out_of_ten - line.check_in.out_of_ten
            for line in learners
            if line.check_in and line.check_out
        ]
        return cls(
            mean(before) if before else None,
            len(before),
            mean(after) if after else None,
            len(after),
            mean(gains) if gains else None,
            len(gains),
        )


@dataclass(frozen=True)
class LessonScore:
    """The average latest quiz score of one lesson, over the learners who took it."""

    lesson_id: str
    average: float
    learners: int


@dataclass(frozen=True)
class Report:
    """Everything a trainer sees about a cohort at one moment."""

    cohort: Cohort
    now: datetime
    inactive_days: int
    learners: tuple[LearnerLine, ...]
    modules: tuple[tuple[str, int], ...]
    scores: tuple[LessonScore, ...]
    missed: tuple[MissedItem, ...]
    unanswered: tuple[UnansweredQuestion, ...]
    # True when there were questions, held back because too few learners asked them.
    unanswered_withheld: bool
    gain: LearningGain = LearningGain()

    @property
    def active_this_week(self) -> tuple[LearnerLine, ...]:
        """Return the learners seen in the last seven days."""
        return tuple(line for line in self.learners if line.last_seen_at >= self.now - WEEK)

    @property
    def not_started(self) -> tuple[LearnerLine, ...]:
        """Return the learners who have opened no lesson yet (joining counts as a visit)."""
        return tuple(line for line in self.learners if not line.completed and not line.working_on)

    @property
    def inactive(self) -> tuple[LearnerLine, ...]:
        """Return the learners not seen for `inactive_days` days or more."""
        cutoff = self.now - timedelta(days=self.inactive_days)
        return tuple(line for line in self.learners if line.last_seen_at <= cutoff)


async def build_report(
    stores: UnitOfWork,
    course: Course,
    reference: Language,
    cohort: Cohort,
    now: datetime,
    inactive_days: int,
) -> Report:
    """Gather a cohort's progress report; modules and lesson order are the reference language's."""
    members = await stores.get(COHORTS).members(cohort.id)
    ids = [member.learner_id for member in members]
    progress = await stores.get(PROGRESS).of_learners(ids)
    module_of = {
        lesson_id: module.id
        for module in course.modules.get(reference, ())
        for lesson_id in module.lesson_ids
    }
    completed: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    learner_scores: dict[int, list[float]] = defaultdict(list)
    lesson_scores: dict[str, list[float]] = defaultdict(list)
    answers: dict[int, dict[str, tuple[int, int]]] = defaultdict(dict)
    for learner_id, entries in progress.items():
        for entry in entries:
            if entry.completed_at is not None and entry.lesson_id in module_of:
                completed[learner_id][module_of[entry.lesson_id]] += 1
            if entry.last_score is not None and entry.quiz_total:
                learner_scores[learner_id].append(entry.last_score / entry.quiz_total)
                lesson_scores[entry.lesson_id].append(entry.last_score / entry.quiz_total)
                if entry.lesson_id in module_of:
                    right, asked = answers[learner_id].get(module_of[entry.lesson_id], (0, 0))
                    answers[learner_id][module_of[entry.lesson_id]] = (
                        right + entry.last_score,
                        asked + entry.quiz_total,
                    )
    checks = await stores.get(CHECKS).finished_of_learners(ids)
    learners = tuple(
        LearnerLine(
            learner_id=member.learner_id,
            name=member.name,
            joined_at=member.joined_at,
            last_seen_at=member.last_seen_at,
            completed=sum(completed[member.learner_id].values()),
            completed_by_module=dict(completed[member.learner_id]),
            average_score=mean(learner_scores[member.learner_id])
            if learner_scores[member.learner_id]
            else None,
            check_in=checks.get(member.learner_id, {}).get(CHECK_IN),
            check_out=_since_joining(checks.get(member.learner_id, {}).get(CHECK_OUT), member),
            answers_by_module=answers[member.learner_id],
            working_on=lesson_in_progress(progress.get(member.learner_id, ()), module_of),
            struggling_with=_struggling_with(progress.get(member.learner_id, ()), module_of),
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
    unanswered = await _unanswered(stores, members, now)
    shown = unanswered if _enough_askers(unanswered) else ()
    return Report(
        cohort=cohort,
        now=now,
        inactive_days=inactive_days,
        learners=learners,
        modules=tuple(
            (module.id, len(module.lesson_ids)) for module in course.modules.get(reference, ())
        ),
        scores=scores,
        missed=tuple(await stores.get(ANSWERS).most_missed(ids, TOP_MISSED)),
        unanswered=shown,
        unanswered_withheld=len(shown) < len(unanswered),
        gain=LearningGain.of(learners),
    )


def quizzes_to_go_over(
    entries: Iterable[LessonProgress], lessons: Container[str]
) -> list[tuple[str, int, int]]:
    """Return the lessons whose latest quiz was not all right, worst first: id, right, asked."""
    # "right < asked" leaves out the quizzes all right, and any of no question (no share).
    missed = [
        (entry.lesson_id, entry.last_score, entry.quiz_total)
        for entry in entries
        if entry.last_score is not None
        and entry.last_score < entry.quiz_total
        and entry.lesson_id in lessons
    ]
    return sorted(missed, key=lambda quiz: (quiz[1] / quiz[2], quiz[0]))


def lesson_in_progress(entries: Iterable[LessonProgress], lessons: Container[str]) -> str | None:
    """Return the lesson a learner started last and has not finished, if any."""
    open_lessons = [e for e in entries if e.completed_at is None and e.lesson_id in lessons]
    return max(open_lessons, key=lambda e: e.started_at).lesson_id if open_lessons else None


def _struggling_with(
    entries: Iterable[LessonProgress], lessons: Container[str]
) -> tuple[str, float] | None:
    """Return the lesson whose latest quiz went worst, under half right, with its share right."""
    for lesson_id, right, asked in quizzes_to_go_over(entries, lessons)[:1]:
        if right / asked < STRUGGLING_BELOW:
            return lesson_id, right / asked
    return None


def _since_joining(result: CheckResult | None, member: Member) -> CheckResult | None:
    """Return a check-out finished since the learner joined; None for one from before."""
    finished = result.finished_at if result else None
    return result if finished is not None and finished >= member.joined_at else None


async def _unanswered(
    stores: UnitOfWork, members: list[Member], now: datetime
) -> tuple[UnansweredQuestion, ...]:
    # A question asked before its learner joined belongs to their life before this group.
    joined = {member.learner_id: member.joined_at for member in members}
    since = now - UNANSWERED_KEPT
    asked = await stores.get(QUESTIONS).of_learners(list(joined), since)
    return tuple(q for q in asked if q.asked_at >= joined[q.learner_id])[:UNANSWERED_MAX]


def _enough_askers(questions: tuple[UnansweredQuestion, ...]) -> bool:
    return len({question.learner_id for question in questions}) >= UNANSWERED_MIN_LEARNERS


def _position(order: tuple[str, ...], lesson_id: str) -> int:
    return order.index(lesson_id) if lesson_id in order else len(order)
