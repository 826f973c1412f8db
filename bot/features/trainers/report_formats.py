"""A cohort report as a chat message and as a CSV file, in the trainer's language."""

from __future__ import annotations

import csv
import io
from typing import Final, Protocol

from bot.course.model import Course
from bot.features.gain.ports import CheckResult
from bot.features.trainers.report import (
    TOP_MISSED,
    UNANSWERED_MIN_LEARNERS,
    LearnerLine,
    LearningGain,
    Report,
)
from bot.i18n import Translator

LINES_MAX: Final = 30
QUESTION_MAX_CHARS: Final = 140
# A spreadsheet reads a cell starting with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


class Named(Protocol):
    """A learner as a trainer may see them: a number, and a first name and initial if given."""

    @property
    def learner_id(self) -> int:
        """Return the learner's number."""
        ...

    @property
    def name(self) -> str | None:
        """Return the learner's first name and initial, if they gave one."""
        ...


def learner_name(t: Translator, learner: Named) -> str:
    """Return how a learner appears to the trainer: first name and initial, or a number."""
    return learner.name or t.gettext("Learner {number}").format(number=learner.learner_id)


def module_title(course: Course, t: Translator, module_id: str) -> str:
    """Return a module's title in the trainer's language."""
    module = course.module(t.language, module_id)
    return module.title if module else module_id


def lesson_title(course: Course, t: Translator, lesson_id: str) -> str:
    """Return a lesson's title in the trainer's language."""
    lesson = course.lesson(t.language, lesson_id)
    return lesson.title if lesson else lesson_id


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUESTION_MAX_CHARS else text[: QUESTION_MAX_CHARS - 1] + "…"


def not_started_lines(report: Report, t: Translator) -> list[str]:
    """Return who has opened no lesson yet, under the learners active this week."""
    # A learner who only joined counts as active this week: "3 of 3 active" hid the one who
    # never began.
    waiting = report.not_started
    if not waiting:
        return []
    names = ", ".join(learner_name(t, line) for line in waiting[:LINES_MAX])
    if len(waiting) > LINES_MAX:
        names += " …"
    return [
        t.ngettext(
            "🌱 {count} learner has not opened a lesson yet: {names}",
            "🌱 {count} learners have not opened a lesson yet: {names}",
            len(waiting),
        ).format(count=len(waiting), names=names)
    ]


def report_text(report: Report, course: Course, t: Translator) -> str:
    """Write the report as one chat message."""
    total = len(report.learners)
    lines = [
        t.gettext("📊 Report: {name} · {date}").format(
            name=report.cohort.name, date=t.date(report.now)
        ),
        t.ngettext(
            "👥 {active} of {count} learner active this week (last 7 days)",
            "👥 {active} of {count} learners active this week (last 7 days)",
            total,
        ).format(active=len(report.active_this_week), count=total),
        *not_started_lines(report, t),
        "",
        t.gettext("✅ Lessons completed:"),
    ]
    for line in report.learners[:LINES_MAX]:
        score = (
            t.gettext(" · average score {score}").format(score=t.percent(line.average_score))
            if line.average_score is not None
            else ""
        )
        done = t.gettext("• {name}: {lessons}").format(
            name=learner_name(t, line), lessons=t.number(line.completed)
        )
        lines.append(done + score + _checks_of(t, line) + _help_with(course, t, line))
    if total > LINES_MAX:
        more = t.gettext("… and {count} more in the CSV file.")
        lines.append(more.format(count=total - LINES_MAX))
    if not report.learners:
        lines.append(t.gettext("Nobody has joined yet."))
    lines += _gain_lines(t, report.gain)
    if report.scores:
        lines += ["", t.gettext("📝 Average quiz score per lesson:")]
        lines += [
            t.ngettext(
                "• {lesson}: {score} ({count} learner)",
                "• {lesson}: {score} ({count} learners)",
                score.learners,
            ).format(
                lesson=lesson_title(course, t, score.lesson_id),
                score=t.percent(score.average),
                count=score.learners,
            )
            for score in report.scores
        ]
    if report.missed:
        lines += ["", t.gettext("❌ Most-missed questions:"), *missed_lines(report, course, t)]
    lines += [
        "",
        t.ngettext(
            "💤 Not active for {days} day or more:",
            "💤 Not active for {days} days or more:",
            report.inactive_days,
        ).format(days=report.inactive_days),
    ]
    lines += [
        t.gettext("• {name} (last seen {date})").format(
            name=learner_name(t, line), date=t.date(line.last_seen_at)
        )
        for line in report.inactive[:LINES_MAX]
    ] or [t.gettext("Nobody.")]
    if len(report.inactive) > LINES_MAX:
        more = t.gettext("… and {count} more in the CSV file.")
        lines.append(more.format(count=len(report.inactive) - LINES_MAX))
    if report.unanswered:
        lines += ["", t.gettext("❓ Questions I could not answer (last 30 days):")]
        lines += [
            f"• {t.date(question.asked_at)}: {_shorten(question.text)}"
            for question in report.unanswered
        ]
    elif report.unanswered_withheld:
        lines += [
            "",
            t.gettext(
                "❓ I do not show the questions I could not answer: fewer than {count} learners "
                "asked them, so you could tell who asked."
            ).format(count=UNANSWERED_MIN_LEARNERS),
        ]
    return "\n".join(lines)


def _checks_of(t: Translator, line: LearnerLine) -> str:
    """Return a learner's check-in and check-out scores, when they took either."""
    if line.check_in is None and line.check_out is None:
        return ""
    return t.gettext(" · start {before} → end {after}").format(
        before=_score(line.check_in), after=_score(line.check_out)
    )


def _help_with(course: Course, t: Translator, line: LearnerLine) -> str:
    """Return where a learner is and where their quizzes went worst, for the trainer to help."""
    said = ""
    if line.working_on is not None:
        said += t.gettext(" · now on “{lesson}”").format(
            lesson=lesson_title(course, t, line.working_on)
        )
    if line.struggling_with is not None:
        lesson_id, share = line.struggling_with
        said += t.gettext(" · quiz to go over: “{lesson}” ({score})").format(
            lesson=lesson_title(course, t, lesson_id), score=t.percent(share)
        )
    return said


def _score(result: CheckResult | None) -> str:
    return f"{result.score}/{result.total}" if result else "–"


def _gain_lines(t: Translator, gain: LearningGain) -> list[str]:
    """Return the cohort's check-in and check-out averages and gain; none before any check."""
    if not gain.check_in_count and not gain.check_out_count:
        return []
    lines = ["", t.gettext("📈 Learning gain (10 questions at the start and at the end):")]
    averages = [
        (
            gain.check_in,
            gain.check_in_count,
            t.ngettext(
                "• At the start: {score}/10 on average ({count} learner)",
                "• At the start: {score}/10 on average ({count} learners)",
                gain.check_in_count,
            ),
        ),
        (
            gain.check_out,
            gain.check_out_count,
            t.ngettext(
                "• At the end: {score}/10 on average ({count} learner)",
                "• At the end: {score}/10 on average ({count} learners)",
                gain.check_out_count,
            ),
        ),
    ]
    lines += [
        line.format(score=t.number(round(average, 1)), count=count)
        for average, count, line in averages
        if average is not None
    ]
    if gain.gain is not None:
        points = t.number(round(gain.gain, 1))
        lines.append(
            t.ngettext(
                "• Gain: {gain} points for the {count} learner who did both",
                "• Gain: {gain} points for the {count} learners who did both",
                gain.both,
            ).format(gain=f"+{points}" if gain.gain > 0 else points, count=gain.both)
        )
    return lines


def missed_lines(
    report: Report, course: Course, t: Translator, limit: int = TOP_MISSED
) -> list[str]:
    """List the most-missed quiz questions, each with its lesson and how often it was missed."""
    lines = []
    for missed in report.missed[:limit]:
        lesson = course.lesson(t.language, missed.lesson_id)
        item = lesson.item(missed.item_id) if lesson else None
        question = item.question if item else f"{missed.lesson_id} #{missed.item_id}"
        lines.append(
            # Answers, not learners: "2 fout op 2" read as two learners, where one had tried twice.
            t.ngettext(
                "• {question} ({lesson}): {misses} wrong answer out of {answers}",
                "• {question} ({lesson}): {misses} wrong answers out of {answers}",
                missed.misses,
            ).format(
                question=_shorten(question),
                lesson=lesson_title(course, t, missed.lesson_id),
                misses=missed.misses,
                answers=missed.answers,
            )
        )
    return lines


def spreadsheet_cell(value: str | int) -> str | int:
    """Return a cell a spreadsheet shows as typed: text that would start a formula gets a quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def report_csv(report: Report, course: Course, t: Translator) -> bytes:
    """Write one row per learner, for a spreadsheet (semicolons and a BOM, as Excel expects)."""
    header: list[str | int] = [
        t.gettext("Learner"),
        t.gettext("Joined"),
        t.gettext("Last seen"),
        t.gettext("Lessons completed"),
        t.gettext("Average score (%)"),
        *(
            f"{module_title(course, t, module_id)} (/{count})"
            for module_id, count in report.modules
        ),
        # Last, so that the columns of earlier reports keep their places in a spreadsheet.
        t.gettext("Check at the start (/10)"),
        t.gettext("Check at the end (/10)"),
        t.gettext("Lesson in progress"),
        t.gettext("Quiz to go over"),
        t.gettext("Its score (%)"),
    ]
    lines: list[list[str | int]] = [
        [
            learner_name(t, line),
            line.joined_at.astimezone(t.timezone).date().isoformat(),
            line.last_seen_at.astimezone(t.timezone).date().isoformat(),
            line.completed,
            "" if line.average_score is None else round(line.average_score * 100),
            *(line.completed_by_module.get(module_id, 0) for module_id, _ in report.modules),
            *(
                "" if check is None else round(check.out_of_ten)
                for check in (line.check_in, line.check_out)
            ),
            "" if line.working_on is None else lesson_title(course, t, line.working_on),
            *(
                ("", "")
                if line.struggling_with is None
                else (
                    lesson_title(course, t, line.struggling_with[0]),
                    round(line.struggling_with[1] * 100),
                )
            ),
        ]
        for line in report.learners
    ]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    # Names and titles come from people: none may run as a formula in the trainer's spreadsheet.
    writer.writerows([spreadsheet_cell(cell) for cell in row] for row in [header, *lines])
    return ("\ufeff" + buffer.getvalue()).encode()
