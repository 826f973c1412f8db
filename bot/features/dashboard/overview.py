"""What the dashboard shows of a cohort: its figures, its learners, its hard lessons, its questions.

Built on the trainers' report (the same rules: questions only from after a learner joined, and
only when enough learners asked) and on the learning features' stores for what a table needs
beyond it: the lesson in progress, mastery, streaks and reviews due.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import mean
from typing import Final, Literal
from zoneinfo import ZoneInfo

from bot.config import Language
from bot.core.ports import UnitOfWork
from bot.course.model import Course
from bot.features.answers.ports import UnansweredQuestion
from bot.features.progress.ports import PROGRESS, STREAKS, LessonProgress
from bot.features.progress.standing import standing_of
from bot.features.progress.streaks import current_days, local_day
from bot.features.quiz.ports import ANSWERS
from bot.features.review.ports import REVIEWS
from bot.features.trainers.ports import Cohort
from bot.features.trainers.report import LearningGain, Report, build_report
from bot.features.trainers.weekly_report import AWAY_DAYS, Stuck, stuck_reason

# The learner table sorts by these columns; the default puts who may be stuck first.
SortKey = Literal["name", "lesson", "done", "mastered", "seen", "streak", "reviews", "stuck"]
SORT_KEYS: Final[tuple[SortKey, ...]] = (
    "stuck",
    "name",
    "lesson",
    "done",
    "mastered",
    "seen",
    "streak",
    "reviews",
)
Filter = Literal["all", "stuck", "active", "inactive"]
FILTERS: Final[tuple[Filter, ...]] = ("all", "stuck", "active", "inactive")
WEEK: Final = timedelta(days=7)


@dataclass(frozen=True)
class Outlook:
    """Where a view is built from: the course in the viewer's language, now, in the tutor's zone."""

    course: Course
    language: Language
    now: datetime
    zone: ZoneInfo


@dataclass(frozen=True)
class LearnerRow:
    """One learner in a cohort's table; the name is first name and initial only."""

    learner_id: int
    name: str | None
    lesson_id: str | None  # the lesson opened most recently and not finished
    done: int
    mastered: int
    last_seen_at: datetime
    streak: int
    reviews_due: int
    stuck: Stuck | None


@dataclass(frozen=True)
class OptionShare:
    """One option of a quiz item and the share of answers that chose it."""

    text: str
    chosen: int
    share: float
    correct: bool


@dataclass(frozen=True)
class HardItem:
    """A quiz item the cohort often misses, with how its answers spread over the options."""

    lesson_id: str
    question: str
    misses: int
    answers: int
    options: tuple[OptionShare, ...]


@dataclass(frozen=True)
class LessonLine:
    """One lesson as the cohort did it: how many finished it and their average latest score."""

    lesson_id: str
    title: str
    done: int
    average: float | None


@dataclass(frozen=True)
class CohortSummary:
    """A cohort in the list of cohorts."""

    cohort: Cohort
    learners: int
    active: int  # seen in the last 7 days, counting only learners who did something
    average_done: float | None
    reviews_due: int
    gain: LearningGain


@dataclass(frozen=True)
class CohortView:
    """Everything the page of one cohort shows."""

    summary: CohortSummary
    rows: tuple[LearnerRow, ...]
    lessons: tuple[LessonLine, ...]
    hard_items: tuple[HardItem, ...]
    questions: tuple[UnansweredQuestion, ...]
    questions_withheld: bool


async def _rows(
    stores: UnitOfWork,
    course: Course,
    language: Language,
    report: Report,
    progress: dict[int, list[LessonProgress]],
    today: date,
) -> tuple[LearnerRow, ...]:
    answers, streaks, reviews = stores.get(ANSWERS), stores.get(STREAKS), stores.get(REVIEWS)
    rows = []
    for line in report.learners:
        lessons = progress.get(line.learner_id, [])
        latest = await answers.latest_results(line.learner_id)
        standing = standing_of(course, language, lessons, latest)
        rows.append(
            LearnerRow(
                learner_id=line.learner_id,
                name=line.name,
                lesson_id=line.working_on,
                done=standing.done,
                mastered=standing.mastered,
                last_seen_at=line.last_seen_at,
                streak=current_days(await streaks.of(line.learner_id), today),
                reviews_due=await reviews.count_due(line.learner_id, report.now),
                stuck=stuck_reason(line, lessons, report.now),
            )
        )
    return tuple(rows)


def _active(report: Report, rows: tuple[LearnerRow, ...]) -> int:
    # Seen this week is not enough: someone who only opened the menu has not learned anything.
    started = {row.learner_id for row in rows if row.done or row.lesson_id}
    return sum(1 for line in report.active_this_week if line.learner_id in started)


def _summary(report: Report, rows: tuple[LearnerRow, ...]) -> CohortSummary:
    return CohortSummary(
        cohort=report.cohort,
        learners=len(rows),
        active=_active(report, rows),
        average_done=mean(row.done for row in rows) if rows else None,
        reviews_due=sum(row.reviews_due for row in rows),
        gain=report.gain,
    )


def _option_shares(
    chosen: dict[int, int], options: tuple[str, ...], correct: int
) -> tuple[OptionShare, ...]:
    total = sum(chosen.values())
    return tuple(
        OptionShare(
            text,
            chosen.get(index, 0),
            chosen.get(index, 0) / total if total else 0.0,
            index == correct,
        )
        for index, text in enumerate(options)
    )


async def _hard_items(
    stores: UnitOfWork, course: Course, language: Language, report: Report
) -> tuple[HardItem, ...]:
    ids = [line.learner_id for line in report.learners]
    keys = [(missed.lesson_id, missed.item_id) for missed in report.missed]
    counts = await stores.get(ANSWERS).choices(ids, keys)
    items = []
    for missed in report.missed:
        lesson = course.lesson(language, missed.lesson_id)
        item = next((i for i in lesson.quiz if i.id == missed.item_id), None) if lesson else None
        if item is None:
            continue
        chosen = counts.get((missed.lesson_id, missed.item_id), {})
        shares = _option_shares(chosen, item.options, item.correct)
        items.append(
            HardItem(missed.lesson_id, item.question, missed.misses, missed.answers, shares)
        )
    return tuple(items)


def _lessons(
    course: Course, language: Language, report: Report, progress: dict[int, list[LessonProgress]]
) -> tuple[LessonLine, ...]:
    scores = {score.lesson_id: score.average for score in report.scores}
    done = Counter(
        lesson.lesson_id
        for lessons in progress.values()
        for lesson in lessons
        if lesson.completed_at is not None
    )
    lines = []
    for lesson_id in course.lesson_order(language):
        if lesson_id in scores or done[lesson_id]:
            lesson = course.lesson(language, lesson_id)
            title = lesson.title if lesson else lesson_id
            lines.append(LessonLine(lesson_id, title, done[lesson_id], scores.get(lesson_id)))
    return tuple(lines)


async def _learners(
    stores: UnitOfWork, outlook: Outlook, cohort: Cohort
) -> tuple[Report, dict[int, list[LessonProgress]], tuple[LearnerRow, ...]]:
    course, language = outlook.course, outlook.language
    report = await build_report(stores, course, language, cohort, outlook.now, AWAY_DAYS)
    ids = [line.learner_id for line in report.learners]
    progress = await stores.get(PROGRESS).of_learners(ids)
    today = local_day(outlook.now, outlook.zone)
    return report, progress, await _rows(stores, course, language, report, progress, today)


async def cohort_summary(stores: UnitOfWork, outlook: Outlook, cohort: Cohort) -> CohortSummary:
    """Return a cohort's figures for the list of cohorts."""
    report, _, rows = await _learners(stores, outlook, cohort)
    return _summary(report, rows)


async def cohort_view(stores: UnitOfWork, outlook: Outlook, cohort: Cohort) -> CohortView:
    """Return everything the page of one cohort shows, in the outlook's language."""
    course, language = outlook.course, outlook.language
    report, progress, rows = await _learners(stores, outlook, cohort)
    questions = sorted(
        report.unanswered, key=lambda q: (q.handled_at is not None, -q.asked_at.timestamp())
    )
    return CohortView(
        summary=_summary(report, rows),
        rows=rows,
        lessons=_lessons(course, language, report, progress),
        hard_items=await _hard_items(stores, course, language, report),
        questions=tuple(questions),
        questions_withheld=report.unanswered_withheld,
    )


def _sort_value(row: LearnerRow, key: SortKey) -> tuple[object, ...]:
    match key:
        case "name":
            return ((row.name or "").casefold(),)
        case "lesson":
            return (row.lesson_id is None, row.lesson_id or "")
        case "seen":
            return (row.last_seen_at,)
        case "stuck":
            return (row.stuck is None, row.last_seen_at)
        case "done" | "mastered" | "streak":
            return (getattr(row, key),)
        case "reviews":
            return (row.reviews_due,)


def arrange(
    rows: tuple[LearnerRow, ...], key: SortKey, descending: bool, shown: Filter, now: datetime
) -> list[LearnerRow]:
    """Filter the learner table and sort it by one column."""
    week_ago = now - WEEK
    kept = [
        row
        for row in rows
        if shown == "all"
        or (shown == "stuck" and row.stuck is not None)
        or (shown == "active" and row.last_seen_at >= week_ago)
        or (shown == "inactive" and row.last_seen_at < week_ago)
    ]
    return sorted(
        kept,
        key=lambda row: (_sort_value(row, key), (row.name or "").casefold()),
        reverse=descending,
    )
