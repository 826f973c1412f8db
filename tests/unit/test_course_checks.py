"""`tutor content check | list | stats` on the real course and on broken copies of it."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from bot.cli import main
from bot.core.languages import BUILT_IN
from bot.course.checks import check_content
from bot.course.loader import load_course
from bot.language import LanguageDetector
from bot.paths import PROJECT_ROOT
from tests.support.fairness import UNLIMITED

CONTENT = PROJECT_ROOT / "content"
LESSON = "basics/what-is-ai"


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    return LanguageDetector(BUILT_IN, min_confidence=0.5)


@pytest.fixture
def course_copy(tmp_path: Path) -> Path:
    """A copy of the course reduced to its first module, to break at will."""
    target = tmp_path / "content"
    outline = yaml.safe_load((CONTENT / "syllabus.yaml").read_text())
    outline["modules"] = outline["modules"][:1]
    target.mkdir()
    (target / "syllabus.yaml").write_text(yaml.safe_dump(outline))
    for language in ("fr", "nl", "en"):
        shutil.copytree(CONTENT / language / "basics", target / language / "basics")
    return target


def problems(content: Path, detector: LanguageDetector | None = None) -> list[str]:
    report = check_content(
        content, BUILT_IN.codes, "en", None, detector.detect if detector else None
    )
    return [str(p) for p in report.problems]


def test_the_real_course_passes_every_check(detector: LanguageDetector) -> None:
    shared = PROJECT_ROOT.parent / "shared" / "syllabus.yaml"
    report = check_content(
        CONTENT, BUILT_IN.codes, "en", shared if shared.exists() else None, detector.detect
    )
    assert [str(p) for p in report.problems] == []
    assert len(report.readability) == 43 * 3


def test_copy_passes_before_breaking(course_copy: Path, detector: LanguageDetector) -> None:
    assert problems(course_copy, detector) == []


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_invalid_yaml_is_reported_with_file_and_line(course_copy: Path) -> None:
    path = course_copy / "en" / f"{LESSON}.md"
    edit(path, "title:", "title: [unclosed\nbroken:")
    found = problems(course_copy)
    assert any(p.startswith(f"{path}:") and "invalid YAML" in p for p in found), found


def test_missing_lesson_in_one_language(course_copy: Path) -> None:
    (course_copy / "nl" / f"{LESSON}.md").unlink()
    assert any("nl/basics/what-is-ai.md:0: missing lesson" in p for p in problems(course_copy))


def test_quiz_limits_and_parity(course_copy: Path) -> None:
    path = course_copy / "fr" / f"{LESSON}.md"
    meta_text = path.read_text().split("---\n")[1]
    meta = yaml.safe_load(meta_text)
    meta["quiz"][0]["options"][0] = "x" * 101
    meta["quiz"][1]["correct"] = (meta["quiz"][1]["correct"] + 1) % len(meta["quiz"][1]["options"])
    meta["quiz"] = meta["quiz"][:2] + meta["quiz"][2:]
    body = path.read_text().split("---\n", 2)[2]
    path.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body)
    found = problems(course_copy)
    assert any("quiz item 1: option" in p and "at most 100" in p for p in found), found
    item = meta["quiz"][1]["id"]
    assert any(f"quiz item 2 ({item}) differs from en" in p for p in found), found


def line_of(path: Path, text: str) -> int:
    """Return the number of the line of `path` where `text` starts."""
    content = path.read_text()
    assert content.count(text) == 1
    return content[: content.index(text)].count("\n") + 1


def lesson_files(content: Path) -> list[Path]:
    return [content / language / f"{LESSON}.md" for language in BUILT_IN.codes]


def swap_first_two_quiz_items(path: Path) -> None:
    """Swap the text of the first two quiz items, keeping the file as written."""
    text = path.read_text()
    first = text.index("  - id: best-description\n")
    second = text.index("  - id: cannot-feel\n")
    third = text.index("  - id: spam-filter\n")
    path.write_text(text[:first] + text[second:third] + text[first:second] + text[third:])


def test_a_quiz_item_without_id_fails_at_its_line(course_copy: Path) -> None:
    path = course_copy / "en" / f"{LESSON}.md"
    line = line_of(path, "  - id: cannot-feel\n")
    edit(path, "  - id: cannot-feel\n    question:", "  - question:")
    assert f"{path}:{line}: quiz item 2 needs an `id`, e.g. `spam-filter`" in problems(course_copy)


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("Cannot-Feel", "'Cannot-Feel'"),
        ("cannot_feel", "'cannot_feel'"),
        ("2-feelings", "'2-feelings'"),
        ("c", "'c'"),
        ("c" * 33, repr("c" * 33)),
        ("42", "42"),
    ],
)
def test_a_malformed_quiz_item_id_fails_at_its_line(
    course_copy: Path, written: str, shown: str
) -> None:
    path = course_copy / "nl" / f"{LESSON}.md"
    line = line_of(path, "  - id: cannot-feel\n")
    edit(path, "  - id: cannot-feel\n", f"  - id: {written}\n")
    found = problems(course_copy)
    assert any(
        p.startswith(f"{path}:{line}: quiz item 2: id {shown} must be kebab-case") for p in found
    ), found


def test_the_longest_and_shortest_ids_pass(course_copy: Path) -> None:
    for path in lesson_files(course_copy):
        edit(path, "  - id: cannot-feel\n", f"  - id: {'c' * 32}\n")
        edit(path, "  - id: spam-filter\n", "  - id: s2\n")
    assert problems(course_copy) == []


def test_a_duplicate_quiz_item_id_fails_in_every_language(course_copy: Path) -> None:
    expected = []
    for path in lesson_files(course_copy):
        line = line_of(path, "  - id: spam-filter\n")
        edit(path, "  - id: spam-filter\n", "  - id: cannot-feel\n")
        expected.append(
            f"{path}:{line}: quiz item 3: id 'cannot-feel' is already used by quiz item 2"
        )
    assert problems(course_copy) == expected


def test_a_quiz_item_id_that_differs_from_english_fails(course_copy: Path) -> None:
    path = course_copy / "fr" / f"{LESSON}.md"
    line = line_of(path, "  - id: who-decides\n")
    edit(path, "  - id: who-decides\n", "  - id: qui-decide\n")
    assert problems(course_copy) == [
        f"{path}:{line}: quiz item 4: id 'qui-decide', but 'who-decides' in en"
    ]


def test_quiz_items_in_another_order_than_english_fail(course_copy: Path) -> None:
    path = course_copy / "nl" / f"{LESSON}.md"
    swap_first_two_quiz_items(path)
    first, second = (
        line_of(path, "  - id: cannot-feel\n"),
        line_of(path, "  - id: best-description\n"),
    )
    assert problems(course_copy) == [
        f"{path}:{first}: quiz item 1: id 'cannot-feel', but 'best-description' in en",
        f"{path}:{second}: quiz item 2: id 'best-description', but 'cannot-feel' in en",
    ]


def test_quiz_items_may_change_order_in_every_language(course_copy: Path) -> None:
    for path in lesson_files(course_copy):
        swap_first_two_quiz_items(path)
    assert problems(course_copy) == []
    lesson = load_course(course_copy, BUILT_IN.codes).lesson("fr", LESSON)
    assert lesson is not None
    assert [item.id for item in lesson.quiz][:2] == ["cannot-feel", "best-description"]


def test_a_correct_answer_that_differs_for_an_id_fails(course_copy: Path) -> None:
    path = course_copy / "nl" / f"{LESSON}.md"
    line = line_of(path, "  - id: cannot-feel\n")
    text = path.read_text()
    start, end = text.index("  - id: cannot-feel\n"), text.index("  - id: spam-filter\n")
    item = text[start:end]
    assert "    correct: 0\n" in item
    path.write_text(
        text[:start] + item.replace("    correct: 0\n", "    correct: 1\n") + text[end:]
    )
    assert problems(course_copy) == [
        f"{path}:{line}: quiz item 2 (cannot-feel) differs from en "
        "(number of options or correct index)"
    ]


def test_long_cards_fail_at_their_line(course_copy: Path) -> None:
    path = course_copy / "en" / f"{LESSON}.md"
    text = path.read_text()
    heading_at = text.index("\n## ", text.index("---\n", 4)) + 1
    line_of_card = text[:heading_at].count("\n") + 1
    long_card = "## Too long\n\n" + "Short words here. " * 30 + "\n\n"
    path.write_text(text[:heading_at] + long_card + text[heading_at:])
    found = problems(course_copy)
    assert f"{path}:{line_of_card}: card has 92 words, at most 90" in found, found


def test_long_sentences_on_average_fail(course_copy: Path) -> None:
    path = course_copy / "fr" / f"{LESSON}.md"
    front, body = path.read_text().rsplit("\n---\n", 1)[0], ""
    sentence = " ".join(["mot"] * 25) + "."
    for number in range(3):
        body += f"## Carte {number}\n\n{sentence} {sentence}\n\n"
    path.write_text(front + "\n---\n" + body)
    found = problems(course_copy)
    assert any(
        p.startswith(f"{path}:1:") and "words per sentence on average" in p for p in found
    ), found


def test_card_in_the_wrong_language_fails(course_copy: Path, detector: LanguageDetector) -> None:
    path = course_copy / "nl" / f"{LESSON}.md"
    english = load_course(course_copy, BUILT_IN.codes).lesson("en", LESSON)
    assert english is not None
    text = path.read_text()
    first_heading = text.index("\n## ", text.index("---\n", 4)) + 1
    card_end = text.index("\n## ", first_heading + 1)
    path.write_text(
        text[:first_heading] + f"## Test\n\n{english.cards[1].body}\n" + text[card_end:]
    )
    assert any("card reads as en, not nl" in p for p in problems(course_copy, detector))


def test_duplicated_card_across_lessons_fails(course_copy: Path) -> None:
    course = load_course(course_copy, BUILT_IN.codes)
    other = course.lesson("en", "basics/ai-in-daily-life")
    assert other is not None
    path = course_copy / "en" / f"{LESSON}.md"
    path.write_text(path.read_text() + f"\n## Copied\n\n{other.cards[1].body}\n")
    found = problems(course_copy)
    assert any(
        "ai-in-daily-life.md" in p and "repeats a card of basics/what-is-ai" in p for p in found
    )


def test_content_check_command_exits_non_zero_on_problems(
    course_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TUTOR_CONTENT_DIR", str(course_copy))
    assert (
        main(
            ["content", "check", "--no-language", "--syllabus", str(course_copy / "syllabus.yaml")]
        )
        == 0
    )
    (course_copy / "fr" / f"{LESSON}.md").unlink()
    assert (
        main(
            ["content", "check", "--no-language", "--syllabus", str(course_copy / "syllabus.yaml")]
        )
        == 1
    )
    assert "missing lesson" in capsys.readouterr().err


def test_a_language_folder_that_is_not_offered_is_a_warning_only(
    course_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TUTOR_CONTENT_DIR", str(course_copy))
    monkeypatch.setenv("TUTOR_LANGUAGES", "fr,en")
    # Broken, but not checked: Dutch is not offered.
    (course_copy / "nl" / f"{LESSON}.md").unlink()

    code = main(
        ["content", "check", "--no-language", "--syllabus", str(course_copy / "syllabus.yaml")]
    )

    assert code == 0
    output = capsys.readouterr()
    # The quiz-fairness warnings of the current course aside (see test_course_fairness.py).
    assert [line for line in output.err.splitlines() if "quiz fairness" not in line] == [
        f"WARNING {course_copy / 'nl'}:0: 'nl' is not one of the languages (fr, en), "
        "so its lessons are neither checked nor offered"
    ]
    assert "Content OK: 10 lessons checked." in output.out


def test_the_glossary_folder_is_no_language(course_copy: Path) -> None:
    (course_copy / "glossary").mkdir()
    report = check_content(course_copy, BUILT_IN.codes, "en")
    assert [w for w in report.warnings if "quiz fairness" not in w.message] == []


def test_content_list_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["content", "list", "--json"]) == 0
    lessons = json.loads(capsys.readouterr().out)
    assert len(lessons) == 43 * 3
    first = lessons[0]
    assert set(first) == {"id", "lang", "module", "title", "cards", "simple", "quiz"}
    assert all(isinstance(card, str) for card in first["cards"])
    assert set(first["quiz"][0]) == {"id", "question", "options", "correct", "explanations"}
    assert isinstance(first["quiz"][0]["correct"], int)
    assert {lesson["lang"] for lesson in lessons} == {"fr", "nl", "en"}
    course = load_course(CONTENT, BUILT_IN.codes)
    for listed in lessons:
        lesson = course.lesson(listed["lang"], listed["id"])
        assert lesson is not None
        assert [item["id"] for item in listed["quiz"]] == [item.id for item in lesson.quiz]
    assert [item["id"] for item in first["quiz"]] == [
        "best-description",
        "cannot-feel",
        "spam-filter",
        "who-decides",
    ]


def test_content_stats(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["content", "stats"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["lang", "lessons", "cards", "quiz", "words/sentence", "words/card"]
    rows = {line.split()[0]: line.split() for line in lines[1:]}
    assert set(rows) == {"fr", "nl", "en"}
    assert all(row[1] == "43" for row in rows.values())
    assert all(float(row[4]) <= 15 for row in rows.values())


# The facts register and the style sheets, on the first module's copy.

FACTS = r"""patterns:
  date:
    en: '\b(?:\d{1,2} )?(?:May|August|December) \d{4}\b'
    fr: '\b(?:\d{1,2} )?(?:mai|août|décembre) \d{4}\b'
    nl: '\b(?:\d{1,2} )?(?:mei|augustus|december) \d{4}\b'
facts:
  - id: robot-law
    statement: The robot law applies from 2 December 2027.
    kind: date
    value: {en: 2 December 2027, fr: 2 décembre 2027, nl: 2 december 2027}
    cues: {en: [robot law], fr: [loi robot], nl: [robotwet]}
    lessons: [basics/what-is-ai]
    source: {name: Official Journal, url: https://eur-lex.europa.eu}
    checked: 2026-12-01
"""
ROBOT_LAW = {
    "en": "The robot law applies from 2 December 2027.",
    "fr": "La loi robot s'applique à partir du 2 décembre 2027.",
    "nl": "De robotwet geldt vanaf 2 december 2027.",
}
TODAY = date(2027, 1, 15)


def first_card_line(path: Path) -> int:
    text = path.read_text()
    return text[: text.index("\n## ", text.index("---\n", 4)) + 1].count("\n") + 1


@pytest.fixture
def with_facts(course_copy: Path) -> Path:
    """The copy with a register of one fact, stated in the first card of every language."""
    (course_copy / "facts.yaml").write_text(FACTS)
    for language, sentence in ROBOT_LAW.items():
        path = course_copy / language / f"{LESSON}.md"
        text = path.read_text()
        heading_end = text.index("\n\n", text.index("\n## ", text.index("---\n", 4)) + 1)
        path.write_text(text[:heading_end] + f"\n\n{sentence}" + text[heading_end:])
    return course_copy


def fact_report(content: Path, today: date = TODAY) -> tuple[list[str], list[str]]:
    report = check_content(content, BUILT_IN.codes, "en", today=today, fairness_limits=UNLIMITED)
    return [str(p) for p in report.problems], [str(w) for w in report.warnings]


def test_a_lesson_that_states_the_registered_value_passes(with_facts: Path) -> None:
    assert fact_report(with_facts) == ([], [])


def test_another_date_for_a_registered_fact_fails_at_its_card(with_facts: Path) -> None:
    path = with_facts / "fr" / f"{LESSON}.md"
    edit(path, "2 décembre 2027", "2 août 2026")
    found, _ = fact_report(with_facts)
    assert found == [
        f"{path}:{first_card_line(path)}: states '2 août 2026' for fact 'robot-law'; "
        "the facts register says '2 décembre 2027'",
        f"{path}:{first_card_line(path)}: does not state fact 'robot-law' ('2 décembre 2027') "
        "any more, but the facts register lists it here: update the text or the register",
    ]


def test_a_date_in_a_sentence_without_a_cue_is_left_alone(with_facts: Path) -> None:
    path = with_facts / "en" / f"{LESSON}.md"
    edit(
        path,
        "The robot law applies from 2 December 2027.",
        "It applies from 2 December 2027. Shops opened on 1 May 2026.",
    )
    assert fact_report(with_facts) == ([], [])


def test_a_listed_lesson_that_no_longer_states_the_fact_fails(with_facts: Path) -> None:
    path = with_facts / "nl" / f"{LESSON}.md"
    edit(path, "De robotwet geldt vanaf 2 december 2027.", "De robotwet komt later.")
    found, _ = fact_report(with_facts)
    assert len(found) == 1
    assert found[0].startswith(f"{path}:")
    assert "does not state fact 'robot-law' ('2 december 2027') any more" in found[0]


def test_a_fact_checked_more_than_six_months_ago_is_a_warning(with_facts: Path) -> None:
    register = with_facts / "facts.yaml"
    assert fact_report(with_facts, date(2027, 6, 1)) == ([], [])
    found, warnings = fact_report(with_facts, date(2027, 6, 2))
    assert found == []
    assert warnings == [
        f"{register}:7: fact 'robot-law' was last checked on 2026-12-01, more than 6 months "
        "ago: check it at https://eur-lex.europa.eu and update `checked`"
    ]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "lessons: [basics/what-is-ai]",
            "lessons: [basics/what-is-it]",
            "no lesson 'basics/what-is-it'",
        ),
        ("kind: date", "kind: rumour", "`kind` must be one of"),
        ("checked: 2026-12-01", "checked: soon", "`checked` must be a date"),
        ("nl: 2 december 2027}", "}", "has no nl value"),
    ],
)
def test_a_malformed_fact_fails_at_its_line(
    with_facts: Path, old: str, new: str, message: str
) -> None:
    register = with_facts / "facts.yaml"
    edit(register, old, new)
    found, _ = fact_report(with_facts)
    assert any(p.startswith(f"{register}:7: fact 'robot-law'") and message in p for p in found), (
        found
    )


STYLE = """\
rules:
  - use: datums
    avoid: [data]
    allow: [ook wel data genoemd]
    why: data are gegevens
  - use: Juist.
    avoid: [Ja.]
    at_start: true
"""


def test_a_variant_the_style_sheet_avoids_fails_where_it_is_written(course_copy: Path) -> None:
    (course_copy / "style").mkdir()
    (course_copy / "style" / "nl.yaml").write_text(STYLE)
    path = course_copy / "nl" / f"{LESSON}.md"
    line = first_card_line(path)
    text = path.read_text()
    heading_end = text.index("\n\n", text.index("\n## ", text.index("---\n", 4)) + 1)
    path.write_text(
        text[:heading_end]
        + "\n\nNoteer de DATA van je afspraken. Gegevens, ook wel data genoemd, tellen. Ja."
        + text[heading_end:]
    )
    assert problems(course_copy) == [
        f"{path}:{line}: write 'datums', not 'DATA' (data are gegevens)"
    ]


def test_a_start_only_rule_checks_the_start_of_an_explanation(course_copy: Path) -> None:
    (course_copy / "style").mkdir()
    (course_copy / "style" / "nl.yaml").write_text(STYLE)
    path = course_copy / "nl" / f"{LESSON}.md"
    line = line_of(path, "  - id: cannot-feel\n")
    text = path.read_text()
    start = text.index("  - id: cannot-feel\n")
    explanation = text.index('      - "Juist.', start)
    path.write_text(
        text[:explanation] + '      - "Ja.' + text[explanation + len('      - "Juist.') :]
    )
    assert problems(course_copy) == [f"{path}:{line}: write 'Juist.', not 'Ja.'"]


def test_style_sheets_apply_to_module_files_and_the_glossary(course_copy: Path) -> None:
    (course_copy / "style").mkdir()
    (course_copy / "style" / "en.yaml").write_text("rules:\n  - use: email\n    avoid: [e-mail]\n")
    shutil.copytree(CONTENT / "glossary", course_copy / "glossary")
    module = course_copy / "en" / "basics" / "_module.yaml"
    edit(module, "Ask a chatbot", "Send an e-mail to a chatbot")
    glossary = course_copy / "glossary" / "en.yaml"
    text = glossary.read_text()
    glossary.write_text(text.replace('definition: "', 'definition: "An e-mail word. ', 1))
    found = problems(course_copy)
    assert any(p.startswith(f"{module}:") and "not 'e-mail'" in p for p in found), found
    assert any(p.startswith(f"{glossary}:") and "not 'e-mail'" in p for p in found), found


def test_the_style_folder_is_no_language(course_copy: Path) -> None:
    (course_copy / "style").mkdir()
    report = check_content(course_copy, BUILT_IN.codes, "en", fairness_limits=UNLIMITED)
    assert report.warnings == []


def test_a_glossary_term_may_name_only_a_lesson_of_the_syllabus(course_copy: Path) -> None:
    shutil.copytree(CONTENT / "glossary", course_copy / "glossary")
    glossary = course_copy / "glossary" / "en.yaml"
    text = glossary.read_text()
    glossary.write_text(text.replace("lesson: chatbots/how-llms-work", "lesson: chatbots/nowhere"))

    found = problems(course_copy)

    assert f"{glossary}:1: glossary term chatbot: no lesson chatbots/nowhere" in found
