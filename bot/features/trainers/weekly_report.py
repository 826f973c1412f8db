"""The weekly report: each cohort's week in a few lines, with who may be stuck and why."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final, Literal

from bot.config import Language
from bot.core.ports import UnitOfWork
from bot.core.replies import Message, Reply
from bot.core.router import Services, button, rows
from bot.course.model import Course
from bot.features.answers.ports import QUESTIONS
from bot.features.progress.ports import PROGRESS, LessonProgress
from bot.features.trainers.buttons import CohortReport, SwitchWeekly
from bot.features.trainers.ports import COHORTS, PUSHES
from bot.features.trainers.report import WEEK, LearnerLine, Report, build_report
from bot.features.trainers.report_formats import (
    LINES_MAX,
    learner_name,
    lesson_title,
    missed_lines,
    not_started_lines,
)
from bot.i18n import Translator

# Who may be stuck, simply: away a week; a lesson opened a week ago and not finished; or a quiz
# tried twice or more whose latest try got less than half right. The first that applies counts.
AWAY_DAYS: Final = 7
OPEN_LESSON_DAYS: Final = 7
RETRIED_QUIZ_ATTEMPTS: Final = 2
RETRIED_QUIZ_BELOW: Final = 0.5
WEEKLY_MISSED: Final = 3
WEEKLY_MINUTE: Final = 8 * 60  # sent on Monday at 08:00, local time

Reason = Literal["away", "lesson", "quiz"]


@dataclass(frozen=True)
class Stuck:
    """A learner who may need help, and why."""

    learner: LearnerLine
    reason: Reason
    days: int = 0
    lesson_id: str | None = None
    attempts: int = 0
    score: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class Weekly:
    """A cohort's week, as its trainer reads it on Monday."""

    report: Report
    stuck: tuple[Stuck, ...]
    unanswered: int  # questions the tutor could not answer, this week, since each one joined


def stuck_reason(line: LearnerLine, lessons: list[LessonProgress], now: datetime) -> Stuck | None:
    """Say whether and why a learner may be stuck (see the rules above)."""
    away = (now - line.last_seen_at) // timedelta(days=1)
    if away >= AWAY_DAYS:
        return Stuck(line, "away", days=away)
    opened = [
        lesson
        for lesson in lessons
        if lesson.completed_at is None
        and now - lesson.started_at >= timedelta(days=OPEN_LESSON_DAYS)
    ]
    if opened:
        oldest = min(opened, key=lambda lesson: lesson.started_at)
        days = (now - oldest.started_at) // timedelta(days=1)
        return Stuck(line, "lesson", days=days, lesson_id=oldest.lesson_id)
    retried = [
        lesson
        for lesson in lessons
        if lesson.quiz_attempts >= RETRIED_QUIZ_ATTEMPTS
        and lesson.last_score is not None
        and lesson.quiz_total
        and lesson.last_score / lesson.quiz_total < RETRIED_QUIZ_BELOW
    ]
    if retried:
        latest = retried[-1]
        score = (latest.last_score or 0, latest.quiz_total)
        return Stuck(
            line, "quiz", lesson_id=latest.lesson_id, attempts=latest.quiz_attempts, score=score
        )
    return None


async def build_weekly(
    stores: UnitOfWork,
    course: Course,
    reference: Language,
    trainer_id: int,
    cohort_id: int,
    now: datetime,
) -> Weekly | None:
    """Gather a cohort's week for its trainer; None when they no longer lead it."""
    cohort = await stores.get(COHORTS).owned_cohort(trainer_id, cohort_id)
    if cohort is None:
        return None
    report = await build_report(stores, course, reference, cohort, now, AWAY_DAYS)
    ids = [line.learner_id for line in report.learners]
    progress = await stores.get(PROGRESS).of_learners(ids)
    stuck = tuple(
        found
        for line in report.learners
        if (found := stuck_reason(line, progress.get(line.learner_id, []), now))
    )
    # Counted, never shown: a number tells nobody who asked what.
    joined = {line.learner_id: line.joined_at for line in report.learners}
    asked = await stores.get(QUESTIONS).of_learners(ids, now - WEEK)
    unanswered = sum(1 for question in asked if question.asked_at >= joined[question.learner_id])
    return Weekly(report, stuck, unanswered)


def _reason_text(t: Translator, course: Course, stuck: Stuck) -> str:
    name = learner_name(t, stuck.learner)
    lesson = lesson_title(course, t, stuck.lesson_id or "")
    match stuck.reason:
        case "away":
            text = t.ngettext(
                "• {name}: no visit for {days} day",
                "• {name}: no visit for {days} days",
                stuck.days,
            )
        case "lesson":
            text = t.ngettext(
                "• {name}: opened “{lesson}” {days} day ago and did not finish it",
                "• {name}: opened “{lesson}” {days} days ago and did not finish it",
                stuck.days,
            )
        case "quiz":
            text = t.gettext(
                "• {name}: tried the quiz of “{lesson}” {attempts} times, "
                "last score {right} out of {total}"
            )
    right, total = stuck.score
    return text.format(
        name=name,
        days=stuck.days,
        lesson=lesson,
        attempts=stuck.attempts,
        right=right,
        total=total,
    )


def weekly_text(weekly: Weekly, course: Course, t: Translator) -> str:
    """Write a cohort's week as one chat message."""
    report = weekly.report
    total = len(report.learners)
    lines = [
        t.gettext("📬 Your weekly report: {name} · {date}").format(
            name=report.cohort.name, date=t.date(report.now)
        ),
        t.ngettext(
            "👥 {active} of {count} learner active this week (last 7 days)",
            "👥 {active} of {count} learners active this week (last 7 days)",
            total,
        ).format(active=len(report.active_this_week), count=total),
        *not_started_lines(report, t),
        "",
    ]
    if weekly.stuck:
        lines.append(
            t.ngettext(
                "🚩 {count} learner may need your help:",
                "🚩 {count} learners may need your help:",
                len(weekly.stuck),
            ).format(count=len(weekly.stuck))
        )
        lines += [_reason_text(t, course, stuck) for stuck in weekly.stuck[:LINES_MAX]]
        if len(weekly.stuck) > LINES_MAX:
            more = t.gettext("… and {count} more in the CSV file.")
            lines.append(more.format(count=len(weekly.stuck) - LINES_MAX))
    else:
        lines.append(t.gettext("🚩 Nobody seems stuck."))
    if report.missed:
        lines += ["", t.gettext("❌ Most-missed questions:")]
        lines += missed_lines(report, course, t, WEEKLY_MISSED)
    lines += [
        "",
        t.ngettext(
            "❓ {count} question I could not answer this week.",
            "❓ {count} questions I could not answer this week.",
            weekly.unanswered,
        ).format(count=weekly.unanswered),
    ]
    return "\n".join(lines)


async def weekly_message(
    stores: UnitOfWork,
    services: Services,
    t: Translator,
    trainer_id: int,
    cohort_id: int,
    now: datetime,
) -> list[Reply] | None:
    """Return the weekly report of a cohort, with its buttons; None when it is not wanted."""
    if not await stores.get(COHORTS).weekly_report_on(trainer_id):
        return None
    # Queued on Monday morning, held by the quiet hours, and the course ended meanwhile.
    if cohort_id in await stores.get(PUSHES).ended_on([cohort_id]):
        return None
    course = services.course
    weekly = await build_weekly(
        stores, course, services.default_language, trainer_id, cohort_id, now
    )
    if weekly is None:
        return None
    keyboard = rows(
        button(t.gettext("📊 Full report with chart"), CohortReport(cohort_id)),
        button(t.gettext("🔕 No more weekly reports"), SwitchWeekly("off")),
    )
    return [Message(weekly_text(weekly, course, t), keyboard)]
