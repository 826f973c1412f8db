"""The follow-up pairs of eval/follow-ups name lessons of the course as it is."""

from __future__ import annotations

import pytest

from benchmarks.understanding import DEV_FOLLOW_UPS, follow_up_cases
from bot.core.languages import BUILT_IN
from bot.course.loader import load_course
from bot.paths import PROJECT_ROOT


@pytest.mark.parametrize("language", BUILT_IN.codes)
def test_every_pair_expects_lessons_of_the_course_or_nothing(language: str) -> None:
    # A lesson renamed would make the benchmark count a right answer as wrong.
    course = load_course(PROJECT_ROOT / "content", BUILT_IN.codes)
    splits = {
        name: [c for c in cases if c.language == language]
        for name, cases in follow_up_cases().items()
    }

    unknown = [
        lesson
        for cases in splits.values()
        for case in cases
        for lesson in case.expect
        if course.lesson(language, lesson) is None
    ]

    assert len(splits["dev"]) == DEV_FOLLOW_UPS
    assert splits["held_out"]
    assert unknown == []
