"""The `simple:` key ideas of lessons and the `topics:` of practice tasks, checked and listed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from bot.cli import main
from bot.core.languages import BUILT_IN
from bot.course.checks import check_content
from bot.course.loader import load_course
from tests.support.fairness import UNLIMITED
from tests.support.learning import FIXTURE_COURSE_DIR
from tests.unit.test_fixture_course import SHORT_QUIZ

LESSON = "basics/what-is-ai"


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """A copy of the fixture course, to break at will."""
    target = tmp_path / "course"
    shutil.copytree(FIXTURE_COURSE_DIR, target)
    return target


def findings(content: Path) -> tuple[list[str], list[str]]:
    """Return the problems (but the fixture's short quizzes) and the warnings of the check."""
    report = check_content(
        content, BUILT_IN.codes, "en", content / "syllabus.yaml", fairness_limits=UNLIMITED
    )
    problems = [str(p) for p in report.problems if not SHORT_QUIZ.fullmatch(p.message)]
    return problems, [str(w) for w in report.warnings]


def set_simple(path: Path, lines: list[str] | None) -> None:
    """Replace the lesson's `simple:` lines (None: remove the key)."""
    _, front, body = path.read_text().split("---\n", 2)
    meta = yaml.safe_load(front)
    if lines is None:
        del meta["simple"]
    else:
        meta["simple"] = lines
    path.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body)


def test_the_fixture_course_has_one_key_idea_per_card() -> None:
    course = load_course(FIXTURE_COURSE_DIR, BUILT_IN.codes)
    for language in BUILT_IN.codes:
        for lesson in course.all_lessons(language):
            assert len(lesson.simple) == len(lesson.cards)
            assert lesson.simple_line(0) == lesson.simple[0]
            assert lesson.simple_line(len(lesson.cards)) is None
    assert findings(FIXTURE_COURSE_DIR) == ([], [])


def test_a_lesson_without_key_ideas_fails(course: Path) -> None:
    path = course / "nl" / f"{LESSON}.md"
    set_simple(path, None)
    assert findings(course)[0] == [f"{path}:2: no `simple:` key ideas (one plain line per card)"]


def test_one_key_idea_too_few_fails(course: Path) -> None:
    path = course / "fr" / f"{LESSON}.md"
    set_simple(path, ["Une idée.", "Une autre idée."])
    assert findings(course)[0] == [f"{path}:2: 2 `simple:` lines for 3 cards"]


def test_a_long_key_idea_fails_at_its_card(course: Path) -> None:
    path = course / "en" / f"{LESSON}.md"
    lesson = load_course(course, BUILT_IN.codes).lesson("en", LESSON)
    assert lesson is not None
    long_line = " ".join(["word"] * 31) + "."
    set_simple(path, [lesson.simple[0], long_line, lesson.simple[2]])
    problems, _ = findings(course)
    card = load_course(course, BUILT_IN.codes).lesson("en", LESSON)
    assert card is not None
    assert problems == [f"{path}:{card.cards[1].line}: simple line 2 has 31 words, at most 30"]


def test_three_sentences_or_a_copied_sentence_fail(course: Path) -> None:
    path = course / "en" / f"{LESSON}.md"
    lesson = load_course(course, BUILT_IN.codes).lesson("en", LESSON)
    assert lesson is not None
    copied = "It has no feelings."  # a sentence of the second card, word for word
    set_simple(path, ["One. Two. Three.", copied, lesson.simple[2]])
    problems, _ = findings(course)
    assert [p.split(": ", 1)[1] for p in problems] == [
        "simple line 1 has more than 2 sentences",
        "simple line 2 copies a sentence of its card; say it more simply",
    ]


def add_glossary_terms(content: Path, *terms: str) -> None:
    """Add the same terms, with a dummy definition, to the glossary of every language."""
    for language in BUILT_IN.codes:
        path = content / "glossary" / f"{language}.yaml"
        glossary = yaml.safe_load(path.read_text())
        glossary["terms"] += [{"id": t, "term": t, "definition": "A word."} for t in terms]
        path.write_text(yaml.safe_dump(glossary, allow_unicode=True))


def test_more_glossary_words_than_the_screen_explains_is_a_warning(course: Path) -> None:
    add_glossary_terms(course, "model", "prompt")
    path = course / "en" / f"{LESSON}.md"
    lesson = load_course(course, BUILT_IN.codes).lesson("en", LESSON)
    assert lesson is not None
    crowded = "A chatbot uses AI: a model that reads your prompt."
    set_simple(path, [crowded, *lesson.simple[1:]])
    problems, warnings = findings(course)
    assert problems == []
    (warning,) = warnings
    assert warning.endswith("simple line uses glossary words it cannot explain: prompt")


def test_practice_tasks_need_topics(course: Path) -> None:
    path = course / "en" / "safety" / "_module.yaml"
    module = yaml.safe_load(path.read_text())
    module["practice"][0]["topics"] = [["letter"]]
    path.write_text(yaml.safe_dump(module))
    assert findings(course)[0] == [f"{path}:1: task safety-clean-letter: 1 topic groups, 2 to 4"]
    del module["practice"][0]["topics"]
    path.write_text(yaml.safe_dump(module))
    assert findings(course)[0] == [f"{path}:1: task safety-clean-letter: 0 topic groups, 2 to 4"]
    module["practice"][0]["topics"] = "letter"
    path.write_text(yaml.safe_dump(module))
    (problem,) = findings(course)[0]
    assert "`topics` must be a list of groups" in problem


def test_the_listing_carries_the_key_ideas_and_the_quiz_ids(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["content", "list", "--json"]) == 0
    lessons = json.loads(capsys.readouterr().out)
    for listed in lessons:
        assert len(listed["simple"]) == len(listed["cards"])
        assert all(isinstance(line, str) and line for line in listed["simple"])
        assert all(item["id"] for item in listed["quiz"])
