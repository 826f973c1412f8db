"""`tutor content check | list | stats` on the real course and on broken copies of it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from bot.cli import main
from bot.course.checks import check_content
from bot.course.loader import load_course
from bot.language import LanguageDetector
from bot.paths import PROJECT_ROOT

CONTENT = PROJECT_ROOT / "content"
LESSON = "basics/what-is-ai"


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    return LanguageDetector(min_confidence=0.5)


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
    report = check_content(content, None, detector.detect if detector else None)
    return [str(p) for p in report.problems]


def test_the_real_course_passes_every_check(detector: LanguageDetector) -> None:
    shared = PROJECT_ROOT.parent / "shared" / "syllabus.yaml"
    report = check_content(CONTENT, shared if shared.exists() else None, detector.detect)
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
    assert any("quiz item 2 differs from en" in p for p in found), found


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
    english = load_course(course_copy).lesson("en", LESSON)
    assert english is not None
    text = path.read_text()
    first_heading = text.index("\n## ", text.index("---\n", 4)) + 1
    card_end = text.index("\n## ", first_heading + 1)
    path.write_text(
        text[:first_heading] + f"## Test\n\n{english.cards[1].body}\n" + text[card_end:]
    )
    assert any("card reads as en, not nl" in p for p in problems(course_copy, detector))


def test_duplicated_card_across_lessons_fails(course_copy: Path) -> None:
    course = load_course(course_copy)
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


def test_content_list_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["content", "list", "--json"]) == 0
    lessons = json.loads(capsys.readouterr().out)
    assert len(lessons) == 43 * 3
    first = lessons[0]
    assert set(first) == {"id", "lang", "module", "title", "cards", "quiz"}
    assert all(isinstance(card, str) for card in first["cards"])
    assert set(first["quiz"][0]) == {"question", "options", "correct", "explanations"}
    assert isinstance(first["quiz"][0]["correct"], int)
    assert {lesson["lang"] for lesson in lessons} == {"fr", "nl", "en"}


def test_content_stats(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["content", "stats"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["lang", "lessons", "cards", "quiz", "words/sentence", "words/card"]
    rows = {line.split()[0]: line.split() for line in lines[1:]}
    assert set(rows) == {"fr", "nl", "en"}
    assert all(row[1] == "43" for row in rows.values())
    assert all(float(row[4]) <= 15 for row in rows.values())
