"""Where a learner stands in the course: lessons done and mastered, module by module.

A lesson is *done* once its quiz has been finished, every item answered (the quiz asks them in
order and records the lesson when the last one is answered). It is *mastered* when it is done
and at least 80 % of its quiz items are right, an item being right when the learner's latest
answer to it, in a quiz or in a review, is right: a miss put right in a later review counts,
and a right answer missed later does not. Items the learner never answered count as not right.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final

from bot.config import Language
from bot.course.model import Course
from bot.features.progress.ports import LessonProgress

# Mastery, and the share of mastered lessons a certificate needs: 4 in 5 (80 %), in integers.
MASTERY: Final = (4, 5)
MASTERY_SHARE: Final = MASTERY[0] / MASTERY[1]


def _at_least_mastery(part: int, whole: int) -> bool:
    numerator, denominator = MASTERY
    return whole > 0 and part * denominator >= whole * numerator


@dataclass(frozen=True)
class LessonStanding:
    """One lesson: its quiz items, how many are right, and whether its quiz was finished."""

    lesson_id: str
    title: str
    items: int
    right: int
    done: bool

    @property
    def mastered(self) -> bool:
        """Tell whether the lesson is done with at least 80 % of its items right."""
        return self.done and _at_least_mastery(self.right, self.items)


@dataclass(frozen=True)
class ModuleStanding:
    """One module and its lessons, in course order."""

    module_id: str
    title: str
    lessons: tuple[LessonStanding, ...]

    @property
    def done(self) -> int:
        """Count the module's lessons done."""
        return sum(lesson.done for lesson in self.lessons)

    @property
    def mastered(self) -> int:
        """Count the module's lessons mastered."""
        return sum(lesson.mastered for lesson in self.lessons)

    @property
    def complete(self) -> bool:
        """Tell whether every lesson of the module is done."""
        return self.done == len(self.lessons)


@dataclass(frozen=True)
class CourseStanding:
    """The whole course as one learner stands in it."""

    modules: tuple[ModuleStanding, ...]

    @property
    def lessons(self) -> tuple[LessonStanding, ...]:
        """Return every lesson, in course order."""
        return tuple(lesson for module in self.modules for lesson in module.lessons)

    @property
    def total(self) -> int:
        """Count the lessons of the course."""
        return len(self.lessons)

    @property
    def done(self) -> int:
        """Count the lessons done."""
        return sum(module.done for module in self.modules)

    @property
    def mastered(self) -> int:
        """Count the lessons mastered."""
        return sum(module.mastered for module in self.modules)

    @property
    def finished(self) -> bool:
        """Tell whether every lesson of the course is done."""
        return self.total > 0 and self.done == self.total

    @property
    def certificate_ready(self) -> bool:
        """Tell whether the learner may have a certificate: all done, 80 % mastered."""
        return self.finished and _at_least_mastery(self.mastered, self.total)

    @property
    def mastered_needed(self) -> int:
        """Count how many more lessons must be mastered for a certificate."""
        numerator, denominator = MASTERY
        needed = -(-self.total * numerator // denominator)
        return max(needed - self.mastered, 0)

    def closest_to_mastery(self, limit: int) -> list[LessonStanding]:
        """Return up to `limit` lessons done but not mastered, those with most right first."""
        waiting = [lesson for lesson in self.lessons if lesson.done and not lesson.mastered]
        # The share right, not the count: 3 of 4 is closer than 3 of 6.
        waiting.sort(key=lambda lesson: -lesson.right / max(lesson.items, 1))
        return waiting[:limit]

    def module_of(self, lesson_id: str) -> ModuleStanding | None:
        """Return the module a lesson belongs to."""
        return next(
            (m for m in self.modules if lesson_id in {x.lesson_id for x in m.lessons}), None
        )


def standing_of(
    course: Course,
    language: Language,
    progress: Iterable[LessonProgress],
    latest: Mapping[tuple[str, str], bool],
) -> CourseStanding:
    """Work out a learner's standing from their lesson progress and latest answer per item."""
    done = {p.lesson_id for p in progress if p.completed_at is not None}
    modules = []
    for module in course.modules.get(language, ()):
        lessons = []
        for lesson_id in module.lesson_ids:
            lesson = course.lesson(language, lesson_id)
            if lesson is None:
                continue
            right = sum(latest.get((lesson.id, item.id), False) for item in lesson.quiz)
            lessons.append(
                LessonStanding(lesson.id, lesson.title, len(lesson.quiz), right, lesson.id in done)
            )
        modules.append(ModuleStanding(module.id, module.title, tuple(lessons)))
    return CourseStanding(tuple(modules))
