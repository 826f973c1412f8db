"""The fixture course of the flow tests is a course like the real one, only smaller."""

from __future__ import annotations

from bot.core.languages import BUILT_IN
from bot.course.checks import check_content
from tests.support.content_check import SHORT_QUIZ
from tests.support.fairness import UNLIMITED
from tests.support.learning import FIXTURE_COURSE_DIR, fixture_course


def test_the_fixture_course_loads_in_every_language() -> None:
    course = fixture_course()
    for language in BUILT_IN.codes:
        assert [module.id for module in course.modules[language]] == ["basics", "safety"]
        lessons = course.all_lessons(language)
        assert len(lessons) == 3
        assert all(3 <= len(lesson.cards) <= 4 for lesson in lessons)
        assert all(2 <= len(lesson.quiz) <= 3 for lesson in lessons)


def test_the_fixture_course_passes_the_content_check_but_for_its_short_quizzes() -> None:
    # Three lessons of two or three items are too few to judge quiz fairness.
    report = check_content(
        FIXTURE_COURSE_DIR,
        BUILT_IN.codes,
        "en",
        FIXTURE_COURSE_DIR / "syllabus.yaml",
        fairness_limits=UNLIMITED,
    )
    assert len(report.readability) == 3 * len(BUILT_IN.codes)
    assert [str(p) for p in report.problems if not SHORT_QUIZ.fullmatch(p.message)] == []
