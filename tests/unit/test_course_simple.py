"""The `simple:` key ideas of lessons and the `topics:` of practice tasks, checked and listed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from bot.cli import main
from bot.core.languages import BUILT_IN
from bot.course.loader import load_course
from tests.support.content_check import findings, set_front_matter
from tests.support.learning import FIXTURE_COURSE_DIR

LESSON = "basics/what-is-ai"


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
    set_front_matter(path, "simple", None)
    assert findings(course)[0] == [f"{path}:2: no `simple:` key ideas (one plain line per card)"]


def test_one_key_idea_too_few_fails(course: Path) -> None:
    path = course / "fr" / f"{LESSON}.md"
    set_front_matter(path, "simple", ["Une idée.", "Une autre idée."])
    assert findings(course)[0] == [f"{path}:2: 2 `simple:` lines for 3 cards"]


def test_a_long_key_idea_fails_at_its_card(course: Path) -> None:
    path = course / "en" / f"{LESSON}.md"
    lesson = load_course(course, BUILT_IN.codes).lesson("en", LESSON)
    assert lesson is not None
    long_line = " ".join(["word"] * 31) + "."
    set_front_matter(path, "simple", [lesson.simple[0], long_line, lesson.simple[2]])
    problems, _ = findings(course)
    card = load_course(course, BUILT_IN.codes).lesson("en", LESSON)
    assert card is not None
    assert problems == [f"{path}:{card.cards[1].line}: simple line 2 has 31 words, at most 30"]


def test_three_sentences_or_a_copied_sentence_fail(course: Path) -> None:
    path = course / "en" / f"{LESSON}.md"
    lesson = load_course(course, BUILT_IN.codes).lesson("en", LESSON)
    assert lesson is not None
    copied = "It has no feelings."  # a sentence of the second card, word for word
    set_front_matter(path, "simple", ["One. Two. Three.", copied, lesson.simple[2]])
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
    set_front_matter(path, "simple", [crowded, *lesson.simple[1:]])
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
