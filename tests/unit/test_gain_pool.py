"""The check-in/check-out pool in `content/checks/`: loaded with the course, checked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from bot.core.languages import BUILT_IN
from bot.course.checks import check_content
from bot.course.loader import load_course
from bot.paths import PROJECT_ROOT
from tests.support.fairness import UNLIMITED

CONTENT = PROJECT_ROOT / "content"
LANGUAGES = BUILT_IN.codes


def test_the_real_pool_has_the_same_two_forms_of_one_item_per_module_in_every_language() -> None:
    course = load_course(CONTENT, LANGUAGES)
    modules = sorted(module.id for module in course.modules["en"])
    reference = [(i.id, i.form, i.module, i.correct) for i in course.checks["en"]]
    for language in LANGUAGES:
        pool = course.checks[language]
        assert [(i.id, i.form, i.module, i.correct) for i in pool] == reference
        for form in ("A", "B"):
            assert sorted(i.module for i in course.check_form(language, form)) == modules
        lesson_questions = {
            item.question for ls in course.all_lessons(language) for item in ls.quiz
        }
        assert not lesson_questions & {item.question for item in pool}


def test_the_real_pool_is_fair_and_spreads_the_right_answers() -> None:
    report = check_content(CONTENT, LANGUAGES, "en")
    assert [str(p) for p in report.problems if "checks" in p.path] == []
    for figures in report.pool_fairness:
        assert figures.items == 20
        assert figures.positions == {"A": 5, "B": 5, "C": 5, "D": 5}
        assert figures.guesser_form_only - figures.chance <= 0.10
        assert figures.right_longest <= 0.33


@pytest.fixture
def course_copy(tmp_path: Path) -> Path:
    """The course reduced to its first module, with the pool's items of that module."""
    target = tmp_path / "content"
    outline = yaml.safe_load((CONTENT / "syllabus.yaml").read_text())
    outline["modules"] = outline["modules"][:1]
    module = outline["modules"][0]["id"]
    target.mkdir()
    (target / "syllabus.yaml").write_text(yaml.safe_dump(outline))
    (target / "checks").mkdir()
    for language in LANGUAGES:
        shutil.copytree(CONTENT / language / module, target / language / module)
        pool = yaml.safe_load((CONTENT / "checks" / f"{language}.yaml").read_text())
        pool["items"] = [item for item in pool["items"] if item["module"] == module]
        write_pool(target, language, pool)
    return target


def read_pool(content: Path, language: str) -> dict[str, list[dict[str, object]]]:
    data = yaml.safe_load((content / "checks" / f"{language}.yaml").read_text())
    assert isinstance(data, dict)
    return data


def write_pool(content: Path, language: str, pool: object) -> None:
    text = yaml.safe_dump(pool, allow_unicode=True, sort_keys=False)
    (content / "checks" / f"{language}.yaml").write_text(text)


def problems(content: Path) -> list[str]:
    report = check_content(content, LANGUAGES, "en", fairness_limits=UNLIMITED)
    return [str(p) for p in report.problems]


def test_the_copy_passes_before_breaking(course_copy: Path) -> None:
    assert problems(course_copy) == []
    assert len(load_course(course_copy, LANGUAGES).check_form("fr", "A")) == 1


def test_a_pool_question_that_a_lesson_asks_fails(course_copy: Path) -> None:
    lesson = load_course(course_copy, LANGUAGES).lesson("nl", "basics/what-is-ai")
    assert lesson is not None
    pool = read_pool(course_copy, "nl")
    pool["items"][1]["question"] = f"  {lesson.quiz[0].question.upper()} "
    write_pool(course_copy, "nl", pool)
    found = problems(course_copy)
    assert any(
        "checks/nl.yaml" in p and "the same as a quiz question of basics/what-is-ai" in p
        for p in found
    ), found


def test_ids_that_differ_across_languages_fail(course_copy: Path) -> None:
    pool = read_pool(course_copy, "fr")
    pool["items"][0]["id"] = "another-id"
    write_pool(course_copy, "fr", pool)
    found = problems(course_copy)
    assert any(
        "checks/fr.yaml" in p and "ids or their order differ from the en" in p for p in found
    )


def test_another_right_answer_in_one_language_fails(course_copy: Path) -> None:
    pool = read_pool(course_copy, "nl")
    item = pool["items"][0]
    item["correct"] = (int(item["correct"]) + 1) % 4  # type: ignore[call-overload]
    write_pool(course_copy, "nl", pool)
    found = problems(course_copy)
    assert any("checks/nl.yaml" in p and "differs from en" in p for p in found), found


def test_a_form_without_its_module_fails_and_so_does_a_missing_pool(course_copy: Path) -> None:
    for language in LANGUAGES:
        pool = read_pool(course_copy, language)
        pool["items"] = [item for item in pool["items"] if item["form"] == "A"]
        write_pool(course_copy, language, pool)
    (course_copy / "checks" / "nl.yaml").unlink()
    found = problems(course_copy)
    assert any("form B must ask one question per module: missing basics" in p for p in found)
    assert any(p.endswith("checks/nl.yaml:0: missing check pool") for p in found), found


def test_a_pool_a_guesser_beats_fails_the_fairness_check(course_copy: Path) -> None:
    for language in LANGUAGES:
        pool = read_pool(course_copy, language)
        for item in pool["items"]:
            options = item["options"]
            assert isinstance(options, list)
            right = int(item["correct"])  # type: ignore[call-overload]
            options[right] += " (and that is what the course teaches about it)"
        write_pool(course_copy, language, pool)
    report = check_content(course_copy, LANGUAGES, "en")
    assert any("check pool fairness" in p.message for p in report.problems)


def test_a_style_rule_applies_to_the_pool(course_copy: Path) -> None:
    shutil.copytree(CONTENT / "style", course_copy / "style")
    assert problems(course_copy) == []
    pool = read_pool(course_copy, "fr")
    explanations = pool["items"][0]["explanations"]
    assert isinstance(explanations, list)
    explanations[0] = "Non. Relisez vos chats avant de les envoyer."
    write_pool(course_copy, "fr", pool)
    assert any("checks/fr.yaml" in p and "chats" in p for p in problems(course_copy))


def test_a_date_the_facts_register_contradicts_fails_in_the_pool(course_copy: Path) -> None:
    shutil.copy(CONTENT / "facts.yaml", course_copy / "facts.yaml")
    pool = read_pool(course_copy, "fr")
    explanations = pool["items"][0]["explanations"]
    assert isinstance(explanations, list)
    explanations[1] = "Oui. Les règles pour l'IA à haut risque s'appliquent dès le 2 août 2026."
    write_pool(course_copy, "fr", pool)
    found = [p for p in problems(course_copy) if "checks/" in p]
    assert len(found) == 1
    assert "'2 août 2026' for fact 'ai-act-high-risk'" in found[0], found
