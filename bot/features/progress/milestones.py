"""What a learner reads at the end of a lesson about the course: milestones, once each."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from bot.core.replies import Button
from bot.core.router import Turn, button
from bot.features.certificate.buttons import GetCertificate
from bot.features.certificate.ports import CERTIFICATES
from bot.features.lessons.buttons import OpenLesson
from bot.features.progress.ports import CELEBRATIONS, PROGRESS
from bot.features.progress.standing import MASTERY_SHARE, CourseStanding, standing_of
from bot.features.quiz.buttons import StartQuiz
from bot.features.quiz.ports import ANSWERS

COURSE_MILESTONE = "course"
# Lessons offered to master next, when every lesson is done but too few are mastered.
QUIZZES_OFFERED: Final = 3


def module_milestone(module_id: str) -> str:
    """Return the name a module's celebration is kept under."""
    return f"module:{module_id}"


async def load_standing(turn: Turn) -> CourseStanding:
    """Return where the learner stands in the course, in their language."""
    progress = await turn.repo(PROGRESS).all(turn.learner.id)
    latest = await turn.repo(ANSWERS).latest_results(turn.learner.id)
    return standing_of(turn.course, turn.language, progress, latest)


@dataclass
class LessonEnd:
    """The lines and buttons the end of a lesson's quiz adds about the course."""

    lines: list[str] = field(default_factory=list)
    buttons: list[Button] = field(default_factory=list)


async def lesson_end(turn: Turn, lesson_id: str) -> LessonEnd:
    """Say whether the lesson is mastered, celebrate a module or the course once, offer what next.

    "Course finished" is said only when every lesson is done, whatever lesson came last.
    """
    t = turn.t
    standing = await load_standing(turn)
    end = LessonEnd()
    lesson = next((x for x in standing.lessons if x.lesson_id == lesson_id), None)
    if lesson is not None and lesson.mastered:
        end.lines.append(t.gettext("⭐ You mastered this lesson."))
    module = standing.module_of(lesson_id)
    celebrations = turn.repo(CELEBRATIONS)
    if (
        module is not None
        and module.complete
        and await celebrations.claim(turn.learner.id, module_milestone(module.module_id), turn.now)
    ):
        end.lines.append(
            t.gettext("🎉 You finished every lesson of “{module}”. Well done!").format(
                module=module.title
            )
        )
    if not standing.finished:
        _point_to_unfinished(turn, standing, lesson_id, end)
        return end
    if await celebrations.claim(turn.learner.id, COURSE_MILESTONE, turn.now):
        end.lines.append(t.gettext("🏆 You finished every lesson of the course. Congratulations!"))
        if not standing.certificate_ready:
            needed = standing.mastered_needed
            end.lines.append(
                t.ngettext(
                    "For a certificate, master {count} more lesson: get {percent} right, "
                    "in its quiz or in your reviews.",
                    "For a certificate, master {count} more lessons: get {percent} right, "
                    "in their quizzes or in your reviews.",
                    needed,
                ).format(count=needed, percent=t.percent(MASTERY_SHARE))
            )
            end.buttons.extend(closest_quizzes(turn, standing))
    if standing.certificate_ready and not await turn.repo(CERTIFICATES).valid_of(turn.learner.id):
        end.lines.append(t.gettext("You can now get your certificate."))
        end.buttons.append(certificate_button(turn))
    return end


def closest_quizzes(turn: Turn, standing: CourseStanding) -> list[Button]:
    """Return the quizzes of the lessons done that are closest to mastered, to take again."""
    t = turn.t
    return [
        button(t.gettext("📝 {title}").format(title=lesson.title), StartQuiz(lesson.lesson_id))
        for lesson in standing.closest_to_mastery(QUIZZES_OFFERED)
    ]


def certificate_button(turn: Turn) -> Button:
    """Return the button that starts making a certificate."""
    return button(turn.t.gettext("🎓 Get my certificate"), GetCertificate())


def _point_to_unfinished(
    turn: Turn, standing: CourseStanding, lesson_id: str, end: LessonEnd
) -> None:
    """After the last lesson of the course with lessons left undone, point to the first of them."""
    if turn.course.next_lesson_id(turn.language, lesson_id) is not None:
        return
    left = [x for x in standing.lessons if not x.done]
    t = turn.t
    end.lines.append(
        t.ngettext(
            "This was the last lesson. {count} lesson is not finished yet.",
            "This was the last lesson. {count} lessons are not finished yet.",
            len(left),
        ).format(count=len(left))
    )
    first = left[0]
    end.buttons.append(
        button(
            t.gettext("▶ Not finished: {title}").format(title=first.title),
            OpenLesson(first.lesson_id),
        )
    )
