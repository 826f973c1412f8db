"""The quiz-fairness figures: positions, longest right options, cue words, a test-wise guesser."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.languages import BUILT_IN
from bot.course.checks import check_content
from bot.course.fairness import FairnessLimits, measure_fairness
from bot.course.model import Lesson, QuizItem


def item(item_id: str, options: tuple[str, ...], correct: int) -> QuizItem:
    return QuizItem(item_id, "?", options, correct, tuple("x" for _ in options), 1)


def lesson(*items: QuizItem) -> Lesson:
    return Lesson("m/l", "en", "T", (), (), items)


# A small quiz written the way the issue found the course: cues everywhere.
ITEMS = (
    # Only the distractors are absolute; the right one is the longest; C of four.
    item("a", ("AI is always right", "AI never errs", "AI can be wrong, so check", "No"), 2),
    # The right one is hedged and the only hedged one; D of four.
    item("b", ("Yes", "No", "Maybe not", "It sometimes helps"), 3),
    # No cue: a three-option item with equal lengths, the right one first.
    item("c", ("cat", "dog", "cow"), 0),
    # A trap for the cues: the right answer is the absolute one.
    item("d", ("Only people decide", "The model decides", "Nobody"), 0),
)


def test_the_figures_of_a_small_quiz() -> None:
    figures = measure_fairness("en", [lesson(*ITEMS)])

    assert figures.items == 4
    assert figures.positions == {"A": 2, "B": 0, "C": 1, "D": 1}
    assert figures.right_longest == pytest.approx(3 / 4)  # a, b and d
    assert figures.absolute_only_distractors == pytest.approx(1 / 4)  # a
    assert figures.hedged_only_right == pytest.approx(2 / 4)  # a ("can") and b ("sometimes")
    assert figures.chance == pytest.approx((1 / 4 + 1 / 4 + 1 / 3 + 1 / 3) / 4)
    # Form only: a and b right, c a three-way tie (1/3), d the model's answer (wrong).
    assert figures.guesser_form_only == pytest.approx((1 + 1 + 1 / 3 + 0) / 4)
    # In file order the cues decide a, b and d; c follows b's D, which rules nothing out.
    assert figures.guesser_in_file_order == pytest.approx((1 + 1 + 1 / 3 + 0) / 4)
    # After an A, a guesser in file order avoids A: wrong on a second "cat, dog, cow".
    again = measure_fairness("en", [lesson(ITEMS[2], ITEMS[2])])
    assert again.guesser_in_file_order == pytest.approx((1 / 3 + 0) / 2)


def test_breaches_name_what_exceeds_the_limits() -> None:
    figures = measure_fairness("en", [lesson(*ITEMS)])

    breaches = figures.breaches(FairnessLimits())

    assert any(b.startswith("a form-only guesser: 58.3 %") for b in breaches)
    assert any(b.startswith("right option strictly the longest: 75.0 %") for b in breaches)
    assert any(b.startswith("only the right option hedged: 50.0 %") for b in breaches)
    assert figures.breaches(FairnessLimits(1, 1, 1, 1)) == []


def test_a_language_without_cue_words_still_gets_positions_and_lengths() -> None:
    figures = measure_fairness("de", [lesson(*ITEMS)])

    assert (figures.absolute_only_distractors, figures.hedged_only_right) == (0, 0)
    assert figures.right_longest == pytest.approx(3 / 4)


def test_the_course_is_fair_and_an_unfair_quiz_fails_unless_only_warned(tmp_path: Path) -> None:
    from tests.unit.test_course_checks import CONTENT

    fair = check_content(CONTENT, BUILT_IN.codes, "en")
    assert not [p for p in fair.problems if "quiz fairness" in p.message]
    assert [f.language for f in fair.fairness] == list(BUILT_IN.codes)

    # Limits no quiz can meet stand in for an unfair quiz.
    impossible = FairnessLimits(-1, -1, -1, -1)
    failing = check_content(CONTENT, BUILT_IN.codes, "en", fairness_limits=impossible)
    warned = check_content(
        CONTENT, BUILT_IN.codes, "en", fairness_limits=impossible, fairness_as_warnings=True
    )
    unfair = [str(p) for p in failing.problems if "quiz fairness" in p.message]
    assert len(unfair) == 4 * len(BUILT_IN.codes)
    assert [str(w) for w in warned.warnings if "quiz fairness" in w.message] == unfair
    assert not [p for p in warned.problems if "quiz fairness" in p.message]
