"""Run `tutor content check` on a course folder, as the tests of its rules read it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

import yaml

from bot.core.languages import BUILT_IN
from bot.course.checks import MIN_QUIZ_ITEMS, check_content
from tests.support.fairness import UNLIMITED

# The fixture course's quizzes are shorter than the course's rule: that problem is expected.
SHORT_QUIZ: Final = re.compile(rf"[23] quiz items, at least {MIN_QUIZ_ITEMS}")


def findings(content: Path) -> tuple[list[str], list[str]]:
    """Return the problems (but the fixture's short quizzes) and the warnings of the check."""
    report = check_content(
        content, BUILT_IN.codes, "en", content / "syllabus.yaml", fairness_limits=UNLIMITED
    )
    problems = [str(p) for p in report.problems if not SHORT_QUIZ.fullmatch(p.message)]
    return problems, [str(w) for w in report.warnings]


def set_front_matter(path: Path, key: str, value: object) -> None:
    """Replace one key of a lesson's front matter (None: remove it)."""
    _, front, body = path.read_text().split("---\n", 2)
    meta = yaml.safe_load(front)
    if value is None:
        del meta[key]
    else:
        meta[key] = value
    path.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body)
