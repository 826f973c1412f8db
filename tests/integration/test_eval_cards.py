"""The cards readers chose in eval/cards are cards of the course as it is."""

from __future__ import annotations

import pytest
import yaml

from bot.core.languages import BUILT_IN
from bot.course.loader import load_course
from bot.course.model import Course
from bot.paths import PROJECT_ROOT


@pytest.mark.parametrize("language", BUILT_IN.codes)
def test_every_chosen_card_is_a_card_of_its_lesson(language: str) -> None:
    # A heading renamed in a lesson would make the benchmark count a right card as wrong.
    course = load_course(PROJECT_ROOT / "content", BUILT_IN.codes)
    data = yaml.safe_load((PROJECT_ROOT / "eval" / "cards" / f"{language}.yaml").read_text("utf-8"))

    missing = [
        (case["lesson"], heading)
        for cases in data.values()
        for case in cases
        for heading in case["cards"]
        if heading not in _headings(course, language, case["lesson"])
    ]

    assert sum(len(cases) for cases in data.values()) == 66
    assert missing == []


def _headings(course: Course, language: str, lesson_id: str) -> set[str]:
    lesson = course.lesson(language, lesson_id)
    return {card.heading for card in lesson.cards} if lesson else set()
